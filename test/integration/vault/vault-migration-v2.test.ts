// The checked-in schema v2 / store format 1 vault (test/fixtures/vault/v2, what every release before
// store format 2 wrote; made by make-v2-fixture.ts) opens migrated in one step to schema 3 and store
// format 2: one sealed file per install beside the main store, the old file kept byte for byte.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { V2_ACCESS_TOKEN, V2_CLIENT_SECRET, V2_REFRESH_TOKEN } from '../../fixtures/vault/v2-fixture-data';
import { confStoreFactory } from '../../fakes/conf-store-factory';
import { openVault } from '../../../electron/backend/vault/open-vault';
import { copyVaultFixture, activityAttached, captureLogger, closeVault, listDir, open, protector, storeFile } from './vault-test-helpers';

describe('schema v2 / store format 1 fixture', () => {
  it('opens migrated to schema 3 in the per-install layout, keeping everything and a backup', async () => {
    const dir = await copyVaultFixture('v2');
    const original = await fs.readFile(storeFile(dir));
    const logger = captureLogger();
    const vault = await open(dir, protector('strong'), logger);
    expect(vault.status()).toMatchObject({ state: 'ready', protection: 'os', recovered: null, schemaVersion: 3 });
    const data = structuredClone(vault.data());
    expect(data.apps).toEqual([expect.objectContaining({ id: 'app_v2demo', clientSecret: V2_CLIENT_SECRET, pkce: true })]);
    expect(data.accounts.map((account) => account.id)).toEqual(['acc_sandbox', 'acc_acme']);
    expect(data.installs.map((install) => install.id)).toEqual(['inst_withid', 'inst_noid']);
    // The approving user comes from the stored id_token (numeric sub as a string); none without one.
    expect(data.installs[0]).toMatchObject({ accessToken: V2_ACCESS_TOKEN, refreshToken: V2_REFRESH_TOKEN, user: { sub: '347532179', name: 'Ada Agent', email: 'ada@acme.example', role: null } });
    expect(data.installs[1]!.user).toBeNull();
    // The user's own quirk choice is kept; the new switch and settings take their defaults.
    expect(data.settings).toEqual({ seeded: true, sandboxQuirks: { expiresIn: 0, numericSub: true, issuerWithoutIdp: false, rotateRefreshTokens: true }, autoLockMinutes: null, clipboardClearSeconds: 30 });
    // The history is still readable under the same key.
    await activityAttached(vault);
    expect(vault.activity.list({}).total).toBe(2);
    expect(logger.lines.join('\n')).toMatch(/migrated from schema 2 \(store format 1\) to schema 3 \(store format 2\)/);
    expect(logger.lines.join('\n')).not.toContain(V2_CLIENT_SECRET);

    // New layout: the main store in format 2, one sealed file per install, no secret in clear.
    expect((await fs.readFile(storeFile(dir), 'utf8')).startsWith('wbstore2:')).toBe(true);
    expect(await listDir(path.join(dir, 'installs'))).toEqual(['inst_noid.json', 'inst_withid.json']);
    for (const name of ['vault.json', 'installs/inst_withid.json', 'vault.changes']) {
      const raw = await fs.readFile(path.join(dir, name), 'utf8');
      for (const secret of [V2_CLIENT_SECRET, V2_ACCESS_TOKEN, V2_REFRESH_TOKEN, 'ada@acme.example']) expect(raw).not.toContain(secret);
    }
    // The format 1 file is kept byte for byte.
    const backups = (await listDir(dir)).filter((name) => name.startsWith('vault.json.schema-2-format-1-backup-'));
    expect(backups).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, backups[0]!))).toEqual(original);

    // Written once: the next start reads format 2 directly, with the same data, and makes no new backup.
    await closeVault(vault);
    const again = await open(dir, protector('strong'), captureLogger());
    expect(again.data()).toEqual(data);
    expect((await listDir(dir)).filter((name) => name.includes('backup'))).toHaveLength(1);
  });

  it('deletes the pre-migration backup 7 days after the migration, at an open of the migrated vault', async () => {
    const dir = await copyVaultFixture('v2');
    const day = 24 * 3_600_000;
    const migratedAt = Date.UTC(2026, 0, 10, 12, 0, 0);
    const openAt = async (ms: number) => {
      const vault = await openVault({ dataDir: dir, keyProtector: protector('strong'), storeFactory: confStoreFactory, clock: { now: () => ms } });
      expect(vault.status().state).toBe('ready');
      await vault.close();
      return (await listDir(dir)).filter((name) => name.includes('-backup-'));
    };
    expect(await openAt(migratedAt)).toEqual(['vault.json.schema-2-format-1-backup-2026-01-10T12-00-00.000Z']);
    expect(await openAt(migratedAt + 7 * day - 1)).toHaveLength(1);
    expect(await openAt(migratedAt + 7 * day)).toEqual([]);
  });

  it('does not migrate when the key cannot be had: locked, every file untouched', async () => {
    const dir = await copyVaultFixture('v2');
    const before = await fs.readFile(storeFile(dir));
    const vault = await open(dir, protector('strong', { failUnprotect: true }));
    expect(vault.status().state).toBe('locked');
    expect(await fs.readFile(storeFile(dir))).toEqual(before);
    expect(await listDir(dir)).toEqual(['activity.log', 'vault-key.json', 'vault.json']);
  });
});
