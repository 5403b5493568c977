// One answer: status, time, size, rate limit, Retry-after countdown, Gorgias's own error and the
// hint, headers, Next page, Copy as curl, and the body in the virtualised view.
import type { ApiSendResult } from '../../../../electron/common/tools/tool-results';
import type { ApiSendInput } from '../../../../electron/common/contract';
import { KeyValueTable } from '../../components/kv-table';
import { CopyResponse } from './copy-response';
import { CurlCopy } from './curl-copy';
import { JsonView } from './json-view';
import { RetryCountdown } from './retry-countdown';

export interface Answer {
  result: ApiSendResult;
  input: ApiSendInput;
  receivedAt: number;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function statusClass(status: number): string {
  if (status >= 200 && status < 300) return 'http-status http-status--ok';
  if (status === 429 || (status >= 300 && status < 500)) return 'http-status http-status--warn';
  return 'http-status http-status--fail';
}

interface Props {
  answer: Answer;
  /** Stops receiving an answer still arriving (what came is kept). */
  onCancel?: () => void;
  /** Who answered, in words: the built-in sandbox's own answers (e.g. its 405) are not Gorgias's. */
  answeredBy: string;
  onNextPage: (cursor: string) => void;
}

export function ResponsePanel({ answer, answeredBy, onNextPage, onCancel }: Props) {
  const { result, input, receivedAt } = answer;
  return (
    <section className="response" aria-label="Response">
      <div className="response__summary" role="status" aria-label="Response status">
        <span className={statusClass(result.status)}>{result.status}</span>
        <span>{result.method} {result.url}</span>
        <span className="muted">
          {result.receiving ? `${formatSize(result.sizeBytes)} so far` : `${result.durationMs} ms · ${formatSize(result.sizeBytes)}`}
        </span>
        {result.receiving && onCancel && (
          <button type="button" className="button button--small" onClick={onCancel}>Stop receiving</button>
        )}
        {result.rateLimit && (
          <span className="rate-limit" title="X-Gorgias-Account-Api-Call-Limit">
            Rate limit {result.rateLimit.used}/{result.rateLimit.limit}
          </span>
        )}
        {result.refreshed && <span className="badge">token refreshed first</span>}
      </div>
      {result.status === 429 && result.retryAfterSeconds !== null && <RetryCountdown receivedAt={receivedAt} seconds={result.retryAfterSeconds} />}
      {result.errorMessage && (
        <div className="error-message" role="alert">
          <p className="error-message__text">{answeredBy} says: {result.errorMessage}</p>
          {result.status === 403 && result.requiredScope && <p className="error-message__hint">The workbench's reading, not {answeredBy}'s: this call needs the scope {result.requiredScope}.</p>}
        </div>
      )}
      {result.cut && (
        <p className="banner banner--warning" role="note">
          {result.cut === 'cancelled' ? 'Stopped by you' : `The body stopped early (${result.cut})`}: what came is shown, up to where it stopped.
        </p>
      )}
      {result.hint && <p className="banner banner--info" role="note">{result.hint}</p>}
      {!result.isJson && result.totalLines > 0 && (
        <p className="banner banner--warning" role="note">
          Not JSON ({result.contentType ?? 'no content type'}): shown as text.
          {result.contentType?.includes('html') ? ' An HTML page usually means a wrong subdomain or base URL, or a login page in the way.' : ''}
        </p>
      )}
      <div className="actions">
        {result.nextCursor && (
          <button type="button" className="button" onClick={() => onNextPage(result.nextCursor!)}>Next page</button>
        )}
        <CopyResponse result={result} />
        <CurlCopy input={input} />
      </div>
      <details className="response__headers">
        <summary>Headers ({Object.keys(result.headers).length})</summary>
        <KeyValueTable caption="Response headers" rows={Object.entries(result.headers).map(([name, value]) => [name, <code key={name} className="long-value">{value}</code>])} />
      </details>
      {result.totalLines > 0 ? <JsonView result={result} /> : <p className="muted">Empty body.</p>}
    </section>
  );
}
