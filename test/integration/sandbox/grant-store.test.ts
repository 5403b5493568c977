// The sandbox's grant store in a folder (grant-store.ts): what one store writes, another store on the
// same folder (another process's sandbox) reads; a take() succeeds once across all of them; tokens
// never reach the disk; a damaged file reads as an unknown token.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderGrantStore, memoryGrantStore } from '../../../electron/backend/sandbox/grant-store';
import type { RefreshGrant } from '../../../electron/backend/sandbox/state';

const grant: RefreshGrant = { subdomain: 'acme', clientId: 'app-1', userId: 3, scopes: ['openid', 'offline'], authTime: 1_800_000_000, nonce: 'n-1' };
const TOKEN = 'rt-0123456789abcdefghijklmnopqrstuvwxyzABCDEF';
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'workbench-grants-'));
  dirs.push(dir);
  return path.join(dir, 'sandbox-grants');
}

describe('folderGrantStore', () => {
  it('shares grants between stores on one folder, without the token or the nonce on disk', async () => {
    const dir = await folder();
    const one = folderGrantStore(dir);
    const two = folderGrantStore(dir);
    expect(await two.get(TOKEN)).toBeUndefined();
    await one.put(TOKEN, grant);
    expect(await two.get(TOKEN)).toEqual({ ...grant, nonce: undefined });
    const [file] = await readdir(dir);
    expect(file).toMatch(/^[0-9a-f]{64}\.json$/);
    const text = await readFile(path.join(dir, file!), 'utf8');
    expect(`${file} ${text}`).not.toContain(TOKEN.slice(3, 20));
    expect(text).not.toContain('n-1');
    expect((await stat(path.join(dir, file!))).mode & 0o077).toBe(0);
    expect((await stat(dir)).mode & 0o077).toBe(0);
  });

  it('take() succeeds in exactly one store, and the grant is then unknown everywhere', async () => {
    const dir = await folder();
    const stores = Array.from({ length: 5 }, () => folderGrantStore(dir));
    await stores[0]!.put(TOKEN, grant);
    const taken = await Promise.all(stores.map((store) => store.take(TOKEN)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    for (const store of stores) expect(await store.get(TOKEN)).toBeUndefined();
  });

  it('reads a damaged or foreign file as an unknown token', async () => {
    const dir = await folder();
    const store = folderGrantStore(dir);
    await store.put(TOKEN, grant);
    const [file] = await readdir(dir);
    for (const text of ['{not json', '{"v":2,"subdomain":"acme"}', JSON.stringify({ v: 1, subdomain: 'acme', clientId: 'app-1', userId: 'x', scopes: [], authTime: 1 })]) {
      await writeFile(path.join(dir, file!), text);
      expect(await store.get(TOKEN)).toBeUndefined();
    }
  });
});

describe('memoryGrantStore', () => {
  it('keeps grants in the store itself', async () => {
    const one = memoryGrantStore();
    await one.put(TOKEN, grant);
    expect(await one.get(TOKEN)).toEqual(grant);
    expect(await memoryGrantStore().get(TOKEN)).toBeUndefined();
    expect(await one.take(TOKEN)).toBe(true);
    expect(await one.take(TOKEN)).toBe(false);
  });
});
