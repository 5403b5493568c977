// The vault's lock file (file-lock.ts) as one process takes it. Within the process, callers (store
// commits, activity appends, the mirror) queue here, first come first served, instead of polling the
// lock file against each other (EEXIST, then 1 → 25 ms pauses: a save behind an activity append of
// the same process waited milliseconds for nothing). While callers keep coming, the file is handed
// from one to the next without being removed and created again, for at most HANDOVER_MAX_MS, so
// other processes still get their turn. The lock file is taken by hard-linking a holder file this
// process keeps (file-lock.ts), not by creating it each time.
import { WorkbenchError } from '../../common/errors';
import { acquireLock, closeHolder, openHolder, type LockHolder, type LockOptions, type Release } from './file-lock';

/** How long this process may keep the lock file by handing it from caller to caller. */
export const HANDOVER_MAX_MS = 50;

export class ProcessLock {
  /** The lock file's own release while this process holds it. */
  #file: Release | null = null;
  #since = 0;
  #busy = false;
  readonly #waiters: Array<() => void> = [];
  #holder: LockHolder | null = null;

  constructor(
    private readonly file: string,
    private readonly options: LockOptions,
  ) {}

  /** Resolves with a release once this caller holds the lock; CONFLICT like acquireLock after `waitMs`. */
  async acquire(): Promise<Release> {
    if (this.#busy) await this.#wait();
    else this.#busy = true;
    if (!this.#file) {
      try {
        this.#file = await acquireLock(this.file, this.options, this.#holderFile());
      } catch (error) {
        this.#passOn();
        throw error;
      }
      this.#since = Date.now();
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      if (this.#waiters.length > 0 && Date.now() - this.#since < HANDOVER_MAX_MS) {
        this.#passOn();
        return;
      }
      const release = this.#file;
      this.#file = null;
      try {
        await release?.();
      } finally {
        this.#passOn();
      }
    };
  }

  /** The holder file, made at the first taking; none (plain O_EXCL) when it cannot be made. */
  #holderFile(): LockHolder | undefined {
    if (!this.#holder) {
      try {
        this.#holder = openHolder(this.file);
      } catch {
        return undefined;
      }
    }
    return this.#holder;
  }

  /** Removes the holder file (at the vault's close, with nothing held). */
  close(): void {
    if (this.#busy || !this.#holder) return;
    const holder = this.#holder;
    this.#holder = null;
    try {
      closeHolder(holder);
    } catch {
      // Left behind: the next open removes holders of processes that are gone.
    }
  }

  /** The next caller in this process goes on (holding the file if it is still held), or the lock is free. */
  #passOn(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#busy = false;
  }

  #wait(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.#waiters.indexOf(go);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(new WorkbenchError('CONFLICT', `${this.options.what} is busy: this process has held its lock for more than ${Math.round(this.options.waitMs / 1000)} s. Try again.`));
      }, this.options.waitMs);
      timer.unref();
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiters.push(go);
    });
  }
}
