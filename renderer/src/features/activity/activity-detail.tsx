// One exchange in full: request and response headers and bodies (redacted by main when logged).
import type { ReactNode } from 'react';
import type { ActivityEntry } from '../../../../electron/common/model';
import { Time } from '../../components/time-text';
import { KeyValueTable } from '../../components/kv-table';
import { CopyButton } from '../../components/copy-button';
import { curlOf } from './request-curl';

function headerRows(headers: Record<string, string>): Array<[string, ReactNode]> {
  return Object.entries(headers).map(([name, value]) => [name, <code key={name} className="long-value">{value}</code>]);
}

export function ActivityDetail({ entry }: { entry: ActivityEntry }) {
  return (
    <section className="activity-detail" aria-label="Exchange detail">
      <h2>{entry.kind}: {entry.method} {entry.status ?? 'no answer'}</h2>
      <code className="long-value">{entry.url}</code>
      <p className="muted"><Time value={entry.at} />{entry.durationMs !== null ? ` · ${entry.durationMs} ms` : ''}</p>
      <div className="actions">
        <CopyButton text={curlOf(entry)} label="Copy as curl" what="(redacted request)" />
      </div>
      {entry.error && (
        <div className="error-message">
          <p className="error-message__text">{entry.error.code}: {entry.error.message}</p>
        </div>
      )}
      <KeyValueTable caption="Request headers" rows={headerRows(entry.requestHeaders)} />
      <h3>Request body</h3>
      {entry.requestBody ? <pre aria-label="Request body">{entry.requestBody}</pre> : <p className="muted">None.</p>}
      <KeyValueTable caption="Response headers" rows={headerRows(entry.responseHeaders)} />
      <h3>Response body</h3>
      {entry.responseBody ? <pre aria-label="Response body text">{entry.responseBody}</pre> : <p className="muted">None.</p>}
    </section>
  );
}
