// api.send answers a JSON body's line count and first lines before printing it whole: they must be
// exactly what the full print (JSON.stringify(value, null, 2), then the line index) hands out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines, MAX_LINE_CHARS, sliceLines } from '../../../electron/backend/tools/api-console/line-index';
import { countPrettyLines, firstPrettyLines } from '../../../electron/backend/tools/api-console/pretty-lines';
import { createResponseStore } from '../../../electron/backend/tools/api-console/response-store';

const full = (value: unknown) => indexLines(JSON.stringify(value, null, 2));

const agrees = (value: unknown, count: number) => {
  const index = full(value);
  expect(countPrettyLines(value)).toBe(index.lineCount);
  expect(firstPrettyLines(value, count)).toEqual(sliceLines(index, 0, count));
};

describe('pretty lines', () => {
  it('count and first lines agree with the full print on any parsed JSON', () => {
    // Parsed from text, as api.send gets them: "__proto__" keys, integer-like keys, empty containers.
    const text = fc.oneof(fc.json({ maxDepth: 6 }), fc.constantFrom('{"__proto__":{"a":[]},"b":{}}', '{"b":1,"2":[],"1":{"x":null}}', '[[],{},[[]],""]', '"a\\nb"', '12'));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (json, count) => {
        agrees(JSON.parse(json) as unknown, count);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps trailing commas and indentation at the cut, and cuts long lines as the index does', () => {
    const value = JSON.parse(`{"data":[${Array.from({ length: 50 }, (_, i) => `{"id":${i},"tags":["a","b"],"c":{"e":"x"}}`).join(',')}],"long":"${'y'.repeat(MAX_LINE_CHARS + 5)}","meta":{"next_cursor":null}}`) as unknown;
    for (const count of [0, 1, 2, 3, 9, 10, 11, 12, 200, 1_000]) agrees(value, count);
    const withLong = JSON.parse(`["${'z'.repeat(MAX_LINE_CHARS + 1)}",1]`) as unknown;
    expect(firstPrettyLines(withLong, 3)[1]).toMatch(/…\[line cut: 20,006 characters\]$/);
    agrees(withLong, 3);
  });
});

describe('response store: bodies printed after the answer', () => {
  const value = JSON.parse('{"a":[1,2,3],"b":"Text"}') as unknown;
  const pending = () => {
    let builds = 0;
    const build = () => {
      builds += 1;
      return JSON.stringify(value, null, 2);
    };
    return { body: { build, lineCount: countPrettyLines(value), estimatedChars: 30 }, builds: () => builds };
  };

  it('builds a pending body once: on settle or on the first lines or search asked', () => {
    const store = createResponseStore();
    const first = pending();
    const a = store.putPending(first.body);
    expect(first.builds()).toBe(0);
    expect(store.lines(a.responseId, 1, 2)).toEqual({ start: 1, lines: ['  "a": [', '    1,'], totalLines: 8 });
    store.settle(a.responseId);
    expect(store.search(a.responseId, 'text', 5)).toEqual({ lines: [6], truncated: false });
    expect(first.builds()).toBe(1);

    const second = pending();
    const b = store.putPending(second.body);
    store.settle(b.responseId);
    store.settle(b.responseId);
    expect(second.builds()).toBe(1);
    expect(store.lines(b.responseId, 7, 5).lines).toEqual(['}']);
    expect(second.builds()).toBe(1);
    store.settle('resp_gone');
  });

  it('counts a pending body by its estimate for the budget and evicts it like any other', () => {
    const store = createResponseStore({ maxChars: 50 });
    const first = pending();
    const a = store.putPending({ ...first.body, estimatedChars: 40 });
    store.put('x'.repeat(20));
    expect(store.size()).toBe(1);
    expect(() => store.lines(a.responseId, 0, 1)).toThrow(/no longer kept/);
    expect(first.builds()).toBe(0);
  });
});
