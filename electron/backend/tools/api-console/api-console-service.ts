// The API console: sends one request with an install's token and answers what the UI shows, keeping
// the body in main (response-store.ts) so the renderer asks only for the lines it displays.
import type { ApiSendResult } from '../../../common/tools/tool-results';
import type { ApiSendInput } from '../../../common/contract';
import { isWorkbenchError } from '../../../common/errors';
import type { HttpClient } from '../../http/http-client';
import type { DomainService } from '../../service';
import type { ToolsDeps } from '../deps';
import { currentAccessToken, loadInstallContext } from '../context/install-context';
import { buildCurl } from './curl-command';
import { checkPermissions, prepareRequest } from './prepare-request';
import { createRequestHistory } from './request-history';
import { createResponseStore, type ResponseStore } from './response-store';
import { MIN_TOKEN_VALIDITY_MS, streamWithToken } from './send-with-token';
import { keepStreamedAnswer, type LiveAnswer } from './stream-answer';

/** `responses` is shared with runs across accounts, whose results open in the console's viewer. */
export function createApiConsoleService(deps: ToolsDeps, http: HttpClient, responses: ResponseStore = createResponseStore()): DomainService<'api'> {
  const history = createRequestHistory();
  /** Answers whose body is still arriving, by responseId (removed once complete). */
  const live = new Map<string, LiveAnswer>();
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
      let kept;
      try {
        const sent = await streamWithToken(deps, http, context, prepared);
        // The answer leaves as soon as its first screenful is printed; the body goes on arriving.
        kept = await keepStreamedAnswer(responses, deps.clock, input, prepared, sent);
      } catch (error) {
        remember(input, { status: null, durationMs: null, error: isWorkbenchError(error) ? error.message : 'The request failed.' });
        throw error;
      }
      let { result } = kept;
      const arriving = kept.live;
      if (result.receiving && !input.stream) {
        // The caller wants the whole answer (count, cursor): wait for the body's end.
        await arriving.done;
        result = responses.answer(result.responseId).result;
      } else if (result.receiving) {
        live.set(result.responseId, arriving);
        void arriving.done.finally(() => live.delete(result.responseId));
      }
      remember(input, { status: result.status, durationMs: result.durationMs, error: null });
      return result;
    },

    async 'api.responseProgress'({ responseId, waitMs }) {
      const arriving = live.get(responseId);
      if (arriving && waitMs) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([arriving.done, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
        clearTimeout(timer);
      }
      const { result } = responses.answer(responseId);
      if (!result.receiving) return result;
      // Still arriving: how far it has got.
      const sofar = responses.progress(responseId);
      return { ...result, totalLines: sofar.lineCount, isJson: sofar.isJson, sizeBytes: live.get(responseId)?.received() ?? result.sizeBytes };
    },

    async 'api.responseCancel'({ responseId }) {
      const arriving = live.get(responseId);
      if (!arriving) {
        // NOT_FOUND for an answer no longer kept; a complete one has nothing to stop.
        responses.answer(responseId);
        return { cancelled: false };
      }
      arriving.cancel();
      await arriving.done;
      return { cancelled: true };
    },

    async 'api.response'({ responseId }) {
      return responses.answer(responseId);
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
