// api.send's answer while its body is still arriving: the chunks go to the response worker as they
// come (printed and indexed there as they arrive), api.send answers as soon as the first screenful
// is printed, and the kept answer (status, headers, meta, hint) is completed once the body has ended,
// failed or been cancelled. Main never holds the body: each chunk moves to the worker.
import type { ApiSendInput } from '../../../common/contract';
import type { ApiSendResult } from '../../../common/tools/tool-results';
import type { StreamedHttpResponse } from '../../http/http-client';
import type { Clock } from '../../ports';
import { FIRST_PAGE_LINES, HINT_PREFIX_CHARS, mayBeJson } from './keep-answer';
import type { PreparedRequest } from './prepare-request';
import type { ResponseStore } from './response-store';
import { header, hintFor, readRateLimit, readRetryAfter } from './response-meta';
import type { SentRequest } from './send-with-token';

/** Bodies up to this size (by Content-Length) are answered whole: they print in a few ms. */
const SMALL_BODY_BYTES = 1024 * 1024;

/** An answer still arriving, as api.responseProgress and api.responseCancel see it. */
export interface LiveAnswer {
  /** Bytes received so far. */
  received(): number;
  cancel(): void;
  /** Resolves once the kept answer is complete (whatever the body did). */
  readonly done: Promise<void>;
}

export async function keepStreamedAnswer(
  responses: ResponseStore,
  clock: Clock,
  input: ApiSendInput,
  prepared: PreparedRequest,
  sent: SentRequest<StreamedHttpResponse>,
): Promise<{ result: ApiSendResult; live: LiveAnswer }> {
  const { response } = sent;
  const now = clock.now();
  // Kept as the request it was (how it was answered is no part of it).
  const asked: ApiSendInput = { ...input };
  delete asked.stream;
  const started = now - response.headersMs;
  const contentType = header(response.headers, 'content-type');
  const chunks = response.chunks()[Symbol.asyncIterator]();
  // The first chunk says what the body looks like (JSON or not, an HTML page): read it before the rest.
  let first: Uint8Array | null = null;
  let cut = false;
  let failure: unknown = null;
  try {
    const next = await chunks.next();
    first = next.done ? null : next.value;
  } catch (error) {
    // Failed before any byte: an empty body, cut (response.finished says why).
    cut = true;
    failure = error;
  }
  const start = first ? new TextDecoder().decode(first.subarray(0, HINT_PREFIX_CHARS * 4)).slice(0, HINT_PREFIX_CHARS) : '';
  const sink = responses.open({ mayBeJson: mayBeJson(contentType, start), firstLines: FIRST_PAGE_LINES, sizeHint: response.contentLength });
  let received = 0;
  let ended = false;
  const pump = async () => {
    try {
      if (first) {
        received += first.byteLength;
        sink.push(first);
      }
      for (let next = first ? await chunks.next() : { done: true as const, value: undefined }; !next.done; next = await chunks.next()) {
        received += next.value.byteLength;
        sink.push(next.value);
      }
      // A cancel ends the chunks quietly: the client says it stopped early.
      if ((await response.finished).cut !== null) cut = true;
    } catch (error) {
      // A failure mid-body: what came is kept; response.finished says why.
      cut = true;
      failure = error;
    } finally {
      ended = true;
      sink.end(cut);
    }
  };
  void pump();

  const head = await sink.head;
  // The connection failed before the answer could be shown: api.send fails as any request would.
  // Once its first screen is out, a failure only marks the kept answer as cut.
  if (head.complete && failure) throw failure;
  const retryAfterSeconds = readRetryAfter(response.headers, now);
  const hintOf = (isJson: boolean, errorMessage: string | null) => {
    const hint = hintFor({ status: response.status, isJson, contentType, text: start, errorMessage, requiredScope: prepared.requiredScope, retryAfterSeconds });
    return sent.refreshProblem && response.status === 401 ? `${hint ?? ''} The refresh also failed (${sent.refreshProblem}).`.trim() : hint;
  };
  const result: ApiSendResult = {
    responseId: sink.responseId,
    method: prepared.method,
    url: prepared.url,
    status: response.status,
    durationMs: clock.now() - started,
    sizeBytes: received,
    headers: response.headers,
    rateLimit: readRateLimit(response.headers),
    retryAfterSeconds,
    contentType,
    isJson: head.isJson,
    firstLines: head.firstLines,
    totalLines: head.lineCount,
    nextCursor: head.nextCursor,
    errorMessage: head.errorMessage,
    // While receiving, the hint reads the start only (say, an HTML page); it is read again at the end.
    hint: hintOf(head.isJson, head.errorMessage),
    requiredScope: prepared.requiredScope,
    refreshed: sent.refreshed,
    receiving: true,
    cut: null,
  };
  responses.attach(sink.responseId, { result, input: asked, receivedAt: now });

  const done = (async () => {
    const finished = await response.finished;
    try {
      await responses.settled(sink.responseId);
      const body = responses.progress(sink.responseId);
      const firstLines = (await responses.lines(sink.responseId, 0, FIRST_PAGE_LINES)).lines;
      const whole: ApiSendResult = {
        ...result,
        durationMs: finished.durationMs,
        sizeBytes: finished.sizeBytes,
        isJson: body.isJson,
        firstLines,
        totalLines: body.lineCount,
        nextCursor: body.nextCursor,
        errorMessage: body.errorMessage,
        hint: hintOf(body.isJson, body.errorMessage),
        receiving: false,
        cut: finished.cut,
      };
      responses.attach(sink.responseId, { result: whole, input: asked, receivedAt: now });
    } catch (error) {
      // The print failed (the worker died): the answer stops "receiving", and says why. Evicted
      // meanwhile (NOT_FOUND): nothing to complete.
      try {
        const why = error instanceof Error ? error.message : 'the answer could not be read';
        responses.attach(sink.responseId, { result: { ...result, receiving: false, cut: why, sizeBytes: finished.sizeBytes, durationMs: finished.durationMs }, input: asked, receivedAt: now });
      } catch {
        // No longer kept.
      }
    }
  })();
  // A body already in, or a small one, is answered whole: "still receiving…" for an instant helps no one.
  const answerWhole = head.complete || ended || (response.contentLength !== null && response.contentLength <= SMALL_BODY_BYTES);
  return { result: answerWhole ? await done.then(() => responses.answer(sink.responseId).result).catch(() => result) : result, live: { received: () => received, cancel: () => response.cancel(), done } };
}
