// One bench at a time per checkout: a run builds dist/ and reads it for minutes, so a second run (or
// its build) would measure or overwrite a half-written bundle. The lock is dist/.bench.lock holding
// the owner's pid; a lock whose process is gone is stale and taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws saying who holds it; the returned function releases it. */
export function takeDistLock(distDir: string): () => void {
  mkdirSync(distDir, { recursive: true });
  const file = join(distDir, '.bench.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new Error(`another bench run (pid ${owner}) is using ${distDir}; wait for it to finish (lock: ${file})`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take ${file}`);
}
