// Reading and writing activity.log: one base64 line per encrypted entry. Loading tolerates a torn
// last line (a crash mid-append) and reports any other unreadable line so the caller can keep the
// file aside rather than silently compacting it away.
import { promises as fs } from 'node:fs';
import type { ActivityEntry } from '../../common/model';
import { decryptLine, encryptLine } from './activity-crypto';
import { writeFileAtomic } from './atomic-write';

export interface LoadedActivity {
  entries: ActivityEntry[];
  /** Lines in the file after load (what compaction counts). */
  lines: number;
  /** Complete lines that did not decrypt or parse: another key, or damage. */
  badLines: number;
  /** A partial last line was cut off (it could only be a crash mid-append). */
  tornTail: boolean;
}

function parseEntry(key: Buffer, line: string): ActivityEntry | null {
  const text = decryptLine(key, line);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as ActivityEntry;
    return typeof value?.id === 'string' && typeof value.kind === 'string' && typeof value.at === 'string' ? value : null;
  } catch {
    return null;
  }
}

export async function loadActivityFile(file: string, key: Buffer): Promise<LoadedActivity> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], lines: 0, badLines: 0, tornTail: false };
    throw error;
  }
  const segments = text.split('\n');
  // With a trailing newline the last segment is ''; otherwise it is a line whose append never finished.
  const tail = segments.pop() ?? '';
  const entries: ActivityEntry[] = [];
  let badLines = 0;
  for (const line of segments) {
    if (line === '') continue;
    const entry = parseEntry(key, line);
    if (entry) entries.push(entry);
    else badLines += 1;
  }
  let tornTail = false;
  if (badLines > 0) {
    // The file goes aside as it is (the caller moves it): no repair here.
    return { entries, lines: entries.length + badLines, badLines, tornTail: tail !== '' };
  }
  if (tail !== '') {
    const entry = parseEntry(key, tail);
    if (entry) {
      // Complete entry, only the newline was lost: finish the line so the next append starts clean.
      entries.push(entry);
      await fs.appendFile(file, '\n');
    } else {
      // Cut the partial line off so appends do not glue onto it. It held nothing readable.
      tornTail = true;
      await fs.truncate(file, Buffer.byteLength(text) - Buffer.byteLength(tail));
    }
  }
  return { entries, lines: entries.length + badLines, badLines, tornTail };
}

export function encodeEntry(key: Buffer, entry: ActivityEntry): string {
  return `${encryptLine(key, JSON.stringify(entry))}\n`;
}

export async function appendEntries(file: string, key: Buffer, entries: readonly ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // One write per batch: a crash leaves at most one torn line at the end.
  await fs.appendFile(file, entries.map((entry) => encodeEntry(key, entry)).join(''), { mode: 0o600 });
}

export async function rewriteActivityFile(file: string, key: Buffer, entries: readonly ActivityEntry[]): Promise<void> {
  await writeFileAtomic(file, entries.map((entry) => encodeEntry(key, entry)).join(''));
}
