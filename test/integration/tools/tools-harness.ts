// Wires the tools for integration tests against the real built-in sandbox: a real vault in a temp folder with
// one app and several sandbox accounts, the real OAuth flows and installs services, a clock shared
// by the backend and the sandbox (so "24 h later" is true for both), every event and clipboard
// write kept. Installs come from real flows, consented through the sandbox's own page.
import { EventBus } from '../../../electron/backend/events';
import { createInstallsService, type InstallsService } from '../../../electron/backend/installs/installs-service';
import type { OAuthDeps } from '../../../electron/backend/oauth/deps';
import { createFlowsService, type FlowsService } from '../../../electron/backend/oauth/flows-service';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../electron/backend/sandbox';
import type { ServiceSlice } from '../../../electron/backend/service';
import { createToolsService } from '../../../electron/backend/tools';
import { createOAuthCore } from '../../../electron/backend/oauth/oauth-core';
import { createRefresher } from '../../../electron/backend/installs/refresher';
import type { StoredAccount, StoredApp } from '../../../electron/backend/vault/vault-types';
import type { ToolsMethod } from '../../../electron/backend/tools';
import { openTempVault, type TempVault } from '../../fakes/temp-vault';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { createResponseStore } from '../../../electron/backend/tools/api-console/response-store';

export const CLIENT_ID = 'tools-test-client';
export const CLIENT_SECRET = 'tools-test-secret-4b3c2d1e0f9a';
export const DEFAULT_SCOPES = ['openid', 'email', 'profile', 'offline', 'account:read', 'users:read', 'tickets:read'];

export interface ToolsHarness {
  sandbox: Sandbox;
  vault: TempVault;
  deps: OAuthDeps;
  flows: FlowsService;
  installs: InstallsService;
  tools: ServiceSlice<ToolsMethod>;
  app: StoredApp;
  /** Accounts by subdomain. */
  accounts: Record<string, StoredAccount>;
  events: Array<{ event: string; payload: unknown }>;
  clipboard: string[];
  /** Every wait the tools asked for (ms), e.g. for Retry-after. */
  sleeps: number[];
  /** Moves the shared clock (backend and sandbox) forward. */
  advance(ms: number): void;
  /** Sets this computer's clock apart from the server's (the backend's clock only). */
  skew(ms: number): void;
  /** Runs a real flow (authorize, consent in the sandbox, callback, exchange) and returns the install id. */
  connect(subdomain: string, options?: { userId?: number }): Promise<string>;
  /** Every secret the test knows (client secret and all tokens), to search exports for. */
  secrets(): string[];
  close(): Promise<void>;
}

export interface ToolsHarnessOptions {
  subdomains?: string[];
  scopes?: string[];
  rateLimit?: { requests: number; windowMs: number };
  kinds?: Record<string, 'sandbox' | 'production'>;
  /** The sandbox's view of each API request body, as bytes (SandboxOptions.onApiBody). */
  onApiBody?: SandboxOptions['onApiBody'];
}

export async function createToolsHarness(options: ToolsHarnessOptions = {}): Promise<ToolsHarness> {
  let offset = 0;
  let skew = 0;
  const sandboxClock = { now: () => Date.now() + offset };
  const clock = { now: () => Date.now() + offset + skew };
  const sandbox = await startSandbox({ port: 0, clock: sandboxClock, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}), ...(options.onApiBody ? { onApiBody: options.onApiBody } : {}) });
  const at = '2026-01-01T00:00:00.000Z';
  const subdomains = options.subdomains ?? ['acme'];
  const app: StoredApp = {
    id: 'app_tools',
    name: 'Tools app',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    scopes: options.scopes ?? DEFAULT_SCOPES,
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
    clientAuth: 'basic',
    pkce: false,
    builtIn: false,
    createdAt: at,
    updatedAt: at,
  };
  sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/callback'] });
  const accounts: Record<string, StoredAccount> = {};
  for (const subdomain of subdomains) {
    sandbox.addAccount(subdomain, { name: `${subdomain} (sandbox)` });
    accounts[subdomain] = {
      id: `acc_${subdomain}`,
      subdomain,
      label: `${subdomain} label`,
      kind: options.kinds?.[subdomain] ?? 'sandbox',
      notes: '',
      customBaseUrl: null,
      builtInSandbox: true,
      createdAt: at,
      updatedAt: at,
    };
  }
  const vault = await openTempVault({ apps: [app], accounts: Object.values(accounts) });
  const events: ToolsHarness['events'] = [];
  const bus = new EventBus();
  bus.subscribe((event, payload) => events.push({ event, payload }));
  const clipboard: string[] = [];
  const deps: OAuthDeps = {
    vault,
    events: bus,
    openInBrowser: async () => undefined,
    clipboard: { writeText: (text) => void clipboard.push(text) },
    clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    async resolveAccount(accountId) {
      const found = vault.data().accounts.find((a) => a.id === accountId);
      if (!found) throw new Error(`no account ${accountId}`);
      return { account: found, baseUrl: found.customBaseUrl ?? sandbox.baseUrlFor(found.subdomain) };
    },
    async ensureAccountForSubdomain() {
      throw new Error('not used in these tests');
    },
  };
  const core = createOAuthCore({ vault, events: bus, clock, logger: deps.logger, fetch: globalThis.fetch.bind(globalThis) });
  const refresher = createRefresher(deps, core);
  const flows = createFlowsService(deps, core);
  const installs = createInstallsService(deps, core, refresher);
  // Waiting for Retry-after moves the shared clock, so the sandbox's bucket leaks without real sleeping.
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    offset += ms;
  };
  const responses = createResponseStore();
  const tools = createToolsService({ ...deps, core, installs: refresher, appVersion: '9.9.9-test', sleep }, responses);

  return {
    sandbox,
    vault,
    deps,
    flows,
    installs,
    tools,
    app,
    accounts,
    events,
    clipboard,
    sleeps,
    advance: (ms) => {
      offset += ms;
    },
    skew: (ms) => {
      skew = ms;
    },
    async connect(subdomain, connectOptions = {}) {
      const flow = await flows['flows.start']({ appId: app.id, accountId: accounts[subdomain]!.id });
      const outcome = await consentInSandbox(flow.authorizeUrl, connectOptions.userId !== undefined ? { userId: connectOptions.userId } : {});
      if (outcome.callbackStatus !== 200) throw new Error(`callback answered ${outcome.callbackStatus}`);
      const done = await flows.waitForFlow(flow.id);
      if (done.step !== 'stored' || !done.installId) throw new Error(`flow ended ${done.step}: ${done.error?.message ?? ''}`);
      return done.installId;
    },
    secrets() {
      const out = [CLIENT_SECRET];
      for (const install of vault.data().installs) for (const token of [install.accessToken, install.refreshToken, install.idToken]) if (token) out.push(token);
      return out;
    },
    async close() {
      await flows.close();
      await sandbox.close();
      await responses.close();
      await vault.dispose();
    },
  };
}
