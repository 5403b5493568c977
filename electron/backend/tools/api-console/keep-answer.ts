// One answer as the console shows it, its body kept in main's response store (with the status,
// headers and request beside it), so the console's viewer can open it now or later: api.send shows
// it at once; a run across accounts keeps one per install and each result opens its own.
import type { ApiSendInput } from '../../../common/contract';
import type { ApiSendResult } from '../../../common/tools/tool-results';
import type { PreparedRequest } from './prepare-request';
import type { ResponseStore } from './response-store';
import { header, hintFor, readRateLimit, readRetryAfter } from './response-meta';
import type { SentRequest } from './send-with-token';

/** Lines sent with the answer itself; the rest come through api.responseLines. */
export const FIRST_PAGE_LINES = 200;

/** What the hints read of a body: its start (a 50 MB answer is not decoded again for them). */
export const HINT_PREFIX_CHARS = 4096;

/** JSON by content type, or by its first character (some servers send JSON as text/plain). */
export function mayBeJson(contentType: string | null, start: string): boolean {
  const first = start.trimStart()[0];
  return (contentType ?? '').includes('json') || first === '{' || first === '[';
}

export async function keepAnswer(responses: ResponseStore, now: number, input: ApiSendInput, prepared: PreparedRequest, sent: SentRequest): Promise<ApiSendResult> {
  const { response } = sent;
  const contentType = header(response.headers, 'content-type');
  const start = response.text.slice(0, HINT_PREFIX_CHARS);
  const sizeBytes = response.sizeBytes ?? Buffer.byteLength(response.text, 'utf8');
  // The bytes go to the worker, which re-indents JSON as typed (never parsed and printed again)
  // and indexes its lines; main keeps the printed bytes and slices the lines asked for. The
  // answer leaves once the worker has scanned the body (count, first page, meta); the full
  // print follows, and lines past the first page wait for it.
  const { responseId, head: body } = await responses.put(response.bytes ?? Buffer.from(response.text, 'utf8'), mayBeJson(contentType, start), FIRST_PAGE_LINES);
  const retryAfterSeconds = readRetryAfter(response.headers, now);
  let hint = hintFor({ status: response.status, isJson: body.isJson, contentType, text: start, errorMessage: body.errorMessage, requiredScope: prepared.requiredScope, retryAfterSeconds });
  if (sent.refreshProblem && response.status === 401) hint = `${hint ?? ''} The refresh also failed (${sent.refreshProblem}).`.trim();
  const result: ApiSendResult = {
    responseId,
    method: prepared.method,
    url: prepared.url,
    status: response.status,
    durationMs: response.durationMs,
    sizeBytes,
    headers: response.headers,
    rateLimit: readRateLimit(response.headers),
    retryAfterSeconds,
    contentType,
    isJson: body.isJson,
    firstLines: body.firstLines,
    totalLines: body.lineCount,
    nextCursor: body.nextCursor,
    errorMessage: body.errorMessage,
    hint,
    requiredScope: prepared.requiredScope,
    refreshed: sent.refreshed,
    receiving: false,
    cut: null,
  };
  responses.attach(responseId, { result, input, receivedAt: now });
  return result;
}
