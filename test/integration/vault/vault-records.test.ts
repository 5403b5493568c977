// Store format 2 writes what changed: one install's file for a token refresh, the main store only
// when apps, accounts, settings or the install list change; the change log names each commit.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../electron/common/errors';
import { describe, expect, it } from 'vitest';
import type { StoredInstall } from '../../../electron/backend/vault/vault-types';
import { userFromIdToken } from '../../../electron/backend/vault/install-user';
import { confStoreFactory } from '../../../electron/backend/vault/conf-store-factory';
import { openVault } from '../../../electron/backend/vault/open-vault';
import type { StoreFactory } from '../../../electron/backend/ports';
import { closeVault, makeTempDir, open, protector, sampleApp, sampleInstall, snapshotDir } from './vault-test-helpers';

async function installsSnapshot(dir: string): Promise<Record<string, string>> {
  return snapshotDir(path.join(dir, 'installs'));
}

/** A fresh vault holding one app and `count` installs inst_0…, each with `overrides(index)`. */
async function vaultWithInstalls(count: number, overrides: (index: number) => Partial<StoredInstall> = () => ({})) {
  const dir = await makeTempDir();
  const vault = await open(dir);
  await vault.update((draft) => {
    draft.apps.push(sampleApp());
    for (let index = 0; index < count; index += 1) draft.installs.push(sampleInstall(`inst_${index}`, overrides(index)));
  });
  return { dir, vault };
}

describe('per-record writes', () => {
  it('a change to one install rewrites only that install\'s file', async () => {
    const { dir, vault } = await vaultWithInstalls(5);
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

  it('the main store is written through the store factory (electron-store in the app, conf here); install files beside it', async () => {
    const dir = await makeTempDir();
    const writes: string[] = [];
    // conf itself, watched: which files it is asked to open and each time its store is set.
    const watched: StoreFactory = (options) => {
      const store = confStoreFactory(options);
      return new Proxy(store, {
        set(target, key, value) {
          if (key === 'store') writes.push(`${options.configName}.${options.fileExtension}`);
          return Reflect.set(target, key, value);
        },
      });
    };
    const vault = await openVault({ dataDir: dir, keyProtector: protector(), storeFactory: watched });
    const atOpen = writes.length;
    await vault.update((draft) => {
      draft.apps.push(sampleApp());
      draft.installs.push(sampleInstall('inst_0'));
    });
    expect(writes.slice(atOpen)).toEqual(['vault.json']);
    await vault.updateInstall('inst_0', (install) => void (install.accessToken = 'refreshed'));
    expect(writes.slice(atOpen)).toEqual(['vault.json']);
    await vault.close();
    const again = await open(dir);
    expect(again.data().apps).toHaveLength(1);
    expect(again.data().installs[0]!.accessToken).toBe('refreshed');
    await closeVault(again);
  });

  it('updateInstall writes that install alone, reads back after a reopen, and refuses what it cannot do', async () => {
    const { dir, vault } = await vaultWithInstalls(4);
    const main = await fs.readFile(path.join(dir, 'vault.json'));
    const before = await installsSnapshot(dir);

    const returned = await vault.updateInstall('inst_2', (install) => {
      install.accessToken = 'refreshed-2';
      install.user = { sub: '7', name: 'Seven', email: null, role: 'agent' };
      return install.id;
    });
    expect(returned).toBe('inst_2');
    const after = await installsSnapshot(dir);
    expect(Object.keys(after).filter((name) => after[name] !== before[name])).toEqual(['inst_2.json']);
    expect(await fs.readFile(path.join(dir, 'vault.json'))).toEqual(main);
    const log = await fs.readFile(path.join(dir, 'vault.changes'), 'utf8');
    expect(log.trim().split('\n').at(-1)).toMatch(/^\d+ install:inst_2$/);

    // A mutator that changes nothing writes nothing (no change-log line either).
    await vault.updateInstall('inst_2', (install) => void (install.accessToken = 'refreshed-2'));
    expect(await fs.readFile(path.join(dir, 'vault.changes'), 'utf8')).toBe(log);

    // Gone: NOT_FOUND with the caller's words; an id change is refused and undone.
    await expect(vault.updateInstall('inst_9', () => undefined, 'The install was forgotten during the refresh.')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The install was forgotten during the refresh.' });
    await expect(vault.updateInstall('inst_1', (install) => void (install.id = 'inst_x'))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(vault.data().installs.map((install) => install.id)).toEqual(['inst_0', 'inst_1', 'inst_2', 'inst_3']);

    // A later whole-vault update still sees every install as written (the snapshot moved on with it).
    await vault.update((draft) => void (draft.installs[0]!.accessToken = 'refreshed-0'));
    const last = await installsSnapshot(dir);
    expect(Object.keys(last).filter((name) => last[name] !== after[name])).toEqual(['inst_0.json']);

    await closeVault(vault);
    const again = await open(dir);
    expect(again.data().installs.map((install) => [install.id, install.accessToken])).toEqual([
      ['inst_0', 'refreshed-0'],
      ['inst_1', 'at-inst_1'],
      ['inst_2', 'refreshed-2'],
      ['inst_3', 'at-inst_3'],
    ]);
    expect(again.data().installs[2]!.user).toEqual({ sub: '7', name: 'Seven', email: null, role: 'agent' });
    await closeVault(again);
  });

  it('putInstall adds an install with its file and the main store\'s list, or replaces one in place with its file alone', async () => {
    const { dir, vault } = await vaultWithInstalls(3, (index) => ({ accountId: `acc_${index}` }));
    const before = await installsSnapshot(dir);
    const { id: _unused, ...fresh } = sampleInstall('ignored', { accountId: 'acc_new', accessToken: 'fresh-access' });

    // Added: a new id at the end, its file and the main store in one change-log line, no other install file touched.
    const seen: string[][] = [];
    const added = await vault.putInstall(fresh, (data) => (seen.push(data.installs.map((install) => install.id)), null));
    expect(seen).toEqual([['inst_0', 'inst_1', 'inst_2']]);
    expect(added).toMatch(/^inst_/);
    expect(vault.data().installs.map((install) => install.id)).toEqual(['inst_0', 'inst_1', 'inst_2', added]);
    const afterAdd = await installsSnapshot(dir);
    expect(Object.keys(afterAdd).filter((name) => afterAdd[name] !== before[name])).toEqual([`${added}.json`]);
    const log = () => fs.readFile(path.join(dir, 'vault.changes'), 'utf8').then((text) => text.trim().split('\n').at(-1));
    expect(await log()).toMatch(new RegExp(`^\\d+ install:${added} main$`));

    // Replaced: same id, same place, every field the new one's (one it lacks is gone), its file alone.
    const main = await fs.readFile(path.join(dir, 'vault.json'));
    await vault.updateInstall('inst_1', (install) => void ((install as unknown as Record<string, unknown>).legacyField = 'old'));
    const beforeReplace = await installsSnapshot(dir);
    const replaced = await vault.putInstall({ ...fresh, accountId: 'acc_1', accessToken: 'replaced-access' }, () => 'inst_1');
    expect(replaced).toBe('inst_1');
    expect(vault.data().installs.map((install) => install.id)).toEqual(['inst_0', 'inst_1', 'inst_2', added]);
    expect(vault.data().installs[1]).toEqual({ ...fresh, id: 'inst_1', accountId: 'acc_1', accessToken: 'replaced-access' });
    const afterReplace = await installsSnapshot(dir);
    expect(Object.keys(afterReplace).filter((name) => afterReplace[name] !== beforeReplace[name])).toEqual(['inst_1.json']);
    expect(await fs.readFile(path.join(dir, 'vault.json'))).toEqual(main);
    expect(await log()).toMatch(/^\d+ install:inst_1$/);

    // Refused by pick: nothing written, nothing changed.
    const logBefore = await fs.readFile(path.join(dir, 'vault.changes'), 'utf8');
    await expect(vault.putInstall(fresh, () => {
      throw new WorkbenchError('NOT_FOUND', 'The app was deleted during the flow.');
    })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await fs.readFile(path.join(dir, 'vault.changes'), 'utf8')).toBe(logBefore);
    expect(vault.data().installs).toHaveLength(4);

    // Read back whole after a reopen; a later update() still compares against what was written.
    await vault.update((draft) => void (draft.installs[3]!.accessToken = 'after-add'));
    const last = await installsSnapshot(dir);
    expect(Object.keys(last).filter((name) => last[name] !== afterReplace[name])).toEqual([`${added}.json`]);
    await closeVault(vault);
    const again = await open(dir);
    expect(again.data().installs.map((install) => [install.id, install.accountId, install.accessToken])).toEqual([
      ['inst_0', 'acc_0', 'at-inst_0'],
      ['inst_1', 'acc_1', 'replaced-access'],
      ['inst_2', 'acc_2', 'at-inst_2'],
      [added, 'acc_new', 'after-add'],
    ]);
    expect(again.status().integrity).toBeNull();
    await closeVault(again);
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

  it('finds what changed whatever the mutator did to the list (replaced, swapped, renamed, duplicated)', async () => {
    const dir = await makeTempDir();
    let vault = await open(dir);
    await vault.update((draft) => {
      for (let index = 0; index < 4; index += 1) draft.installs.push(sampleInstall(`inst_${index}`));
    });
    const reopened = async () => {
      await closeVault(vault);
      vault = await open(dir);
      return vault.data().installs.map((install) => [install.id, install.accessToken]);
    };
    // Replaced by a new object with the same id (what a sign-in for the same user does).
    await vault.update((draft) => void (draft.installs[1] = { ...draft.installs[1]!, accessToken: 'replaced' }));
    // An untouched install replaced by an equal copy writes nothing.
    await vault.update((draft) => void (draft.installs[2] = structuredClone(draft.installs[2]!)));
    // The change log: the new store, the four installs, the replacement; no line for the equal copy.
    expect((await fs.readFile(path.join(dir, 'vault.changes'), 'utf8')).trim().split('\n').slice(2)).toEqual([expect.stringMatching(/^\d+ install:inst_1$/)]);
    expect(await reopened()).toEqual([['inst_0', 'at-inst_0'], ['inst_1', 'replaced'], ['inst_2', 'at-inst_2'], ['inst_3', 'at-inst_3']]);
    // Two installs swapped: the order (main store) changes, nothing else.
    await vault.update((draft) => void ([draft.installs[0], draft.installs[3]] = [draft.installs[3]!, draft.installs[0]!]));
    expect(await reopened()).toEqual([['inst_3', 'at-inst_3'], ['inst_1', 'replaced'], ['inst_2', 'at-inst_2'], ['inst_0', 'at-inst_0']]);
    // An id changed in place: written under the new id, the old file goes.
    await vault.update((draft) => void (draft.installs[2]!.id = 'inst_renamed'));
    expect(Object.keys(await installsSnapshot(dir)).sort()).toEqual(['inst_0.json', 'inst_1.json', 'inst_3.json', 'inst_renamed.json']);
    expect(await reopened()).toEqual([['inst_3', 'at-inst_3'], ['inst_1', 'replaced'], ['inst_renamed', 'at-inst_2'], ['inst_0', 'at-inst_0']]);
    // One id twice (in place, or pushed again): refused, nothing written, the data as it was.
    const before = await installsSnapshot(dir);
    await expect(vault.update((draft) => void (draft.installs[0]!.id = 'inst_1'))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/two installs with one id/) });
    await expect(vault.update((draft) => void draft.installs.push(draft.installs[1]!))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await installsSnapshot(dir)).toEqual(before);
    expect(vault.data().installs.map((install) => install.id)).toEqual(['inst_3', 'inst_1', 'inst_renamed', 'inst_0']);
    // And after all that, an in-place change deep inside one install is still found.
    await vault.update((draft) => void (draft.installs[3]!.grantedScopes.push('extra')));
    await closeVault(vault);
    vault = await open(dir);
    expect(vault.data().installs[3]!.grantedScopes.at(-1)).toBe('extra');
  });

  it('with many installs, a nested change found while the first file is flushed is written too; a bad one undoes both', async () => {
    const dir = await makeTempDir();
    let vault = await open(dir);
    await vault.update((draft) => {
      for (let index = 0; index < 250; index += 1) draft.installs.push(sampleInstall(`inst_${index}`, { checks: [{ id: 'c', label: 'l', outcome: 'pass', detail: 'first' }] }));
    });
    await vault.update((draft) => {
      draft.installs[10]!.accessToken = 'refreshed';
      draft.installs[200]!.checks[0]!.detail = 'changed in place';
    });
    expect(Object.keys(await installsSnapshot(dir))).toHaveLength(250);
    await closeVault(vault);
    vault = await open(dir);
    expect(vault.data().installs[10]!.accessToken).toBe('refreshed');
    expect(vault.data().installs[200]!.checks[0]!.detail).toBe('changed in place');

    // A nested change that breaks the schema, found in the second pass: nothing is renamed, no temp file stays.
    const before = await installsSnapshot(dir);
    await expect(vault.update((draft) => {
      draft.installs[20]!.accessToken = 'would be written';
      (draft.installs[230]!.checks[0] as { outcome: string }).outcome = 'not an outcome';
    })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/schema/) });
    expect(await installsSnapshot(dir)).toEqual(before);
    expect((await fs.readdir(path.join(dir, 'installs'))).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(vault.data().installs[20]!.accessToken).toBe('at-inst_20');
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
