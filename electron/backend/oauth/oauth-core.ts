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

export function createOAuthCore(options: OAuthCoreOptions): OAuthCore {
  const activity = createActivityRecorder({ log: () => options.vault.activity, events: options.events, clock: options.clock, logger: options.logger });
  const http = createHttpClient({ fetch: options.fetch, clock: options.clock, activity, timeoutMs: options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS });
  return {
    activity,
    http,
    tokens: createTokenClient(http),
    keys: createKeyResolver(http, options.clock),
    skewSeconds: options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
  };
}
