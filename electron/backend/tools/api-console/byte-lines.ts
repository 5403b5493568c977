// A response body as lines, kept as bytes: one byte array and a Uint32Array of line starts, no
// string per line and no decoded copy of the whole body. A line is decoded only when asked for.
// Used by main (slicing the lines the renderer shows) and by the response worker (indexing, search,
// fold ranges), so everything here is plain code over typed arrays.
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, CR, LF, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes';

export interface ByteLines {
  /** The printed body (UTF-8). May be a view over shared memory. */
  readonly bytes: Uint8Array;
  /** Byte offset where each line starts; `lineCount` entries are used. */
  readonly starts: Uint32Array;
  readonly lineCount: number;
}

/** Lines longer than this many bytes are cut when handed out (a minified page can be one 5 MB line). */
export const MAX_LINE_BYTES = 20_000;

/** Line starts of a text body: a trailing line break ends the last line, it does not start an empty one. */
export function countTextLines(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let count = 1;
  const last = bytes.length - 1;
  for (let at = bytes.indexOf(LF); at !== -1 && at < last; at = bytes.indexOf(LF, at + 1)) count += 1;
  return count;
}

export function indexTextLines(bytes: Uint8Array, starts: Uint32Array): number {
  if (bytes.length === 0) return 0;
  let count = 1;
  starts[0] = 0;
  const last = bytes.length - 1;
  for (let at = bytes.indexOf(LF); at !== -1 && at < last; at = bytes.indexOf(LF, at + 1)) {
    starts[count] = at + 1;
    count += 1;
  }
  return count;
}

function lineEnd(index: ByteLines, line: number): number {
  const start = index.starts[line]!;
  let end = line + 1 < index.lineCount ? index.starts[line + 1]! - 1 : index.bytes.length;
  if (line + 1 === index.lineCount && end > start && index.bytes[end - 1] === LF) end -= 1;
  // Keep \r\n bodies readable: the \r belongs to the line break.
  if (end > start && index.bytes[end - 1] === CR) end -= 1;
  return end;
}

const decoder = new TextDecoder();

export function lineAt(index: ByteLines, line: number): string {
  const start = index.starts[line]!;
  const end = lineEnd(index, line);
  if (end - start <= MAX_LINE_BYTES) return decoder.decode(index.bytes.subarray(start, end));
  // Cut on a character boundary: step back over UTF-8 continuation bytes (10xxxxxx).
  let cut = start + MAX_LINE_BYTES;
  while (cut > start && (index.bytes[cut]! & 0xc0) === 0x80) cut -= 1;
  return `${decoder.decode(index.bytes.subarray(start, cut))} …[line cut: ${(end - start).toLocaleString('en-US')} bytes]`;
}

export function sliceLines(index: ByteLines, start: number, count: number): string[] {
  const out: string[] = [];
  const end = Math.min(index.lineCount, start + count);
  for (let line = Math.max(0, start); line < end; line += 1) out.push(lineAt(index, line));
  return out;
}

/** The line holding a byte offset (binary search over the starts). */
export function lineOfOffset(index: ByteLines, offset: number): number {
  let low = 0;
  let high = index.lineCount - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (index.starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const lowerAscii = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * Line numbers holding `query`, each once, ascending. Case-insensitive for ASCII letters (the keys
 * and most values of an API answer); other characters match exactly as typed.
 */
export function searchLines(index: ByteLines, query: string, limit: number): { lines: number[]; truncated: boolean } {
  if (query.length === 0 || index.lineCount === 0) return { lines: [], truncated: false };
  const needle = new TextEncoder().encode(query).map(lowerAscii);
  const bytes = index.bytes;
  const first = needle[0]!;
  const firstUpper = first >= 97 && first <= 122 ? first - 32 : first;
  const last = bytes.length - needle.length;
  const lines: number[] = [];
  let at = 0;
  while (at <= last) {
    const code = bytes[at]!;
    if (code !== first && code !== firstUpper) {
      at += 1;
      continue;
    }
    let k = 1;
    while (k < needle.length && lowerAscii(bytes[at + k]!) === needle[k]) k += 1;
    if (k < needle.length) {
      at += 1;
      continue;
    }
    const line = lineOfOffset(index, at);
    if (lines.length === limit) return { lines, truncated: true };
    lines.push(line);
    // Continue at the next line: one hit per line is all a viewer needs.
    if (line + 1 >= index.lineCount) break;
    at = index.starts[line + 1]!;
  }
  return { lines, truncated: false };
}


/**
 * `{ start, end }` (0-based lines) when `line` ends with `{` or `[` and the container closes on a
 * later line; null otherwise (a scalar line, `{}` / `[]`, a line out of range, or a text body whose
 * brackets never balance). Strings may hold brackets and escaped quotes, so they are skipped exactly.
 */
export function foldRange(index: ByteLines, line: number): { start: number; end: number } | null {
  if (!Number.isInteger(line) || line < 0 || line >= index.lineCount) return null;
  const start = index.starts[line]!;
  const end = lineEnd(index, line);
  if (end === start) return null;
  const open = end - 1;
  const bytes = index.bytes;
  const first = bytes[open];
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return null;
  let depth = 0;
  let inString = false;
  // From the opening bracket on: the line's earlier text is a key or indentation, and a key's
  // string is closed before its colon, so nothing before `open` can leave a string open.
  for (let at = open; at < bytes.length; at += 1) {
    const code = bytes[at]!;
    if (inString) {
      if (code === BACKSLASH) at += 1;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) {
        const closing = lineOfOffset(index, at);
        return closing > line ? { start: line, end: closing } : null;
      }
    }
  }
  return null;
}
