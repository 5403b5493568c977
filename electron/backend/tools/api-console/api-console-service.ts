// The API console: sends one request with an install's token and answers what the UI shows, keeping
// the body in main (response-store.ts) so the renderer asks only for the lines it displays.
import type { ApiSendInput, ApiSendResult } from '../../../common/tools/tools-contract';
import { isWorkbenchError } from '../../../common/errors';
import type { HttpClient } from '../../http/http-client';
import type { ServiceSlice } from '../../service';
import type { ToolsDeps } from '../deps';
import { currentAccessToken, loadInstallContext } from '../shared/install-context';
import { buildCurl } from './curl-command';
import { sliceLines } from './line-index';
import { checkPermissions, prepareRequest } from './prepare-request';
import { printBody, readBody, type ReadBody } from './pretty-body';
import { countPrettyLines, firstPrettyLines } from './pretty-lines';
import { createRequestHistory } from './request-history';
import { createResponseStore } from './response-store';
import { header, hintFor, readRateLimit, readRetryAfter } from './response-meta';
import { MIN_TOKEN_VALIDITY_MS, sendWithToken } from './send-with-token';

/** Lines sent with the answer itself; the rest come through api.responseLines. */
const FIRST_PAGE_LINES = 200;

/** How long after answering api.send a JSON body's full print is made (unless asked for sooner). */
const SETTLE_DELAY_MS = 100;

type ConsoleMethods = 'api.send' | 'api.responseLines' | 'api.responseSearch' | 'api.responseFold' | 'api.curl' | 'api.history';

export function createApiConsoleService(deps: ToolsDeps, http: HttpClient): ServiceSlice<ConsoleMethods> {
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

  /**
   * Stores the body and gives the answer's first page. A JSON value is counted and its first lines
   * printed from a cut-down copy (tens of ms for 50 MB); the full print and line index (hundreds of
   * ms) are made just after api.send has answered, or on the first lines/search asked, if sooner.
   */
  const keep = (body: ReadBody, rawChars: number): { responseId: string; firstLines: string[]; totalLines: number } => {
    if (!body.isJson) {
      const { responseId, index } = responses.put(body.text);
      return { responseId, firstLines: sliceLines(index, 0, FIRST_PAGE_LINES), totalLines: index.lineCount };
    }
    const totalLines = countPrettyLines(body.value);
    // A pretty print is ~1.25× the compact text it came from (52 M → 64 M characters for 50 MB).
    const { responseId } = responses.putPending({ build: () => printBody(body), lineCount: totalLines, estimatedChars: Math.ceil(rawChars * 1.25) });
    // Not at once: the print blocks this thread for a few hundred ms, and the answer must leave
    // first (through Electron's IPC it leaves at once; other bridges take a round trip or two).
    setTimeout(() => {
      try {
        responses.settle(responseId);
      } catch {
        // Never an uncaught error in main: the first lines/search asked tries again and reports it.
      }
    }, SETTLE_DELAY_MS).unref();
    return { responseId, firstLines: firstPrettyLines(body.value, FIRST_PAGE_LINES), totalLines };
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
      const pretty = readBody(response.text, contentType, response.json);
      const { responseId, firstLines, totalLines } = keep(pretty, response.text.length);
      const retryAfterSeconds = readRetryAfter(response.headers, deps.clock.now());
      let hint = hintFor({ status: response.status, isJson: pretty.isJson, contentType, text: response.text, errorMessage: pretty.errorMessage, requiredScope: prepared.requiredScope, retryAfterSeconds });
      if (sent.refreshProblem && response.status === 401) hint = `${hint ?? ''} The refresh also failed (${sent.refreshProblem}).`.trim();
      remember(input, { status: response.status, durationMs: response.durationMs, error: null });
      return {
        responseId,
        method: prepared.method,
        url: prepared.url,
        status: response.status,
        durationMs: response.durationMs,
        // The HTTP client counts the bytes it read; re-encoding 50 MB of text only to measure it is not free.
        sizeBytes: response.sizeBytes ?? Buffer.byteLength(response.text, 'utf8'),
        headers: response.headers,
        rateLimit: readRateLimit(response.headers),
        retryAfterSeconds,
        contentType,
        isJson: pretty.isJson,
        firstLines,
        totalLines,
        nextCursor: pretty.nextCursor,
        errorMessage: pretty.errorMessage,
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
