// vault-peek.ts, the read-only look the CLI's lean `token` takes: on a healthy vault it sees exactly
// what the full open sees (same apps, accounts, installs, same order); whenever the full open would
// repair, report or ask for anything, it answers null so the caller takes the full path.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataKey } from '../../../electron/backend/vault/data-key';
import { deriveRecordKey, sealRecord } from '../../../electron/backend/vault/record-crypto';
import { peekVault } from '../../../electron/backend/vault/vault-peek';
import type { Vault } from '../../../electron/backend/vault/vault-types';
import { closeVault, keyFile, makeTempDir, open, protector, sampleApp, sampleInstall } from './vault-test-helpers';

const PASSPHRASE = 'peek passphrase 1';
const now = () => new Date();

/** A vault set up the way the CLI would find it: protected, seeded, with installs. */
async function healthyVault(protection: 'weak' | 'passphrase' | 'os'): Promise<{ dir: string; vault: Vault }> {
  const dir = await makeTempDir();
  const vault = await open(dir, protector(protection === 'os' ? 'strong' : 'unavailable'));
  if (protection === 'weak') await vault.acceptWeakProtection();
  if (protection === 'passphrase') await vault.setPassphrase(PASSPHRASE);
  await vault.update((draft) => {
    draft.settings.seeded = true;
    draft.apps.push(sampleApp());
    // Not in id order: the main store's order is what counts.
    draft.installs.push(sampleInstall('inst_b'), sampleInstall('inst_a'), sampleInstall('inst_c'));
  });
  return { dir, vault };
}

function seen(vault: Vault) {
  const data = vault.data();
  return { apps: data.apps, accounts: data.accounts, installs: data.installs };
}

describe('peekVault', () => {
  it('sees what the full open sees, for weak and passphrase vaults', async () => {
    for (const protection of ['weak', 'passphrase'] as const) {
      const { dir, vault } = await healthyVault(protection);
      await vault.update((draft) => void (draft.installs[1]!.accessToken = 'refreshed-access'));
      const expected = seen(vault);
      await closeVault(vault);
      const peeked = await peekVault(dir, { passphrase: PASSPHRASE, now: now() });
      expect(peeked, protection).toEqual(expected);
      expect(peeked!.installs.map((install) => install.id)).toEqual(['inst_b', 'inst_a', 'inst_c']);
    }
  });

  it('puts install files the main store does not list yet last, by id, as the full open does', async () => {
    const { dir, vault } = await healthyVault('weak');
    await closeVault(vault);
    // A commit cut short after its install files: a file newer than the log that the main store does not list.
    const weakKey = parseDataKey((JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { weak: { key: string } }).weak.key)!;
    for (const id of ['inst_0', 'inst_z']) {
      await fs.writeFile(path.join(dir, `installs/${id}.json`), sealRecord(deriveRecordKey(weakKey), `install:${id}`, 50, JSON.stringify(sampleInstall(id))));
    }
    const peeked = await peekVault(dir, { now: now() });
    expect(peeked!.installs.map((install) => install.id)).toEqual(['inst_b', 'inst_a', 'inst_c', 'inst_0', 'inst_z']);
    const full = await open(dir, protector('unavailable'));
    expect(full.status().integrity).toBeNull();
    expect(peeked).toEqual(seen(full));
    await closeVault(full);
  });

  it('steps aside for a passphrase vault without the passphrase or with a wrong one, and for the OS keychain', async () => {
    const pass = await healthyVault('passphrase');
    await closeVault(pass.vault);
    expect(await peekVault(pass.dir, { now: now() })).toBeNull();
    expect(await peekVault(pass.dir, { passphrase: 'not the passphrase', now: now() })).toBeNull();
    const os = await healthyVault('os');
    await closeVault(os.vault);
    expect(await peekVault(os.dir, { now: now() })).toBeNull();
  });

  it('steps aside for a missing vault, a vault not seeded yet, and a damaged file', async () => {
    expect(await peekVault(path.join(await makeTempDir(), 'nothing-here'), { now: now() })).toBeNull();
    const dir = await makeTempDir();
    const bare = await open(dir, protector('unavailable'));
    await bare.acceptWeakProtection();
    await closeVault(bare);
    expect(await peekVault(dir, { now: now() })).toBeNull();

    const { dir: damaged, vault } = await healthyVault('weak');
    await closeVault(vault);
    expect(await peekVault(damaged, { now: now() })).not.toBeNull();
    const file = path.join(damaged, 'installs/inst_a.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, `${text.slice(0, -8)}AAAAAAA=`);
    expect(await peekVault(damaged, { now: now() })).toBeNull();
  });

  it('steps aside when a file is older than its last write (rollback) or the key file\'s mirror is edited', async () => {
    const { dir, vault } = await healthyVault('weak');
    const old = await fs.readFile(path.join(dir, 'installs/inst_a.json'));
    await vault.update((draft) => void (draft.installs[1]!.accessToken = 'newer'));
    await closeVault(vault);
    expect(await peekVault(dir, { now: now() })).not.toBeNull();
    const current = await fs.readFile(path.join(dir, 'installs/inst_a.json'));
    await fs.writeFile(path.join(dir, 'installs/inst_a.json'), old);
    expect(await peekVault(dir, { now: now() })).toBeNull();
    await fs.writeFile(path.join(dir, 'installs/inst_a.json'), current);
    expect(await peekVault(dir, { now: now() })).not.toBeNull();

    const key = JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { mirror: { generation: number } };
    key.mirror.generation += 5;
    await fs.writeFile(keyFile(dir), JSON.stringify(key));
    expect(await peekVault(dir, { now: now() })).toBeNull();
  });

  it('steps aside when the full open has housekeeping to do: a rotation, a key-file temp file, an expired backup', async () => {
    const { dir, vault } = await healthyVault('weak');
    await closeVault(vault);
    await fs.mkdir(path.join(dir, 'vault.rotating'));
    expect(await peekVault(dir, { now: now() })).toBeNull();
    await fs.rm(path.join(dir, 'vault.rotating'), { recursive: true });
    await fs.writeFile(path.join(dir, '.vault-key.json.tmp-abc123'), '{}');
    expect(await peekVault(dir, { now: now() })).toBeNull();
    await fs.rm(path.join(dir, '.vault-key.json.tmp-abc123'));
    const backup = path.join(dir, 'vault.json.schema-2-format-1-backup-2026-01-01T10-00-00.000Z');
    await fs.writeFile(backup, 'old');
    expect(await peekVault(dir, { now: new Date('2026-01-03T10:00:00.000Z') })).not.toBeNull();
    expect(await peekVault(dir, { now: new Date('2026-01-09T10:00:00.000Z') })).toBeNull();
  });
});
