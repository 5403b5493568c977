// Key protection modes and the state machine: first start per OS level, unlock, re-wrapping,
// keychain failure. Real files in a temp folder, real conf, the fake OS key protector.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../electron/common/model';
import { FAKE_PROTECTOR_MARKER } from '../../fakes/fake-key-protector';
import { activityAttached, closeVault, keyFile, listDir, makeTempDir, open, protector, sampleApp, snapshotDir, storeFile } from './vault-test-helpers';

const PASS = 'correct horse battery staple';

async function readKey(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as Record<string, unknown>;
}

describe('first start', () => {
  it('creates an os-protected vault when the OS protection is strong', async () => {
    const dir = await makeTempDir();
    const keys = protector('strong');
    const vault = await open(dir, keys);
    expect(vault.status()).toMatchObject({ state: 'ready', protection: 'os', osProtection: 'strong', osBackend: 'fake_keychain', recovered: null, problem: null, schemaVersion: 3, dataDir: dir });
    expect(vault.data()).toEqual({
      schemaVersion: 3,
      apps: [],
      accounts: [],
      installs: [],
      settings: { seeded: false, sandboxQuirks: { expiresIn: 86400, numericSub: false, issuerWithoutIdp: false, rotateRefreshTokens: false }, autoLockMinutes: null, clipboardClearSeconds: 30 },
    });
    expect(keys.calls.protect).toBe(1);
    expect(await listDir(dir)).toEqual(expect.arrayContaining(['vault-key.json', 'vault.json']));
    const key = await readKey(dir);
    expect(key).toMatchObject({ format: 'gorgias-workbench-vault-key', version: 1, protection: 'os' });
    // The key is stored only as the protector's output, never in clear.
    const ciphertext = Buffer.from((key.os as { ciphertext: string }).ciphertext, 'base64');
    expect(ciphertext.subarray(0, FAKE_PROTECTOR_MARKER.length).toString()).toBe(FAKE_PROTECTOR_MARKER);
    expect(JSON.stringify(key)).not.toMatch(/"key"/);
  });

  it.each(['weak', 'unavailable'] as const)('needs setup when OS protection is %s, and nothing is readable', async (level) => {
    const dir = await makeTempDir();
    const vault = await open(dir, protector(level));
    expect(vault.status()).toMatchObject({ state: 'needs-setup', protection: null, osProtection: level });
    expect(() => vault.data()).toThrow(expect.objectContaining({ code: 'VAULT_SETUP_REQUIRED' }));
    await expect(vault.update(() => 1)).rejects.toMatchObject({ code: 'VAULT_SETUP_REQUIRED' });
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_SETUP_REQUIRED' });
    expect(await listDir(dir)).toEqual([]);
  });

  it('needs setup when the keychain refuses to protect a new key', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir, protector('strong', { failProtect: true }));
    expect(vault.status()).toMatchObject({ state: 'needs-setup', protection: null });
    expect(vault.status().problem).toMatch(/keychain/);
  });
});

describe('passphrase protection', () => {
  it('sets up with a passphrase, then asks for it on the next start', async () => {
    const dir = await makeTempDir();
    const first = await open(dir, protector('weak'));
    const status = await first.setPassphrase(PASS);
    expect(status).toMatchObject({ state: 'ready', protection: 'passphrase' });
    await first.update((draft) => void draft.apps.push(sampleApp()));
    await closeVault(first);

    const key = await readKey(dir);
    expect(key.protection).toBe('passphrase');
    expect(key.passphrase).toMatchObject({ kdf: { name: 'scrypt', N: 32768, r: 8, p: 1, keyLength: 32 }, wrap: { alg: 'aes-256-gcm' } });

    const second = await open(dir, protector('weak'));
    expect(second.status()).toMatchObject({ state: 'locked', protection: 'passphrase', problem: null });
    expect(() => second.data()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    await expect(second.unlock('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
    expect(second.status().state).toBe('locked');
    expect(await second.unlock(PASS)).toMatchObject({ state: 'ready', protection: 'passphrase' });
    expect(second.data().apps.map((app) => app.id)).toEqual(['app_1']);
  });

  it('rotates the data key on a ready vault: the store is sealed again (vault-rotation.test.ts checks the old key opens nothing)', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir, protector('strong'));
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    const storeBefore = await fs.readFile(storeFile(dir));
    expect(await vault.setPassphrase(PASS)).toMatchObject({ state: 'ready', protection: 'passphrase' });
    expect(await fs.readFile(storeFile(dir))).not.toEqual(storeBefore);
    await closeVault(vault);

    const reopened = await open(dir, protector('strong'));
    expect(reopened.status().state).toBe('locked');
    await reopened.unlock(PASS);
    expect(reopened.data().apps).toHaveLength(1);
  });

  it('refuses a short passphrase', async () => {
    const vault = await open(await makeTempDir(), protector('weak'));
    await expect(vault.setPassphrase('short')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(vault.status().state).toBe('needs-setup');
  });

  it('cannot change protection while locked', async () => {
    const dir = await makeTempDir();
    await closeVault(await open(dir, protector('weak')).then(async (v) => (await v.setPassphrase(PASS), v)));
    const locked = await open(dir, protector('strong'));
    await expect(locked.setPassphrase('another passphrase')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(locked.acceptWeakProtection()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(locked.useOsProtection()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

describe('weak protection', () => {
  it('stores the key in plain base64 only after the user accepts it, and says so', async () => {
    const dir = await makeTempDir();
    const first = await open(dir, protector('weak'));
    expect(await first.acceptWeakProtection()).toMatchObject({ state: 'ready', protection: 'weak' });
    await first.update((draft) => void draft.apps.push(sampleApp()));
    await closeVault(first);
    const key = await readKey(dir);
    expect(key).toMatchObject({ protection: 'weak', weak: { warning: expect.stringMatching(/NOT PROTECTED/) } });
    const reopened = await open(dir, protector('weak'));
    expect(reopened.status()).toMatchObject({ state: 'ready', protection: 'weak' });
    expect(reopened.data().apps).toHaveLength(1);
  });
});

describe('switching to OS protection', () => {
  it('fails clearly when the OS has no strong protection', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir, protector('weak'));
    await expect(vault.useOsProtection()).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/basic_text/) });
    expect(vault.status().state).toBe('needs-setup');
  });

  it('moves a weak vault to os protection once the OS offers it, keeping the data', async () => {
    const dir = await makeTempDir();
    const keys = protector('weak');
    const vault = await open(dir, keys);
    await vault.acceptWeakProtection();
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    keys.options.level = 'strong';
    expect(await vault.useOsProtection()).toMatchObject({ state: 'ready', protection: 'os', osProtection: 'strong' });
    await closeVault(vault);
    expect((await readKey(dir)).protection).toBe('os');
    const reopened = await open(dir, protector('strong'));
    expect(reopened.status()).toMatchObject({ state: 'ready', protection: 'os' });
    expect(reopened.data().apps).toHaveLength(1);
  });

  it('sets up a needs-setup vault with os protection when it became available', async () => {
    const keys = protector('unavailable');
    const vault = await open(await makeTempDir(), keys);
    keys.options.level = 'strong';
    expect(await vault.useOsProtection()).toMatchObject({ state: 'ready', protection: 'os' });
  });
});

describe('keychain trouble', () => {
  it('stays locked with a problem and touches no file when the OS cannot unprotect the key', async () => {
    const dir = await makeTempDir();
    const first = await open(dir, protector('strong'));
    await first.update((draft) => void draft.apps.push(sampleApp()));
    await closeVault(first);
    const before = await snapshotDir(dir);

    const broken = await open(dir, protector('strong', { failUnprotect: true }));
    expect(broken.status()).toMatchObject({ state: 'locked', protection: 'os', recovered: null });
    expect(broken.status().problem).toMatch(/keychain/i);
    expect(() => broken.data()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED', message: expect.stringMatching(/keychain/i) }));
    await expect(broken.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await closeVault(broken);
    expect(await snapshotDir(dir)).toEqual(before);

    // Once the keychain works again, everything is still there.
    const fixed = await open(dir, protector('strong'));
    expect(fixed.data().apps).toHaveLength(1);
  });

  it('re-protects the key when the OS asks for it', async () => {
    const dir = await makeTempDir();
    await closeVault(await open(dir, protector('strong')));
    const keyBefore = await readKey(dir);
    const keys = protector('strong', { askReprotect: true });
    const vault = await open(dir, keys);
    expect(vault.status().state).toBe('ready');
    expect(keys.calls.protect).toBe(1);
    const keyAfter = await readKey(dir);
    expect(keyAfter.createdAt).toBe(keyBefore.createdAt);
    expect(keyAfter.protection).toBe('os');
  });
});

describe('changing protection needs the current passphrase (L6)', () => {
  it('refuses without it or with a wrong one, changing nothing; accepts the right one', async () => {
    const dir = await makeTempDir();
    const keys = protector('weak');
    const vault = await open(dir, keys);
    await vault.setPassphrase(PASS);
    // The history is attached in the background, under the vault's lock file: wait for it first.
    await activityAttached(vault);
    const before = await snapshotDir(dir);
    await expect(vault.setPassphrase('a brand new passphrase')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/current passphrase/) });
    await expect(vault.setPassphrase('a brand new passphrase', 'not the passphrase')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
    await expect(vault.acceptWeakProtection()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(vault.acceptWeakProtection('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_PASSPHRASE_WRONG' });
    keys.options.level = 'strong';
    await expect(vault.useOsProtection()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await snapshotDir(dir)).toEqual(before);
    expect(vault.status().protection).toBe('passphrase');
    expect(await vault.setPassphrase('a brand new passphrase', PASS)).toMatchObject({ protection: 'passphrase' });
    expect(await vault.useOsProtection('a brand new passphrase')).toMatchObject({ protection: 'os' });
  });

  it('never lowers an OS-keychain vault to weak protection', async () => {
    const vault = await open(await makeTempDir(), protector('strong'));
    await expect(vault.acceptWeakProtection()).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/only be chosen when the vault is set up/) });
    expect(vault.status().protection).toBe('os');
  });
});

describe('status listeners', () => {
  it('hear every status change and can unsubscribe', async () => {
    const vault = await open(await makeTempDir(), protector('weak'));
    const seen: VaultStatus[] = [];
    const stop = vault.onStatusChange((status) => seen.push(status));
    await vault.setPassphrase(PASS);
    expect(seen.map((s) => [s.state, s.protection])).toEqual([['ready', 'passphrase']]);
    await vault.acceptWeakProtection(PASS);
    expect(seen.map((s) => s.protection)).toEqual(['passphrase', 'weak']);
    stop();
    await vault.setPassphrase(PASS);
    expect(seen).toHaveLength(2);
  });
});
