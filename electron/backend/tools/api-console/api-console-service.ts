// The API console: sends one request with an install's token and answers what the UI shows, keeping
// the body in main (response-store.ts) so the renderer asks only for the lines it displays.
import type { ApiSendResult } from '../../../common/tools/tools-contract';
import type { ApiSendInput } from '../../../common/contract';
import { isWorkbenchError } from '../../../common/errors';
import type { HttpClient } from '../../http/http-client';
import type { DomainService } from '../../service';
import type { ToolsDeps } from '../deps';
import { currentAccessToken, loadInstallContext } from '../shared/install-context';
import { buildCurl } from './curl-command';
import { checkPermissions, prepareRequest } from './prepare-request';
import { createRequestHistory } from './request-history';
import { createResponseStore } from './response-store';
import { header, hintFor, readRateLimit, readRetryAfter } from './response-meta';
import { MIN_TOKEN_VALIDITY_MS, sendWithToken } from './send-with-token';

/** Lines sent with the answer itself; the rest come through api.responseLines. */
const FIRST_PAGE_LINES = 200;

/** What the hints read of a body: its start (a 50 MB answer is not decoded again for them). */
const HINT_PREFIX_CHARS = 4096;

/** JSON by content type, or by its first character (some servers send JSON as text/plain). */
function mayBeJson(contentType: string | null, start: string): boolean {
  const first = start.trimStart()[0];
  return (contentType ?? '').includes('json') || first === '{' || first === '[';
}


export function createApiConsoleService(deps: ToolsDeps, http: HttpClient): DomainService<'api'> {
  const responses = createResponseStore();
  const history = createRequestHistory();
  const now = () => new Date(deps.clock.now()).toISOString();

  const remember = (input: ApiSendInput, outcome: { status: number | null; durationMs: number | null; error: string | null }) => {
    let secrets: string[] = [];
    try {
      secrets = [currentAccessToken(deps, input.installId)];
    } catch {
      // A forgotten install has no token to scrub.
    }
    history.add(input.installId, { at: now(), method: input.method, path: input.path, query: input.query.map(([k, v]) => [k, v]), headers: input.headers.map(([k, v]) => [k, v]), body: input.body, ...outcome }, secrets);
  };

  return {
    async 'api.send'(input): Promise<ApiSendResult> {
      const context = await loadInstallContext(deps, input.installId);
      const prepared = prepareRequest(context.baseUrl, input);
      checkPermissions(context, prepared, input);
      let sent;
      try {
        sent = await sendWithToken(deps, http, context, prepared);
      } catch (error) {
        remember(input, { status: null, durationMs: null, error: isWorkbenchError(error) ? error.message : 'The request failed.' });
        throw error;
      }
      const { response } = sent;
      const contentType = header(response.headers, 'content-type');
      const start = response.text.slice(0, HINT_PREFIX_CHARS);
      const sizeBytes = response.sizeBytes ?? Buffer.byteLength(response.text, 'utf8');
      // The bytes go to the worker, which re-indents JSON as typed (never parsed and printed again)
      // and indexes its lines; main keeps the printed bytes and slices the lines asked for. The
      // answer leaves once the worker has scanned the body (count, first page, meta); the full
      // print follows, and lines past the first page wait for it.
      const { responseId, head: body } = await responses.put(response.bytes ?? Buffer.from(response.text, 'utf8'), mayBeJson(contentType, start), FIRST_PAGE_LINES);
      const retryAfterSeconds = readRetryAfter(response.headers, deps.clock.now());
      let hint = hintFor({ status: response.status, isJson: body.isJson, contentType, text: start, errorMessage: body.errorMessage, requiredScope: prepared.requiredScope, retryAfterSeconds });
      if (sent.refreshProblem && response.status === 401) hint = `${hint ?? ''} The refresh also failed (${sent.refreshProblem}).`.trim();
      remember(input, { status: response.status, durationMs: response.durationMs, error: null });
      return {
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
      };
    },

    async 'api.responseLines'({ responseId, start, count }) {
      return responses.lines(responseId, start, count);
    },

    async 'api.responseSearch'({ responseId, query, limit }) {
      return responses.search(responseId, query, limit ?? 10_000);
    },

    async 'api.responseFold'({ responseId, line }) {
      return responses.fold(responseId, line);
    },

    async 'api.curl'(input) {
      const context = await loadInstallContext(deps, input.installId);
      const prepared = prepareRequest(context.baseUrl, input);
      let token: string | null = null;
      if (input.revealToken) {
        // A command meant to be run should hold a token that still works for a while.
        token = await deps.installs.getFreshAccessToken(input.installId, { minValidityMs: MIN_TOKEN_VALIDITY_MS }).catch(() => currentAccessToken(deps, input.installId));
      }
      return { command: buildCurl(prepared, token) };
    },

    async 'api.history'({ installId }) {
      return history.list(installId);
    },
  };
}
