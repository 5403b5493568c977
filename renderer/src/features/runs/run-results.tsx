// One card per install, side by side, in the order asked: status, time, summary, the error.
import type { RunAcrossResult } from '../../../../electron/common/tools/tool-results';
import { useCatalog } from '../../stores/catalog';
import { hintFor } from '../../text/error-hints';
import { navigate } from '../../stores/navigation';
import { BodyDifference } from './body-difference';
import { userLabel } from '../../text/install-user';
import type { RequestDraft } from '../api-console/request-draft';

/** What differs from the first result (the baseline), in words; empty when nothing does. */
export function differencesFrom(baseline: RunAcrossResult, result: RunAcrossResult): string[] {
  const out: string[] = [];
  if (result.status !== baseline.status) out.push(`status ${baseline.status ?? 'no answer'} → ${result.status ?? 'no answer'}`);
  if (result.summary !== baseline.summary) out.push(`answer "${baseline.summary}" → "${result.summary}"`);
  if ((result.error?.code ?? null) !== (baseline.error?.code ?? null)) out.push(`error ${baseline.error?.code ?? 'none'} → ${result.error?.code ?? 'none'}`);
  return out;
}

/** `draft` is the request that was run; a result opens its own kept answer in that install's console. */
export function RunResults({ results, draft }: { results: RunAcrossResult[]; draft: RequestDraft }) {
  const { installs } = useCatalog();
  return (
    <div className="run-results" aria-label="Results">
      {results.map((result, index) => (
        <article key={result.installId} className={result.error ? 'run-result run-result--failed' : 'run-result'} aria-label={result.label}>
          <h3>{result.label}</h3>
          <p className="muted">as {userLabel(installs?.find((install) => install.id === result.installId)?.user)}</p>
          <p>
            <span className="run-result__status">{result.status ?? 'no answer'}</span>
            {result.durationMs !== null && <span className="muted"> · {result.durationMs} ms</span>}
            {result.rateLimit && <span className="muted"> · rate limit {result.rateLimit.used}/{result.rateLimit.limit}</span>}
          </p>
          {/* A failure's summary is its error message: printed once, in the error box. */}
          {!result.error && <p className="run-result__summary">{result.summary}</p>}
          {result.retriedAfter429 && <p className="muted">Waited for Retry-after after a 429 and tried again.</p>}
          {index > 0 && <Differences baseline={results[0]!} result={result} />}
          {index > 0 && <BodyDifference baseline={results[0]!} result={result} />}
          {result.responseId !== null && (
            <button
              type="button"
              className="button button--small"
              aria-label={`Open ${result.label}'s response in the API console`}
              onClick={() => navigate({ kind: 'api-console', installId: result.installId, request: { draft, send: false }, responseId: result.responseId! })}
            >
              Open this response in the console
            </button>
          )}
          {result.error && (
            <div className="error-message">
              <p className="error-message__text">{result.error.code}: {result.error.message}</p>
              {hintFor(result.error.code) && <p className="error-message__hint">{hintFor(result.error.code)}</p>}
            </div>
          )}
        </article>
      ))}
    </div>
  );
}

function Differences({ baseline, result }: { baseline: RunAcrossResult; result: RunAcrossResult }) {
  const differences = differencesFrom(baseline, result);
  return (
    <p className={differences.length > 0 ? 'run-result__diff run-result__diff--differs' : 'run-result__diff'} aria-label={`Compared with ${baseline.label}`}>
      {differences.length > 0 ? `Differs from ${baseline.label}: ${differences.join('; ')}.` : `Same status and summary as ${baseline.label}.`}
    </p>
  );
}
