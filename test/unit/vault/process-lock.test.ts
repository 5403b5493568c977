// The vault's lock as one process takes it (process-lock.ts), on a real lock file: callers of one
// process go in call order without polling each other, the file is handed on (not removed and made
// again) while they keep coming, and another holder of the file (another process's, here taken with
// acquireLock directly) is still waited for.
import { promises as fs, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, removeDeadHolders } from '../../../electron/backend/vault/file-lock';
import { ProcessLock } from '../../../electron/backend/vault/process-lock';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function lockFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'workbench-process-lock-'));
  dirs.push(dir);
  return path.join(dir, 'vault.lock');
}

const options = { staleMs: 10_000, waitMs: 5_000, what: 'The vault' };
const exists = (file: string) => fs.access(file).then(() => true, () => false);

describe('process lock', () => {
  it('runs callers one at a time in call order, handing the same lock file on, and removes it when nobody waits', async () => {
    const file = await lockFile();
    const lock = new ProcessLock(file, options);
    const log: string[] = [];
    const holders = new Set<string>();
    const caller = (name: string) => async () => {
      const release = await lock.acquire();
      log.push(`start ${name}`);
      // The file holds its taker's pid and a random token: a file made again would hold another.
      holders.add(readFileSync(file, 'utf8'));
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${name}`);
      await release();
    };
    await Promise.all([caller('a')(), caller('b')(), caller('c')()]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    // One lock file for the three: handed on, not removed and created again.
    expect(holders.size).toBe(1);
    expect(await exists(file)).toBe(false);
    // A release called twice does not let a third caller in early.
    const release = await lock.acquire();
    await release();
    await release();
    expect(await exists(file)).toBe(false);
  });

  it('waits for a holder outside this process, then takes the file', async () => {
    const file = await lockFile();
    const other = await acquireLock(file, options);
    const lock = new ProcessLock(file, options);
    let held = false;
    const taking = lock.acquire().then((release) => {
      held = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held).toBe(false);
    await other();
    const release = await taking;
    expect(await exists(file)).toBe(true);
    await release();
    expect(await exists(file)).toBe(false);
  });

  it('passes the turn on when taking the file fails, so the next caller is not stuck', async () => {
    const file = path.join(await lockFile(), 'missing-folder', 'vault.lock');
    const lock = new ProcessLock(file, options);
    const [first, second] = await Promise.allSettled([lock.acquire(), lock.acquire()]);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('rejected');
  });

  it('takes the lock file by linking a holder file of its own, removed at close; holders of dead processes go at the next open', async () => {
    const file = await lockFile();
    const dir = path.dirname(file);
    const lock = new ProcessLock(file, options);
    const release = await lock.acquire();
    const names = await fs.readdir(dir);
    const holder = names.find((name) => name.startsWith('.vault.lock.holder-'));
    expect(holder).toBeDefined();
    expect(readFileSync(path.join(dir, holder!), 'utf8')).toBe(readFileSync(file, 'utf8'));
    await release();
    lock.close();
    expect(await fs.readdir(dir)).toEqual([]);

    // A killed process's holder (a pid that is not running) is removed; a live one's is kept.
    await fs.writeFile(path.join(dir, '.vault.lock.holder-999999999-abcd'), '{}');
    await fs.writeFile(path.join(dir, `.vault.lock.holder-${process.pid}-abcd`), '{}');
    removeDeadHolders(file);
    expect(await fs.readdir(dir)).toEqual([`.vault.lock.holder-${process.pid}-abcd`]);
  });
});
