// Reading and writing activity.log. Two shapes of line, both base64 AES-256-GCM (activity-crypto):
//   - an optional first line `#block v1 <sealed JSON array>`: the entries kept by the last
//     compaction, sealed at once so loading costs one decrypt and one JSON.parse, not 10,000;
//   - then one line per appended entry (`<sealed JSON object>`), as every file before blocks was.
// '#' and ' ' are not base64, so a block line cannot be mistaken for an entry line; a file without
// a block (the old format) loads as before. Loading tolerates a torn last line (a crash
// mid-append) and reports any other unreadable line so the caller can keep the file aside rather
// than silently compacting it away. Blocks are only ever written by an atomic rewrite, never torn.
//
// The chain (issue 15, L1): lines written now carry a sequence number and an HMAC over
// `<seq>\n<previous line's MAC>\n<sealed text>` under a key derived from the activity key:
//   `#block v2 <seq> <mac> <sealed JSON array>`   (first line only; starts a chain: previous MAC '')
//   `@<seq> <mac> <sealed JSON object>`           (one per append)
// so a deleted, reordered or inserted line breaks the chain and is reported (chainProblems), never
// silently accepted. The sequence keeps growing across compactions, so the vault can also compare
// the last one with the count mirrored in the key file (a truncated tail). Unchained lines (files
// written before the chain) still load, but only before the first chained line.
import { createHmac } from 'node:crypto';
import { closeSync, fstatSync, promises as fs, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ActivityEntry } from '../../common/model';
import { BLOCK_AAD, decryptLine, encryptLine } from './activity-crypto';
import { deriveKey } from './sealed-box';
import { writeFileAtomic } from './atomic-write';

const BLOCK_PREFIX = '#block v1 ';
export const CHAINED_BLOCK_PREFIX = '#block v2 ';

/** The last line of the chain: its sequence number and MAC (seq 0, mac '' before any chained line). */
export interface ChainHead {
  seq: number;
  mac: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, mac: '' };

export function chainKey(key: Buffer): Buffer {
  return deriveKey(key, 'gorgias-workbench/activity-chain/v1');
}

function macOf(chain: Buffer, seq: number, previous: string, sealed: string): string {
  return createHmac('sha256', chain).update(`${seq}\n${previous}\n${sealed}`).digest('base64');
}

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

function readOrNull(read: () => string): string | null {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function readActivityText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The file's bytes (no text decoding: the sliced parse decodes only what it needs), or null. */
export async function readActivityBytes(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The same read, blocking: for a list() that comes before the background attach has read the file. */
export function readActivityTextSync(file: string): string | null {
  return readOrNull(() => readFileSync(file, 'utf8'));
}

/** Repairs the end of a file with no bad lines, so the next append starts on a clean line. */
export async function finishActivityFile(file: string, parsed: ParsedActivity): Promise<void> {
  if (parsed.badLines > 0 || parsed.tail === '') return;
  // Complete line, only the newline was lost: finish it. Otherwise cut the partial line off so
  // appends do not glue onto it; it held nothing readable.
  if (parsed.tailKept) await fs.appendFile(file, '\n');
  else await fs.truncate(file, parsed.bytes - Buffer.byteLength(parsed.tail));
}

/**
 * Deletes temp files a compaction left behind when the process died before its rename (each can be
 * megabytes). Called under the vault's lock, which every compaction holds, so no temp file found
 * here can still be in use by another process.
 */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.tmp-`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => fs.rm(path.join(dir, name), { force: true }).catch(() => undefined)));
}

export async function loadActivityFile(file: string, key: Buffer): Promise<LoadedActivity> {
  const parsed = parseActivityText(await readActivityText(file), key);
  await finishActivityFile(file, parsed);
  return parsed;
}

export function encodeEntry(key: Buffer, entry: ActivityEntry): string {
  return `${encryptLine(key, JSON.stringify(entry))}\n`;
}

export function encodeBlock(key: Buffer, entries: readonly ActivityEntry[]): string {
  return entries.length === 0 ? '' : `${BLOCK_PREFIX}${encryptLine(key, JSON.stringify(entries), BLOCK_AAD)}\n`;
}

/** Chained lines continuing `head`; returns the text and the new head. */
export function encodeChained(key: Buffer, entries: readonly ActivityEntry[], head: ChainHead): { text: string; head: ChainHead } {
  const chain = chainKey(key);
  let { seq, mac } = head;
  let text = '';
  for (const entry of entries) {
    const sealed = encryptLine(key, JSON.stringify(entry));
    seq += 1;
    mac = macOf(chain, seq, mac, sealed);
    text += `@${seq} ${mac} ${sealed}\n`;
  }
  return { text, head: { seq, mac } };
}

/**
 * A block's JSON: one entry per line (`[\n<entry>,\n…<entry>\n]`), still one JSON document, so it
 * parses whole here and line by line in slices (activity-block-sliced.ts writes the same).
 */
export function blockJson(entries: readonly ActivityEntry[]): string {
  return entries.length === 0 ? '[]' : `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]`;
}

/** A chained block (written even when empty, so the sequence never goes back): it follows `head`. */
export function encodeChainedBlock(key: Buffer, entries: readonly ActivityEntry[], head: ChainHead): { text: string; head: ChainHead } {
  const sealed = encryptLine(key, blockJson(entries), BLOCK_AAD);
  const seq = head.seq + 1;
  const mac = macOf(chainKey(key), seq, '', sealed);
  return { text: `${CHAINED_BLOCK_PREFIX}${seq} ${mac} ${sealed}\n`, head: { seq, mac } };
}

export async function appendEntries(file: string, key: Buffer, entries: readonly ActivityEntry[], head: ChainHead = EMPTY_CHAIN): Promise<{ head: ChainHead; bytes: number }> {
  if (entries.length === 0) return { head, bytes: 0 };
  const encoded = encodeChained(key, entries, head);
  // One write per batch: a crash leaves at most one torn line at the end.
  await fs.appendFile(file, encoded.text, { mode: 0o600 });
  return { head: encoded.head, bytes: Buffer.byteLength(encoded.text) };
}

/** Compaction: the kept entries as one sealed block, atomically (temp file + rename). */
export async function rewriteActivityFile(file: string, key: Buffer, entries: readonly ActivityEntry[], head: ChainHead = EMPTY_CHAIN): Promise<ChainHead> {
  const block = encodeChainedBlock(key, entries, head);
  await writeFileAtomic(file, block.text);
  return block.head;
}

/** What another process appended since `offset` (whole lines only), or a reset when the file was replaced. */
export function readAppendedSync(file: string, offset: number, ino: number): { kind: 'same' } | { kind: 'reset' } | { kind: 'more'; text: string; ino: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return offset === 0 ? { kind: 'same' } : { kind: 'reset' };
  }
  try {
    const stat = fstatSync(fd);
    if ((ino !== -1 && stat.ino !== ino) || stat.size < offset) return { kind: 'reset' };
    if (stat.size === offset) return { kind: 'same' };
    const bytes = Buffer.alloc(stat.size - offset);
    readSync(fd, bytes, 0, bytes.length, offset);
    const end = bytes.lastIndexOf(0x0a);
    if (end < 0) return { kind: 'same' };
    return { kind: 'more', text: bytes.subarray(0, end + 1).toString('utf8'), ino: stat.ino };
  } finally {
    closeSync(fd);
  }
}

/**
 * Key rotation: the log on disk, read under the old key and written as one block under the new one.
 * Lines that do not open under the old key either (damage) cannot be carried over: counted.
 */
export function resealActivity(text: string | null, oldKey: Buffer, newKey: Buffer): { text: string; lost: number; seq: number } {
  const parsed = parseActivityText(text, oldKey);
  const block = encodeChainedBlock(newKey, parsed.entries, parsed.chain);
  return { text: block.text, lost: parsed.badLines, seq: block.head.seq };
}
