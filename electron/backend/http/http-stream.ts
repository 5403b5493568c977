// The HTTP client's streamed read (HttpClient.stream): status and headers as soon as they are in,
// the body chunk by chunk, so the API console shows the first lines of a 50 MB answer long before
// its end. The exchange is recorded once the body is over (ended, failed or cancelled), with the
// body's first bytes only, redacted as every entry is.
import type { HttpClientDeps, PreparedHttpRequest, StreamedHttpResponse } from './http-client';
import type { WorkbenchError } from '../../common/errors';
import { mapNetworkError } from './network-errors';

/** Bytes of a streamed body kept for its activity entry (the log keeps 64 KB of any body). */
const LOGGED_PREFIX_BYTES = 256 * 1024;

/** Lower-cased names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A request that got no answer (network, timeout): recorded as such, and the error to throw for it. */
export async function recordedFailure(deps: HttpClientDeps, prepared: PreparedHttpRequest, error: unknown): Promise<WorkbenchError> {
  const { base, started, host, timeoutMs } = prepared;
  const mapped = mapNetworkError(error, host, timeoutMs);
  await deps.activity.record({ ...base, status: null, durationMs: deps.clock.now() - started, error: { code: mapped.code, message: mapped.message } });
  return mapped;
}

export async function streamRequest(deps: HttpClientDeps, prepared: PreparedHttpRequest): Promise<StreamedHttpResponse> {
  const { request, body, headers, timeoutMs, host, started, base } = prepared;
  const cancelled = new AbortController();
  let response: Response;
  try {
    // The timeout covers the body too: a server that sends headers and then stalls is as stuck.
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), cancelled.signal]);
    response = await deps.fetch(request.url, { method: request.method, headers, body, signal, redirect: 'manual' });
  } catch (error) {
    throw await recordedFailure(deps, prepared, error);
  }
  const headersMs = deps.clock.now() - started;
  const responseHeaders = headersToRecord(response.headers);
  const length = Number(responseHeaders['content-length']);
  let settle!: (value: { sizeBytes: number; durationMs: number; cut: string | null }) => void;
  const finished = new Promise<{ sizeBytes: number; durationMs: number; cut: string | null }>((resolve) => (settle = resolve));
  let taken = false;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (taken) return;
    taken = true;
    const logged: Uint8Array[] = [];
    let loggedBytes = 0;
    let sizeBytes = 0;
    let cut: string | null = null;
    let failure: Error | null = null;
    const reader = response.body?.getReader();
    try {
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        sizeBytes += value.byteLength;
        if (loggedBytes < LOGGED_PREFIX_BYTES) {
          // A copy: the chunk itself is handed on (and may be moved to another thread).
          logged.push(value.slice(0, LOGGED_PREFIX_BYTES - loggedBytes));
          loggedBytes += Math.min(value.byteLength, LOGGED_PREFIX_BYTES - loggedBytes);
        }
        yield value;
      }
    } catch (error) {
      if (cancelled.signal.aborted) cut = 'cancelled';
      else {
        const mapped = mapNetworkError(error, host, timeoutMs);
        cut = mapped.message;
        failure = mapped;
      }
    } finally {
      // Also when the reader of chunks() stops early (break, return).
      if (cut === null && cancelled.signal.aborted) cut = 'cancelled';
      void reader?.cancel().catch(() => undefined);
      const durationMs = deps.clock.now() - started;
      const text = new TextDecoder().decode(concat(logged, loggedBytes));
      await deps.activity.record({ ...base, status: response.status, durationMs, responseHeaders, responseBody: text, ...(cut ? { error: { code: cut === 'cancelled' ? 'CANCELLED' : 'NETWORK_CONNECTION', message: `The body stopped after ${sizeBytes} bytes: ${cut}` } } : {}) });
      settle({ sizeBytes, durationMs, cut });
    }
    if (failure) throw failure;
  }
  return {
    status: response.status,
    headers: responseHeaders,
    host,
    headersMs,
    contentLength: Number.isFinite(length) && responseHeaders['content-length'] !== undefined ? length : null,
    chunks,
    cancel: () => cancelled.abort(),
    finished,
  };
}
