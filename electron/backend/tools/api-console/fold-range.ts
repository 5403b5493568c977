// Fold ranges of a kept body: the line that closes the object or array a line opens, found by
// scanning the text forward and counting brackets outside strings. Pretty JSON strings may hold
// brackets, escaped quotes (\") and escaped backslashes (\\), so the scan tracks strings exactly.
import { lineOfOffset, type LineIndex } from './line-index';

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const CR = 13;
const LF = 10;

/** The last character of a line, before its line break (\n or \r\n); -1 for an empty line. */
function lastCharOffset(index: LineIndex, line: number): number {
  const start = index.starts[line]!;
  let end = line + 1 < index.lineCount ? index.starts[line + 1]! : index.text.length;
  while (end > start && (index.text.charCodeAt(end - 1) === LF || index.text.charCodeAt(end - 1) === CR)) end -= 1;
  return end > start ? end - 1 : -1;
}

/**
 * `{ start, end }` (0-based lines) when `line` ends with `{` or `[` and the container closes on a
 * later line; null otherwise (a scalar line, `{}` / `[]`, a line out of range, or a text body whose
 * brackets never balance).
 */
export function foldRange(index: LineIndex, line: number): { start: number; end: number } | null {
  if (!Number.isInteger(line) || line < 0 || line >= index.lineCount) return null;
  const open = lastCharOffset(index, line);
  if (open === -1) return null;
  const text = index.text;
  const first = text.charCodeAt(open);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return null;
  let depth = 0;
  let inString = false;
  // From the opening bracket on: the line's earlier text is a key or an array's indentation, and a
  // key's string is closed before its colon, so nothing before `open` can leave a string open.
  for (let at = open; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === BACKSLASH) at += 1; // the escaped character, whatever it is (\" and \\ included)
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) {
        const end = lineOfOffset(index, at);
        return end > line ? { start: line, end } : null;
      }
    }
  }
  return null;
}
