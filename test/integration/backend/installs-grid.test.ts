// installs.grid, the window's first answer, against the full lists on a real vault: the same apps and
// accounts in the same order, every install's status, expiry and user as installs.list says them,
// newest first within a pair (two users on one pair), and a fraction of the full lists' size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { writeBigVault } from '../../bench/generators/write-big-vault';
import { createRecordingPorts } from '../../fakes/recording-ports';

let dataDir: string;
let backend: Backend;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-installs-grid-'));
  await writeBigVault(dataDir, { apps: 6, accounts: 5, activityEntries: 0 });
  backend = await createBackend({ dataDir, ports: createRecordingPorts().ports, sandboxPort: 0 });
  // A second, newer user on the first pair, and one install without an id_token.
  await backend.vault.update((draft) => {
    const [first, second] = draft.installs.filter((install) => !install.appId.startsWith('app_demo'));
    const newer = structuredClone(first!);
    newer.id = 'inst_second_user';
    newer.obtainedAt = new Date(Date.parse(first!.obtainedAt) + 60_000).toISOString();
    newer.user = { sub: '77', name: null, email: 'second@example.test', role: 'observer' };
    draft.installs.push(newer);
    second!.user = null;
  });
}, 60_000);

afterAll(async () => {
  await backend?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('says what the full lists say about every install, newest first per pair, in a fraction of their size', async () => {
  const [grid, apps, accounts, installs] = await Promise.all([
    backend['installs.grid'](undefined),
    backend['apps.list'](undefined),
    backend['accounts.list'](undefined),
    backend['installs.list'](undefined),
  ]);
  expect(grid.apps).toEqual(apps.map(({ id, name, builtIn }) => ({ id, name, builtIn })));
  expect(grid.accounts.map((account) => account.id)).toEqual(accounts.map((account) => account.id));
  expect(grid.accounts[0]).toEqual({ id: accounts[0]!.id, label: accounts[0]!.label, subdomain: accounts[0]!.subdomain, kind: accounts[0]!.kind, customBaseUrl: accounts[0]!.customBaseUrl, builtInSandbox: accounts[0]!.builtInSandbox });
  expect(grid.installs).toHaveLength(installs.length);

  for (const [id, app, account, status, expiresAtMs, user] of grid.installs) {
    const full = installs.find((install) => install.id === id)!;
    expect(grid.apps[app]!.id).toBe(full.appId);
    expect(grid.accounts[account]!.id).toBe(full.accountId);
    expect(status).toBe(full.status);
    expect(expiresAtMs).toBe(full.expiresAt ? Date.parse(full.expiresAt) : null);
    expect(user).toBe(full.user ? (full.user.name ?? full.user.email) : null);
  }
  // Within a pair, newest first: the second user's newer install comes before the first's.
  const second = grid.installs.findIndex(([id]) => id === 'inst_second_user');
  const pair = grid.installs[second]!;
  const older = grid.installs.findIndex(([, app, account], index) => index !== second && app === pair[1] && account === pair[2]);
  expect(second).toBeLessThan(older);
  expect(pair[5]).toBe('second@example.test');
  expect(grid.installs.some(([, , , , , user]) => user === null)).toBe(true);

  const full = JSON.stringify(apps).length + JSON.stringify(accounts).length + JSON.stringify(installs).length;
  expect(JSON.stringify(grid).length).toBeLessThan(full / 3);
});
