// The tools' HTTP client: the same recorded, redacted client the OAuth engine uses, so every call a
// tool makes shows up in the activity timeline.
import { createActivityRecorder } from '../../activity/recorder';
import { createHttpClient, type HttpClient } from '../../http/http-client';
import { DEFAULT_HTTP_TIMEOUT_MS } from '../../oauth/deps';
import type { ToolsDeps } from '../deps';

export function createToolsHttp(deps: ToolsDeps): HttpClient {
  const activity = createActivityRecorder({ log: () => deps.vault.activity, events: deps.events, clock: deps.clock, logger: deps.logger });
  return createHttpClient({ fetch: deps.fetch, clock: deps.clock, activity, timeoutMs: deps.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS });
}
