// Runs across accounts: the same request over the chosen installs, results side by side. Main
// refreshes tokens, keeps to each account's rate limit and turns every failure into a row.
import { useState } from 'react';
import type { RunAcrossResult } from '../../../../electron/common/tools/tools-contract';
import { useCatalog } from '../../stores/catalog';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { EMPTY_DRAFT, draftProblems, firstProblem, toRequest, type RequestDraft } from '../api-console/request-draft';
import { RequestEditor } from '../api-console/request-editor';
import { InstallPicker } from './install-picker';
import { RunResults } from './run-results';
import '../../styles/tools.css';

export function RunsView() {
  const { installs, apps, accounts } = useCatalog();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [draft, setDraft] = useState<RequestDraft>({ ...EMPTY_DRAFT, path: '/api/tickets' });
  const [confirmWrite, setConfirmWrite] = useState(false);
  const [acceptMissingScope, setAcceptMissingScope] = useState(false);
  const [results, setResults] = useState<RunAcrossResult[] | null>(null);
  const run = useAction((installIds: string[]) =>
    workbench().runs.across({ installIds, request: { ...toRequest(draft), confirmWrite, acceptMissingScope } }),
  );

  const problems = draftProblems(draft);
  const blocked = chosen.size === 0 ? 'pick at least one install.' : firstProblem(problems);

  return (
    <section className="panel runs" aria-labelledby="runs-title">
      <header className="panel__header">
        <h1 id="runs-title">Run across accounts</h1>
        <span className="muted">One request over several installs; each account's rate limit is respected.</span>
      </header>
      <h2>Installs</h2>
      {installs && apps && accounts ? (
        <InstallPicker
          installs={installs}
          apps={apps}
          accounts={accounts}
          chosen={chosen}
          onToggle={(id, on) =>
            setChosen((previous) => {
              const next = new Set(previous);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
          }
        />
      ) : (
        <p className="muted">Loading…</p>
      )}
      <h2>Request</h2>
      <RequestEditor draft={draft} problems={problems} onChange={(patch) => setDraft((previous) => ({ ...previous, ...patch }))} />
      <label className="check-label">
        <input type="checkbox" checked={acceptMissingScope} onChange={(event) => setAcceptMissingScope(event.target.checked)} />
        Send even where the install lacks the scope (to see Gorgias's 403)
      </label>
      {draft.method !== 'GET' && (
        <label className="check-label">
          <input type="checkbox" checked={confirmWrite} onChange={(event) => setConfirmWrite(event.target.checked)} />
          Yes, send this write to production accounts too
        </label>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={run.pending || blocked !== null}
          onClick={async () => {
            // The order asked is the order shown: installs as listed, not as clicked.
            const ids = (installs ?? []).filter((install) => chosen.has(install.id)).map((install) => install.id);
            const value = await run.run(ids);
            if (value) setResults(value.results);
          }}
        >
          {run.pending ? 'Running…' : 'Run'}
        </button>
        {blocked && <span className="save-why">Run is off: {blocked}</span>}
      </div>
      <ErrorMessage error={run.error} />
      {results && <RunResults results={results} />}
    </section>
  );
}
