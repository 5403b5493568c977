// The same request over several installs, results side by side. Installs on the same account go one
// after the other (they share Gorgias's per-account bucket); different accounts go in parallel, a few
// at a time. A 429 waits for Retry-after (bounded) and is tried once more.
import { isWorkbenchError } from '../../../common/errors';
import type { RunAcrossResult } from '../../../common/tools/tool-results';
import type { ApiRequestInput } from '../../../common/contract';
import type { HttpClient } from '../../http/http-client';
import type { DomainService } from '../../service';
import { checkPermissions, prepareRequest } from '../api-console/prepare-request';
import { header, readRateLimit, readRetryAfter } from '../api-console/response-meta';
import { sendWithToken } from '../api-console/send-with-token';
import { keepAnswer } from '../api-console/keep-answer';
import type { ResponseStore } from '../api-console/response-store';
import type { ToolsDeps } from '../deps';
import { findInstall } from '../../installs/refresher';
import { loadInstallContext } from '../context/install-context';
import { summariseAnswer } from './run-summary';

/** Never wait longer than this for one Retry-after (Gorgias's window is 20 s). */
const MAX_RETRY_WAIT_MS = 30_000;
const DEFAULT_CONCURRENCY = 4;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function runOne(deps: ToolsDeps, http: HttpClient, responses: ResponseStore, installId: string, request: ApiRequestInput): Promise<RunAcrossResult> {
  let base: Pick<RunAcrossResult, 'installId' | 'appId' | 'accountId' | 'label'> = { installId, appId: null, accountId: null, label: installId };
  try {
    const context = await loadInstallContext(deps, installId);
    base = { installId, appId: context.install.appId, accountId: context.install.accountId, label: context.label };
    const prepared = prepareRequest(context.baseUrl, request);
    checkPermissions(context, prepared, request);
    let sent = await sendWithToken(deps, http, context, prepared);
    let retriedAfter429 = false;
    if (sent.response.status === 429) {
      const seconds = readRetryAfter(sent.response.headers, deps.clock.now()) ?? 1;
      await (deps.sleep ?? defaultSleep)(Math.min(MAX_RETRY_WAIT_MS, Math.max(0, seconds) * 1000));
      retriedAfter429 = true;
      sent = await sendWithToken(deps, http, await loadInstallContext(deps, installId), prepared);
    }
    const { response } = sent;
    const failed = response.status >= 400;
    const summary = summariseAnswer(response.status, response.text, header(response.headers, 'content-type'), response.json);
    // Kept in main with its status and headers: the result opens its own answer, never a re-send.
    const kept = await keepAnswer(responses, deps.clock.now(), { ...request, installId }, prepared, sent);
    return {
      responseId: kept.responseId,
      ...base,
      status: response.status,
      durationMs: response.durationMs,
      summary,
      rateLimit: readRateLimit(response.headers),
      retriedAfter429,
      error: failed ? { code: codeForStatus(response.status), message: summary } : null,
    };
  } catch (error) {
    const shape = isWorkbenchError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: 'The request failed inside the workbench.' };
    if (!isWorkbenchError(error)) deps.logger.error('runs.across: unexpected failure', error);
    return { ...base, status: null, durationMs: null, summary: shape.message, rateLimit: null, retriedAfter429: false, error: shape, responseId: null };
  }
}

function codeForStatus(status: number): string {
  if (status === 401) return 'API_UNAUTHORIZED';
  if (status === 403) return 'API_FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  return 'API_ERROR';
}

export function createRunsService(deps: ToolsDeps, http: HttpClient, responses: ResponseStore): DomainService<'runs'> {
  return {
    async 'runs.across'({ installIds, request, concurrency }) {
      const unique = [...new Set(installIds)];
      // Group by account: one queue per account, so one account's bucket is not hit in parallel.
      const queues = new Map<string, string[]>();
      for (const installId of unique) {
        let accountId = `unknown:${installId}`;
        try {
          accountId = findInstall(deps, installId).accountId;
        } catch {
          // runOne reports the missing install in its row.
        }
        queues.set(accountId, [...(queues.get(accountId) ?? []), installId]);
      }
      const results = new Map<string, RunAcrossResult>();
      const pending = [...queues.values()];
      const worker = async () => {
        for (let queue = pending.shift(); queue; queue = pending.shift()) {
          for (const installId of queue) results.set(installId, await runOne(deps, http, responses, installId, request));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency ?? DEFAULT_CONCURRENCY, pending.length) }, worker));
      return { results: unique.map((installId) => results.get(installId)!) };
    },
  };
}
