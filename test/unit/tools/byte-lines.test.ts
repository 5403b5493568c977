// A kept body as bytes and line starts: slicing, long-line cuts, search and fold ranges agree with
// plain string references on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTextLines, foldRange, indexTextLines, lineAt, lineOfOffset, MAX_LINE_BYTES, searchLines, sliceLines, type ByteLines } from '../../../electron/backend/tools/api-console/byte-lines';

const textLines = (text: string): ByteLines => {
  const bytes = new TextEncoder().encode(text);
  const starts = new Uint32Array(countTextLines(bytes));
  return { bytes, starts, lineCount: indexTextLines(bytes, starts) };
};
const pretty = (value: unknown) => textLines(JSON.stringify(value, null, 2));

const reference = (text: string): string[] => {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
};

/** From the layout alone: a pretty print's closer is the next line at the opener's indent starting with } or ]. */
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

describe('byte lines', () => {
  it('agrees with split("\\n") on any text, multi-byte characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é', '☃', '𝄞'), maxLength: 200 }), (text) => {
        const index = textLines(text);
        const expected = reference(text);
        expect(index.lineCount).toBe(expected.length);
        expect(sliceLines(index, 0, index.lineCount)).toEqual(expected);
      }),
    );
  });

  it('slices a window, clamps past the end, maps byte offsets to lines', () => {
    const index = textLines('zero\none\ntwo\nthree');
    expect(sliceLines(index, 1, 2)).toEqual(['one', 'two']);
    expect(sliceLines(index, 3, 10)).toEqual(['three']);
    expect(sliceLines(index, 9, 10)).toEqual([]);
    expect(lineOfOffset(index, 0)).toBe(0);
    expect(lineOfOffset(index, 5)).toBe(1);
    expect(lineOfOffset(index, 13)).toBe(3);
  });

  it('cuts very long lines on a character boundary when handing them out', () => {
    const index = textLines(`${'x'.repeat(MAX_LINE_BYTES - 1)}é${'y'.repeat(10)}\nshort`);
    const cut = lineAt(index, 0);
    expect(cut).toMatch(/…\[line cut: 20,011 bytes\]$/);
    expect(cut.startsWith(`${'x'.repeat(MAX_LINE_BYTES - 1)} …`)).toBe(true);
    expect(lineAt(index, 1)).toBe('short');
  });

  it('searches case-insensitively (ASCII), one hit per line, with a limit', () => {
    const index = textLines('Alpha beta\nalpha ALPHA\ngamma\nALPHABET\nÉté été');
    expect(searchLines(index, 'alpha', 10)).toEqual({ lines: [0, 1, 3], truncated: false });
    expect(searchLines(index, 'ALPHA', 2)).toEqual({ lines: [0, 1], truncated: true });
    expect(searchLines(index, 'delta', 10)).toEqual({ lines: [], truncated: false });
    expect(searchLines(index, 'été', 10)).toEqual({ lines: [4], truncated: false });
    expect(searchLines(index, '', 10)).toEqual({ lines: [], truncated: false });
  });
});

describe('foldRange', () => {
  it('finds the closing line of nested objects and arrays', () => {
    const index = pretty({ data: [{ id: 1, tags: ['a', 'b'] }, { id: 2 }], meta: { next: null } });
    expect(foldRange(index, 0)).toEqual({ start: 0, end: 16 });
    expect(foldRange(index, 1)).toEqual({ start: 1, end: 12 });
    expect(foldRange(index, 2)).toEqual({ start: 2, end: 8 });
    expect(foldRange(index, 4)).toEqual({ start: 4, end: 7 });
    expect(foldRange(index, 13)).toEqual({ start: 13, end: 15 });
  });

  it('skips brackets, escaped quotes and escaped backslashes inside strings', () => {
    const value = { 'key with } and ]': { a: 'text with { [ "quoted" } ] \\', b: '\\"}', c: ['\\', '"]"', '{'] }, after: 1 };
    const index = pretty(value);
    for (const [start, end] of referenceFolds(JSON.stringify(value, null, 2))) expect(foldRange(index, start)).toEqual({ start, end });
    expect(foldRange(index, 1)).toEqual({ start: 1, end: 9 });
  });

  it('gives null for scalars, empty containers, out of range and unbalanced text; handles \\r\\n', () => {
    const index = pretty({ empty: {}, none: [], n: 1, s: 'ends with {' });
    for (const line of [1, 2, 3, 4, index.lineCount - 1, index.lineCount, -1, 0.5]) expect(foldRange(index, line)).toBeNull();
    expect(foldRange(pretty([]), 0)).toBeNull();
    expect(foldRange(textLines('<div>\nfunction x() {\n  return 1;\n'), 1)).toBeNull();
    expect(foldRange(textLines('{\r\n  "a": [\r\n    1\r\n  ]\r\n}\r\n'), 1)).toEqual({ start: 1, end: 3 });
    expect(foldRange(textLines('{\r\n  "a": [\r\n    1\r\n  ]\r\n}\r\n'), 0)).toEqual({ start: 0, end: 4 });
  });

  it('agrees with the layout reference on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 2);
        const index = textLines(text);
        const folds = referenceFolds(text);
        for (let line = 0; line < index.lineCount; line++) expect(foldRange(index, line)).toEqual(folds.has(line) ? { start: line, end: folds.get(line)! } : null);
      }),
      { numRuns: 200 },
    );
  });
});
