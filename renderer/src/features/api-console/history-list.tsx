// The install's last requests (kept by main, in memory, secrets redacted), newest first: load one
// back into the editor, or send it again as it was.
import type { ApiHistoryEntry } from '../../../../electron/common/tools/tool-results';
import { Time } from '../../components/time-text';

function describe(entry: ApiHistoryEntry): string {
  const query = entry.query.length ? `?${entry.query.map(([name, value]) => `${name}=${value}`).join('&')}` : '';
  return `${entry.method} ${entry.path}${query}`;
}

export function HistoryList({ entries, onLoad, onRerun }: { entries: ApiHistoryEntry[]; onLoad: (entry: ApiHistoryEntry) => void; onRerun: (entry: ApiHistoryEntry) => void }) {
  if (entries.length === 0) return <p className="muted">No request sent from this install yet.</p>;
  return (
    <ol className="history" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.id} className="history__item">
          <code className="history__request">{describe(entry)}</code>
          <span className="muted">
            {entry.status ?? entry.error ?? 'not sent'}
            {entry.durationMs !== null ? ` · ${entry.durationMs} ms` : ''} · <Time value={entry.at} />
          </span>
          <button type="button" className="button button--small" aria-label={`Load ${describe(entry)}`} onClick={() => onLoad(entry)}>Load</button>
          <button type="button" className="button button--small" aria-label={`Re-run ${describe(entry)}`} onClick={() => onRerun(entry)}>Re-run</button>
        </li>
      ))}
    </ol>
  );
}
