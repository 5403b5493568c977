// The OAuth/HTTP core, built once by create-backend.ts and handed to every service that talks to a
// provider: one activity recorder, one recorded HTTP client, one token client and one key resolver
// (discovery + JWKS, cached per account, single flight). The flows, the installs, the inspector and
// the diagnostics share it, so one key fetch serves them all and every exchange lands in one log.
import { createActivityRecorder, type ActivityRecorder } from '../activity/recorder';
import type { EventBus } from '../events';
import { createHttpClient, type HttpClient } from '../http/http-client';
import type { Clock, Logger } from '../ports';
import type { Vault } from '../vault/vault-types';
import { createKeyResolver, type KeyResolver } from './checks/key-resolver';
import { createTokenClient, type TokenClient } from './token-client';

export interface OAuthCore {
  activity: ActivityRecorder;
  http: HttpClient;
  tokens: TokenClient;
  keys: KeyResolver;
  /** Clock-skew allowance for exp/iat checks. */
  skewSeconds: number;
}

interface OAuthCoreOptions {
  vault: Pick<Vault, 'activity'>;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  fetch: typeof fetch;
  /** Per-request HTTP timeout; default 15 s. */
  httpTimeoutMs?: number;
  /** Clock-skew allowance for exp/iat checks; default 120 s. */
  clockSkewSeconds?: number;
}

const DEFAULT_CLOCK_SKEW_SECONDS = 120;
const DEFAULT_HTTP_TIMEOUT_MS = 15_000;

/**
 * A recorder that does not wait for the disk: the entry is redacted and in the log (in memory, in
 * order: the log numbers it at once) when record() returns, and its write to activity.log goes on in
 * the log's queue. The vault's close waits for that queue.
 */
function queuedRecorder(activity: ActivityRecorder): ActivityRecorder {
  return {
    record(exchange) {
      void activity.record(exchange);
      return Promise.resolve();
    },
  };
}

export function createOAuthCore(options: OAuthCoreOptions): OAuthCore {
  const activity = createActivityRecorder({ log: () => options.vault.activity, events: options.events, clock: options.clock, logger: options.logger });
  const timeoutMs = options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const http = createHttpClient({ fetch: options.fetch, clock: options.clock, activity, timeoutMs });
  // The token endpoint and key fetches: a flow (or a refresh) goes on to its checks and its vault
  // write while the exchange's activity line is written, instead of after (about as long as the POST).
  const oauthHttp = createHttpClient({ fetch: options.fetch, clock: options.clock, activity: queuedRecorder(activity), timeoutMs });
  return {
    activity,
    http,
    tokens: createTokenClient(oauthHttp),
    keys: createKeyResolver(oauthHttp, options.clock),
    skewSeconds: options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
  };
}
