// The shared machinery of the OAuth engine, built once from OAuthDeps and used by both the flows
// and the installs services: the recorded HTTP client, the token client and the key cache.
import { createActivityRecorder, type ActivityRecorder } from '../activity/recorder';
import { createHttpClient, type HttpClient } from '../http/http-client';
import { createKeyResolver, type KeyResolver } from './checks/key-resolver';
import { DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_HTTP_TIMEOUT_MS, type OAuthDeps } from './deps';
import { createTokenClient, type TokenClient } from './token-client';

export interface OAuthEngine {
  deps: OAuthDeps;
  activity: ActivityRecorder;
  http: HttpClient;
  tokens: TokenClient;
  keys: KeyResolver;
  skewSeconds: number;
}

const engines = new WeakMap<OAuthDeps, OAuthEngine>();

/** One engine per deps object, so the flows and installs services share the JWKS cache. */
export function oauthEngine(deps: OAuthDeps): OAuthEngine {
  const existing = engines.get(deps);
  if (existing) return existing;
  const activity = createActivityRecorder({ log: () => deps.vault.activity, events: deps.events, clock: deps.clock, logger: deps.logger });
  const http = createHttpClient({ fetch: deps.fetch, clock: deps.clock, activity, timeoutMs: deps.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS });
  const engine: OAuthEngine = {
    deps,
    activity,
    http,
    tokens: createTokenClient(http),
    keys: createKeyResolver(http, deps.clock),
    skewSeconds: deps.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
  };
  engines.set(deps, engine);
  return engine;
}
