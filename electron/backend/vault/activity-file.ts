// Reading and writing activity.log. Two shapes of line, both base64 AES-256-GCM (activity-crypto):
//   - an optional first line `#block v1 <sealed JSON array>`: the entries kept by the last
//     compaction, sealed at once so loading costs one decrypt and one JSON.parse, not 10,000;
//   - then one line per appended entry (`<sealed JSON object>`), as every file before blocks was.
// '#' and ' ' are not base64, so a block line cannot be mistaken for an entry line; a file without
// a block (the old format) loads as before. Loading tolerates a torn last line (a crash
// mid-append) and reports any other unreadable line so the caller can keep the file aside rather
// than silently compacting it away. Blocks are only ever written by an atomic rewrite, never torn.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActivityEntry } from '../../common/model';
import { BLOCK_AAD, decryptLine, encryptLine } from './activity-crypto';
import { writeFileAtomic } from './atomic-write';

const BLOCK_PREFIX = '#block v1 ';

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
}

function isEntry(value: unknown): value is ActivityEntry {
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

/** A block is only valid as the first line; anywhere else (or an unknown `#` version) it is damage. */
function parseLine(key: Buffer, line: string, index: number): { entries: ActivityEntry[]; block: boolean } | null {
  if (line.startsWith('#')) {
    if (index !== 0 || !line.startsWith(BLOCK_PREFIX)) return null;
    const entries = parseBlock(key, line);
    return entries ? { entries, block: true } : null;
  }
  const entry = parseEntry(key, line);
  return entry ? { entries: [entry], block: false } : null;
}

/** What the file holds, parsed but not yet repaired (see finishActivityFile). Pure: no I/O. */
export interface ParsedActivity extends LoadedActivity {
  /** The file's byte length and its unterminated last line ('' when it ends with a newline). */
  bytes: number;
  tail: string;
  /** The tail was a complete line that only lost its newline. */
  tailKept: boolean;
}

export function parseActivityText(text: string | null, key: Buffer): ParsedActivity {
  if (text === null) return { entries: [], lines: 0, linesSinceBlock: 0, badLines: 0, tornTail: false, bytes: 0, tail: '', tailKept: false };
  const segments = text.split('\n');
  // With a trailing newline the last segment is ''; otherwise it is a line whose append never finished.
  const tail = segments.pop() ?? '';
  let entries: ActivityEntry[] = [];
  let linesSinceBlock = 0;
  let badLines = 0;
  const take = (parsed: { entries: ActivityEntry[]; block: boolean }) => {
    if (parsed.block) entries = parsed.entries;
    else {
      entries.push(parsed.entries[0]!);
      linesSinceBlock += 1;
    }
  };
  for (let index = 0; index < segments.length; index += 1) {
    const line = segments[index]!;
    if (line === '') continue;
    const parsed = parseLine(key, line, index);
    if (parsed) take(parsed);
    else badLines += 1;
  }
  const bytes = Buffer.byteLength(text);
  if (badLines > 0) {
    // The file goes aside as it is (the caller moves it): no repair.
    return { entries, lines: entries.length + badLines, linesSinceBlock, badLines, tornTail: tail !== '', bytes, tail, tailKept: false };
  }
  let tailKept = false;
  if (tail !== '') {
    const parsed = parseLine(key, tail, segments.length);
    if (parsed) {
      take(parsed);
      tailKept = true;
    }
  }
  return { entries, lines: entries.length, linesSinceBlock, badLines, tornTail: tail !== '' && !tailKept, bytes, tail, tailKept };
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
 * megabytes). Only this process writes the log (the app is single-instance), and it calls this
 * before its first write, so no temp file found here can still be in use.
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

export async function appendEntries(file: string, key: Buffer, entries: readonly ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // One write per batch: a crash leaves at most one torn line at the end.
  await fs.appendFile(file, entries.map((entry) => encodeEntry(key, entry)).join(''), { mode: 0o600 });
}

/** Compaction: the kept entries as one sealed block, atomically (temp file + rename). */
export async function rewriteActivityFile(file: string, key: Buffer, entries: readonly ActivityEntry[]): Promise<void> {
  await writeFileAtomic(file, encodeBlock(key, entries));
}

/**
 * Key rotation: the log on disk, read under the old key and written as one block under the new one.
 * Lines that do not open under the old key either (damage) cannot be carried over: counted.
 */
export function resealActivity(text: string | null, oldKey: Buffer, newKey: Buffer): { text: string; lost: number } {
  const parsed = parseActivityText(text, oldKey);
  return { text: encodeBlock(newKey, parsed.entries), lost: parsed.badLines };
}
