// A response body as lines, without an array of millions of strings: one text and a Uint32Array of
// line starts. Building it is one native pass (indexOf); a line is sliced only when asked for.

export interface LineIndex {
  readonly text: string;
  /** Start offset of each line in `text`. */
  readonly starts: Uint32Array;
  readonly lineCount: number;
}

/** Lines longer than this are cut when handed out (a minified page can be one 5 MB line). */
export const MAX_LINE_CHARS = 20_000;

export function indexLines(text: string): LineIndex {
  if (text.length === 0) return { text, starts: new Uint32Array(0), lineCount: 0 };
  // One pass: line starts go into a Uint32Array that doubles when full (a pretty 50 MB answer has
  // ~1.5 M lines; a first guess from the length keeps the copies to one or two).
  let starts = new Uint32Array(Math.max(16, Math.ceil(text.length / 32)));
  let count = 1;
  const last = text.length - 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < last; at = text.indexOf('\n', at + 1)) {
    // A trailing newline ends the last line; it does not start an empty one (hence at < last).
    if (count === starts.length) {
      const grown = new Uint32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count] = at + 1;
    count += 1;
  }
  // Exact length, as before: a view when the guess was close, a copy when it wasted over half.
  return { text, starts: count * 2 < starts.length ? starts.slice(0, count) : starts.subarray(0, count), lineCount: count };
}

function lineEnd(index: LineIndex, line: number): number {
  // The \n that ends the line (the last line may end the text without one).
  let end = line + 1 < index.lineCount ? index.starts[line + 1]! - 1 : index.text.length;
  if (line + 1 === index.lineCount && end > index.starts[line]! && index.text.charCodeAt(end - 1) === 10) end -= 1;
  // Keep \r\n bodies readable: the \r belongs to the line break.
  if (end > index.starts[line]! && index.text.charCodeAt(end - 1) === 13) end -= 1;
  return end;
}

export function lineAt(index: LineIndex, line: number): string {
  const start = index.starts[line]!;
  const end = lineEnd(index, line);
  if (end - start > MAX_LINE_CHARS) return `${index.text.slice(start, start + MAX_LINE_CHARS)} …[line cut: ${(end - start).toLocaleString('en-US')} characters]`;
  return index.text.slice(start, end);
}

export function sliceLines(index: LineIndex, start: number, count: number): string[] {
  const out: string[] = [];
  const end = Math.min(index.lineCount, start + count);
  for (let line = Math.max(0, start); line < end; line += 1) out.push(lineAt(index, line));
  return out;
}

/** The line holding a character offset (binary search over the starts). */
export function lineOfOffset(index: LineIndex, offset: number): number {
  let low = 0;
  let high = index.lineCount - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (index.starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Line numbers holding `query` (case-insensitive), each once, ascending. */
export function searchLines(index: LineIndex, query: string, limit: number, lowered?: string): { lines: number[]; truncated: boolean } {
  if (query.length === 0 || index.lineCount === 0) return { lines: [], truncated: false };
  let haystack = lowered ?? index.text.toLowerCase();
  let needle = query.toLowerCase();
  // A few characters change length when lower-cased (İ): offsets would drift, so match exactly then.
  if (haystack.length !== index.text.length) {
    haystack = index.text;
    needle = query;
  }
  const lines: number[] = [];
  let from = 0;
  while (from <= haystack.length) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) break;
    const line = lineOfOffset(index, at);
    if (lines.length === limit) return { lines, truncated: true };
    lines.push(line);
    // Continue at the next line: one hit per line is all a viewer needs.
    from = line + 1 < index.lineCount ? index.starts[line + 1]! : haystack.length + 1;
  }
  return { lines, truncated: false };
}
