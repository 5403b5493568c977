// The backend: everything the contract promises, in plain Node. It never imports `electron`; the
// glue (electron/main/main.ts) passes Electron's implementations of the ports, tests pass fakes, and a
// script can run it headless (see README, "Using the backend headless").
import { join } from 'node:path';
import type { BackendApi, EventName } from '../common/contract';
import { WorkbenchError } from '../common/errors';
import { createAccountAddresses } from './accounts/account-addresses';
import { createAccountsService, findAccount } from './accounts/accounts-service';
import { createActivityService } from './activity/activity-service';
import { holdsSecret } from './activity/redact';
import { createAppsService } from './apps/apps-service';
import { EventBus } from './events';
import { seedFirstRun } from './first-run-seed';
import { createInstallsService } from './installs/installs-service';
import { createRefresher } from './installs/refresher';
import { createFlowsService } from './oauth/flows-service';
import { createInstallEntryService } from './oauth/install-entry-service';
import { testInstallUrl } from './oauth/authorize-url';
import { createOAuthCore } from './oauth/oauth-core';
import type { BackendPorts, Clock, Logger } from './ports';
import { exactlyTheContract } from './service';
import { createSandboxController, type SandboxController } from './sandbox/sandbox-controller';
import { createSandboxService } from './sandbox/sandbox-service';
import { guardedBrowserOpener, relayHosts } from './system/guarded-browser-opener';
import { clipboardClearSeconds, createSecretClipboard } from './system/secret-clipboard';
import { createSystemService } from './system/system-service';
import { createToolsService } from './tools';
import { createResponseStore } from './tools/api-console/response-store';
import { knownSecrets } from './tools/context/known-secrets';
import { confStoreFactory } from './vault/conf-store-factory';
import { openVault } from './vault/open-vault';
import { createVaultService } from './vault/vault-service';
import type { Vault } from './vault/vault-types';

export interface CreateBackendOptions {
  /** Where the vault, the activity log and the sandbox's key live. */
  dataDir: string;
  ports: BackendPorts;
  appVersion?: string;
  /** Preferred loopback port for the built-in sandbox (0 = any free port; tests use 0). */
  sandboxPort?: number;
  flowTimeoutMs?: number;
  /** Per-request timeout for OAuth and API calls (default 15 s); tests shorten it. */
  httpTimeoutMs?: number;
}

export interface Backend extends BackendApi {
  /** Every event for the renderer; the glue forwards them over IPC, the harness into the page. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Hosts of the apps' relay pages, which the system browser may be sent to. */
  allowedExternalHosts(): string[];
  readonly vault: Vault;
  /** The built-in sandbox (started on first use), for tests and scripts that drive its switches. */
  readonly sandbox: SandboxController;
  close(): Promise<void>;
}

const quietLogger: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

const systemClock: Clock = { now: () => Date.now() };

export async function createBackend(options: CreateBackendOptions): Promise<Backend> {
  const { dataDir, ports } = options;
  const clock = ports.clock ?? systemClock;
  const logger = ports.logger ?? quietLogger;
  const fetchImpl = ports.fetch ?? globalThis.fetch.bind(globalThis);
  const nowIso = () => new Date(clock.now()).toISOString();

  const events = new EventBus();
  const vault = await openVault({ dataDir, keyProtector: ports.keyProtector, storeFactory: ports.storeFactory ?? confStoreFactory, clock, logger });

  // One seeding at a time: the status listener and the vault methods that make the vault ready
  // (which wait for it, so a caller's next list already has the demo app) share it.
  let seeding: Promise<void> | null = null;
  const seedIfReady = (): Promise<void> => {
    seeding ??= (async () => {
      if (vault.status().state !== 'ready' || vault.data().settings.seeded) return;
      await vault.update((data) => seedFirstRun(data, nowIso()));
      events.emit('apps.changed', null);
      events.emit('accounts.changed', null);
    })()
      .catch((error: unknown) => logger.error('first-run seed failed', error))
      .finally(() => {
        seeding = null;
      });
    return seeding;
  };
  const stopVaultEvents = vault.onStatusChange((status) => {
    events.emit('vault.changed', status);
    void seedIfReady();
  });
  await seedIfReady();

  const sandbox = createSandboxController({
    port: options.sandboxPort,
    quirks: vault.status().state === 'ready' ? vault.data().settings.sandboxQuirks : undefined,
    keyFile: join(dataDir, 'sandbox-key.json'),
    grantsDir: join(dataDir, 'sandbox-grants'),
    clock,
    logger,
  });

  const openInBrowser = guardedBrowserOpener(vault, ports.openInBrowser);
  const secretClipboard = createSecretClipboard({ clipboard: ports.clipboard, clearSeconds: () => clipboardClearSeconds(vault), ...(ports.schedule ? { schedule: ports.schedule } : {}) });
  const copySecret = (text: string) => secretClipboard.copySecret(text);
  const addresses = createAccountAddresses({ vault, sandbox, events, clock });
  const { resolveAccount, ensureAccountForSubdomain, baseUrlOf, displayBaseUrl } = addresses;

  const oauthDeps = {
    vault,
    events,
    openInBrowser,
    clipboard: ports.clipboard,
    copySecret,
    clock,
    logger,
    resolveAccount,
    ensureAccountForSubdomain,
    ...(options.flowTimeoutMs !== undefined ? { flowTimeoutMs: options.flowTimeoutMs } : {}),
  };
  // Built once: every service that talks to a provider shares its recorder, HTTP client and keys.
  const core = createOAuthCore({ vault, events, clock, logger, fetch: fetchImpl, ...(options.httpTimeoutMs !== undefined ? { httpTimeoutMs: options.httpTimeoutMs } : {}) });
  const refresher = createRefresher(oauthDeps, core);
  const flows = createFlowsService(oauthDeps, core);
  const installs = createInstallsService(oauthDeps, core, refresher);
  const installEntry = createInstallEntryService(flows);
  const flowsApi = {
    'flows.start': flows['flows.start'],
    'flows.cancel': flows['flows.cancel'],
    'flows.paste': flows['flows.paste'],
    'flows.list': flows['flows.list'],
    'flows.installEntry': installEntry['flows.installEntry'],
    'flows.installConfirmations': flows['flows.installConfirmations'],
    'flows.confirmInstall': flows['flows.confirmInstall'],
  };
  // API answers live in main (a worker thread prints them); closed with the backend.
  const responses = createResponseStore();
  const tools = createToolsService({ ...oauthDeps, core, installs: refresher, appVersion: options.appVersion ?? '0.0.0' }, responses);

  const api: BackendApi = exactlyTheContract({
    ...createSystemService({
      appVersion: options.appVersion ?? '0.0.0',
      dataDir,
      clipboard: ports.clipboard,
      sandboxOrigin: () => sandbox.current()?.origin ?? null,
      holdsSecret: (text) => holdsSecret(text, knownSecrets(vault)),
      copySecret,
    }),
    ...createVaultService(vault, seedIfReady),
    ...createAppsService({
      vault,
      events,
      clock,
      openTestInstall: async (app, accountId) => {
        const account = findAccount(vault, accountId);
        if (account.builtInSandbox) {
          throw new WorkbenchError('NOT_FOUND', 'The built-in sandbox has no helpdesk pages to preview; use Connect to install the app on it.');
        }
        const url = testInstallUrl(await baseUrlOf(account), app.clientId);
        await openInBrowser(url);
        return url;
      },
    }),
    ...createAccountsService({ vault, events, clock, displayBaseUrl }),
    ...installs,
    ...flowsApi,
    ...createSandboxService(sandbox, async (quirks) => {
      await vault.update((data) => {
        data.settings.sandboxQuirks = { ...data.settings.sandboxQuirks, ...quirks };
      });
    }),
    ...createActivityService(vault, events),
    ...tools,
  });

  return {
    ...api,
    vault,
    sandbox,
    subscribe: (listener) => events.subscribe(listener),
    allowedExternalHosts: () => relayHosts(vault),
    async close() {
      stopVaultEvents();
      await seeding;
      secretClipboard.dispose();
      await installEntry.close();
      await flows.close();
      await sandbox.close();
      await responses.close();
      await vault.close();
    },
  };
}
