// installs.grid: the window's first screen in one small answer (names, labels, each install's
// status and expiry as a tuple), so the grid paints before the full lists cross the bridge. A
// 1,000-install vault answers about 60 KB here against about 350 KB for apps.list +
// accounts.list + installs.list, which the renderer asks for right after that first paint.
import { userShortName } from '../../common/install-user';
import type { GridInstallRow, InstallsGrid } from '../../common/model';
import type { VaultData } from '../vault/vault-types';
import { installStatus } from './install-view';

export function toInstallsGrid(data: VaultData, nowMs: number): InstallsGrid {
  const appIndex = new Map(data.apps.map((app, index) => [app.id, index]));
  const accountIndex = new Map(data.accounts.map((account, index) => [account.id, index]));
  // Newest first (a stable sort: equal times keep the vault's order), as the grid's cell opens the
  // newest install of its pair and lists the users newest first.
  const installs = [...data.installs].sort((a, b) => (a.obtainedAt < b.obtainedAt ? 1 : a.obtainedAt > b.obtainedAt ? -1 : 0));
  const rows: GridInstallRow[] = [];
  for (const install of installs) {
    const app = appIndex.get(install.appId);
    const account = accountIndex.get(install.accountId);
    // An install whose app or account is gone has no cell (the grid never showed it either).
    if (app === undefined || account === undefined) continue;
    const expires = install.expiresAt ? Date.parse(install.expiresAt) : null;
    rows.push([install.id, app, account, installStatus(install, nowMs), expires, install.user ? userShortName(install.user) : null]);
  }
  return {
    apps: data.apps.map((app) => ({ id: app.id, name: app.name, builtIn: app.builtIn })),
    accounts: data.accounts.map((account) => ({
      id: account.id,
      label: account.label,
      subdomain: account.subdomain,
      kind: account.kind,
      customBaseUrl: account.customBaseUrl,
      builtInSandbox: account.builtInSandbox,
    })),
    installs: rows,
  };
}
