// Pretty-prints JSON bytes by re-indenting the original text token by token (two spaces, the layout
// of JSON.stringify(value, null, 2)), never by parsing into values and printing them again: numbers
// and strings keep their exact bytes (`1.0` stays `1.0`, `12345678901234567890` is not rounded,
// `\u00e9` stays escaped). One function does both passes the worker needs: with `out` null it only
// validates, counts lines and measures the output; with `out` it writes the text and line starts.
// Runs in the response worker (response-worker.ts): a 50 MB body never blocks main.

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** What the console reads from a JSON answer besides its text (Gorgias's list cursor and error message). */
export interface JsonMeta {
  nextCursor: string | null;
  errorMessage: string | null;
}

export interface ReindentResult extends JsonMeta {
  /** False when the bytes are not one valid JSON value (then show them as text). */
  ok: boolean;
  /** Lines of the printed text (it ends without a line break). */
  lineCount: number;
  /** Bytes of the printed text. */
  byteLength: number;
}

export interface ReindentOutput {
  /** At least `byteLength` bytes, from a counting pass over the same input. */
  bytes: Uint8Array;
  /** At least `lineCount` entries: the byte offset where each line starts. */
  starts: Uint32Array;
}

const enum Expect {
  Value,
  /** After `[`: a value or `]`. */
  ValueOrClose,
  /** After `{`: a key or `}`. */
  KeyOrClose,
  /** After `,` in an object. */
  Key,
  Colon,
  /** After a value: `,`, the container's close, or the end at depth 0. */
  CommaOrClose,
}

const isWhitespace = (code: number) => code === SPACE || code === LF || code === CR || code === TAB;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isHex = (code: number) => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/** End (exclusive) of the string token opening at `at`, or -1 when it is not a valid JSON string. */
function stringEnd(input: Uint8Array, at: number): number {
  const length = input.length;
  for (let i = at + 1; i < length; i += 1) {
    const code = input[i]!;
    if (code === QUOTE) return i + 1;
    if (code < 0x20) return -1;
    if (code === BACKSLASH) {
      const next = input[i + 1];
      if (next === 117) {
        // \uXXXX
        for (let k = 2; k <= 5; k += 1) if (!isHex(input[i + k] ?? 0)) return -1;
        i += 5;
      } else if (next === QUOTE || next === BACKSLASH || next === 47 || next === 98 || next === 102 || next === 110 || next === 114 || next === 116) {
        i += 1;
      } else return -1;
    }
  }
  return -1;
}

/** End (exclusive) of the number token starting at `at` (RFC 8259 grammar), or -1. */
function numberEnd(input: Uint8Array, at: number): number {
  let i = at;
  if (input[i] === 45) i += 1; // -
  if (input[i] === 48) i += 1; // a lone leading 0
  else if (isDigit(input[i] ?? 0)) while (isDigit(input[i] ?? 0)) i += 1;
  else return -1;
  if (input[i] === 46) {
    // .
    i += 1;
    if (!isDigit(input[i] ?? 0)) return -1;
    while (isDigit(input[i] ?? 0)) i += 1;
  }
  if (input[i] === 101 || input[i] === 69) {
    // e E
    i += 1;
    if (input[i] === 43 || input[i] === 45) i += 1;
    if (!isDigit(input[i] ?? 0)) return -1;
    while (isDigit(input[i] ?? 0)) i += 1;
  }
  return i;
}

function literalEnd(input: Uint8Array, at: number, word: string): number {
  for (let k = 0; k < word.length; k += 1) if (input[at + k] !== word.charCodeAt(k)) return -1;
  return at + word.length;
}

/** Compares a raw key token (quotes included) with a plain ASCII name. */
function keyIs(input: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length + 2) return false;
  for (let k = 0; k < name.length; k += 1) if (input[start + 1 + k] !== name.charCodeAt(k)) return false;
  return true;
}

const decoder = new TextDecoder();

function decodeString(input: Uint8Array, start: number, end: number): string {
  return JSON.parse(decoder.decode(input.subarray(start, end))) as string;
}

/**
 * Re-indents `input`; with `out`, writes the printed text and line starts into it. A failure (not
 * valid JSON) is reported as `ok: false`, never thrown.
 */
export function reindentJson(input: Uint8Array, out: ReindentOutput | null = null): ReindentResult {
  const bytes = out?.bytes ?? null;
  const starts = out?.starts ?? null;
  const length = input.length;
  // Container kinds by depth: 1 object, 2 array (a JSON body nests a few dozen levels at most, but
  // nothing here assumes it).
  let stack = new Uint8Array(64);
  let depth = 0;
  let pos = 0;
  let lines = 1;
  if (starts) starts[0] = 0;
  let expect = Expect.Value;
  let done = false;
  // An opened container whose line break waits for its first item (an empty one prints `{}` / `[]`).
  let openPending = false;
  // Gorgias's top-level `meta.next_cursor`, `error` (a string) and `error.msg`.
  let topKey = 0; // 0 other, 1 meta, 2 error
  let innerKey = 0; // 0 other, 1 next_cursor, 2 msg
  let lastKeyStart = 0;
  let lastKeyEnd = 0;
  let nextCursor: string | null = null;
  let errorMessage: string | null = null;
  const fail = (): ReindentResult => ({ ok: false, lineCount: 0, byteLength: 0, nextCursor: null, errorMessage: null });

  const newline = () => {
    if (bytes) {
      bytes[pos] = LF;
      starts![lines] = pos + 1;
      bytes.fill(SPACE, pos + 1, pos + 1 + depth * 2);
    }
    pos += 1 + depth * 2;
    lines += 1;
  };
  const copy = (start: number, end: number) => {
    if (bytes) bytes.set(input.subarray(start, end), pos);
    pos += end - start;
  };
  const put = (code: number) => {
    if (bytes) bytes[pos] = code;
    pos += 1;
  };

  let i = 0;
  while (i < length) {
    const code = input[i]!;
    if (isWhitespace(code)) {
      i += 1;
      continue;
    }
    if (done) return fail(); // a second value after the first
    if (expect === Expect.Colon) {
      if (code !== COLON) return fail();
      put(COLON);
      put(SPACE);
      i += 1;
      expect = Expect.Value;
      continue;
    }
    if (expect === Expect.CommaOrClose) {
      const kind = stack[depth];
      if (code === COMMA) {
        put(COMMA);
        newline();
        i += 1;
        expect = kind === 1 ? Expect.Key : Expect.Value;
        continue;
      }
      if ((code === CLOSE_BRACE && kind === 1) || (code === CLOSE_BRACKET && kind === 2)) {
        depth -= 1;
        newline();
        put(code);
        i += 1;
        if (depth === 0) done = true;
        continue;
      }
      return fail();
    }
    // A closing bracket right after its opening one: an empty container.
    if ((expect === Expect.ValueOrClose && code === CLOSE_BRACKET) || (expect === Expect.KeyOrClose && code === CLOSE_BRACE)) {
      openPending = false;
      depth -= 1;
      put(code);
      i += 1;
      expect = Expect.CommaOrClose;
      if (depth === 0) done = true;
      continue;
    }
    if (openPending) {
      openPending = false;
      newline();
    }
    if (expect === Expect.Key || expect === Expect.KeyOrClose) {
      if (code !== QUOTE) return fail();
      const end = stringEnd(input, i);
      if (end === -1) return fail();
      if (depth === 1 && stack[1] === 1) {
        topKey = keyIs(input, i, end, 'meta') ? 1 : keyIs(input, i, end, 'error') ? 2 : 0;
        innerKey = 0;
      } else if (depth === 2 && stack[1] === 1 && stack[2] === 1) {
        innerKey = topKey === 1 && keyIs(input, i, end, 'next_cursor') ? 1 : topKey === 2 && keyIs(input, i, end, 'msg') ? 2 : 0;
      }
      lastKeyStart = i;
      lastKeyEnd = end;
      copy(i, end);
      i = end;
      expect = Expect.Colon;
      continue;
    }
    // A value.
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      // Entering a value under a key other than the ones we read: forget the inner key.
      if (depth === 1 && stack[1] === 1 && topKey !== 0 && code !== OPEN_BRACE) topKey = 0;
      depth += 1;
      if (depth === stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth] = code === OPEN_BRACE ? 1 : 2;
      put(code);
      i += 1;
      openPending = true;
      expect = code === OPEN_BRACE ? Expect.KeyOrClose : Expect.ValueOrClose;
      continue;
    }
    let end: number;
    if (code === QUOTE) end = stringEnd(input, i);
    else if (code === 116) end = literalEnd(input, i, 'true');
    else if (code === 102) end = literalEnd(input, i, 'false');
    else if (code === 110) end = literalEnd(input, i, 'null');
    else end = numberEnd(input, i);
    if (end === -1) return fail();
    if (code === QUOTE && lastKeyEnd > lastKeyStart) {
      if (depth === 1 && stack[1] === 1 && topKey === 2) errorMessage = decodeString(input, i, end);
      else if (depth === 2 && stack[1] === 1 && stack[2] === 1 && innerKey === 1 && end - i > 2) nextCursor = decodeString(input, i, end);
      else if (depth === 2 && stack[1] === 1 && stack[2] === 1 && innerKey === 2) errorMessage = decodeString(input, i, end);
    }
    copy(i, end);
    i = end;
    expect = Expect.CommaOrClose;
    if (depth === 0) done = true;
  }
  if (!done) return fail();
  return { ok: true, lineCount: lines, byteLength: pos, nextCursor, errorMessage };
}
