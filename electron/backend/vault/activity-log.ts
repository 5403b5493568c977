// The activity log (`vault.activity`): newest-first history of every HTTP exchange, bounded to
// the newest 10,000 entries. In memory it is an id-sorted array; on disk, activity.log (see
// activity-file.ts): one sealed block of the entries kept at the last compaction, then one line per
// append. It is compacted (atomic rewrite into a new block) once it holds more than ~12,000 entries
// or more than 2,000 lines were appended since the block, so opening never decrypts thousands of
// lines one by one; a file found with that many lines is compacted in the background after attach.
// While the vault is not ready there is no key, so entries live in memory and are written on unlock.
// Several processes share the file: every write runs under the vault's lock (share()), after reading
// the lines the others appended, so the chain (activity-file.ts) continues and every process lists all.
import type { ActivityEntry } from '../../common/model';
import type { Clock, Logger } from '../ports';
import { deriveActivityKey } from './activity-crypto';
import { statSync, truncateSync } from 'node:fs';
import { fileIdentity } from './file-identity';
import { appendEntries, finishActivityFile, readActivityBytes, readActivityTextSync, readAppendedSync, removeStaleTemps, rewriteActivityFile } from './activity-file';
import type { ChainHead } from './activity-chain';
import { parseActivityText, type ParsedActivity } from './activity-parse';
import { parseActivityFileSliced, sealBlockSliced } from './activity-block-sliced';
import { writeFileAtomic } from './atomic-write';
import { TimeSlicer } from './time-slicer';
import { ActivityIdGenerator } from './activity-ids';
import type { ActivityFilter, ActivityLog } from './vault-types';
import { WriteQueue } from './write-queue';

export const ACTIVITY_MAX_ENTRIES = 10_000;
export const ACTIVITY_COMPACT_AT_LINES = 12_000;
export const ACTIVITY_COMPACT_AFTER_APPENDS = 2_000;
export const ACTIVITY_DEFAULT_LIMIT = 200;

/** An attach in progress: the file is read (by the attach, or by a list() that could not wait) and merged once. */
interface Loading {
  file: string;
  key: Buffer;
  parsed: ParsedActivity | null;
  merged: boolean;
  /** clear() came first: the file's entries must not come back into memory. */
  cleared: boolean;
}

export interface AttachResult {
  badLines: number;
  tornTail: boolean;
  /** Deleted, reordered or inserted lines the chain revealed (see activity-file.ts). */
  chainProblems: string[];
}

/** How the log shares its file with other processes: the vault's lock, and where chain problems go. */
export interface ActivityLogSharing {
  lock(): Promise<() => Promise<void>>;
  report(problems: readonly string[]): void;
}

interface Disk {
  file: string;
  key: Buffer;
  lines: number;
  sinceBlock: number;
  /** The chain's last line, and how far (bytes, inode) this process has read the file. */
  head: ChainHead;
  offset: number;
  ino: number;
}

function fileStat(file: string): { size: number; ino: number } {
  try {
    const stat = statSync(file);
    return { size: stat.size, ino: stat.ino };
  } catch {
    return { size: 0, ino: -1 };
  }
}

export class VaultActivityLog implements ActivityLog {
  #entries: ActivityEntry[] = [];
  #pending: ActivityEntry[] = [];
  /** Ids in #entries whose append is still queued: a compaction before it must not write them too. */
  readonly #queued = new Set<string>();
  #disk: Disk | null = null;
  #sharing: ActivityLogSharing | null = null;
  #loading: Loading | null = null;
  readonly #queue = new WriteQueue();
  readonly #ids: ActivityIdGenerator;
  /** Appends waiting for the same write: they join until it starts (or another task is queued). */
  #batch: ActivityEntry[] | null = null;
  #batchDone: Promise<void> = Promise.resolve();
  /** Appended before the file's entries were merged: their ids may need to move after the file's (#merge). */
  #provisional: ActivityEntry[] = [];

  constructor(
    clock: Clock,
    private readonly logger: Logger,
    private readonly limits = { maxEntries: ACTIVITY_MAX_ENTRIES, compactAtLines: ACTIVITY_COMPACT_AT_LINES, compactAfterAppends: ACTIVITY_COMPACT_AFTER_APPENDS },
  ) {
    this.#ids = new ActivityIdGenerator(clock);
  }

  get attached(): boolean {
    return this.#disk !== null;
  }

  /** The chain's last sequence number on disk (mirrored in the key file after store commits). */
  get chainSeq(): number | null {
    return this.#disk?.head.seq ?? null;
  }

  /** Every write (append, compaction, clear, attach repair) then runs under `sharing.lock()`. */
  share(sharing: ActivityLogSharing): void {
    this.#sharing = sharing;
  }

  async #locked<T>(fn: () => Promise<T>): Promise<T> {
    const release = this.#sharing ? await this.#sharing.lock() : null;
    try {
      return await fn();
    } finally {
      await release?.();
    }
  }

  /**
   * Reads what other processes appended since this one last looked (whole lines), merging their
   * entries; a file replaced by another process's compaction is read again whole. Synchronous.
   */
  #catchUp(disk: Disk): void {
    const read = readAppendedSync(disk.file, disk.offset, disk.ino);
    if (read.kind === 'same') return;
    if (read.kind === 'more') {
      const parsed = parseActivityText(read.text, disk.key, disk.head, 1);
      // Lines that do not continue the chain from where this process stopped: the file was replaced
      // (an inode number can be reused at once), so it is read again whole, below.
      if (parsed.badLines === 0 && parsed.chainProblems.length === 0) {
        this.#mergeOthers(parsed.entries);
        disk.head = parsed.chain;
        disk.offset += Buffer.byteLength(read.text);
        disk.ino = read.ino;
        disk.lines += parsed.entries.length;
        disk.sinceBlock += parsed.entries.length;
        return;
      }
    }
    const text = readActivityTextSync(disk.file);
    const parsed = parseActivityText(text, disk.key);
    if (parsed.badLines > 0) {
      this.logger.warn(`The activity log written by another process has ${parsed.badLines} unreadable line(s); they are not shown.`);
    }
    this.#mergeOthers(parsed.entries);
    const stat = fileStat(disk.file);
    disk.head = parsed.chain;
    disk.offset = parsed.bytes - Buffer.byteLength(parsed.tailKept ? '' : parsed.tail);
    disk.ino = stat.ino;
    disk.lines = parsed.lines;
    disk.sinceBlock = parsed.linesSinceBlock;
    if (parsed.chainProblems.length > 0) this.#sharing?.report(parsed.chainProblems);
  }

  #mergeOthers(entries: readonly ActivityEntry[]): void {
    if (entries.length === 0) return;
    const known = new Set(this.#entries.map((entry) => entry.id));
    const added = entries.filter((entry) => !known.has(entry.id));
    if (added.length === 0) return;
    for (const entry of added) this.#ids.observe(entry.id);
    this.#entries = this.#bound([...this.#entries, ...added].sort(byId));
  }

  /**
   * Opens the log file with the data key, merges entries appended while locked, and writes them.
   * The vault does not wait for this (opening stays at the store's cost): until it is done,
   * appends queue their writes behind it (their ids move after the file's at merge if needed), and a
   * list() that comes before the file was read reads it synchronously at that moment, so list never
   * answers with half the history. A file with unreadable lines is NOT touched here: the
   * caller moves it aside first, then attaches again to a fresh file.
   */
  attach(file: string, dataKey: Buffer): Promise<AttachResult> {
    const loading: Loading = { file, key: deriveActivityKey(dataKey), parsed: null, merged: false, cleared: false };
    this.#loading = loading;
    this.#batch = null;
    return this.#queue.run(async () => {
      let pending: ActivityEntry[] = [];
      let rewriteBlock = false;
      try {
        // Read and parsed before the lock is taken (the slow part, in slices of the event loop: the
        // app answers IPC meanwhile), so the vault's saves are not held up by it. What memory takes
        // must be the file as it is under the lock (another process may append, or be mid-line, until
        // then; a list() may have read it earlier without the lock): one stat there tells, and only
        // a file that changed since is read again, under the lock.
        const slicer = new TimeSlicer();
        const seen = fileIdentity(file);
        const early = await parseActivityFileSliced(await readActivityBytes(file), loading.key, slicer);
        const result = await this.#locked(async () => {
        await removeStaleTemps(file);
        const { oneLineBlock, ...loaded } = fileIdentity(file) === seen ? early : await parseActivityFileSliced(await readActivityBytes(file), loading.key, slicer);
        rewriteBlock = oneLineBlock;
        if (loaded.badLines > 0) return { badLines: loaded.badLines, tornTail: loaded.tornTail, chainProblems: [] as string[] };
        if (loading.merged && !loading.cleared) this.#mergeOthers(loaded.entries);
        loading.parsed = loaded;
        this.#merge(loading);
        await finishActivityFile(file, loaded);
        const stat = fileStat(file);
        // No await between taking the pending entries and setting #disk: an append lands in one or the other.
        pending = this.#pending;
        this.#pending = [];
        this.#disk = { file, key: loading.key, lines: loaded.lines, sinceBlock: loaded.linesSinceBlock, head: loaded.chain, offset: stat.size, ino: stat.ino };
        return { badLines: 0, tornTail: loaded.tornTail, chainProblems: loaded.chainProblems };
        });
        if (result.badLines > 0) return result;
        await this.#write(pending);
        // An old-format file, one that grew line by line, or a block written on one line (opened whole,
        // not in slices): seal it into a block for the next open, queued behind this attach so
        // nothing waits for it and appends stay in order.
        if (this.#needsCompaction() || rewriteBlock) {
          this.#batch = null;
          void this.#queue.run(() => this.#locked(() => this.#compactLogged()));
        }
        return result;
      } finally {
        if (this.#loading === loading) this.#loading = null;
      }
    });
  }

  /** Puts the file's entries into memory, once per attach (by list() or by the attach itself). */
  #merge(loading: Loading): void {
    const loaded = loading.parsed;
    if (loading.merged || !loaded || loaded.badLines > 0) return;
    loading.merged = true;
    let newest = '';
    for (const entry of loaded.entries) {
      this.#ids.observe(entry.id);
      if (entry.id > newest) newest = entry.id;
    }
    // Appends made before the file was read took ids without knowing the file's: one that does not
    // sort after them (a clock that stepped back) gets a new one. Nobody has seen it yet: its write
    // waits behind the attach, and append() resolves after the write.
    for (const entry of this.#provisional) {
      if (entry.id > newest) continue;
      const queued = this.#queued.delete(entry.id);
      entry.id = this.#ids.next();
      if (queued) this.#queued.add(entry.id);
    }
    this.#provisional = [];
    this.#entries = this.#bound([...loaded.entries, ...this.#entries].sort(byId));
  }

  /** list() before the background attach has merged the file: read it now, blocking, once. */
  #loadNow(loading: Loading): void {
    try {
      loading.parsed ??= parseActivityText(readActivityTextSync(loading.file), loading.key);
    } catch (error) {
      // The attach meets the same error and reports it; meanwhile list what memory holds.
      this.logger.warn(`The activity log could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      return;
    }
    this.#merge(loading);
  }

  async detach(): Promise<void> {
    await this.#queue.idle();
    this.#disk = null;
  }

  /** On lock: detaches and drops the decrypted history from memory (the next attach reads it again). */
  async forget(): Promise<void> {
    await this.detach();
    this.#entries = [];
    this.#pending = [];
    this.#queued.clear();
  }

  /**
   * After detach(), before attaching to a re-keyed file (key rotation): drops the entries the file
   * holds from memory so the attach does not merge them twice; entries waiting to be written stay.
   */
  dropWritten(): void {
    const pending = new Set(this.#pending.map((entry) => entry.id));
    this.#entries = this.#entries.filter((entry) => pending.has(entry.id));
    this.#queued.clear();
  }

  append(input: Omit<ActivityEntry, 'id'>): Promise<ActivityEntry> {
    const entry: ActivityEntry = { ...input, id: this.#ids.next() };
    // Before the attach has merged the file, the id generator has not seen the file's ids (a clock
    // that stepped back): #merge moves this id after them if needed, without reading the file here.
    if (this.#loading && !this.#loading.merged) this.#provisional.push(entry);
    this.#entries.push(entry);
    this.#entries = this.#bound(this.#entries);
    // Locked (no attach under way): memory only, written on unlock. While an attach is under way the
    // write queues behind it, so the caller's await still means "on disk", in order.
    if (!this.#disk && !this.#loading) {
      this.#pending.push(entry);
      if (this.#pending.length > this.limits.maxEntries) this.#pending.shift();
      return Promise.resolve(entry);
    }
    this.#queued.add(entry.id);
    if (!this.#batch) {
      // One write (one lock, one append to the file) for every append until the write starts: the
      // caller's own code goes on first (the write starts after the pending I/O callbacks), and a
      // burst of appends — a flow's exchanges, several processes' refreshes — shares the lock.
      const batch: ActivityEntry[] = [];
      this.#batch = batch;
      this.#batchDone = this.#queue.run(async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.#batch === batch) this.#batch = null;
        await this.#write(batch);
      });
    }
    this.#batch.push(entry);
    return this.#batchDone.then(() => entry);
  }

  list(filter: ActivityFilter): { entries: ActivityEntry[]; total: number } {
    if (this.#loading && !this.#loading.merged) this.#loadNow(this.#loading);
    // Other processes' lines (one stat when there are none).
    if (this.#disk) {
      try {
        this.#catchUp(this.#disk);
      } catch (error) {
        this.logger.warn(`The activity log could not be re-read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
    }
    const limit = Math.max(1, filter.limit ?? ACTIVITY_DEFAULT_LIMIT);
    const entries: ActivityEntry[] = [];
    let total = 0;
    for (let index = this.#entries.length - 1; index >= 0; index -= 1) {
      const entry = this.#entries[index]!;
      if (filter.kind && entry.kind !== filter.kind) continue;
      if (filter.appId && entry.appId !== filter.appId) continue;
      if (filter.accountId && entry.accountId !== filter.accountId) continue;
      // `total` counts every match, so the UI can say "200 of 3,412" while paging with beforeId.
      total += 1;
      if (filter.beforeId && entry.id >= filter.beforeId) continue;
      if (entries.length < limit) entries.push(entry);
    }
    return { entries, total };
  }

  clear(): Promise<void> {
    this.#entries = [];
    this.#pending = [];
    this.#queued.clear();
    // A file still being attached is emptied by the rewrite below (queued after the attach): its
    // entries must not come back into memory either.
    if (this.#loading) {
      this.#loading.merged = true;
      this.#loading.cleared = true;
    }
    this.#batch = null;
    return this.#queue.run(async () => {
      const disk = this.#disk;
      if (!disk) return;
      await this.#locked(async () => {
        disk.head = await rewriteActivityFile(disk.file, disk.key, [], disk.head);
        const stat = fileStat(disk.file);
        disk.offset = stat.size;
        disk.ino = stat.ino;
        disk.lines = 0;
        disk.sinceBlock = 0;
      });
    });
  }

  #bound(entries: ActivityEntry[]): ActivityEntry[] {
    const excess = entries.length - this.limits.maxEntries;
    if (excess > 0) entries.splice(0, excess);
    return entries;
  }

  /** Runs inside the queue. Activity is history, not state: a failed write is logged, not thrown. */
  async #write(entries: ActivityEntry[]): Promise<void> {
    const disk = this.#disk;
    if (!disk || entries.length === 0) {
      for (const entry of entries) this.#queued.delete(entry.id);
      // The attach failed or the log was detached: keep them for the next attach, as while locked.
      this.#pending.push(...entries);
      return;
    }
    try {
      await this.#locked(async () => {
        // Under the lock: read the other processes' lines first, so the chain continues from the last one.
        this.#catchUp(disk);
        // Bytes past the last whole line, with the lock held, can only be a dead writer's torn line.
        if (fileStat(disk.file).size > disk.offset) truncateSync(disk.file, disk.offset);
        const appended = await appendEntries(disk.file, disk.key, entries, disk.head);
        disk.head = appended.head;
        disk.offset += appended.bytes;
        if (disk.ino === -1) disk.ino = fileStat(disk.file).ino;
        // On disk now: from here on a compaction must keep them in its block.
        for (const entry of entries) this.#queued.delete(entry.id);
        disk.lines += entries.length;
        disk.sinceBlock += entries.length;
        if (this.#needsCompaction()) await this.#compact();
      });
    } catch (error) {
      this.logger.warn(`The activity log could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); entries stay in memory.`);
    } finally {
      for (const entry of entries) this.#queued.delete(entry.id);
    }
  }

  #needsCompaction(): boolean {
    const disk = this.#disk;
    return disk !== null && (disk.lines > this.limits.compactAtLines || disk.sinceBlock > this.limits.compactAfterAppends);
  }

  /** Runs inside the queue: everything appended so far is in #entries, so the block loses nothing. */
  async #compact(): Promise<void> {
    const disk = this.#disk;
    if (!disk) return;
    // Under the lock: other processes' lines are read in first, so the block keeps them.
    this.#catchUp(disk);
    // A copy: appends made while the block is sealed (in slices) go to memory and to their own line after it.
    const kept = this.#entries.filter((entry) => !this.#queued.has(entry.id));
    const block = await sealBlockSliced(disk.key, kept, disk.head, new TimeSlicer());
    await writeFileAtomic(disk.file, block.text);
    disk.head = block.head;
    const stat = fileStat(disk.file);
    disk.offset = stat.size;
    disk.ino = stat.ino;
    disk.lines = kept.length;
    disk.sinceBlock = 0;
  }

  async #compactLogged(): Promise<void> {
    try {
      await this.#compact();
    } catch (error) {
      // The file as it is stays valid (the rename never happened): the next open tries again.
      this.logger.warn(`The activity log could not be compacted (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
}

function byId(a: ActivityEntry, b: ActivityEntry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
