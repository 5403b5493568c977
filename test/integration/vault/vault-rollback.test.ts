// Rollback detection (issue 15, L1, for the store): each record file carries its generation, sealed
// in, and the change log records the generation of each record's last write. A file put back from
// an older copy, or deleted behind the vault's back, is reported in the status, never silently taken.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIRROR_DELAY_MS } from '../../../electron/backend/vault/vault-controller';
import { activityAttached, activityFile, closeVault, keyFile, makeTempDir, open, sampleActivity, sampleApp, sampleInstall } from './vault-test-helpers';

/** Copies the data folder's files (installs too), all but the key file: a backup restored later. */
async function copyAllButKey(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true, filter: (source) => path.basename(source) !== 'vault-key.json' });
}

async function activityLines(dir: string): Promise<string[]> {
  return (await fs.readFile(activityFile(dir), 'utf8')).split('\n').filter(Boolean);
}

async function withActivity(count: number): Promise<string> {
  const dir = await makeTempDir();
  const vault = await open(dir);
  await activityAttached(vault);
  for (let n = 1; n <= count; n += 1) await vault.activity.append(sampleActivity({ url: `https://acme.gorgias.com/api/${n}` }));
  await closeVault(vault);
  return dir;
}

async function reopenedIntegrity(dir: string): Promise<string | null> {
  const vault = await open(dir);
  await activityAttached(vault);
  return vault.status().integrity;
}

describe('rollback detection', () => {
  it('reports an install file or main store older than its last write, and a missing one', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => {
      draft.apps.push(sampleApp());
      draft.installs.push(sampleInstall('inst_old'), sampleInstall('inst_gone'));
    });
    const oldInstall = await fs.readFile(path.join(dir, 'installs/inst_old.json'));
    const oldMain = await fs.readFile(path.join(dir, 'vault.json'));
    await vault.update((draft) => void (draft.installs[0]!.accessToken = 'newer'));
    await vault.update((draft) => void (draft.apps[0]!.name = 'renamed'));
    await closeVault(vault);
    expect((await open(dir)).status().integrity).toBeNull();

    await fs.writeFile(path.join(dir, 'installs/inst_old.json'), oldInstall);
    await fs.writeFile(path.join(dir, 'vault.json'), oldMain);
    await fs.rm(path.join(dir, 'installs/inst_gone.json'));
    const again = await open(dir);
    const status = again.status();
    expect(status.state).toBe('ready');
    expect(status.integrity).toMatch(/installs\/inst_old\.json has generation 2, older than its last write \(generation 3\)/);
    expect(status.integrity).toMatch(/vault\.json has generation 2, older than its last write \(generation 4\)/);
    expect(status.integrity).toMatch(/installs\/inst_gone\.json is missing/);
    expect((await again.dismissRecovery()).integrity).toBeNull();
  });

  it('reports a deleted install whose file was put back', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => void draft.installs.push(sampleInstall('inst_x')));
    const copy = await fs.readFile(path.join(dir, 'installs/inst_x.json'));
    await vault.update((draft) => void (draft.installs = []));
    await closeVault(vault);
    await fs.writeFile(path.join(dir, 'installs/inst_x.json'), copy);
    expect((await open(dir)).status().integrity).toMatch(/inst_x\.json was deleted/);
  });
});

describe('rollback of the whole folder but the key file (generation mirrored in the key file)', () => {
  it('reports store files and change log put back together from an older copy', async () => {
    const dir = await makeTempDir();
    const backup = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => {
      draft.apps.push(sampleApp());
      draft.installs.push(sampleInstall('inst_1'));
    });
    await copyAllButKey(dir, backup);
    await vault.update((draft) => void (draft.installs[0]!.accessToken = 'rotated-later'));
    await vault.update((draft) => void (draft.apps[0]!.name = 'renamed later'));
    await closeVault(vault);
    expect(await reopenedIntegrity(dir)).toBeNull();

    // Everything but the key file goes back to the copy: files, change log and activity log agree
    // with each other, so only the key file's mirror can tell.
    for (const name of await fs.readdir(dir)) if (name !== 'vault-key.json') await fs.rm(path.join(dir, name), { recursive: true, force: true });
    await fs.cp(backup, dir, { recursive: true });
    const rolledBack = await open(dir);
    expect(rolledBack.status().state).toBe('ready');
    expect(rolledBack.status().integrity).toMatch(/older than the key file says: its files and change log end at generation 2, but generation 4 was written/);
    expect(rolledBack.data().installs[0]!.accessToken).toBe('at-inst_1');
  });

  it('writes the mirror within a second after the saves, without a close', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    for (let n = 0; n < 5; n += 1) await vault.update((draft) => void draft.apps.push(sampleApp({ id: `app_${n}` })));
    const mirrored = async () => (JSON.parse(await fs.readFile(keyFile(dir), 'utf8')) as { mirror?: { generation: number } }).mirror?.generation ?? null;
    const deadline = Date.now() + MIRROR_DELAY_MS + 10_000;
    while ((await mirrored()) !== 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // Generation 1 is the new store; the five saves are 2..6.
    expect(await mirrored()).toBe(6);
  });

  it('never writes a mirror that came due over another process\'s rotation of the key', async () => {
    const dir = await makeTempDir();
    const a = await open(dir);
    await a.update((draft) => void draft.apps.push(sampleApp()));
    // A second vault on the folder (as another process) rotates the key before A's mirror is written.
    const b = await open(dir);
    await b.setPassphrase('another passphrase 1');
    const rotated = await fs.readFile(keyFile(dir), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, MIRROR_DELAY_MS + 300));
    // Queued behind A's mirror write: A notices the rotation and asks for the new passphrase.
    await expect(a.update((draft) => void (draft.apps[0]!.name = 'from a'))).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(await fs.readFile(keyFile(dir), 'utf8')).toBe(rotated);
    await closeVault(a);
    expect(await fs.readFile(keyFile(dir), 'utf8')).toBe(rotated);
    const reopened = await open(dir);
    await reopened.unlock('another passphrase 1');
    expect(reopened.status()).toMatchObject({ state: 'ready', integrity: null });
    expect(reopened.data().apps).toHaveLength(1);
  });

  it('reports a key file whose mirror was edited', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    await closeVault(vault);
    const key = JSON.parse(await fs.readFile(path.join(dir, 'vault-key.json'), 'utf8')) as { mirror: { generation: number } };
    key.mirror.generation = 1;
    await fs.writeFile(path.join(dir, 'vault-key.json'), JSON.stringify(key));
    expect(await reopenedIntegrity(dir)).toMatch(/record of the last write does not verify/);
  });
});

describe('the activity log chain', () => {
  it('accepts an intact log, and reports a deleted line', async () => {
    const dir = await withActivity(5);
    expect(await reopenedIntegrity(dir)).toBeNull();
    const lines = await activityLines(dir);
    await fs.writeFile(activityFile(dir), `${[...lines.slice(0, 2), ...lines.slice(3)].join('\n')}\n`);
    expect(await reopenedIntegrity(dir)).toMatch(/activity log is not as it was written: line 3 is missing/);
  });

  it('reports reordered lines', async () => {
    const dir = await withActivity(5);
    const lines = await activityLines(dir);
    await fs.writeFile(activityFile(dir), `${[lines[0], lines[2], lines[1], lines[3], lines[4]].join('\n')}\n`);
    expect(await reopenedIntegrity(dir)).toMatch(/line 2 is out of order \(after line 3\)/);
  });

  it('reports lines cut off its end, up to what the key file mirrored at the last store commit', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await activityAttached(vault);
    for (let n = 1; n <= 5; n += 1) await vault.activity.append(sampleActivity({ url: `https://acme.gorgias.com/api/${n}` }));
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    await closeVault(vault);
    const lines = await activityLines(dir);
    await fs.writeFile(activityFile(dir), `${lines.slice(0, 3).join('\n')}\n`);
    expect(await reopenedIntegrity(dir)).toMatch(/activity log ends at line 3, but line 5 had been written/);
  });
});
