// Rollback detection (issue 15, L1, for the store): each record file carries its generation, sealed
// in, and the change log records the generation of each record's last write. A file put back from
// an older copy, or deleted behind the vault's back, is reported in the status, never silently taken.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeVault, makeTempDir, open, sampleApp, sampleInstall } from './vault-test-helpers';

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
