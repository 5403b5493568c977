// Store format 2 writes what changed: one install's file for a token refresh, the main store only
// when apps, accounts, settings or the install list change; the change log names each commit.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredInstall } from '../../../electron/backend/vault/vault-types';
import { userFromIdToken } from '../../../electron/backend/vault/install-user';
import { closeVault, makeTempDir, open, sampleApp, sampleInstall, snapshotDir } from './vault-test-helpers';

async function installsSnapshot(dir: string): Promise<Record<string, string>> {
  return snapshotDir(path.join(dir, 'installs'));
}

describe('per-record writes', () => {
  it('a change to one install rewrites only that install\'s file', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => {
      draft.apps.push(sampleApp());
      for (let index = 0; index < 5; index += 1) draft.installs.push(sampleInstall(`inst_${index}`));
    });
    const main = await fs.readFile(path.join(dir, 'vault.json'));
    const before = await installsSnapshot(dir);
    expect(Object.keys(before).sort()).toEqual(['inst_0.json', 'inst_1.json', 'inst_2.json', 'inst_3.json', 'inst_4.json']);

    await vault.update((draft) => {
      const target = draft.installs.find((install) => install.id === 'inst_3')!;
      target.accessToken = 'refreshed';
      target.checks.push({ id: 'x', label: 'nested change', outcome: 'pass', detail: '' });
    });
    const after = await installsSnapshot(dir);
    const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
    expect(changed).toEqual(['inst_3.json']);
    expect(await fs.readFile(path.join(dir, 'vault.json'))).toEqual(main);
    // The change log names the commit (ids only, nothing secret).
    const log = await fs.readFile(path.join(dir, 'vault.changes'), 'utf8');
    expect(log.trim().split('\n').at(-1)).toMatch(/^\d+ install:inst_3$/);

    // Forgetting an install rewrites the main store (its list) and deletes just that file.
    await vault.update((draft) => {
      draft.installs = draft.installs.filter((install) => install.id !== 'inst_1');
    });
    expect(Object.keys(await installsSnapshot(dir)).sort()).toEqual(['inst_0.json', 'inst_2.json', 'inst_3.json', 'inst_4.json']);
    expect(await fs.readFile(path.join(dir, 'vault.json'))).not.toEqual(main);

    await closeVault(vault);
    const again = await open(dir);
    expect(again.data().installs.map((install) => [install.id, install.accessToken])).toEqual([
      ['inst_0', 'at-inst_0'],
      ['inst_2', 'at-inst_2'],
      ['inst_3', 'refreshed'],
      ['inst_4', 'at-inst_4'],
    ]);
    expect(again.data().installs[2]!.checks).toHaveLength(1);
  });

  it('notices a change in any field of an install (each one is written and read back)', async () => {
    const dir = await makeTempDir();
    let vault = await open(dir);
    await vault.update((draft) => void draft.installs.push(sampleInstall('inst_f', { user: { sub: '1', name: 'A', email: null, role: null } })));
    const changes: ((install: StoredInstall) => void)[] = [
      (install) => void (install.user!.email = 'a@x.example'),
      (install) => void (install.user = null),
      (install) => void (install.lastError = { code: 'X', message: 'm', at: 't' }),
      (install) => void (install.lastError!.message = 'm2'),
      (install) => void install.grantedScopes.push('extra'),
      (install) => void (install.checks = [{ id: 'c', label: 'l', outcome: 'warn', detail: '' }]),
      (install) => void (install.checks[0]!.detail = 'changed'),
      (install) => void (install.expiresInAnswered = 1),
      (install) => void (install.failing = true),
    ];
    for (const change of changes) {
      await vault.update((draft) => change(draft.installs[0]!));
      const expected = structuredClone(vault.data().installs[0]);
      await closeVault(vault);
      vault = await open(dir);
      expect(vault.data().installs[0]).toEqual(expected);
    }
  });

  it('an install file moved into another install\'s place does not open (its name is sealed in)', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => {
      draft.installs.push(sampleInstall('inst_a'), sampleInstall('inst_b'));
    });
    await closeVault(vault);
    await fs.copyFile(path.join(dir, 'installs/inst_a.json'), path.join(dir, 'installs/inst_b.json'));
    const again = await open(dir);
    expect(again.status().recovered?.reason).toMatch(/inst_b/);
    expect(again.data().installs.map((install) => install.id)).toEqual(['inst_a']);
  });

  it('reads the approving user from id_token claims', () => {
    const token = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    expect(userFromIdToken(token({ sub: 42, name: 'N', email: 'e@x', role: 'agent' }))).toEqual({ sub: '42', name: 'N', email: 'e@x', role: 'agent' });
    expect(userFromIdToken(token({ sub: 'abc-1' }))).toEqual({ sub: 'abc-1', name: null, email: null, role: null });
    expect(userFromIdToken(token({ name: 'no sub' }))).toBeNull();
    expect(userFromIdToken('not a jwt')).toBeNull();
    expect(userFromIdToken(null)).toBeNull();
  });
});
