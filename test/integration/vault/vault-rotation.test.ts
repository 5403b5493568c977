// Key rotation (issue 15, M2): every protection change makes a NEW data key and seals every store
// file and the activity log again under it, so a copy of the key file taken before the change opens
// nothing of today's files. Another vault on the same folder (another process) notices and follows.
// A rotation cut short (before or after its commit point) is rolled back or finished at the next open.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptLine, deriveActivityKey } from '../../../electron/backend/vault/activity-crypto';
import { readKeyFile, type KeyFile } from '../../../electron/backend/vault/key-file';
import { unwrapPassphrase, unwrapWeak, unwrapOs } from '../../../electron/backend/vault/key-protection';
import { deriveRecordKey, openRecord } from '../../../electron/backend/vault/record-crypto';
import { activityAttached, activityFile, closeVault, keyFile, makeTempDir, open, protector, sampleActivity, sampleApp, sampleInstall, storeFile } from './vault-test-helpers';

const PASS = 'correct horse battery staple';
const PASS2 = 'another passphrase entirely';

async function dataKeyOf(file: KeyFile, passphrase?: string): Promise<Buffer> {
  if (file.protection === 'weak') return unwrapWeak(file)!;
  if (file.protection === 'passphrase') return unwrapPassphrase(file, passphrase!);
  const unwrapped = await unwrapOs(file, protector('strong'));
  if (!unwrapped.ok) throw new Error(unwrapped.problem);
  return unwrapped.dataKey;
}

async function keyFileNow(dir: string): Promise<KeyFile> {
  const read = await readKeyFile(keyFile(dir));
  if (read.kind !== 'ok') throw new Error(`key file: ${read.kind}`);
  return read.file;
}

/** How many of the folder's sealed files (main store, installs, activity lines) open with `dataKey`. */
async function filesOpening(dir: string, dataKey: Buffer): Promise<{ opened: number; total: number }> {
  const recordKey = deriveRecordKey(dataKey);
  let opened = 0;
  let total = 0;
  const check = (ok: boolean) => {
    total += 1;
    if (ok) opened += 1;
  };
  check(openRecord(recordKey, 'main', await fs.readFile(storeFile(dir), 'utf8')).ok);
  for (const name of await fs.readdir(path.join(dir, 'installs'))) {
    check(openRecord(recordKey, `install:${name.slice(0, -5)}`, await fs.readFile(path.join(dir, 'installs', name), 'utf8')).ok);
  }
  const activityKey = deriveActivityKey(dataKey);
  for (const line of (await fs.readFile(activityFile(dir), 'utf8')).split('\n').filter(Boolean)) {
    // `#block v2 <seq> <mac> <sealed>`, `@<seq> <mac> <sealed>` (chained), or a bare sealed line.
    const block = line.startsWith('#block ');
    const sealed = block || line.startsWith('@') ? line.split(' ').at(-1)! : line;
    check(decryptLine(activityKey, sealed, block ? Buffer.from('gorgias-workbench/activity-log/v1/block') : undefined) !== null);
  }
  return { opened, total };
}

async function seeded(dir: string, level: 'strong' | 'weak' = 'weak') {
  const vault = await open(dir, protector(level));
  if (level === 'weak') await vault.acceptWeakProtection();
  await vault.update((draft) => {
    draft.apps.push(sampleApp());
    draft.installs.push(sampleInstall('inst_a'), sampleInstall('inst_b'));
  });
  await activityAttached(vault);
  await vault.activity.append(sampleActivity({ url: 'https://acme.gorgias.com/api/one' }));
  await vault.activity.append(sampleActivity({ url: 'https://acme.gorgias.com/api/two' }));
  return vault;
}

describe('key rotation on every protection change', () => {
  it.each([
    ['weak → passphrase', 'weak', async (vault: Awaited<ReturnType<typeof seeded>>) => vault.setPassphrase(PASS), PASS],
    ['os → passphrase', 'strong', async (vault: Awaited<ReturnType<typeof seeded>>) => vault.setPassphrase(PASS), PASS],
    ['passphrase → another passphrase', 'weak', async (vault: Awaited<ReturnType<typeof seeded>>) => {
      await vault.setPassphrase(PASS);
      return vault.setPassphrase(PASS2, PASS);
    }, PASS2],
    ['passphrase → os', 'strong', async (vault: Awaited<ReturnType<typeof seeded>>) => {
      await vault.setPassphrase(PASS);
      return vault.useOsProtection(PASS);
    }, undefined],
  ] as const)('%s: the key file copied before opens none of the files after; the new one opens all', async (_name, level, change, passphrase) => {
    const dir = await makeTempDir();
    const vault = await seeded(dir, level);
    const before = await keyFileNow(dir);
    const oldKey = await dataKeyOf(before, before.protection === 'passphrase' ? PASS : undefined);
    expect((await filesOpening(dir, oldKey)).opened).toBe(5); // main, 2 installs, 2 activity lines

    // The passphrase → x cases change twice (both rotate): the copy is from before the first change.
    const status = await change(vault);
    expect(status.state).toBe('ready');
    const after = await keyFileNow(dir);
    expect(after.keyId).not.toBe(before.keyId);
    const newKey = await dataKeyOf(after, passphrase);
    expect(newKey.equals(oldKey)).toBe(false);
    const withOld = await filesOpening(dir, oldKey);
    expect(withOld.opened).toBe(0);
    const withNew = await filesOpening(dir, newKey);
    expect(withNew.opened).toBe(withNew.total);
    expect(await fs.readdir(dir)).not.toContain('vault.rotating');

    // Nothing was lost: the same data and history, live and after a restart.
    expect(vault.data().installs.map((install) => install.id)).toEqual(['inst_a', 'inst_b']);
    expect(vault.activity.list({}).entries.map((entry) => entry.url)).toEqual(['https://acme.gorgias.com/api/two', 'https://acme.gorgias.com/api/one']);
    await vault.activity.append(sampleActivity({ url: 'https://acme.gorgias.com/api/three' }));
    await vault.update((draft) => void (draft.installs[0]!.accessToken = 'after-rotation'));
    await closeVault(vault);
    const again = await open(dir, protector(level));
    if (passphrase) await again.unlock(passphrase);
    expect(again.status()).toMatchObject({ state: 'ready', recovered: null, integrity: null });
    expect(again.data().installs[0]!.accessToken).toBe('after-rotation');
    expect(again.data().apps).toHaveLength(1);
    await activityAttached(again);
    expect(again.activity.list({}).entries.map((entry) => entry.url)).toEqual(['three', 'two', 'one'].map((n) => `https://acme.gorgias.com/api/${n}`));
  });

  it('a previous key file put back in place opens nothing: the store is reported damaged, not read', async () => {
    const dir = await makeTempDir();
    const vault = await seeded(dir);
    const oldKeyText = await fs.readFile(keyFile(dir));
    await vault.setPassphrase(PASS);
    await closeVault(vault);
    await fs.writeFile(keyFile(dir), oldKeyText);
    const stolen = await open(dir, protector('weak'));
    expect(stolen.status().recovered?.reason).toMatch(/could not be decrypted/);
    expect(stolen.data().installs).toEqual([]);
  });

  it('another process on the folder follows the rotation: asks for the new passphrase, or re-opens by itself', async () => {
    const dir = await makeTempDir();
    const a = await seeded(dir, 'strong');
    const b = await open(dir, protector('strong'));
    expect(b.data().installs).toHaveLength(2);
    await a.setPassphrase(PASS);
    // B's next write must not seal anything under the old key: it follows, and the new key file needs the passphrase.
    await expect(b.update((draft) => void (draft.apps[0]!.name = 'from b'))).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(b.status()).toMatchObject({ state: 'locked', protection: 'passphrase', problem: null });
    await b.unlock(PASS);
    await b.update((draft) => void (draft.apps[0]!.name = 'from b'));
    expect(a.data().apps[0]!.name).toBe('from b');

    // Back to the OS keychain: a ready process re-opens with the new key on its own (its next read).
    const c = await open(dir, protector('strong'));
    await c.unlock(PASS);
    await a.useOsProtection(PASS);
    await b.update((draft) => void (draft.apps[0]!.name = 'b again'));
    expect(b.status()).toMatchObject({ state: 'ready', protection: 'os' });
    c.data(); // notices; follows in the background
    await c.updateSettings({}); // queued after the follow
    expect(c.status()).toMatchObject({ state: 'ready', protection: 'os' });
    expect(c.data().apps[0]!.name).toBe('b again');
    await closeVault(a);
    const reopened = await open(dir, protector('strong'));
    expect(reopened.status()).toMatchObject({ state: 'ready', recovered: null, integrity: null });
    expect(reopened.data().apps[0]!.name).toBe('b again');
  });
});
