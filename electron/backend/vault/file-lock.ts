// A lock file shared by every process that opens the vault (the app, `serve`, CLI processes).
// Taken with O_EXCL ("wx"); the holder writes its pid and a random token and touches the file
// while it holds it. A lock is stale when its pid is dead (same host) or when it has not been
// touched for `staleMs` (a frozen or reused pid); a stale lock is broken by renaming it aside and
// checking that what was renamed is the very lock judged stale, so two breakers never both win.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, linkSync, openSync, promises as fs, readdirSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
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

/**
 * A file of one process, kept open, that acquireLock hard-links as the lock file instead of creating
 * the lock file each time: a link adds a name, not an inode and a data block (about a fifth of the
 * cost on ext4). Its text is rewritten (same length) before each link, so each taking still has its
 * own token. Named `.<lock file>.holder-<pid>-<hex>` beside the lock file; closeHolder removes it.
 */
export interface LockHolder {
  path: string;
  fd: number;
  length: number;
}

const holderPrefix = (file: string) => `.${path.basename(file)}.holder-`;

export function openHolder(file: string): LockHolder {
  const holder = path.join(path.dirname(file), `${holderPrefix(file)}${process.pid}-${randomBytes(4).toString('hex')}`);
  return { path: holder, fd: openSync(holder, 'wx', 0o600), length: 0 };
}

export function closeHolder(holder: LockHolder): void {
  try {
    closeSync(holder.fd);
  } finally {
    rmSync(holder.path, { force: true });
  }
}

/** Holder files of processes that are gone (killed before their close). */
export function removeDeadHolders(file: string): void {
  const prefix = holderPrefix(file);
  let names: string[];
  try {
    names = readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && !alive(pid)) rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

/** Creates the lock file holding `text` (O_EXCL, or a link of the holder); false when it exists. Returns the open file. */
function createLock(file: string, text: string, holder: LockHolder | undefined): number | null {
  const bytes = Buffer.from(text);
  if (holder) {
    writeSync(holder.fd, bytes, 0, bytes.length, 0);
    if (bytes.length !== holder.length) ftruncateSync(holder.fd, bytes.length);
    holder.length = bytes.length;
    try {
      linkSync(holder.path, file);
      return holder.fd;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw error;
    }
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    writeSync(fd, bytes);
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw error;
  }
  return fd;
}

export async function acquireLock(file: string, options: LockOptions, holder?: LockHolder): Promise<Release> {
  const text = JSON.stringify({ pid: process.pid, token: randomBytes(8).toString('hex'), at: new Date().toISOString() });
  const started = Date.now();
  let delay = 1;
  let fd: number;
  for (;;) {
    // Synchronous: taking a free lock is a few system calls; a trip through the thread pool per save
    // would cost more than the save's own write under load. The file stays open while held: the
    // release tells by its inode that it is still ours (an open file's inode is never reused).
    const created = createLock(file, text, holder);
    if (created !== null) {
      fd = created;
      break;
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
      if (current.ino === mine.ino && current.dev === mine.dev) {
        try {
          unlinkSync(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    } finally {
      if (!holder) closeSync(fd);
    }
  };
}
