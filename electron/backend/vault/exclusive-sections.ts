// Named sections held by one caller at a time across every process on the vault (and within this
// one), e.g. one refresh per install: callers in this process queue in order, then the lock file
// `<locksDir>/<name>.lock` is taken, so only one process at a time runs the section.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { acquireLock } from './file-lock';

export class ExclusiveSections {
  readonly #tails = new Map<string, Promise<void>>();

  constructor(private readonly locksDir: string) {}

  /** `fn` should re-read what it depends on once inside: another process may have done the work meanwhile. */
  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(name) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => mine);
    this.#tails.set(name, tail);
    await previous;
    try {
      await fs.mkdir(this.locksDir, { recursive: true, mode: 0o700 });
      const file = path.join(this.locksDir, `${name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 120)}.lock`);
      const release = await acquireLock(file, { staleMs: 30_000, waitMs: 120_000, what: `The vault's "${name}" section` });
      try {
        return await fn();
      } finally {
        await release();
      }
    } finally {
      done();
      if (this.#tails.get(name) === tail) this.#tails.delete(name);
    }
  }
}
