// The first paint draws the grid only when the app's first screen is the grid: each other first
// screen (the vault gate, a standing banner, the first-run card, an error) gets nothing early.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/common/errors';
import type { InstallsGrid, VaultStatus } from '../../../electron/common/model';
import { firstScreenGrid } from '../../../renderer/src/first-paint/first-screen';

const ready: VaultStatus = {
  state: 'ready',
  protection: 'os',
  osProtection: 'strong',
  osBackend: null,
  recovered: null,
  integrity: null,
  problem: null,
  schemaVersion: 1,
  dataDir: '/tmp/vault',
};
const grid: InstallsGrid = {
  apps: [{ id: 'app_1', name: 'App', builtIn: false }],
  accounts: [{ id: 'acc_1', label: 'Store', subdomain: 'store', kind: 'sandbox', customBaseUrl: null, builtInSandbox: false }],
  installs: [['ins_1', 0, 0, 'active', Date.now() + 60_000, null]],
};
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const failed = { ok: false, error: { code: 'VAULT_LOCKED', message: 'locked' } } as unknown as Result<never>;

describe('firstScreenGrid', () => {
  it('paints a ready vault with installs', () => {
    const screen = firstScreenGrid(ok(ready), ok(grid));
    expect(screen?.data.installCount).toBe(1);
    expect(screen?.data.byPair.get('app_1/acc_1')?.[0]?.id).toBe('ins_1');
  });

  it.each([
    ['locked', { ...ready, state: 'locked' as const }],
    ['needs setup', { ...ready, state: 'needs-setup' as const }],
    ['weak protection (banner)', { ...ready, protection: 'weak' as const }],
    ['recovered (banner)', { ...ready, recovered: { movedTo: '/x', reason: 'unreadable', at: '2026-01-01T00:00:00Z' } }],
    ['files rolled back (banner)', { ...ready, integrity: 'older files' }],
  ])('paints nothing when the vault is %s', (_name, vault) => {
    expect(firstScreenGrid(ok(vault), ok(grid))).toBeNull();
  });

  it('paints nothing for a first run, an error, or a grid with no app or account', () => {
    expect(firstScreenGrid(ok(ready), ok({ ...grid, installs: [] }))).toBeNull();
    expect(firstScreenGrid(failed, ok(grid))).toBeNull();
    expect(firstScreenGrid(ok(ready), failed)).toBeNull();
    expect(firstScreenGrid(ok(ready), ok({ ...grid, accounts: [] }))).toBeNull();
  });
});
