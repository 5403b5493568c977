import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldRange } from '../../../electron/backend/tools/api-console/fold-range';
import { indexLines } from '../../../electron/backend/tools/api-console/line-index';
import { createResponseStore } from '../../../electron/backend/tools/api-console/response-store';

const pretty = (value: unknown) => indexLines(JSON.stringify(value, null, 2));

/** Reference from the layout alone: a pretty print's closer is the next line at the opener's indent starting with } or ]. */
function referenceFolds(text: string): Map<number, number> {
  const lines = text.split('\n');
  const folds = new Map<number, number>();
  lines.forEach((line, at) => {
    if (!line.endsWith('{') && !line.endsWith('[')) return;
    const indent = line.length - line.trimStart().length;
    for (let next = at + 1; next < lines.length; next++) {
      const other = lines[next]!;
      if (other.length - other.trimStart().length === indent && /^[}\]]/.test(other.trimStart())) {
        folds.set(at, next);
        break;
      }
    }
  });
  return folds;
}

describe('foldRange', () => {
  it('finds the closing line of nested objects and arrays', () => {
    const index = pretty({ data: [{ id: 1, tags: ['a', 'b'] }, { id: 2 }], meta: { next: null } });
    // 0 {  1 "data": [  2 {  3 "id": 1,  4 "tags": [  5 "a",  6 "b"  7 ]  8 },  9 {  10 "id": 2  11 }  12 ],  13 "meta": {  14 "next": null  15 }  16 }
    expect(foldRange(index, 0)).toEqual({ start: 0, end: 16 });
    expect(foldRange(index, 1)).toEqual({ start: 1, end: 12 });
    expect(foldRange(index, 2)).toEqual({ start: 2, end: 8 });
    expect(foldRange(index, 4)).toEqual({ start: 4, end: 7 });
    expect(foldRange(index, 13)).toEqual({ start: 13, end: 15 });
  });

  it('skips brackets, escaped quotes and escaped backslashes inside strings', () => {
    const value = { 'key with } and ]': { a: 'text with { [ "quoted" } ] \\', b: '\\"}', c: ['\\', '"]"', '{'] }, after: 1 };
    const index = pretty(value);
    const text = JSON.stringify(value, null, 2);
    for (const [start, end] of referenceFolds(text)) expect(foldRange(index, start)).toEqual({ start, end });
    expect(foldRange(index, 0)).toEqual({ start: 0, end: index.lineCount - 1 });
    expect(foldRange(index, 1)).toEqual({ start: 1, end: 9 });
  });

  it('gives null for scalars, empty containers, the last line and lines out of range', () => {
    const index = pretty({ empty: {}, none: [], n: 1, s: 'ends with {' });
    expect(foldRange(index, 1)).toBeNull(); // "empty": {},
    expect(foldRange(index, 2)).toBeNull(); // "none": [],
    expect(foldRange(index, 3)).toBeNull();
    expect(foldRange(index, 4)).toBeNull(); // a string ending with { is not an opener
    expect(foldRange(index, index.lineCount - 1)).toBeNull();
    expect(foldRange(index, index.lineCount)).toBeNull();
    expect(foldRange(pretty([]), 0)).toBeNull();
    expect(foldRange(pretty({}), 0)).toBeNull();
  });

  it('gives null for a text body whose brackets never balance, and handles \\r\\n lines', () => {
    expect(foldRange(indexLines('<div>\nfunction x() {\n  return 1;\n'), 1)).toBeNull();
    expect(foldRange(indexLines('{\r\n  "a": [\r\n    1\r\n  ]\r\n}\r\n'), 1)).toEqual({ start: 1, end: 3 });
    expect(foldRange(indexLines('{\r\n  "a": [\r\n    1\r\n  ]\r\n}\r\n'), 0)).toEqual({ start: 0, end: 4 });
  });

  it('agrees with the layout reference on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 2);
        const index = indexLines(text);
        const folds = referenceFolds(text);
        for (let line = 0; line < index.lineCount; line++) expect(foldRange(index, line)).toEqual(folds.has(line) ? { start: line, end: folds.get(line)! } : null);
      }),
      { numRuns: 300 },
    );
  });

  it('prints a pending body first, as lines and search do', () => {
    const store = createResponseStore();
    let built = 0;
    const value = { data: [{ id: 1 }] };
    const { responseId } = store.putPending({ build: () => (built++, JSON.stringify(value, null, 2)), lineCount: 7, estimatedChars: 50 });
    expect(built).toBe(0);
    expect(store.fold(responseId, 1)).toEqual({ start: 1, end: 5 });
    expect(built).toBe(1);
    expect(() => store.fold('resp_gone', 0)).toThrow(/no longer kept/);
  });
});
