import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines, lineAt, lineOfOffset, MAX_LINE_CHARS, searchLines, sliceLines } from '../../../electron/backend/tools/api-console/line-index';
import { prettyBody } from '../../../electron/backend/tools/api-console/pretty-body';
import { createResponseStore, MAX_STORED_CHARS } from '../../../electron/backend/tools/api-console/response-store';

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

  it('indexes texts with far more lines than its first guess (the starts array grows)', () => {
    // One line per 2 characters: 16× the first guess (length / 32), so the array doubles a few times.
    const lines = Array.from({ length: 50_000 }, (_, i) => String(i % 10));
    for (const text of [lines.join('\n'), `${lines.join('\n')}\n`, `\n\n${lines.join('\r\n')}`]) {
      const index = indexLines(text);
      const expected = reference(text);
      expect(index.lineCount).toBe(expected.length);
      expect(index.starts.length).toBe(expected.length);
      expect(sliceLines(index, 0, index.lineCount)).toEqual(expected);
    }
    // And a long text with few lines gets an exact, small array.
    const sparse = indexLines(`${'x'.repeat(100_000)}\ny`);
    expect(sparse.starts).toEqual(new Uint32Array([0, 100_001]));
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

  it('keeps at most 100 M characters by default: one big answer plus small ones, never less than the newest', () => {
    expect(MAX_STORED_CHARS).toBe(100_000_000);
    const store = createResponseStore({ maxChars: 100 });
    const big = store.put('b'.repeat(60));
    const small = store.put('s'.repeat(30));
    expect(store.size()).toBe(2);
    // A third body over the budget evicts the least recently used one (big: small was used last).
    store.lines(small.responseId, 0, 1);
    const other = store.put('o'.repeat(30));
    expect(store.size()).toBe(2);
    expect(() => store.lines(big.responseId, 0, 1)).toThrow(/no longer kept/);
    expect(store.lines(other.responseId, 0, 1).lines).toEqual(['o'.repeat(30)]);
    // A body alone over the budget is still kept.
    const huge = store.put('h'.repeat(500));
    expect(store.size()).toBe(1);
    expect(store.lines(huge.responseId, 0, 1).totalLines).toBe(1);
  });

  it('drops older search copies before older bodies when over the budget', () => {
    const store = createResponseStore({ maxChars: 100 });
    const big = store.put('Big\n'.repeat(15)); // 60 characters, 120 once searched
    expect(store.search(big.responseId, 'big', 100).lines).toHaveLength(15);
    const small = store.put('small');
    // 60 + 60 (search copy) + 5 is over 100: the copy goes, both bodies stay.
    expect(store.size()).toBe(2);
    expect(store.lines(big.responseId, 0, 1).lines).toEqual(['Big']);
    expect(store.search(big.responseId, 'BIG', 1)).toEqual({ lines: [0], truncated: true });
    expect(store.lines(small.responseId, 0, 1).lines).toEqual(['small']);
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
