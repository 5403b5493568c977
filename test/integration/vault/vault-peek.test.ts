// vault-peek.ts, the read-only look the CLI's lean `token` takes: on a healthy vault it sees exactly
// what the full open sees (same apps, accounts, installs, same order); whenever the full open would
// repair, report or ask for anything, it answers null so the caller takes the full path.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataKey } from '../../../electron/backend/vault/data-key';
import { deriveRecordKey, openRecord, sealRecord } from '../../../electron/backend/vault/record-crypto';
import { MAIN_RECORD } from '../../../electron/backend/vault/record-files';
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

describe('peekVault for one app × account (select)', () => {
  const toAcc2 = () => ({ appId: 'app_1', accountId: 'acc_2' });

  /** inst_a on acc_1, inst_b and inst_c on acc_2, written by the vault (its main store says whose each is). */
  async function twoAccounts(): Promise<string> {
    const dir = await makeTempDir();
    const vault = await open(dir, protector('unavailable'));
    await vault.acceptWeakProtection();
    await vault.update((draft) => {
      draft.settings.seeded = true;
      draft.apps.push(sampleApp());
      draft.installs.push(sampleInstall('inst_b', { accountId: 'acc_2' }), sampleInstall('inst_a'), sampleInstall('inst_c', { accountId: 'acc_2' }));
    });
    await closeVault(vault);
    return dir;
  }

  async function recordKeyOf(dir: string): Promise<Buffer> {
    return deriveRecordKey(parseDataKey((JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { weak: { key: string } }).weak.key)!);
  }

  /** Re-seals the main store (same generation, so no rollback finding) after `edit`. */
  async function editMain(dir: string, edit: (main: { installOwners?: unknown }) => void): Promise<void> {
    const key = await recordKeyOf(dir);
    const file = path.join(dir, 'vault.json');
    const opened = openRecord(key, MAIN_RECORD, await fs.readFile(file, 'utf8'));
    if (!opened.ok) throw new Error(opened.reason);
    const main = JSON.parse(opened.json) as { installOwners?: unknown };
    edit(main);
    await fs.writeFile(file, sealRecord(key, MAIN_RECORD, opened.generation, JSON.stringify(main)));
  }

  async function damage(dir: string, id: string): Promise<void> {
    const file = path.join(dir, `installs/${id}.json`);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, `${text.slice(0, -8)}AAAAAAA=`);
  }

  it('decrypts only the chosen pair\'s install files, and still checks those for rollback', async () => {
    const dir = await twoAccounts();
    const chosen: Array<[string[], string[]]> = [];
    const peeked = await peekVault(dir, { now: now(), select: (apps, accounts) => (chosen.push([apps.map((app) => app.id), accounts.map((account) => account.id)]), toAcc2()) });
    expect(chosen).toEqual([[['app_1'], []]]);
    expect(peeked!.installs.map((install) => install.id)).toEqual(['inst_b', 'inst_c']);
    // Another pair's file is not opened: damage there stops the whole look, not this one.
    await damage(dir, 'inst_a');
    expect(await peekVault(dir, { now: now() })).toBeNull();
    expect((await peekVault(dir, { now: now(), select: toAcc2 }))!.installs.map((install) => install.id)).toEqual(['inst_b', 'inst_c']);
    // A file it reads, put back to an older version: a rollback, so the full path reports it.
    const vault = await open(dir, protector('unavailable'));
    const old = await fs.readFile(path.join(dir, 'installs/inst_c.json'));
    await vault.updateInstall('inst_c', (install) => void (install.accessToken = 'newer'));
    await closeVault(vault);
    await fs.writeFile(path.join(dir, 'installs/inst_c.json'), old);
    expect(await peekVault(dir, { now: now(), select: toAcc2 })).toBeNull();
    // No pair (an unknown name): null at once.
    expect(await peekVault(dir, { now: now(), select: () => null })).toBeNull();
  });

  it('steps aside when the main store says an install belongs to the pair but its own sealed contents do not', async () => {
    const dir = await twoAccounts();
    await editMain(dir, (main) => void (main.installOwners = [['app_1', 'acc_2'], ['app_1', 'acc_2'], ['app_1', 'acc_2']]));
    expect(await peekVault(dir, { now: now(), select: toAcc2 })).toBeNull();
  });

  it('reads every file when the folder holds one the main store does not list, or the main store predates owners', async () => {
    const dir = await twoAccounts();
    const key = await recordKeyOf(dir);
    await fs.writeFile(path.join(dir, 'installs/inst_0.json'), sealRecord(key, 'install:inst_0', 50, JSON.stringify(sampleInstall('inst_0', { accountId: 'acc_2' }))));
    expect((await peekVault(dir, { now: now(), select: toAcc2 }))!.installs.map((install) => install.id)).toEqual(['inst_b', 'inst_a', 'inst_c', 'inst_0']);
    await fs.rm(path.join(dir, 'installs/inst_0.json'));

    await editMain(dir, (main) => void delete main.installOwners);
    expect((await peekVault(dir, { now: now(), select: toAcc2 }))!.installs.map((install) => install.id)).toEqual(['inst_b', 'inst_a', 'inst_c']);
    // A token refresh writes only its install; the main store's next save writes the owners again.
    const vault = await open(dir, protector('unavailable'));
    await vault.updateInstall('inst_b', (install) => void (install.accessToken = 'refreshed'));
    expect((await peekVault(dir, { now: now(), select: toAcc2 }))!.installs).toHaveLength(3);
    await vault.update((draft) => void draft.apps.push(sampleApp({ id: 'app_2', name: 'Second app' })));
    await closeVault(vault);
    const peeked = await peekVault(dir, { now: now(), select: toAcc2 });
    expect(peeked!.installs.map((install) => [install.id, install.accessToken])).toEqual([['inst_b', 'refreshed'], ['inst_c', 'at-inst_c']]);
  });
});

