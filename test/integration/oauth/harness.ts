// Wires the OAuth engine for integration tests: a real vault in a temp folder holding one app and one
// account, a recording "system browser", a fetch that counts requests, and every event kept.
import { EventBus } from '../../../electron/backend/events';
import type { OAuthDeps } from '../../../electron/backend/oauth/deps';
import { createFlowsService, type FlowsService } from '../../../electron/backend/oauth/flows-service';
import { createInstallsService, type InstallsService } from '../../../electron/backend/installs/installs-service';
import { createRefresher, type Refresher } from '../../../electron/backend/installs/refresher';
import { createOAuthCore, type OAuthCore } from '../../../electron/backend/oauth/oauth-core';
import type { StoredAccount, StoredApp } from '../../../electron/backend/vault/vault-types';
import type { FlowView } from '../../../electron/common/model';
import { openTempVault, type TempVault } from '../../fakes/temp-vault';

export const CLIENT_ID = 'workbench-test-client';
export const CLIENT_SECRET = 'test-client-secret-9f8e7d6c5b4a';
export const SCOPES = ['openid', 'email', 'profile', 'offline', 'account:read', 'tickets:read'];

export interface Harness {
  deps: OAuthDeps;
  vault: TempVault;
  flows: FlowsService;
  installs: InstallsService;
  /** The installs' token operations (getFreshAccessToken, refresh without a notice). */
  refresher: Refresher;
  core: OAuthCore;
  app: StoredApp;
  account: StoredAccount;
  events: Array<{ event: string; payload: unknown }>;
  opened: string[];
  clipboard: string[];
  /** Every request the engine made: method and URL, and the form body when there was one. */
  requests: Array<{ method: string; url: string; body: string }>;
  /** The next URL opened in the "system browser". */
  nextOpened(): Promise<string>;
  progress(flowId: string): string[];
  /** Moves this computer's clock (as the engine sees it) by `ms`: a wrong system clock. */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  baseUrl: (subdomain: string) => string | Promise<string>;
  subdomain?: string;
  app?: Omit<Partial<StoredApp>, 'redirect'> & { redirect?: Partial<StoredApp['redirect']> };
  flowTimeoutMs?: number;
  httpTimeoutMs?: number;
  onNewSubdomain?: (subdomain: string) => void | Promise<void>;
}

export function makeApp(patch: HarnessOptions['app'] = {}): StoredApp {
  const at = '2026-01-01T00:00:00.000Z';
  const { redirect, ...rest } = patch;
  return {
    id: 'app_test',
    name: 'Test app',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    scopes: SCOPES,
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false, ...redirect },
    clientAuth: 'basic',
    pkce: false,
    builtIn: false,
    createdAt: at,
    updatedAt: at,
    ...rest,
  };
}

export function makeAccount(subdomain: string, id = 'acc_test'): StoredAccount {
  const at = '2026-01-01T00:00:00.000Z';
  return { id, subdomain, label: subdomain, kind: 'sandbox', notes: '', customBaseUrl: null, builtInSandbox: true, createdAt: at, updatedAt: at };
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const app = makeApp(options.app);
  const account = makeAccount(options.subdomain ?? 'acme');
  const vault = await openTempVault({ apps: [app], accounts: [account] });
  const events: Harness['events'] = [];
  const bus = new EventBus();
  bus.subscribe((event, payload) => events.push({ event, payload }));
  const opened: string[] = [];
  const waiters: Array<(url: string) => void> = [];
  const clipboard: string[] = [];
  const requests: Harness['requests'] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    requests.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? init.body : '' });
    return fetch(input, init);
  };
  let counter = 0;
  let clockOffset = 0;
  const deps: OAuthDeps = {
    vault,
    events: bus,
    openInBrowser: async (url) => {
      opened.push(url);
      waiters.shift()?.(url);
    },
    clipboard: { writeText: (text) => void clipboard.push(text) },
    clock: { now: () => Date.now() + clockOffset },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    async resolveAccount(accountId) {
      const found = vault.data().accounts.find((a) => a.id === accountId);
      if (!found) throw new Error(`no account ${accountId}`);
      return { account: found, baseUrl: await options.baseUrl(found.subdomain) };
    },
    async ensureAccountForSubdomain(subdomain) {
      const existing = vault.data().accounts.find((a) => a.subdomain === subdomain);
      if (existing) return existing;
      await options.onNewSubdomain?.(subdomain);
      const created = makeAccount(subdomain, `acc_new${(counter += 1)}`);
      await vault.update((draft) => {
        draft.accounts.push(created);
      });
      return created;
    },
    flowTimeoutMs: options.flowTimeoutMs,
  };
  const core = createOAuthCore({ vault, events: bus, clock: deps.clock, logger: deps.logger, fetch: countingFetch, httpTimeoutMs: options.httpTimeoutMs });
  const refresher = createRefresher(deps, core);
  const flows = createFlowsService(deps, core);
  const installs = createInstallsService(deps, core, refresher);
  return {
    deps,
    vault,
    flows,
    installs,
    refresher,
    core,
    app,
    account,
    events,
    opened,
    clipboard,
    requests,
    nextOpened: () => new Promise((resolve) => waiters.push(resolve)),
    progress: (flowId) => events.filter((e) => e.event === 'flow.progress' && (e.payload as FlowView).id === flowId).map((e) => (e.payload as FlowView).step),
    setClockOffset: (ms) => {
      clockOffset = ms;
    },
    async close() {
      await flows.close();
      await vault.dispose();
    },
  };
}

/** Starts a flow and returns it with the authorize URL the "browser" was sent to. */
export async function startFlow(h: Harness, accountId = h.account.id, appId = h.app.id): Promise<FlowView> {
  return h.flows['flows.start']({ appId, accountId });
}
