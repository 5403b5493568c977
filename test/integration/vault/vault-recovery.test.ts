// Files the vault cannot read are never wiped: they are moved aside byte for byte, a fresh store
// starts, and status().recovered says so until dismissed. Files it must not judge (a key the OS
// cannot give back, a newer schema) are left exactly as they are, with the vault locked.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { deriveRecordKey, sealRecord } from '../../../electron/backend/vault/record-crypto';
import { SECRET, activityFile, closeVault, keyFile, listDir, makeTempDir, open, protector, sampleActivity, sampleApp, snapshotDir, storeFile } from './vault-test-helpers';

/** A vault with one app in it, closed; returns its folder. */
async function populatedVault(): Promise<string> {
  const dir = await makeTempDir();
  const vault = await open(dir);
  await vault.update((draft) => void draft.apps.push(sampleApp()));
  await closeVault(vault);
  return dir;
}

async function asideFiles(dir: string, base: string): Promise<string[]> {
  return (await listDir(dir)).filter((name) => name.startsWith(`${base}.corrupt-`));
}

/** Damages the store with `damage`, reopens, and checks the recovery contract. */
async function expectStoreRecovered(damage: (bytes: Buffer) => Buffer, reason: RegExp): Promise<string> {
  const dir = await populatedVault();
  const damaged = damage(await fs.readFile(storeFile(dir)));
  await fs.writeFile(storeFile(dir), damaged);

  const vault = await open(dir);
  const status = vault.status();
  expect(status).toMatchObject({ state: 'ready', protection: 'os', problem: null });
  expect(status.recovered).not.toBeNull();
  expect(status.recovered!.reason).toMatch(reason);
  expect(path.dirname(status.recovered!.movedTo)).toBe(dir);
  expect(path.basename(status.recovered!.movedTo)).toMatch(/^vault\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
  // Kept aside byte-identical, and a fresh empty store in its place.
  expect(await fs.readFile(status.recovered!.movedTo)).toEqual(damaged);
  expect(vault.data().apps).toEqual([]);
  await vault.update((draft) => void draft.apps.push(sampleApp({ id: 'app_new' })));
  // The key file was fine, so it stays.
  expect(await asideFiles(dir, 'vault-key.json')).toEqual([]);
  return dir;
}

describe('store recovery', () => {
  it('moves a truncated store aside', async () => {
    await expectStoreRecovered((bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)), /could not be decrypted/);
  });

  it('moves a garbage store aside', async () => {
    await expectStoreRecovered(() => Buffer.from('this is not a vault at all, just some text\n'), /could not be decrypted/);
  });

  it('moves a store with one flipped bit aside (GCM notices)', async () => {
    await expectStoreRecovered((bytes) => {
      const copy = Buffer.from(bytes);
      const at = Math.floor(copy.length / 2);
      copy[at] = copy[at]! ^ 0x01;
      return copy;
    }, /could not be decrypted/);
  });

  it('moves an empty store file aside', async () => {
    await expectStoreRecovered(() => Buffer.alloc(0), /could not be decrypted/);
  });

  it('moves a store encrypted under another key aside (key file swapped in from another vault)', async () => {
    const dir = await populatedVault();
    const other = await populatedVault();
    await fs.copyFile(keyFile(other), keyFile(dir));
    const original = await fs.readFile(storeFile(dir));
    const filesBefore = await listDir(dir);

    const vault = await open(dir);
    const status = vault.status();
    expect(status.state).toBe('ready');
    expect(status.recovered!.reason).toMatch(/could not be decrypted/);
    expect(await fs.readFile(status.recovered!.movedTo)).toEqual(original);
    expect(vault.data().apps).toEqual([]);
    // Nothing deleted: every file that was there is still there (the store under its new name).
    const after = await listDir(dir);
    for (const name of filesBefore.filter((name) => name !== 'vault.json')) expect(after).toContain(name);
    expect(after).toContain(path.basename(status.recovered!.movedTo));
    expect(after).toContain('vault.json');
  });

  it('reads a store sealed by conf\'s own encryption (before format 1), rewrites it sealed, keeps the old file', async () => {
    const dir = await populatedVault();
    const key = JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { os: { ciphertext: string } };
    const dataKey = (await protector().unprotect(Buffer.from(key.os.ciphertext, 'base64'))).plaintext;
    const current = await open(dir);
    const data = structuredClone(current.data());
    await closeVault(current);
    await fs.rm(storeFile(dir));
    const legacy = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'vault', encryptionKey: dataKey, encryptionAlgorithm: 'aes-256-gcm', clearInvalidConfig: false, projectName: 'x' });
    legacy.store = data as unknown as Record<string, unknown>;
    const legacyBytes = await fs.readFile(storeFile(dir));

    const vault = await open(dir);
    expect(vault.status()).toMatchObject({ state: 'ready', recovered: null });
    expect(vault.data().apps).toEqual(data.apps);
    expect((await fs.readFile(storeFile(dir), 'utf8')).startsWith('wbstore2:')).toBe(true);
    const backups = (await listDir(dir)).filter((name) => name.includes('.schema-3-format-0-backup-'));
    expect(backups).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, backups[0]!))).toEqual(legacyBytes);
    await closeVault(vault);
  });

  it('moves a decryptable store of the wrong shape aside', async () => {
    const dir = await populatedVault();
    const key = JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { os: { ciphertext: string } };
    const dataKey = (await protector().unprotect(Buffer.from(key.os.ciphertext, 'base64'))).plaintext;
    // Written with the right key, so it decrypts; but apps is not a list.
    await writeSealed(dir, dataKey, { schemaVersion: 3, storeFormat: 2, apps: 'nope', accounts: [], installIds: [], settings: {} });
    const original = await fs.readFile(storeFile(dir));

    const vault = await open(dir);
    expect(vault.status().recovered!.reason).toMatch(/does not match schema 3 \(apps: invalid_type\)/);
    expect(await fs.readFile(vault.status().recovered!.movedTo)).toEqual(original);
    expect(vault.data().apps).toEqual([]);
  });

  it('reports until dismissed, then forgets (the file stays)', async () => {
    const dir = await expectStoreRecovered(() => Buffer.from('garbage'), /could not be decrypted/);
    const vault = await open(dir);
    // A clean start reports nothing new; recover once more to test dismissal on a fresh report.
    expect(vault.status().recovered).toBeNull();
    await closeVault(vault);
    await fs.writeFile(storeFile(dir), 'garbage again');
    const again = await open(dir);
    const movedTo = again.status().recovered!.movedTo;
    const seen: unknown[] = [];
    again.onStatusChange((status) => seen.push(status.recovered));
    expect((await again.dismissRecovery()).recovered).toBeNull();
    expect(seen).toEqual([null]);
    await fs.access(movedTo);
    expect(await asideFiles(dir, 'vault.json')).toHaveLength(2);
  });
});

describe('key file recovery', () => {
  it('moves a garbage key file aside together with the store it opened, and starts fresh', async () => {
    const dir = await populatedVault();
    const vault0 = await open(dir);
    await vault0.activity.append(sampleActivity());
    await closeVault(vault0);
    await fs.writeFile(keyFile(dir), '{ not json');
    const storeBytes = await fs.readFile(storeFile(dir));
    const activityBytes = await fs.readFile(activityFile(dir));

    const vault = await open(dir);
    const status = vault.status();
    expect(status).toMatchObject({ state: 'ready', protection: 'os' });
    expect(path.basename(status.recovered!.movedTo)).toMatch(/^vault-key\.json\.corrupt-/);
    expect(status.recovered!.reason).toMatch(/not valid JSON/);
    expect(status.recovered!.reason).toMatch(/vault\.json\.corrupt-/);
    expect(await fs.readFile(status.recovered!.movedTo, 'utf8')).toBe('{ not json');
    const [storeAside] = await asideFiles(dir, 'vault.json');
    const [activityAside] = await asideFiles(dir, 'activity.log');
    expect(await fs.readFile(path.join(dir, storeAside!))).toEqual(storeBytes);
    expect(await fs.readFile(path.join(dir, activityAside!))).toEqual(activityBytes);
    expect(vault.data().apps).toEqual([]);
    expect(vault.activity.list({}).total).toBe(0);
  });

  it('moves a key file of the wrong shape aside', async () => {
    const dir = await populatedVault();
    await fs.writeFile(keyFile(dir), JSON.stringify({ format: 'gorgias-workbench-vault-key', version: 1, protection: 'os' }));
    const vault = await open(dir);
    expect(vault.status().recovered!.reason).toMatch(/expected shape/);
    expect(vault.status().state).toBe('ready');
  });

  it('moves a store without a key file aside and starts as on first run', async () => {
    const dir = await populatedVault();
    await fs.rm(keyFile(dir));
    const bytes = await fs.readFile(storeFile(dir));
    const vault = await open(dir, protector('weak'));
    expect(vault.status()).toMatchObject({ state: 'needs-setup' });
    expect(vault.status().recovered!.reason).toMatch(/without the key file/);
    expect(await fs.readFile(vault.status().recovered!.movedTo)).toEqual(bytes);
  });

  it('leaves a key file from a newer version alone, locked', async () => {
    const dir = await populatedVault();
    await fs.writeFile(keyFile(dir), JSON.stringify({ format: 'gorgias-workbench-vault-key', version: 9, protection: 'quantum' }));
    const before = await snapshotDir(dir);
    const vault = await open(dir);
    expect(vault.status()).toMatchObject({ state: 'locked', recovered: null });
    expect(vault.status().problem).toMatch(/newer version/);
    await closeVault(vault);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('does not treat a folder it cannot read as corrupt', async () => {
    const dir = await populatedVault();
    await fs.rm(keyFile(dir));
    await fs.mkdir(keyFile(dir));
    const before = await listDir(dir);
    const vault = await open(dir);
    expect(vault.status()).toMatchObject({ state: 'locked', recovered: null });
    expect(vault.status().problem).toMatch(/EISDIR/);
    expect(await listDir(dir)).toEqual(before);
  });
});

describe('newer schema', () => {
  it('locks with a clear problem and leaves the file untouched', async () => {
    const dir = await populatedVault();
    const key = JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { os: { ciphertext: string } };
    const dataKey = (await protector().unprotect(Buffer.from(key.os.ciphertext, 'base64'))).plaintext;
    await writeSealed(dir, dataKey, { schemaVersion: 4, apps: [], somethingNew: { secret: SECRET } });
    const before = await snapshotDir(dir);

    const vault = await open(dir);
    expect(vault.status()).toMatchObject({ state: 'locked', protection: 'os', recovered: null, schemaVersion: 4 });
    expect(vault.status().problem).toMatch(/newer version.*schema 4/);
    expect(() => vault.data()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED', message: expect.stringMatching(/newer version/) }));
    await expect(vault.update(() => 1)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await vault.activity.append(sampleActivity());
    await closeVault(vault);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

/** Writes a main store file as the vault seals it (format 2, generation 1), with any content. */
async function writeSealed(dir: string, dataKeyBase64: string, value: unknown): Promise<void> {
  await fs.writeFile(storeFile(dir), sealRecord(deriveRecordKey(Buffer.from(dataKeyBase64, 'base64')), 'main', 1, JSON.stringify(value)));
}
