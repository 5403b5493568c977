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
// This file reads and writes the file; the chain's MAC is activity-chain.ts, parsing the text
// activity-parse.ts, and the block in slices of the event loop activity-block-sliced.ts.
import { closeSync, fstatSync, promises as fs, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ActivityEntry } from '../../common/model';
import { BLOCK_AAD, encryptLine } from './activity-crypto';
import { BLOCK_PREFIX, CHAINED_BLOCK_PREFIX, EMPTY_CHAIN, chainKey, macOf, type ChainHead } from './activity-chain';
import { parseActivityText, type LoadedActivity, type ParsedActivity } from './activity-parse';
import { writeFileAtomic } from './atomic-write';

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
