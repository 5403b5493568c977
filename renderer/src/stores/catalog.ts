// The lists every part of the window shows at once (sidebar, grid, quick switcher): apps, accounts
// and installs, each reloaded when main says it changed. One copy, shared through a store, so the
// window asks once per change instead of once per component.
import type { AccountView, AppView, InstallSummary } from '../../../electron/common/model';
import { workbench, type ErrorShape } from '../workbench/client';
import { createStore, useStore } from './create-store';

export interface Catalog {
  apps: AppView[] | null;
  accounts: AccountView[] | null;
  installs: InstallSummary[] | null;
  error: ErrorShape | null;
}

const store = createStore<Catalog>({ apps: null, accounts: null, installs: null, error: null });

type ListName = 'apps' | 'accounts' | 'installs';
const LISTS: readonly ListName[] = ['apps', 'accounts', 'installs'];
const generations: Record<ListName, number> = { apps: 0, accounts: 0, installs: 0 };
const inFlight: Record<ListName, boolean> = { apps: false, accounts: false, installs: false };
/** Answered while the change events were followed without a break: still current. */
const current: Record<ListName, boolean> = { apps: false, accounts: false, installs: false };
let offs: Array<() => void> | null = null;

async function reload(name: ListName): Promise<void> {
  const mine = ++generations[name];
  inFlight[name] = true;
  const api = workbench();
  const result = name === 'apps' ? await api.apps.list() : name === 'accounts' ? await api.accounts.list() : await api.installs.list();
  if (mine !== generations[name]) return;
  inFlight[name] = false;
  current[name] = result.ok && offs !== null;
  if (result.ok) store.set((catalog) => ({ ...catalog, [name]: result.value, error: null }));
  else store.set((catalog) => ({ ...catalog, error: result.error }));
}

export function reloadCatalog(): void {
  for (const name of LISTS) void reload(name);
}

function follow(): void {
  if (offs) return;
  const api = workbench();
  offs = [
    api.on('apps.changed', () => void reload('apps')),
    api.on('accounts.changed', () => void reload('accounts')),
    api.on('installs.changed', () => void reload('installs')),
    // A vault that opens or changes protection may hold other data.
    api.on('vault.changed', (status) => {
      if (status.state === 'ready') reloadCatalog();
    }),
  ];
}

function unfollow(): void {
  offs?.forEach((off) => off());
  offs = null;
  for (const name of LISTS) current[name] = false;
}

function loadMissing(): void {
  for (const name of LISTS) if (!current[name] && !inFlight[name]) void reload(name);
}

/**
 * Starts loading and following changes; returns the unsubscribe. Lists already loaded (or on their
 * way) since the catalog started following are not asked for again: the early start below would
 * otherwise be thrown away and the grid would wait for a second `installs.list`.
 */
export function trackCatalog(): () => void {
  follow();
  loadMissing();
  return unfollow;
}

/**
 * Asks for the lists right after `vault.status` (called by the vault hook), without waiting for its
 * answer and for the workbench to mount: the first render gets its data a round trip earlier. After
 * `vault.status`, not before: the gate needs that small answer first, and a big list ahead of it
 * on the bridge would delay it. A locked vault answers with an error, which nothing shows while it
 * is locked: `vault.changed` (ready) loads the lists again and clears it.
 */
export function startCatalogEarly(): void {
  follow();
  loadMissing();
}

export function useCatalog(): Catalog {
  return useStore(store);
}

/** The newest install of an app on an account (there is usually one). */
export function installFor(installs: readonly InstallSummary[], appId: string, accountId: string): InstallSummary | undefined {
  let newest: InstallSummary | undefined;
  for (const install of installs) {
    if (install.appId !== appId || install.accountId !== accountId) continue;
    if (!newest || install.obtainedAt > newest.obtainedAt) newest = install;
  }
  return newest;
}

/** Every install per `appId/accountId` (one per approving user), newest first, in one pass. */
export function installsByPair(installs: readonly InstallSummary[]): Map<string, InstallSummary[]> {
  const byPair = new Map<string, InstallSummary[]>();
  for (const install of installs) {
    const key = `${install.appId}/${install.accountId}`;
    const list = byPair.get(key);
    if (list) list.push(install);
    else byPair.set(key, [install]);
  }
  for (const list of byPair.values()) list.sort((a, b) => (a.obtainedAt < b.obtainedAt ? 1 : a.obtainedAt > b.obtainedAt ? -1 : 0));
  return byPair;
}

/** The newest install per `appId/accountId`, in one pass. */
export function newestInstalls(installs: readonly InstallSummary[]): Map<string, InstallSummary> {
  const newest = new Map<string, InstallSummary>();
  for (const install of installs) {
    const key = `${install.appId}/${install.accountId}`;
    const current = newest.get(key);
    if (!current || install.obtainedAt > current.obtainedAt) newest.set(key, install);
  }
  return newest;
}
