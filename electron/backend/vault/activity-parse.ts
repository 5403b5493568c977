// Reading activity.log's text (the line shapes: activity-file.ts): each line decrypted and parsed, the
// chain followed (activity-chain.ts), a torn last line told apart from damage. Pure: no I/O.
import type { ActivityEntry } from '../../common/model';
import { BLOCK_AAD, decryptLine } from './activity-crypto';
import { BLOCK_PREFIX, CHAINED_BLOCK_PREFIX, EMPTY_CHAIN, chainKey, macOf, type ChainHead } from './activity-chain';

export interface LoadedActivity {
  entries: ActivityEntry[];
  /** Entries in the file after load (what compaction counts against the bound). */
  lines: number;
  /** Entry lines after the block (or in an old file without one): what load-time compaction counts. */
  linesSinceBlock: number;
  /** Complete lines that did not decrypt or parse: another key, or damage. */
  badLines: number;
  /** A partial last line was cut off (it could only be a crash mid-append). */
  tornTail: boolean;
  /** The last chained line (EMPTY_CHAIN when there is none). */
  chain: ChainHead;
  /** Deleted, reordered or inserted lines found by the chain, in plain words. */
  chainProblems: string[];
}

export function isEntry(value: unknown): value is ActivityEntry {
  const entry = value as ActivityEntry | null;
  return typeof entry?.id === 'string' && typeof entry.kind === 'string' && typeof entry.at === 'string';
}

function parseEntry(key: Buffer, line: string): ActivityEntry | null {
  const text = decryptLine(key, line);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return isEntry(value) ? value : null;
  } catch {
    return null;
  }
}

function parseBlock(key: Buffer, line: string): ActivityEntry[] | null {
  const text = decryptLine(key, line.slice(BLOCK_PREFIX.length), BLOCK_AAD);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) && value.every(isEntry) ? value : null;
  } catch {
    return null;
  }
}

export interface ParsedLine {
  entries: ActivityEntry[];
  block: boolean;
  /** Chained lines: the claimed sequence number, MAC and the sealed text the MAC covers. */
  link?: { seq: number; mac: string; sealed: string };
  /** The MAC already checked by whoever parsed the line (a block opened in slices). */
  macValid?: boolean;
}

/** `<seq> <mac> <sealed>` → its parts, or null. */
export function splitLink(rest: string): { seq: number; mac: string; sealed: string } | null {
  const first = rest.indexOf(' ');
  const second = rest.indexOf(' ', first + 1);
  if (first < 1 || second < 0) return null;
  const seq = Number(rest.slice(0, first));
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return { seq, mac: rest.slice(first + 1, second), sealed: rest.slice(second + 1) };
}

/** A block is only valid as the first line; anywhere else (or an unknown `#` version) it is damage. */
function parseLine(key: Buffer, line: string, index: number): ParsedLine | null {
  if (line.startsWith(CHAINED_BLOCK_PREFIX)) {
    const link = index === 0 ? splitLink(line.slice(CHAINED_BLOCK_PREFIX.length)) : null;
    const entries = link ? parseBlock(key, `${BLOCK_PREFIX}${link.sealed}`) : null;
    return link && entries ? { entries, block: true, link } : null;
  }
  if (line.startsWith('#')) {
    if (index !== 0 || !line.startsWith(BLOCK_PREFIX)) return null;
    const entries = parseBlock(key, line);
    return entries ? { entries, block: true } : null;
  }
  if (line.startsWith('@')) {
    const link = splitLink(line.slice(1));
    const entry = link ? parseEntry(key, link.sealed) : null;
    return link && entry ? { entries: [entry], block: false, link } : null;
  }
  const entry = parseEntry(key, line);
  return entry ? { entries: [entry], block: false } : null;
}

/** Follows the chain line by line; records what breaks it. */
class ChainCheck {
  head: ChainHead;
  readonly problems: string[] = [];
  readonly #key: Buffer;

  constructor(key: Buffer, from: ChainHead) {
    this.#key = chainKey(key);
    this.head = from;
  }

  take(parsed: ParsedLine): void {
    const link = parsed.link;
    if (!link) {
      if (this.head.seq > 0) this.problems.push(`an unchained line follows line ${this.head.seq} (inserted)`);
      return;
    }
    // A block starts a chain (previous MAC ''); a line continues the one before it.
    const previous = parsed.block ? '' : this.head.mac;
    const expected = parsed.block ? link.seq : this.head.seq + 1;
    const valid = parsed.macValid ?? macOf(this.#key, link.seq, previous, link.sealed) === link.mac;
    if (!valid || link.seq !== expected) {
      if (!parsed.block && link.seq > expected) this.problems.push(link.seq === expected + 1 ? `line ${expected} is missing` : `lines ${expected}–${link.seq - 1} are missing`);
      else if (!parsed.block && link.seq < expected) this.problems.push(`line ${link.seq} is out of order (after line ${this.head.seq})`);
      else this.problems.push(`line ${link.seq} does not follow the line before it (lines removed, reordered or altered)`);
    }
    this.head = { seq: link.seq, mac: link.mac };
  }
}

/** What the file holds, parsed but not yet repaired (see finishActivityFile). Pure: no I/O. */
export interface ParsedActivity extends LoadedActivity {
  /** The file's byte length and its unterminated last line ('' when it ends with a newline). */
  bytes: number;
  tail: string;
  /** The tail was a complete line that only lost its newline. */
  tailKept: boolean;
}

/**
 * The parse of one file's text, line by line, so a caller can yield between lines (the sliced
 * parse, activity-block-sliced.ts) or hand in a line it parsed itself (a block opened in slices).
 * `from` / `firstIndex`: for text appended after what was already read (another process's lines),
 * the chain continues from `from` and no line of it is the file's first.
 */
export class ActivityTextParse {
  readonly #chain: ChainCheck;
  readonly #segments: string[];
  readonly #tail: string;
  #entries: ActivityEntry[] = [];
  #linesSinceBlock = 0;
  #badLines = 0;

  readonly #bytes: number;

  /**
   * `lines`: the file's text split at its newlines, the last element being the unterminated tail
   * ('' when the text ends with a newline); `bytes`: the text's length in bytes.
   */
  constructor(
    lines: string[],
    bytes: number,
    private readonly key: Buffer,
    from: ChainHead = EMPTY_CHAIN,
    private readonly firstIndex = 0,
  ) {
    this.#chain = new ChainCheck(key, from);
    this.#segments = lines;
    // With a trailing newline the last segment is ''; otherwise it is a line whose append never finished.
    this.#tail = this.#segments.pop() ?? '';
    this.#bytes = bytes;
  }

  static of(text: string, key: Buffer, from: ChainHead = EMPTY_CHAIN, firstIndex = 0): ActivityTextParse {
    return new ActivityTextParse(text.split('\n'), Buffer.byteLength(text), key, from, firstIndex);
  }

  /** Whole lines (the unterminated tail is finish()'s). */
  get lineCount(): number {
    return this.#segments.length;
  }

  line(index: number): string {
    return this.#segments[index]!;
  }

  /** Takes line `index`, parsed here, or as `parsed` when the caller parsed it (null: unreadable). */
  take(index: number, parsed?: ParsedLine | null): void {
    const line = this.#segments[index]!;
    if (line === '') return;
    const result = parsed === undefined ? parseLine(this.key, line, index + this.firstIndex) : parsed;
    if (result) this.#add(result);
    else this.#badLines += 1;
  }

  #add(parsed: ParsedLine): void {
    this.#chain.take(parsed);
    if (parsed.block) this.#entries = parsed.entries;
    else {
      this.#entries.push(parsed.entries[0]!);
      this.#linesSinceBlock += 1;
    }
  }

  finish(): ParsedActivity {
    const entries = this.#entries;
    const tail = this.#tail;
    const common = { linesSinceBlock: this.#linesSinceBlock, badLines: this.#badLines, bytes: this.#bytes, tail };
    if (this.#badLines > 0) {
      // The file goes aside as it is (the caller moves it): no repair.
      return { ...common, entries, lines: entries.length + this.#badLines, tornTail: tail !== '', tailKept: false, chain: this.#chain.head, chainProblems: this.#chain.problems };
    }
    let tailKept = false;
    if (tail !== '') {
      const parsed = parseLine(this.key, tail, this.#segments.length + this.firstIndex);
      if (parsed) {
        this.#add(parsed);
        tailKept = true;
      }
    }
    return { ...common, linesSinceBlock: this.#linesSinceBlock, entries: this.#entries, lines: this.#entries.length, tornTail: tail !== '' && !tailKept, tailKept, chain: this.#chain.head, chainProblems: this.#chain.problems };
  }
}

export function emptyParse(from: ChainHead = EMPTY_CHAIN): ParsedActivity {
  return { entries: [], lines: 0, linesSinceBlock: 0, badLines: 0, tornTail: false, bytes: 0, tail: '', tailKept: false, chain: from, chainProblems: [] };
}

/** The whole text at once (see ActivityTextParse); the sliced parse reads the same. */
export function parseActivityText(text: string | null, key: Buffer, from: ChainHead = EMPTY_CHAIN, firstIndex = 0): ParsedActivity {
  if (text === null) return emptyParse(from);
  const parse = ActivityTextParse.of(text, key, from, firstIndex);
  for (let index = 0; index < parse.lineCount; index += 1) parse.take(index);
  return parse.finish();
}
