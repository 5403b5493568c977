// The lists every part of the window shows at once (sidebar, grid, quick switcher): apps, accounts
// and installs, each reloaded when main says it changed. One copy, shared through a store, so the
// window asks once per change instead of once per component.
//
// The first screen does not wait for them: `installs.grid` (one small answer: names, labels, each
// install's status and expiry) is asked for when the bundle starts, before React mounts, and the
// grid and the sidebar paint from it; the full lists are asked for right after that first paint
// and replace it (issue #13: "the grid's first paint needs ids, status and expiry per cell; the
// rest follows").
import type { AccountView, AppView, InstallsGrid, InstallSummary } from '../../../electron/common/model';
import { workbench, type ErrorShape } from '../workbench/client';
import { takeEarlyGrid } from '../workbench/early';
import { createStore, useStore } from './create-store';
import { afterNextPaint } from '../workbench/after-next-paint';

export interface Catalog {
  apps: AppView[] | null;
  accounts: AccountView[] | null;
  installs: InstallSummary[] | null;
  /** The first answer, until every full list is in (then null). */
  first: InstallsGrid | null;
  error: ErrorShape | null;
}

const store = createStore<Catalog>({ apps: null, accounts: null, installs: null, first: null, error: null });

type ListName = 'apps' | 'accounts' | 'installs';
const LISTS: readonly ListName[] = ['apps', 'accounts', 'installs'];
const generations: Record<ListName, number> = { apps: 0, accounts: 0, installs: 0 };
const inFlight: Record<ListName, boolean> = { apps: false, accounts: false, installs: false };
/** Answered while the change events were followed without a break: still current. */
const current: Record<ListName, boolean> = { apps: false, accounts: false, installs: false };
let offs: Array<() => void> | null = null;
/** The first answer is on its way, or shown and not yet painted: the full lists wait. */
let firstPending = false;
let firstAsked = false;
/** Longest the full lists wait for the grid to say it painted (a window not showing it, say). */
const FIRST_PAINT_WAIT_MS = 1000;

async function reload(name: ListName): Promise<void> {
  const mine = ++generations[name];
  inFlight[name] = true;
  const api = workbench();
  const result = name === 'apps' ? await api.apps.list() : name === 'accounts' ? await api.accounts.list() : await api.installs.list();
  if (mine !== generations[name]) return;
  inFlight[name] = false;
  current[name] = result.ok && offs !== null;
  if (result.ok) {
    store.set((catalog) => {
      const next = { ...catalog, [name]: result.value, error: null };
      // Every full list is in: the first answer has been replaced.
      if (next.apps && next.accounts && next.installs) next.first = null;
      return next;
    });
  } else store.set((catalog) => ({ ...catalog, error: result.error }));
}

async function loadFirst(): Promise<void> {
  firstAsked = true;
  firstPending = true;
  // Asked already by index.html's first script, when there is one.
  const result = await (takeEarlyGrid() ?? workbench().installs.grid());
  // Only while nothing fuller is in (a list that arrived meanwhile is newer than this answer).
  const catalog = store.get();
  if (result.ok && result.value.installs.length > 0 && !catalog.apps && !catalog.accounts && !catalog.installs) {
    store.set((previous) => ({ ...previous, first: result.value }));
    // The grid says when it has painted it (firstAnswerPainted); this is in case it never does.
    setTimeout(fullListsNow, FIRST_PAINT_WAIT_MS);
    return;
  }
  // A locked vault answers an error here; the full lists then say the same, and `vault.changed`
  // (ready) loads them again. With no install, the first-run card wants the full lists at once.
  fullListsNow();
}

function fullListsNow(): void {
  if (!firstPending) return;
  firstPending = false;
  loadMissing();
}

/**
 * The grid calls this once it has rendered the first answer: the full lists are asked for after
 * the frame that shows it, so their (much bigger) answers do not delay that frame.
 */
export function firstAnswerPainted(): void {
  afterNextPaint(fullListsNow);
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
  if (offs === null) return;
  for (const name of LISTS) if (!current[name] && !inFlight[name]) void reload(name);
}

/**
 * Starts loading and following changes; returns the unsubscribe. Lists already loaded (or on their
 * way) since the catalog started following are not asked for again: the early start below would
 * otherwise be thrown away and the grid would wait for a second `installs.list`.
 */
export function trackCatalog(): () => void {
  follow();
  if (!firstPending) loadMissing();
  return unfollow;
}

/**
 * Called when the bundle starts (main.tsx), right after `vault.status`, before React mounts: asks
 * for the first answer (`installs.grid`) and follows changes; the full lists follow the first
 * paint. After `vault.status`, not before: the gate needs that small answer first. A locked vault
 * answers with an error, which nothing shows while it is locked: `vault.changed` (ready) loads
 * the lists and clears it.
 */
export function startCatalogEarly(): void {
  follow();
  if (!firstAsked) void loadFirst();
  else if (!firstPending) loadMissing();
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
