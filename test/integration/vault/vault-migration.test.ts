// The checked-in schema v1 vault (test/fixtures/vault/v1, written by make-v1-fixture.ts) opens
// migrated to the current schema, with the pre-migration file kept.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../electron/backend/vault/vault-types';
import { V1_ACCESS_TOKEN, V1_CLIENT_SECRET } from '../../fixtures/vault/v1-fixture-data';
import { copyVaultFixture, captureLogger, closeVault, listDir, open, protector, storeFile } from './vault-test-helpers';

describe('schema v1 fixture', () => {
  it('opens migrated to the current schema', async () => {
    const dir = await copyVaultFixture('v1');
    const original = await fs.readFile(storeFile(dir));
    const logger = captureLogger();
    const vault = await open(dir, protector('strong'), logger);
    expect(vault.status()).toMatchObject({ state: 'ready', protection: 'os', recovered: null, schemaVersion: CURRENT_SCHEMA_VERSION });

    const data = vault.data();
    expect(data.schemaVersion).toBe(3);
    expect(data.apps).toEqual([
      expect.objectContaining({
        id: 'app_v1demo',
        clientSecret: V1_CLIENT_SECRET,
        redirect: { mode: 'loopback', port: 8765, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
        clientAuth: 'basic',
        pkce: false,
      }),
    ]);
    expect(data.apps[0]).not.toHaveProperty('redirectPort');
    expect(data.accounts.map((account) => [account.id, account.kind])).toEqual([['acc_sandbox', 'sandbox'], ['acc_acme', 'production']]);
    expect(data.installs[0]).toMatchObject({ id: 'inst_v1', accessToken: V1_ACCESS_TOKEN, failing: false, checks: [], user: null });
    // v1 → v2 kept the 2021 quirks it assumed then; v2 → v3 adds the issuer switch at today's value.
    expect(data.settings).toEqual({ seeded: true, sandboxQuirks: { expiresIn: 0, numericSub: true, issuerWithoutIdp: false, rotateRefreshTokens: false }, autoLockMinutes: null, clipboardClearSeconds: 30 });
    expect(logger.lines.join('\n')).toMatch(/migrated from schema 1 \(store format 0\) to schema 3/);
    expect(logger.lines.join('\n')).not.toContain(V1_CLIENT_SECRET);

    // The v1 file is kept byte for byte next to the migrated one.
    const backups = (await listDir(dir)).filter((name) => name.startsWith('vault.json.schema-1-format-0-backup-'));
    expect(backups).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, backups[0]!))).toEqual(original);

    // The migration was written: the next start reads v2 directly.
    await closeVault(vault);
    const again = await open(dir, protector('strong'), captureLogger());
    expect(again.data()).toEqual(data);
    expect((await listDir(dir)).filter((name) => name.includes('backup'))).toHaveLength(1);
  });

  it('does not migrate when the key cannot be had (keychain failure): locked, untouched', async () => {
    const dir = await copyVaultFixture('v1');
    const before = await fs.readFile(storeFile(dir));
    const vault = await open(dir, protector('strong', { failUnprotect: true }));
    expect(vault.status().state).toBe('locked');
    expect(await fs.readFile(storeFile(dir))).toEqual(before);
    expect(await listDir(dir)).toEqual(['vault-key.json', 'vault.json']);
  });
});
