// The activity log (`vault.activity`): newest-first history of every HTTP exchange, bounded to
// the newest 10,000 entries. In memory it is an id-sorted array; on disk, activity.log (see
// activity-file.ts), compacted by an atomic rewrite once it grows past ~12,000 lines. While the
// vault is not ready there is no key, so entries live in memory and are written on unlock.
import type { ActivityEntry } from '../../common/model';
import type { Clock, Logger } from '../ports';
import { deriveActivityKey } from './activity-crypto';
import { appendEntries, loadActivityFile, rewriteActivityFile } from './activity-file';
import { ActivityIdGenerator } from './activity-ids';
import type { ActivityFilter, ActivityLog } from './vault-types';
import { WriteQueue } from './write-queue';

export const ACTIVITY_MAX_ENTRIES = 10_000;
export const ACTIVITY_COMPACT_AT_LINES = 12_000;
export const ACTIVITY_DEFAULT_LIMIT = 200;

export interface AttachResult {
  badLines: number;
  tornTail: boolean;
}

export class VaultActivityLog implements ActivityLog {
  #entries: ActivityEntry[] = [];
  #pending: ActivityEntry[] = [];
  #disk: { file: string; key: Buffer; lines: number } | null = null;
  readonly #queue = new WriteQueue();
  readonly #ids: ActivityIdGenerator;

  constructor(
    clock: Clock,
    private readonly logger: Logger,
    private readonly limits = { maxEntries: ACTIVITY_MAX_ENTRIES, compactAtLines: ACTIVITY_COMPACT_AT_LINES },
  ) {
    this.#ids = new ActivityIdGenerator(clock);
  }

  get attached(): boolean {
    return this.#disk !== null;
  }

  /**
   * Opens the log file with the data key, merges entries appended while locked, and writes them.
   * A file with unreadable lines is NOT touched here: the caller moves it aside first, then
   * attaches again to a fresh file (see recoverActivity in open-vault).
   */
  attach(file: string, dataKey: Buffer): Promise<AttachResult> {
    return this.#queue.run(async () => {
      const key = deriveActivityKey(dataKey);
      const loaded = await loadActivityFile(file, key);
      if (loaded.badLines > 0) return { badLines: loaded.badLines, tornTail: loaded.tornTail };
      for (const entry of loaded.entries) this.#ids.observe(entry.id);
      const pending = this.#pending;
      this.#pending = [];
      this.#entries = this.#bound([...loaded.entries, ...this.#entries].sort(byId));
      this.#disk = { file, key, lines: loaded.lines };
      await this.#write(pending);
      return { badLines: 0, tornTail: loaded.tornTail };
    });
  }

  async detach(): Promise<void> {
    await this.#queue.idle();
    this.#disk = null;
  }

  append(input: Omit<ActivityEntry, 'id'>): Promise<ActivityEntry> {
    const entry: ActivityEntry = { ...input, id: this.#ids.next() };
    this.#entries.push(entry);
    this.#entries = this.#bound(this.#entries);
    if (!this.#disk) {
      this.#pending.push(entry);
      if (this.#pending.length > this.limits.maxEntries) this.#pending.shift();
      return Promise.resolve(entry);
    }
    return this.#queue.run(async () => {
      await this.#write([entry]);
      return entry;
    });
  }

  list(filter: ActivityFilter): { entries: ActivityEntry[]; total: number } {
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
    return this.#queue.run(async () => {
      if (!this.#disk) return;
      await rewriteActivityFile(this.#disk.file, this.#disk.key, []);
      this.#disk.lines = 0;
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
    if (!disk || entries.length === 0) return;
    try {
      await appendEntries(disk.file, disk.key, entries);
      disk.lines += entries.length;
      if (disk.lines > this.limits.compactAtLines) {
        await rewriteActivityFile(disk.file, disk.key, this.#entries);
        disk.lines = this.#entries.length;
      }
    } catch (error) {
      this.logger.warn(`The activity log could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); entries stay in memory.`);
    }
  }
}

function byId(a: ActivityEntry, b: ActivityEntry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
