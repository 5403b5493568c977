// What the flows and installs services need from the rest of the backend, besides the OAuth core
// (oauth-core.ts) that create-backend.ts builds once and hands to each of them.
import type { EventBus } from '../events';
import type { BrowserOpener, ClipboardPort, Clock, Logger } from '../ports';
import type { StoredAccount, Vault } from '../vault/vault-types';

export interface OAuthDeps {
  vault: Vault;
  events: EventBus;
  openInBrowser: BrowserOpener;
  clipboard: ClipboardPort;
  clock: Clock;
  logger: Logger;
  /** Where OAuth and API calls go for this account; for sandbox accounts it starts the sandbox and registers the apps. */
  resolveAccount(accountId: string): Promise<{ account: StoredAccount; baseUrl: string }>;
  /** Finds or creates the account for a subdomain (the `/oauth/install?account=` entry). */
  ensureAccountForSubdomain(subdomain: string): Promise<StoredAccount>;
  /** Copies a secret and clears it later (see system/secret-clipboard.ts); plain writeText when absent. */
  copySecret?(text: string): Promise<{ clearsInSeconds: number | null }>;
  /** How long a flow waits for its callback; default 5 minutes. */
  flowTimeoutMs?: number;
}

export const DEFAULT_FLOW_TIMEOUT_MS = 5 * 60_000;
