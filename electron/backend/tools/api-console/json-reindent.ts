// Pretty-prints JSON bytes by re-indenting the original text token by token (two spaces, the layout
// of JSON.stringify(value, null, 2)), never by parsing into values and printing them again: numbers
// and strings keep their exact bytes (`1.0` stays `1.0`, `12345678901234567890` is not rounded,
// `\u00e9` stays escaped). Three uses of one scanner: scanJson validates, counts lines, measures
// the print and reads the meta without writing (api.send answers from it); reindentJson writes the
// text and line starts into buffers that grow by doubling, either all of it or only its first lines.
// Runs in the response worker (response-worker.ts): a 50 MB body never blocks main.

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, CR, LF, OPEN_BRACE, OPEN_BRACKET, QUOTE, SPACE, TAB } from './json-bytes';

/** What the console reads from a JSON answer besides its text (Gorgias's list cursor and error message). */
export interface JsonMeta {
  nextCursor: string | null;
  errorMessage: string | null;
}

export interface Reindented extends JsonMeta {
  /** The printed text (it ends without a line break); a view over a larger buffer. */
  bytes: Uint8Array;
  /** The byte offset where each line starts; a view, `lineCount` entries. */
  starts: Uint32Array;
  lineCount: number;
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

/** A token that runs to the end of the bytes received so far: wait for more (a streamed body). */
const MORE = -2;

/** End (exclusive) of the string token opening at `at`; -1 when it is not a valid JSON string, MORE when it runs past the input. */
function stringEnd(input: Uint8Array, at: number): number {
  const length = input.length;
  for (let i = at + 1; i < length; i += 1) {
    const code = input[i]!;
    if (code === QUOTE) return i + 1;
    if (code < 0x20) return -1;
    if (code === BACKSLASH) {
      if (i + 1 >= length) return MORE;
      const next = input[i + 1];
      if (next === 117) {
        // \uXXXX
        if (i + 5 >= length) return MORE;
        for (let k = 2; k <= 5; k += 1) if (!isHex(input[i + k] ?? 0)) return -1;
        i += 5;
      } else if (next === QUOTE || next === BACKSLASH || next === 47 || next === 98 || next === 102 || next === 110 || next === 114 || next === 116) {
        i += 1;
      } else return -1;
    }
  }
  return MORE;
}

const isNumberByte = (code: number) => isDigit(code) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69;

/** End (exclusive) of the number token starting at `at` (RFC 8259 grammar), or -1; MORE when it may go on past the input. */
function numberEnd(input: Uint8Array, at: number, final: boolean): number {
  if (!final) {
    let j = at;
    while (j < input.length && isNumberByte(input[j]!)) j += 1;
    if (j === input.length) return MORE;
  }
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

function literalEnd(input: Uint8Array, at: number, word: string, final: boolean): number {
  for (let k = 0; k < word.length; k += 1) {
    if (at + k >= input.length) return final ? -1 : MORE;
    if (input[at + k] !== word.charCodeAt(k)) return -1;
  }
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

export interface Scanned extends JsonMeta {
  lineCount: number;
  /** Bytes of the full print. */
  byteLength: number;
}

/** Validates and measures the print without writing it; null when it is not one valid JSON value. */
export function scanJson(input: Uint8Array): Scanned | null {
  const result = run(input, false, Infinity);
  return result && { lineCount: result.lineCount, byteLength: result.byteLength, nextCursor: result.nextCursor, errorMessage: result.errorMessage };
}

/**
 * Re-indents `input`; null when it is not one valid JSON value (then it is shown as text). With
 * `maxLines`, stops once that many lines are written (the rest of the input is not checked: call it
 * that way only on input scanJson accepted).
 */
export function reindentJson(input: Uint8Array, maxLines = Infinity): Reindented | null {
  const result = run(input, true, maxLines);
  return result && { bytes: result.bytes, starts: result.starts, lineCount: result.lineCount, nextCursor: result.nextCursor, errorMessage: result.errorMessage };
}

function run(input: Uint8Array, write: boolean, maxLines: number): (Reindented & { byteLength: number }) | null {
  const reindenter = createReindenter({ write, maxLines, sizeHint: input.length });
  const state = reindenter.feed(input, true);
  return state === 'invalid' ? null : reindenter.printed();
}

/**
 * What a feed reached: `more` (the input so far is a valid prefix; feed again with more), `done`
 * (one complete value; a final feed only), `full` (`maxLines` lines are written) or `invalid`.
 */
export type FeedState = 'more' | 'done' | 'full' | 'invalid';

export interface Reindenter {
  /**
   * Re-indents what `input` holds past the previous feed, as far as complete tokens go (a string,
   * number or literal cut by the end of the input waits for the next feed). Each feed's `input`
   * starts with the previous one's bytes (the body received so far). `final`: nothing follows.
   */
  feed(input: Uint8Array, final: boolean): FeedState;
  /** The text printed so far (the last line may be unfinished) with its line starts. */
  printed(): Reindented & { byteLength: number };
  readonly lineCount: number;
}

/**
 * The re-indenter as a state machine that can stop between any two tokens, so a body streamed in
 * chunks is printed as it arrives (the first screen long before the last byte). `write: false`
 * only validates and measures; `maxLines` stops once that many lines are written.
 */
export function createReindenter(options: { write: boolean; maxLines?: number; sizeHint?: number }): Reindenter {
  const write = options.write;
  const maxLines = options.maxLines ?? Infinity;
  const length0 = options.sizeHint ?? 64 * 1024;
  // A pretty print of an API answer is ~1.25× its compact text; one line per ~40 bytes. A scan
  // writes nothing; a bounded print of the first lines needs little.
  const guess = write ? (maxLines === Infinity ? length0 * 1.3 : Math.min(length0 * 1.3, maxLines * 200)) : 0;
  let bytes = new Uint8Array(Math.max(64, Math.ceil(guess) + 64));
  let starts = new Uint32Array(write ? Math.max(16, Math.ceil(guess / 30)) : 1);
  // Container kinds by depth: 1 object, 2 array (a JSON body nests a few dozen levels at most, but
  // nothing here assumes it).
  let stack = new Uint8Array(64);
  let depth = 0;
  let pos = 0;
  let lines = 1;
  starts[0] = 0;
  let nextCursor: string | null = null;
  let errorMessage: string | null = null;
  // The scanner's place between feeds.
  let at = 0;
  let state = { expect: Expect.Value as Expect, done: false, openPending: false, topKey: 0, innerKey: 0, lastKeyStart: 0, lastKeyEnd: 0 };
  let ended: FeedState | null = null;

  /** Room for `more` bytes (and one more line start). */
  const reserve = (more: number) => {
    if (!write) return;
    if (pos + more > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, pos + more));
      grown.set(bytes.subarray(0, pos));
      bytes = grown;
    }
    if (lines + 1 >= starts.length) {
      const grown = new Uint32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
  };
  const newline = () => {
    const width = depth * 2;
    if (write) {
      reserve(width + 1);
      bytes[pos] = LF;
      starts[lines] = pos + 1;
      // Byte by byte: a fill() call per line costs more than the few spaces it writes.
      for (let k = 1; k <= width; k += 1) bytes[pos + k] = SPACE;
    }
    pos += 1 + width;
    lines += 1;
  };
  const put = (code: number) => {
    if (write) {
      reserve(1);
      bytes[pos] = code;
    }
    pos += 1;
  };

  const printed = (): Reindented & { byteLength: number } => {
    if (ended === 'full') {
      // The first `maxLines` lines, once a line past them has started.
      const end = starts[maxLines]! - 1;
      return { bytes: bytes.subarray(0, end), starts: starts.subarray(0, maxLines), lineCount: maxLines, byteLength: end, nextCursor, errorMessage };
    }
    return { bytes: bytes.subarray(0, pos), starts: starts.subarray(0, lines), lineCount: lines, byteLength: pos, nextCursor, errorMessage };
  };

  const feed = (input: Uint8Array, final: boolean): FeedState => {
    if (ended) return ended;
    const length = input.length;
    // Locals while the loop runs (faster than the closure's), written back when it stops.
    let { expect, done, openPending, topKey, innerKey, lastKeyStart, lastKeyEnd } = state;
    let i = at;
    const copy = (start: number, end: number) => {
      const size = end - start;
      if (write) {
        reserve(size);
        // Short tokens (most numbers, keys, literals) byte by byte: subarray() allocates.
        if (size <= 32) for (let k = 0; k < size; k += 1) bytes[pos + k] = input[start + k]!;
        else bytes.set(input.subarray(start, end), pos);
      }
      pos += size;
    };
    const stop = (reached: FeedState): FeedState => {
      at = i;
      state = { expect, done, openPending, topKey, innerKey, lastKeyStart, lastKeyEnd };
      if (reached !== 'more') ended = reached;
      return reached;
    };

    while (i < length) {
      const code = input[i]!;
      if (isWhitespace(code)) {
        i += 1;
        continue;
      }
      if (done) return stop('invalid'); // a second value after the first
      if (expect === Expect.Colon) {
        if (code !== COLON) return stop('invalid');
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
          if (lines > maxLines) return stop('full');
          expect = kind === 1 ? Expect.Key : Expect.Value;
          continue;
        }
        if ((code === CLOSE_BRACE && kind === 1) || (code === CLOSE_BRACKET && kind === 2)) {
          depth -= 1;
          newline();
          if (lines > maxLines) return stop('full');
          put(code);
          i += 1;
          if (depth === 0) done = true;
          continue;
        }
        return stop('invalid');
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
        if (lines > maxLines) return stop('full');
      }
      if (expect === Expect.Key || expect === Expect.KeyOrClose) {
        if (code !== QUOTE) return stop('invalid');
        const end = stringEnd(input, i);
        if (end === MORE && !final) return stop('more');
        if (end < 0) return stop('invalid');
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
      else if (code === 116) end = literalEnd(input, i, 'true', final);
      else if (code === 102) end = literalEnd(input, i, 'false', final);
      else if (code === 110) end = literalEnd(input, i, 'null', final);
      else end = numberEnd(input, i, final);
      if (end === MORE && !final) return stop('more');
      if (end < 0) return stop('invalid');
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
    if (!final) return stop('more');
    return stop(done ? 'done' : 'invalid');
  };

  return {
    feed,
    printed,
    get lineCount() {
      return lines;
    },
  };
}
