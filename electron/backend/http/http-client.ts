// The one way the OAuth engine talks HTTP: every exchange is timed, recorded (redacted) in the
// activity log, and its failures become WorkbenchErrors with stable codes.
import type { ActivityKind } from '../../common/model';
import type { ActivityContext, ActivityRecorder } from '../activity/recorder';
import type { Clock } from '../ports';
import { headersToRecord, recordedFailure, streamRequest } from './http-stream';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent as application/json (serialised here: for bodies the code builds). */
  json?: unknown;
  /**
   * Sent exactly as given, never re-serialised (the API console's body as the user typed it: `1.0`
   * stays `1.0`, a 20-digit number is not rounded). `contentType` applies unless a header sets one.
   */
  raw?: { text: string; contentType: string };
  kind: ActivityKind;
  context: Partial<ActivityContext>;
  /** Literal secret values that must not reach the log (client secret, tokens being sent). */
  secrets?: readonly string[];
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  text: string;
  /**
   * The body's bytes as received (before decoding). A reader may hand them on (the API console
   * transfers them to its worker): nothing else reads them after the response is returned.
   */
  bytes?: Uint8Array;
  /** Size of the body as received (bytes read, before decoding). */
  sizeBytes?: number;
  /**
   * Set when the body is JSON (by content type) and parses. Parsed on first read and kept: a caller
   * that only needs the text (or parses it its own way) never pays for parsing a 50 MB answer.
   */
  json?: unknown;
  durationMs: number;
  /** host[:port] of the URL, for messages (never the query). */
  host: string;
}

/**
 * An answer whose body is read as it arrives (the API console shows the first lines of a 50 MB body
 * before its end): status and headers now, the body chunk by chunk. Recorded in the activity log
 * once the body has ended, failed or been cancelled (its start only, redacted as always).
 */
export interface StreamedHttpResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  host: string;
  /** Until the status and headers were in. */
  headersMs: number;
  /** Content-Length when the server sent one. */
  contentLength: number | null;
  /**
   * The body, once (a second call gets nothing). Ends early after cancel(); a network failure or the
   * timeout throws a WorkbenchError (NETWORK_*).
   */
  chunks(): AsyncIterable<Uint8Array>;
  /** Stops reading: the body ends where it is (the connection is dropped). */
  cancel(): void;
  /** Resolves when the body is over: its size, the whole time, and why it stopped early if it did. */
  readonly finished: Promise<{ sizeBytes: number; durationMs: number; cut: string | null }>;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  stream(request: HttpRequest): Promise<StreamedHttpResponse>;
}



export interface HttpClientDeps {
  fetch: typeof fetch;
  clock: Clock;
  activity: ActivityRecorder;
  timeoutMs: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

function bodyOf(request: HttpRequest): { body: string | undefined; contentType: string | null } {
  if (request.form) return { body: new URLSearchParams(request.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  if (request.json !== undefined) return { body: JSON.stringify(request.json), contentType: 'application/json' };
  if (request.raw !== undefined) return { body: request.raw.text, contentType: request.raw.contentType };
  return { body: undefined, contentType: null };
}


/** A request as it goes out and as its activity entry will say it went. */
export interface PreparedHttpRequest {
  request: HttpRequest;
  body: string | undefined;
  headers: Record<string, string>;
  timeoutMs: number;
  host: string;
  started: number;
  /** The activity entry's fields known before the answer. */
  base: { kind: ActivityKind; context: ActivityContext; method: string; url: string; requestHeaders: Record<string, string>; requestBody: string | null; requestContentType: string | null; secrets: readonly string[] };
}

function prepare(deps: HttpClientDeps, request: HttpRequest): PreparedHttpRequest {
  const { body, contentType } = bodyOf(request);
  const headers: Record<string, string> = { accept: 'application/json', ...lowerKeys(request.headers ?? {}) };
  // A raw body keeps the caller's own Content-Type (say application/json; charset=utf-8).
  if (contentType && !(request.raw !== undefined && 'content-type' in headers)) headers['content-type'] = contentType;
  const context: ActivityContext = {
    appId: request.context.appId ?? null,
    accountId: request.context.accountId ?? null,
    installId: request.context.installId ?? null,
  };
  return {
    request,
    body,
    headers,
    timeoutMs: request.timeoutMs ?? deps.timeoutMs,
    host: hostOf(request.url),
    started: deps.clock.now(),
    base: { kind: request.kind, context, method: request.method, url: request.url, requestHeaders: headers, requestBody: body ?? null, requestContentType: contentType, secrets: request.secrets ?? [] },
  };
}

export function createHttpClient(deps: HttpClientDeps): HttpClient {
  return {
    stream: (request) => streamRequest(deps, prepare(deps, request)),

    async request(request) {
      const prepared = prepare(deps, request);
      const { body, headers, timeoutMs, host, started, base } = prepared;
      let response: Response;
      let text: string;
      let sizeBytes: number;
      let bytes: Uint8Array;
      try {
        // The timeout covers the body too: a server that sends headers and then stalls is as stuck.
        const signal = AbortSignal.timeout(timeoutMs);
        response = await deps.fetch(request.url, { method: request.method, headers, body, signal, redirect: 'manual' });
        // Bytes, then decoded as response.text() does (UTF-8, BOM dropped, bad sequences replaced):
        // the byte count comes free instead of re-encoding the text to measure it.
        bytes = new Uint8Array(await response.arrayBuffer());
        sizeBytes = bytes.byteLength;
        text = new TextDecoder().decode(bytes);
      } catch (error) {
        throw await recordedFailure(deps, prepared, error);
      }
      const durationMs = deps.clock.now() - started;
      const responseHeaders = headersToRecord(response.headers);
      await deps.activity.record({ ...base, status: response.status, durationMs, responseHeaders, responseBody: text });
      const isJson = (responseHeaders['content-type'] ?? '').includes('json');
      return lazyJsonResponse({ status: response.status, headers: responseHeaders, text, bytes, sizeBytes, durationMs, host }, isJson);
    },
  };
}

/** Adds `json` as a getter that parses `text` once, on first read (undefined when it does not parse). */
function lazyJsonResponse(base: Omit<HttpResponse, 'json'>, isJson: boolean): HttpResponse {
  if (!isJson) return base;
  let parsed: { value: unknown } | null = null;
  return Object.defineProperty(base, 'json', {
    enumerable: true,
    get(): unknown {
      if (parsed === null) {
        try {
          parsed = { value: JSON.parse(base.text) as unknown };
        } catch {
          // Left undefined: expectJson() turns it into BAD_RESPONSE where JSON was required.
          parsed = { value: undefined };
        }
      }
      return parsed.value;
    },
  }) as HttpResponse;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}
