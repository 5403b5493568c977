// One commit's record files, written so that the disk's wait overlaps the commit's own work: each
// file is sealed and written to a temp file at once and its fsync runs in libuv's thread pool while
// the commit goes on (comparing the other installs); the renames — the moment each file changes —
// come only when every temp file is durable, in the order staged. Until then every record is as it
// was: abandon() removes the temp files. Same steps per file as writeFileAtomicSync (temp file,
// write, fsync, rename; mode 0600), same durability: nothing is renamed before its fsync returned.
import { closeSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sealRecord } from './record-crypto';
import { recordPath } from './record-files';

/** fsyncs in the thread pool at once; beyond that a file is synced where it is written (a migration writes thousands). */
const MAX_IN_FLIGHT = 8;

interface Staged {
  name: string;
  temp: string;
  target: string;
  fd: number | null;
  /** Settles when the fsync returned (resolves with its error, never rejects). */
  synced: Promise<NodeJS.ErrnoException | null>;
}

function openTemp(target: string): { temp: string; fd: number } {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    return { temp, fd: openSync(temp, 'w', 0o600) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The first install file (or a folder deleted meanwhile): create the folder, then again.
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    return { temp, fd: openSync(temp, 'w', 0o600) };
  }
}

export class RecordBatch {
  readonly #staged: Staged[] = [];
  #inFlight = 0;

  /**
   * `overlap`: fsyncs go to the thread pool while the caller works on. Without it (little else to do
   * meanwhile) each file is synced where it is written, sparing the trip through the thread pool.
   */
  constructor(
    private readonly dataDir: string,
    private readonly key: Buffer,
    private readonly generation: number,
    private readonly overlap = true,
  ) {}

  get size(): number {
    return this.#staged.length;
  }

  /** Seals `value` as this batch's generation of record `name` into a temp file; its fsync starts. Throws on failure. */
  stage(name: string, value: object): void {
    const target = recordPath(this.dataDir, name);
    const bytes = Buffer.from(sealRecord(this.key, name, this.generation, JSON.stringify(value)));
    const { temp, fd } = openTemp(target);
    const staged: Staged = { name, temp, target, fd, synced: Promise.resolve(null) };
    this.#staged.push(staged);
    // A write may be short (a signal): go on until every byte is in.
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (!this.overlap || this.#inFlight >= MAX_IN_FLIGHT) {
      fsyncSync(fd);
      return;
    }
    this.#inFlight += 1;
    staged.synced = new Promise((resolve) =>
      fsync(fd, (error) => {
        this.#inFlight -= 1;
        resolve(error);
      }),
    );
  }

  /** Resolves once every staged file is on disk (fsync'd and closed); throws the first failure. */
  async durable(): Promise<void> {
    const errors = await Promise.all(this.#staged.map((staged) => staged.synced));
    this.#closeAll();
    const failed = errors.find((error) => error !== null);
    if (failed) throw failed;
  }

  /** Puts the staged file of `name` in place (after durable()). Throws on failure. */
  rename(name: string): void {
    const staged = this.#staged.find((candidate) => candidate.name === name && candidate.temp !== '');
    if (!staged) throw new Error(`record ${name} was not staged`);
    renameSync(staged.temp, staged.target);
    staged.temp = '';
  }

  /** Gives up: waits for the fsyncs under way, then removes every temp file not renamed yet. Never throws. */
  async abandon(): Promise<void> {
    await Promise.all(this.#staged.map((staged) => staged.synced));
    this.#closeAll();
    for (const staged of this.#staged) {
      if (staged.temp) rmSync(staged.temp, { force: true });
      staged.temp = '';
    }
  }

  #closeAll(): void {
    for (const staged of this.#staged) {
      if (staged.fd === null) continue;
      try {
        closeSync(staged.fd);
      } catch {
        // Already synced (or failed, reported by durable()): nothing more to save here.
      }
      staged.fd = null;
    }
  }
}
