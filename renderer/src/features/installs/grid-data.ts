// What the installs grid (and the sidebar) paint, in one shape whether it came from the small first
// answer (`installs.grid`, before the first paint) or from the full lists (`apps.list`,
// `accounts.list`, `installs.list`, which follow it): the grid reads the same names, statuses and
// users either way, so the cells do not change when the full lists replace the first answer.
import type { AccountView, AppView, InstallsGrid, InstallStatus, InstallSummary } from '../../../../electron/common/model';
import { userShortName } from '../../../../electron/common/install-user';

export type GridApp = Pick<AppView, 'id' | 'name' | 'builtIn'>;
export type GridAccount = Pick<AccountView, 'id' | 'label' | 'subdomain' | 'kind' | 'customBaseUrl' | 'builtInSandbox'>;

export interface GridInstall {
  id: string;
  status: InstallStatus;
  expiresAtMs: number | null;
  /** The user's short label; null when the install has no id_token. */
  user: string | null;
}

export interface GridData {
  apps: GridApp[];
  accounts: GridAccount[];
  installCount: number;
  /** Every install of a pair (`appId/accountId`), newest first: the cell opens the first. */
  byPair: Map<string, GridInstall[]>;
  /** Some install names its user: cells then list their users, and rows are taller. */
  hasUsers: boolean;
}

export const pairKey = (appId: string, accountId: string): string => `${appId}/${accountId}`;

/** From the first answer: its rows are already newest first within a pair. */
export function gridFromFirstAnswer(first: InstallsGrid): GridData {
  const byPair = new Map<string, GridInstall[]>();
  let hasUsers = false;
  for (const [id, app, account, status, expiresAtMs, user] of first.installs) {
    const appId = first.apps[app]?.id;
    const accountId = first.accounts[account]?.id;
    if (appId === undefined || accountId === undefined) continue;
    if (user !== null) hasUsers = true;
    const key = pairKey(appId, accountId);
    const entry: GridInstall = { id, status, expiresAtMs, user };
    const list = byPair.get(key);
    if (list) list.push(entry);
    else byPair.set(key, [entry]);
  }
  return { apps: first.apps, accounts: first.accounts, installCount: first.installs.length, byPair, hasUsers };
}

/** From the full lists: sorted newest first per pair, the order the first answer has. */
export function gridFromLists(apps: AppView[], accounts: AccountView[], installs: InstallSummary[]): GridData {
  const grouped = new Map<string, InstallSummary[]>();
  let hasUsers = false;
  for (const install of installs) {
    if (install.user !== null) hasUsers = true;
    const key = pairKey(install.appId, install.accountId);
    const list = grouped.get(key);
    if (list) list.push(install);
    else grouped.set(key, [install]);
  }
  const byPair = new Map<string, GridInstall[]>();
  for (const [key, list] of grouped) {
    list.sort((a, b) => (a.obtainedAt < b.obtainedAt ? 1 : a.obtainedAt > b.obtainedAt ? -1 : 0));
    byPair.set(
      key,
      list.map((install) => ({
        id: install.id,
        status: install.status,
        expiresAtMs: install.expiresAt ? Date.parse(install.expiresAt) : null,
        user: install.user ? userShortName(install.user) : null,
      })),
    );
  }
  return { apps, accounts, installCount: installs.length, byPair, hasUsers };
}
