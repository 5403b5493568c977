import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines, lineAt, lineOfOffset, MAX_LINE_CHARS, searchLines, sliceLines } from '../../../electron/backend/tools/api-console/line-index';
import { prettyBody } from '../../../electron/backend/tools/api-console/pretty-body';
import { createResponseStore } from '../../../electron/backend/tools/api-console/response-store';

const reference = (text: string): string[] => {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
};

describe('line index', () => {
  it('agrees with split("\\n") on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é') , maxLength: 200 }), (text) => {
        const index = indexLines(text);
        const expected = reference(text);
        expect(index.lineCount).toBe(expected.length);
        expect(sliceLines(index, 0, index.lineCount)).toEqual(expected);
      }),
    );
  });

  it('slices a window, clamps past the end, maps offsets to lines', () => {
    const index = indexLines('zero\none\ntwo\nthree');
    expect(sliceLines(index, 1, 2)).toEqual(['one', 'two']);
    expect(sliceLines(index, 3, 10)).toEqual(['three']);
    expect(sliceLines(index, 9, 10)).toEqual([]);
    expect(lineOfOffset(index, 0)).toBe(0);
    expect(lineOfOffset(index, 5)).toBe(1);
    expect(lineOfOffset(index, 13)).toBe(3);
  });

  it('cuts very long lines when handing them out', () => {
    const index = indexLines(`${'x'.repeat(MAX_LINE_CHARS + 10)}\nshort`);
    expect(lineAt(index, 0)).toMatch(/…\[line cut: 20,010 characters\]$/);
    expect(lineAt(index, 1)).toBe('short');
  });

  it('searches case-insensitively, one hit per line, with a limit', () => {
    const index = indexLines('Alpha beta\nalpha ALPHA\ngamma\nALPHABET');
    expect(searchLines(index, 'alpha', 10)).toEqual({ lines: [0, 1, 3], truncated: false });
    expect(searchLines(index, 'alpha', 2)).toEqual({ lines: [0, 1], truncated: true });
    expect(searchLines(index, 'delta', 10)).toEqual({ lines: [], truncated: false });
  });

  it('indexes a pretty-printed 50 MB JSON answer into one string and a Uint32Array', () => {
    const item = { id: 1, subject: 'A fairly ordinary ticket subject', tags: ['a', 'b'], customer: { email: 'x@example.com', name: 'X' } };
    const count = 300_000;
    const raw = `{"data":[${Array.from({ length: count }, (_, i) => JSON.stringify({ ...item, id: i })).join(',')}],"meta":{"next_cursor":"abc"}}`;
    expect(raw.length).toBeGreaterThan(30_000_000);
    const pretty = prettyBody(raw, 'application/json');
    expect(pretty.isJson).toBe(true);
    expect(pretty.nextCursor).toBe('abc');
    const index = indexLines(pretty.text);
    expect(index.starts).toBeInstanceOf(Uint32Array);
    expect(index.lineCount).toBe(pretty.text.split('\n').length);
    expect(sliceLines(index, 0, 3)).toEqual(['{', '  "data": [', '    {']);
    const hit = searchLines(index, '"id": 299999', 5);
    expect(hit.lines).toHaveLength(1);
    expect(lineAt(index, hit.lines[0]!)).toBe('      "id": 299999,');
  });
});

describe('response store', () => {
  it('keeps the last few responses and says when one is gone', () => {
    const store = createResponseStore({ maxEntries: 2 });
    const a = store.put('a\nb');
    const b = store.put('c');
    store.lines(a.responseId, 0, 1); // a is now the most recent
    store.put('d');
    expect(store.size()).toBe(2);
    expect(store.lines(a.responseId, 0, 5).lines).toEqual(['a', 'b']);
    expect(() => store.lines(b.responseId, 0, 1)).toThrow(/no longer kept/);
  });
});

describe('pretty body', () => {
  it('pretty-prints JSON and reads Gorgias errors; leaves HTML and broken JSON as text', () => {
    expect(prettyBody('{"a":[1,2]}', 'application/json').text).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyBody('{"error":{"msg":"Unauthorized."}}', 'application/json').errorMessage).toBe('Unauthorized.');
    expect(prettyBody('<html>nope</html>', 'text/html')).toMatchObject({ isJson: false, text: '<html>nope</html>' });
    expect(prettyBody('{"cut":', 'application/json')).toMatchObject({ isJson: false, text: '{"cut":' });
  });
});
