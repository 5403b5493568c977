// Records one exchange in the activity log, redacted. Logging must never break a flow: a locked
// vault or a full disk loses the entry (and says so in the log), not the user's token.
import type { ActivityEntry, ActivityKind } from '../../common/model';
import type { EventBus } from '../events';
import type { Logger } from '../ports';
import type { ActivityLog } from '../vault/vault-types';
import { redactBody, redactHeaders, redactUrl, scrubText } from './redact';

export interface ActivityContext {
  appId: string | null;
  accountId: string | null;
  installId: string | null;
}

/** One exchange as seen by the caller, before redaction. */
interface ExchangeRecord {
  kind: ActivityKind;
  context: ActivityContext;
  method: string;
  url: string;
  status: number | null;
  durationMs: number | null;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  requestBody?: string | null;
  requestContentType?: string | null;
  responseBody?: string | null;
  error?: { code: string; message: string } | null;
  /** Literal secret values (client secret, tokens) to scrub wherever they appear. */
  secrets?: readonly string[];
}

export interface ActivityRecorder {
  record(exchange: ExchangeRecord): Promise<void>;
}

/** The entry as it will be stored: every field that could hold a secret has been redacted. */
export function toRedactedEntry(exchange: ExchangeRecord, at: string): Omit<ActivityEntry, 'id'> {
  const secrets = exchange.secrets ?? [];
  const responseHeaders = exchange.responseHeaders ?? {};
  const responseType = Object.entries(responseHeaders).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
  return {
    at,
    kind: exchange.kind,
    appId: exchange.context.appId,
    accountId: exchange.context.accountId,
    installId: exchange.context.installId,
    method: exchange.method,
    url: redactUrl(exchange.url, secrets),
    status: exchange.status,
    durationMs: exchange.durationMs,
    requestHeaders: redactHeaders(exchange.requestHeaders ?? {}, secrets),
    responseHeaders: redactHeaders(responseHeaders, secrets),
    requestBody: redactBody(exchange.requestBody ?? null, exchange.requestContentType ?? null, secrets),
    responseBody: redactBody(exchange.responseBody ?? null, responseType, secrets),
    error: exchange.error ? { code: exchange.error.code, message: scrubText(exchange.error.message, secrets) } : null,
  };
}

/**
 * A stored entry redacted again with today's rules, for whatever leaves the app (the HAR export):
 * entries written by an older version were redacted with a shorter list of names.
 */
export function redactStoredEntry(entry: ActivityEntry, secrets: readonly string[] = []): ActivityEntry {
  const typeOf = (headers: Record<string, string>) => Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
  return {
    ...entry,
    url: redactUrl(entry.url, secrets),
    requestHeaders: redactHeaders(entry.requestHeaders, secrets),
    responseHeaders: redactHeaders(entry.responseHeaders, secrets),
    requestBody: redactBody(entry.requestBody, typeOf(entry.requestHeaders), secrets),
    responseBody: redactBody(entry.responseBody, typeOf(entry.responseHeaders), secrets),
    error: entry.error ? { code: entry.error.code, message: scrubText(entry.error.message, secrets) } : null,
  };
}

export function createActivityRecorder(deps: {
  log: () => ActivityLog;
  events?: EventBus;
  clock: { now(): number };
  logger?: Logger;
}): ActivityRecorder {
  return {
    async record(exchange) {
      try {
        const entry = toRedactedEntry(exchange, new Date(deps.clock.now()).toISOString());
        await deps.log().append(entry);
        deps.events?.emit('activity.appended', { count: 1 });
      } catch (error) {
        deps.logger?.warn(`activity entry not recorded (${exchange.kind} ${exchange.method}): ${(error as Error)?.name ?? 'error'}`);
      }
    },
  };
}
