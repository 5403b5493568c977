// What the OAuth engine and the installs service need from the rest of the backend. The lead's
// create-backend.ts passes exactly this; tests pass an in-memory vault and real loopback servers.
import type { EventBus } from '../events';
import type { BrowserOpener, ClipboardPort, Clock, Logger } from '../ports';
import type { StoredAccount, Vault } from '../vault/vault-types';

export interface OAuthDeps {
  vault: Vault;
  events: EventBus;
  openInBrowser: BrowserOpener;
  clipboard: ClipboardPort;
  clock: Clock;
  fetch: typeof fetch;
  logger: Logger;
  /** Where OAuth and API calls go for this account; for sandbox accounts it starts the sandbox and registers the apps. */
  resolveAccount(accountId: string): Promise<{ account: StoredAccount; baseUrl: string }>;
  /** Finds or creates the account for a subdomain (the `/oauth/install?account=` entry). */
  ensureAccountForSubdomain(subdomain: string): Promise<StoredAccount>;
  /** Copies a secret and clears it later (see system/secret-clipboard.ts); plain writeText when absent. */
  copySecret?(text: string): Promise<{ clearsInSeconds: number | null }>;
  /** How long a flow waits for its callback; default 5 minutes. */
  flowTimeoutMs?: number;
  /** Clock-skew allowance for exp/iat checks; default 120 s. */
  clockSkewSeconds?: number;
  /** Per-request HTTP timeout; default 15 s. */
  httpTimeoutMs?: number;
}

export const DEFAULT_FLOW_TIMEOUT_MS = 5 * 60_000;
export const DEFAULT_CLOCK_SKEW_SECONDS = 120;
export const DEFAULT_HTTP_TIMEOUT_MS = 15_000;
