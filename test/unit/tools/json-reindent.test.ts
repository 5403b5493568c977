// The console's pretty-printer re-indents the original JSON text token by token: the layout of
// JSON.stringify(value, null, 2), but every number and string keeps the bytes it came with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTextLines, indexTextLines } from '../../../electron/backend/tools/api-console/byte-lines';
import { createReindenter, reindentJson, scanJson } from '../../../electron/backend/tools/api-console/json-reindent';
import { createStreamIndex } from '../../../electron/backend/tools/api-console/stream-index';

const encoder = new TextEncoder();

function print(text: string): { text: string; starts: number[]; nextCursor: string | null; errorMessage: string | null } | null {
  const printed = reindentJson(encoder.encode(text));
  if (!printed) return null;
  expect(printed.starts).toHaveLength(printed.lineCount);
  return { text: new TextDecoder().decode(printed.bytes), starts: [...printed.starts], nextCursor: printed.nextCursor, errorMessage: printed.errorMessage };
}

/** JSON.parse reorders integer-like keys; only texts without them print alike through parse + stringify. */
const hasIntegerKey = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && (Array.isArray(value) ? value.some(hasIntegerKey) : Object.entries(value).some(([key, inner]) => /^(0|[1-9]\d*)$/.test(key) || hasIntegerKey(inner)));

describe('reindentJson', () => {
  it('prints what JSON.stringify(value, null, 2) prints, from any layout, with exact line starts', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 1, 4, '\t', ' \r\n '), (value, space) => {
        fc.pre(!hasIntegerKey(value));
        const canonical = JSON.stringify(value);
        // Line breaks appear in a stringified text only between tokens (strings escape theirs).
        const source = typeof space === 'string' && space.includes('\r') ? JSON.stringify(value, null, 1).replaceAll('\n', space) : JSON.stringify(value, null, space);
        const printed = print(source);
        expect(printed).not.toBeNull();
        expect(printed!.text).toBe(JSON.stringify(JSON.parse(canonical), null, 2));
        const bytes = encoder.encode(printed!.text);
        const starts = new Uint32Array(countTextLines(bytes));
        indexTextLines(bytes, starts);
        expect(printed!.starts).toEqual([...starts]);
      }),
      { numRuns: 400 },
    );
  });

  it('the scan counts and measures what the print writes, and a bounded print gives its first lines', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 5 }), fc.integer({ min: 1, max: 30 }), (text, count) => {
        const input = encoder.encode(text);
        const full = reindentJson(input)!;
        expect(scanJson(input)).toEqual({ lineCount: full.lineCount, byteLength: full.bytes.length, nextCursor: full.nextCursor, errorMessage: full.errorMessage });
        const first = reindentJson(input, count)!;
        const lines = (printed: NonNullable<ReturnType<typeof reindentJson>>) => new TextDecoder().decode(printed.bytes).split('\n');
        expect(first.lineCount).toBe(Math.min(count, full.lineCount));
        expect(lines(first)).toEqual(lines(full).slice(0, count));
      }),
      { numRuns: 300 },
    );
    expect(scanJson(encoder.encode('[1,'))).toBeNull();
  });

  it('never rewrites a number or a string: they keep the bytes they came with', () => {
    const printed = print('{"ratio":1.0,"big":12345678901234567890,"e":1E+2,"neg":-0.50,"s":"\\u00e9 é \\/","k":[]}');
    expect(printed!.text).toBe('{\n  "ratio": 1.0,\n  "big": 12345678901234567890,\n  "e": 1E+2,\n  "neg": -0.50,\n  "s": "\\u00e9 é \\/",\n  "k": []\n}');
  });

  it('refuses what is not one JSON value (then the body is shown as text)', () => {
    for (const text of ['', '   ', '{"cut":', '[1,]', '{"a" 1}', '{"a":1,}', '01', '1 2', '"\u0001"', '"\\x"', 'tru', '[', '{}}', '{1:2}', '-', '1.', '1e', "'a'", '[1 2]', '{"a":1 "b":2}', '"\\u12G4"'])
      expect(print(text), text).toBeNull();
    expect(print(' [ ] ')!.text).toBe('[]');
    expect(print('"just a string"')!.text).toBe('"just a string"');
  });

  it("reads Gorgias's top-level meta.next_cursor and error message, and nothing nested deeper", () => {
    expect(print('{"data":[{"meta":{"next_cursor":"no"}}],"meta":{"prev_cursor":null,"next_cursor":"abc"}}')).toMatchObject({ nextCursor: 'abc', errorMessage: null });
    expect(print('{"meta":{"next_cursor":""}}')).toMatchObject({ nextCursor: null });
    expect(print('{"meta":{"next_cursor":null}}')).toMatchObject({ nextCursor: null });
    expect(print('{"error":{"msg":"Unauthorized.","data":{"msg":"inner"}}}')).toMatchObject({ errorMessage: 'Unauthorized.' });
    expect(print('{"error":"Sub \\"x\\" missing"}')).toMatchObject({ errorMessage: 'Sub "x" missing' });
    expect(print('[{"error":"nested"}]')).toMatchObject({ errorMessage: null, nextCursor: null });
    expect(print('{"data":{"error":"nested"}}')).toMatchObject({ errorMessage: null });
  });

  it('grows its output and line buffers past their first guess', () => {
    // Deeply indented one-item arrays: far more output and lines per input byte than an API answer.
    const nested = `${'['.repeat(40)}${Array.from({ length: 200 }, (_, i) => i).join(',')}${']'.repeat(40)}`;
    expect(print(nested)!.text).toBe(JSON.stringify(JSON.parse(nested), null, 2));
  });

  it('handles deep nesting past its first stack size', () => {
    const deep = `${'['.repeat(300)}1${']'.repeat(300)}`;
    expect(print(deep)!.text).toBe(JSON.stringify(JSON.parse(deep), null, 2));
  });

  it('prints a body fed in chunks cut anywhere (inside strings, numbers, literals) as it prints the whole', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 5 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 8 }), (text, cuts) => {
        const input = encoder.encode(` ${text} `);
        const whole = reindentJson(input)!;
        const reindenter = createReindenter({ write: true, sizeHint: 16 });
        const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
        for (const point of points) expect(reindenter.feed(input.subarray(0, point), false)).toBe('more');
        expect(reindenter.feed(input, true)).toBe('done');
        const printed = reindenter.printed();
        expect(new TextDecoder().decode(printed.bytes)).toBe(new TextDecoder().decode(whole.bytes));
        expect([...printed.starts]).toEqual([...whole.starts]);
        expect(printed.nextCursor).toBe(whole.nextCursor);
      }),
      { numRuns: 300 },
    );
  });

  it('a stream index sends its head once a screenful is printed, then ends as JSON, or as text when the JSON breaks or is cut', () => {
    const heads: unknown[] = [];
    const run = (chunks: string[], mayBeJson = true) => {
      const index = createStreamIndex({ mayBeJson, firstLines: 2, sizeHint: null, onHead: (head) => heads.push(head), onProgress: () => undefined });
      for (const chunk of chunks) index.push(encoder.encode(chunk));
      return { index, end: () => index.end() };
    };
    const good = run(['[1.0,', '2,3', ']']);
    expect(heads).toEqual([expect.objectContaining({ isJson: true, complete: false, firstLines: ['[', '  1.0,'] })]);
    const ended = good.end();
    expect(ended).toMatchObject({ isJson: true, lineCount: 5 });
    expect(new TextDecoder().decode(new Uint8Array(ended.bytes))).toBe('[\n  1.0,\n  2,\n  3\n]');
    heads.length = 0;
    const cut = run(['{"a":', '[1,2']).end();
    expect(cut).toMatchObject({ isJson: false, lineCount: 1 });
    // Its head went out pretty (a screenful was printed before the cut); the end is the raw text.
    expect(heads).toEqual([expect.objectContaining({ isJson: true, complete: false, firstLines: ['{', '  "a": ['] })]);
    heads.length = 0;
    // Cut by the network or a cancel: pretty up to the last complete token.
    const dropped = run(['{"a":[1,2', '3']).index.end(true);
    expect(new TextDecoder().decode(new Uint8Array(dropped.bytes))).toBe('{\n  "a": [\n    1,\n    ');
    heads.length = 0;
    expect(run(['<html>']).end()).toMatchObject({ isJson: false, lineCount: 1 });
    expect(heads).toEqual([expect.objectContaining({ isJson: false, complete: true, firstLines: ['<html>'] })]);
    heads.length = 0;
    const text = run(['a\nb', '\nc\n'], false);
    expect(text.index.lines(0, 5)).toEqual({ lines: ['a', 'b', 'c'], totalLines: 3 });
    expect(text.end()).toMatchObject({ isJson: false, lineCount: 3 });
  });
});
