// A lock file shared by every process that opens the vault (the app, `serve`, CLI processes).
// Taken with O_EXCL ("wx"); the holder writes its pid and a random token and touches the file
// while it holds it. A lock is stale when its pid is dead (same host) or when it has not been
// touched for `staleMs` (a frozen or reused pid); a stale lock is broken by renaming it aside and
// checking that what was renamed is the very lock judged stale, so two breakers never both win.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, promises as fs, rmSync, statSync, writeSync } from 'node:fs';
import { WorkbenchError } from '../../common/errors';

export interface LockOptions {
  /** Untouched for this long = stale, whatever its pid says. */
  staleMs: number;
  /** Give up waiting after this long (a live holder that never lets go). */
  waitMs: number;
  /** What the error says is busy. */
  what: string;
}

export type Release = () => Promise<void>;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    return { text, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

function isStale(lock: { text: string; mtimeMs: number }, staleMs: number): boolean {
  const age = Date.now() - lock.mtimeMs;
  if (age > staleMs) return true;
  let pid = Number.NaN;
  try {
    pid = (JSON.parse(lock.text) as { pid?: number }).pid ?? Number.NaN;
  } catch {
    // Created but not yet written (or the writer died in between): give it a moment.
    return age > 1_000;
  }
  return !alive(pid);
}

/** Renames the stale lock aside; if a fresh lock was renamed instead (a race), puts it back. */
async function breakLock(file: string, judged: string): Promise<void> {
  const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(file, aside);
  } catch {
    return;
  }
  const text = await fs.readFile(aside, 'utf8').catch(() => '');
  if (text !== judged) await fs.link(aside, file).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireLock(file: string, options: LockOptions): Promise<Release> {
  const text = JSON.stringify({ pid: process.pid, token: randomBytes(8).toString('hex'), at: new Date().toISOString() });
  const started = Date.now();
  let delay = 1;
  let fd: number;
  for (;;) {
    try {
      // Synchronous: taking a free lock is two system calls; a trip through the thread pool per save
      // would cost more than the save's own write under load. The file stays open while held: the
      // release tells by its inode that it is still ours (an open file's inode is never reused).
      fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, text);
      } catch (error) {
        closeSync(fd);
        rmSync(file, { force: true });
        throw error;
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = await readLock(file);
    if (held && isStale(held, options.staleMs)) {
      await breakLock(file, held.text);
      continue;
    }
    if (Date.now() - started > options.waitMs) {
      throw new WorkbenchError('CONFLICT', `${options.what} is busy: another workbench process has held its lock for more than ${Math.round(options.waitMs / 1000)} s. Try again.`);
    }
    await pause(delay);
    delay = Math.min(delay * 2, 25);
  }
  // Touch the file while held so a long holder (a refresh waiting on the network) is never judged stale.
  const beat = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now).catch(() => undefined);
  }, Math.max(50, Math.floor(options.staleMs / 3)));
  beat.unref();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    try {
      // Only remove it if it is still ours (it cannot have been broken while we touched it, but be sure).
      const mine = fstatSync(fd);
      let current: { ino: number; dev: number } | null = null;
      try {
        current = statSync(file);
      } catch {
        return;
      }
      if (current.ino === mine.ino && current.dev === mine.dev) rmSync(file, { force: true });
    } finally {
      closeSync(fd);
    }
  };
}
