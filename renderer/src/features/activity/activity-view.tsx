// The activity timeline: every exchange the workbench made, newest first, filtered by app, account
// and kind, with the detail of one, and the filtered set exported as HAR 1.2 (redacted by main).
import { useState } from 'react';
import { ACTIVITY_KINDS } from '../../../../electron/common/lists';
import type { ActivityKind } from '../../../../electron/common/model';
import { useCatalog } from '../../stores/catalog';
import { workbench } from '../../workbench/client';
import { Time } from '../../components/time-text';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ActivityDetail } from './activity-detail';
import { downloadText } from './har-export';
import { pathAndQuery } from './request-curl';
import '../../styles/tools.css';

const LIMIT = 300;

export function ActivityView() {
  const { apps, accounts } = useCatalog();
  const [appId, setAppId] = useState('');
  const [accountId, setAccountId] = useState('');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const filter = { ...(appId ? { appId } : {}), ...(accountId ? { accountId } : {}), ...(kind ? { kind } : {}) };
  const list = useResource(() => workbench().activity.list({ limit: LIMIT, ...filter }), ['activity.appended'], [appId, accountId, kind]);
  const exportHar = useAction(() => workbench().activity.exportHar({ filter }));

  const entries = list.data?.entries ?? [];
  const selected = entries.find((entry) => entry.id === selectedId) ?? null;
  const accountNames = new Map((accounts ?? []).map((account) => [account.id, account.label || account.subdomain]));

  return (
    <section className="panel" aria-labelledby="activity-title">
      <header className="panel__header">
        <h1 id="activity-title">Activity</h1>
        <button
          type="button"
          className="button"
          disabled={exportHar.pending}
          onClick={async () => {
            const value = await exportHar.run();
            if (!value) return;
            downloadText(value.har, 'workbench.har', 'application/json');
            showToast('success', `Exported ${value.entries} exchanges as HAR (secrets redacted).`);
          }}
        >
          {exportHar.pending ? 'Exporting…' : 'Export HAR'}
        </button>
      </header>
      <div className="activity__filters">
        <Field label="App">
          {(props) => (
            <select {...props} value={appId} onChange={(event) => setAppId(event.target.value)}>
              <option value="">All apps</option>
              {(apps ?? []).map((app) => <option key={app.id} value={app.id}>{app.name}</option>)}
            </select>
          )}
        </Field>
        <Field label="Account">
          {(props) => (
            <select {...props} value={accountId} onChange={(event) => setAccountId(event.target.value)}>
              <option value="">All accounts</option>
              {(accounts ?? []).map((account) => <option key={account.id} value={account.id}>{account.label || account.subdomain}</option>)}
            </select>
          )}
        </Field>
        <Field label="Kind">
          {(props) => (
            <select {...props} value={kind} onChange={(event) => setKind(event.target.value as ActivityKind | '')}>
              <option value="">All kinds</option>
              {ACTIVITY_KINDS.map((name) => <option key={name}>{name}</option>)}
            </select>
          )}
        </Field>
        <span className="muted" role="status">
          {list.data ? `${entries.length} of ${list.data.total} exchanges, newest first` : 'Loading…'}
        </span>
      </div>
      <ErrorMessage error={list.error ?? exportHar.error} />
      <div className="activity">
        <ul className="activity-list" aria-label="Exchanges">
          <li className="activity-row activity-row--head" aria-hidden="true">
            <span>Time</span><span>Kind</span><span>Method</span><span>Status</span><span>Account</span><span>Path and query</span>
          </li>
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className={`activity-row${entry.id === selectedId ? ' activity-row--current' : ''}${entry.error || (entry.status ?? 0) >= 400 ? ' activity-row--failed' : ''}`}
                aria-current={entry.id === selectedId ? 'true' : undefined}
                aria-label={`${entry.kind} ${entry.method} ${entry.url} ${entry.status ?? 'no answer'}`}
                onClick={() => setSelectedId(entry.id)}
              >
                <span className="muted"><Time value={entry.at} /></span>
                <span>{entry.kind}</span>
                <span>{entry.method}</span>
                <span className="activity-row__status">{entry.status ?? '—'}</span>
                <span className="activity-row__account">{entry.accountId ? (accountNames.get(entry.accountId) ?? 'deleted account') : '—'}</span>
                <span className="activity-row__url" title={entry.url}>{pathAndQuery(entry.url)}</span>
              </button>
            </li>
          ))}
          {list.data && entries.length === 0 && <li className="muted">Nothing recorded for these filters.</li>}
        </ul>
        {selected ? <ActivityDetail entry={selected} /> : <p className="muted">Pick an exchange to see its headers and bodies.</p>}
      </div>
    </section>
  );
}
