// vault.changes: one line per committed update, `<generation> <record> <record>…`, appended under
// the vault's lock after the record files are written. Other processes read only what was appended
// since they last looked (one stat when nothing changed) and reload just those records; that is how
// a CLI process sees the app's writes and the other way round. Record names: `main`,
// `install:<file stem>`, and `-install:<file stem>` for a deleted install. It holds no secret
// (ids and numbers only). A compaction rewrites it as one line per live record; readers notice the
// new file (inode or size) and reload everything.
import { appendFileSync, closeSync, openSync, readSync, statSync } from 'node:fs';
import { writeFileAtomicSync } from './atomic-write';
import { parseChangeLines, type ChangeBatch } from './change-lines';

export { parseChangeLines, type ChangeBatch } from './change-lines';

export type Poll = { kind: 'none' } | { kind: 'changes'; batches: ChangeBatch[] } | { kind: 'reset' };

export class ChangeLog {
  #offset = 0;
  #ino = -1;
  #lines = 0;

  constructor(readonly file: string) {}

  get lines(): number {
    return this.#lines;
  }

  /** Reads the whole file (at open, and after a reset): every batch, oldest first. */
  readAll(): ChangeBatch[] {
    this.#offset = 0;
    this.#ino = -1;
    this.#lines = 0;
    const polled = this.poll();
    return polled.kind === 'changes' ? polled.batches : [];
  }

  /** What was appended since the last look. Never throws for a missing file (no change yet). */
  poll(): Poll {
    let stat;
    try {
      stat = statSync(this.file);
    } catch {
      if (this.#ino === -1 && this.#offset === 0) return { kind: 'none' };
      return { kind: 'reset' };
    }
    if (this.#ino !== -1 && stat.ino !== this.#ino) return { kind: 'reset' };
    if (stat.size < this.#offset) return { kind: 'reset' };
    this.#ino = stat.ino;
    if (stat.size === this.#offset) return { kind: 'none' };
    const length = stat.size - this.#offset;
    const bytes = Buffer.alloc(length);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, bytes, 0, length, this.#offset);
    } finally {
      closeSync(fd);
    }
    // Only whole lines: an append still under way is read next time.
    const end = bytes.lastIndexOf(0x0a);
    if (end < 0) return { kind: 'none' };
    this.#offset += end + 1;
    const batches = parseChangeLines(bytes.subarray(0, end + 1).toString('utf8'));
    this.#lines += batches.length;
    return { kind: 'changes', batches };
  }

  /** Under the lock, after poll() has caught up: the offset stays at the end of the file. */
  append(batch: ChangeBatch): void {
    const line = `${batch.generation} ${batch.names.join(' ')}\n`;
    appendFileSync(this.file, line, { mode: 0o600 });
    this.#offset += Buffer.byteLength(line);
    this.#lines += 1;
    if (this.#ino === -1) this.#ino = statSync(this.file).ino;
  }

  /** Under the lock: one line per live record with its generation. */
  compact(generations: ReadonlyMap<string, number>): void {
    const lines = [...generations].sort((a, b) => a[1] - b[1]).map(([name, gen]) => `${gen} ${name}\n`).join('');
    writeFileAtomicSync(this.file, lines);
    const stat = statSync(this.file);
    this.#ino = stat.ino;
    this.#offset = stat.size;
    this.#lines = generations.size;
  }
}
