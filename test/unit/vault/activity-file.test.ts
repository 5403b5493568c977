// activity.log's two formats: the old one (one sealed line per entry) and the compacted one (a
// `#block v1` first line sealing many entries at once, then one line per append). Both load, a torn
// last line is cut off, and a log attached in the background keeps appends and lists correct.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../electron/common/model';
import { deriveActivityKey } from '../../../electron/backend/vault/activity-crypto';
import { encodeBlock, encodeEntry, loadActivityFile } from '../../../electron/backend/vault/activity-file';
import { VaultActivityLog } from '../../../electron/backend/vault/activity-log';
import { clock, entries, quiet } from './activity-test-data';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function tempFile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'activity-file-'));
  dirs.push(dir);
  return path.join(dir, 'activity.log');
}

describe('activity.log formats', () => {
  it('loads an old file of single lines, cutting off a torn last line', async () => {
    const file = await tempFile();
    const key = deriveActivityKey(randomBytes(32));
    const written = entries(5);
    const full = written.map((entry) => encodeEntry(key, entry)).join('');
    await fs.writeFile(file, `${full}${encodeEntry(key, entries(1, 5)[0]!).slice(0, 30)}`);
    const loaded = await loadActivityFile(file, key);
    expect(loaded).toMatchObject({ entries: written, badLines: 0, tornTail: true, linesSinceBlock: 5 });
    expect(await fs.readFile(file, 'utf8')).toBe(full);
  });

  it('loads a block followed by appended lines, and cuts a torn line after the block', async () => {
    const file = await tempFile();
    const key = deriveActivityKey(randomBytes(32));
    const block = entries(100);
    const appended = entries(3, 100);
    const good = `${encodeBlock(key, block)}${appended.map((entry) => encodeEntry(key, entry)).join('')}`;
    expect(good.split('\n')[0]!.startsWith('#block v1 ')).toBe(true);
    await fs.writeFile(file, `${good}${encodeEntry(key, entries(1, 103)[0]!).slice(0, 17)}`);
    const loaded = await loadActivityFile(file, key);
    expect(loaded).toMatchObject({ entries: [...block, ...appended], lines: 103, linesSinceBlock: 3, badLines: 0, tornTail: true });
    expect(await fs.readFile(file, 'utf8')).toBe(good);
  });

  it('counts a block that is not the first line, or sealed as a line, or under another key, as bad', async () => {
    const key = deriveActivityKey(randomBytes(32));
    const other = deriveActivityKey(randomBytes(32));
    const line = encodeEntry(key, entries(1)[0]!);
    const cases = [
      `${line}${encodeBlock(key, entries(2))}`,
      `#block v1 ${line}`,
      encodeBlock(other, entries(2)),
      `#block v2 ${encodeBlock(key, entries(2)).slice('#block v1 '.length)}`,
    ];
    for (const text of cases) {
      const file = await tempFile();
      await fs.writeFile(file, text);
      expect((await loadActivityFile(file, key)).badLines).toBeGreaterThan(0);
      // Nothing is repaired in a file that is going aside.
      expect(await fs.readFile(file, 'utf8')).toBe(text);
    }
  });
});

describe('activity log attached in the background', () => {
  it('compacts an old file with many lines into one block after attach, losing nothing, and drops stale temp files', async () => {
    const file = await tempFile();
    const dataKey = randomBytes(32);
    const key = deriveActivityKey(dataKey);
    const old = entries(2_500);
    await fs.writeFile(file, old.map((entry) => encodeEntry(key, entry)).join(''));
    // What a compaction killed before its rename leaves behind.
    await fs.writeFile(path.join(path.dirname(file), '.activity.log.tmp-0123456789ab'), 'half a block');

    const log = new VaultActivityLog(clock, quiet);
    await log.attach(file, dataKey);
    await log.detach();
    const lines = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith('#block v2 ')).toBe(true);
    expect((await loadActivityFile(file, key)).entries).toEqual(old);
    expect((await fs.readdir(path.dirname(file))).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('keeps appends made before the attach finishes, in order, and lists the file before it finishes', async () => {
    const file = await tempFile();
    const dataKey = randomBytes(32);
    const key = deriveActivityKey(dataKey);
    const old = entries(2_100);
    await fs.writeFile(file, old.map((entry) => encodeEntry(key, entry)).join(''));

    const log = new VaultActivityLog(clock, quiet);
    const attached = log.attach(file, dataKey);
    // Synchronous, before the attach has read anything: it reads the file itself.
    const before = log.list({ limit: 2 });
    expect(before).toEqual({ entries: [old[2_099], old[2_098]], total: 2_100 });
    const early = log.append({ ...entries(1)[0]!, id: undefined } as unknown as Omit<ActivityEntry, 'id'>);
    const listed = log.list({ limit: 3 });
    expect(listed.total).toBe(2_101);
    const first = await early;
    expect(listed.entries.map((entry) => entry.id)).toEqual([first.id, old[2_099]!.id, old[2_098]!.id]);
    const late = await log.append({ ...entries(1)[0]!, id: undefined } as unknown as Omit<ActivityEntry, 'id'>);
    await attached;
    await log.detach();

    const again = new VaultActivityLog(clock, quiet);
    await again.attach(file, dataKey);
    const all = again.list({ limit: 10_000 });
    expect(all.total).toBe(2_102);
    expect(all.entries.slice(0, 3).map((entry) => entry.id)).toEqual([late.id, first.id, old[2_099]!.id]);
    expect(new Set(all.entries.map((entry) => entry.id)).size).toBe(2_102);
  });

  it('gives an append made before the attach has read the file an id after the file\'s, even if the clock went back', async () => {
    const file = await tempFile();
    const dataKey = randomBytes(32);
    // Written "in the future": the clock below is a month earlier.
    const future = entries(3, 40 * 24 * 3600 * 1000);
    await fs.writeFile(file, encodeBlock(deriveActivityKey(dataKey), future));
    const log = new VaultActivityLog(clock, quiet);
    const attached = log.attach(file, dataKey);
    const entry = await log.append({ ...entries(1)[0]!, id: undefined } as unknown as Omit<ActivityEntry, 'id'>);
    await attached;
    expect(entry.id > future[2]!.id).toBe(true);
    expect(log.list({}).entries[0]!.id).toBe(entry.id);
    await log.detach();
    // Written with the id it was given in the end (the file had not been read when it was appended).
    const again = new VaultActivityLog(clock, quiet);
    await again.attach(file, dataKey);
    expect(again.list({}).entries.map((listed) => listed.id)).toEqual([entry.id, future[2]!.id, future[1]!.id, future[0]!.id]);
    await again.detach();
  });
});

describe('activity.log shared by two writers', () => {
  /**
   * A log sharing a lock the test opens by hand: the first caller (its attach) waits until `open()`;
   * later callers pass.
   */
  function gatedLog() {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const log = new VaultActivityLog(clock, quiet);
    log.share({ lock: async () => { await gate; return async () => {}; }, report: () => {} });
    return { log, open };
  }
  const input = (url: string) => ({ ...entries(1)[0]!, id: undefined, url }) as unknown as Omit<ActivityEntry, 'id'>;

  it('a list() before the attach took the lock does not hide lines another writer appended meanwhile', async () => {
    const file = await tempFile();
    const dataKey = randomBytes(32);
    const writer = new VaultActivityLog(clock, quiet);
    await writer.attach(file, dataKey);
    await writer.append(input('https://example.test/first'));

    const { log: late, open: openLock } = gatedLog();
    const attached = late.attach(file, dataKey);
    // Read outside the lock (the attach is waiting for it): one line.
    expect(late.list({ limit: 10 }).total).toBe(1);
    // Another writer appends before the attach gets the lock.
    await writer.append(input('https://example.test/second'));
    openLock();
    await attached;
    expect(late.list({ limit: 10 }).entries.map((entry) => entry.url)).toEqual(['https://example.test/second', 'https://example.test/first']);
    // And its next write (and any compaction it makes) continues the chain with both lines kept.
    await late.append(input('https://example.test/third'));
    await late.detach();
    await writer.detach();
    expect((await loadActivityFile(file, deriveActivityKey(dataKey))).entries.map((entry) => entry.url)).toEqual(['https://example.test/first', 'https://example.test/second', 'https://example.test/third']);
  });

  it('a clear() while the attach waits for the lock, after a list(), keeps the file\'s entries out of memory', async () => {
    const file = await tempFile();
    const dataKey = randomBytes(32);
    const writer = new VaultActivityLog(clock, quiet);
    await writer.attach(file, dataKey);
    await writer.append(input('https://example.test/old'));
    await writer.detach();

    const { log, open: openLock } = gatedLog();
    const attached = log.attach(file, dataKey);
    expect(log.list({ limit: 10 }).total).toBe(1);
    const cleared = log.clear();
    openLock();
    await attached;
    await cleared;
    expect(log.list({ limit: 10 }).total).toBe(0);
    await log.detach();
    expect((await loadActivityFile(file, deriveActivityKey(dataKey))).entries).toEqual([]);
  });
});
