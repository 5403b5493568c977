// Runs across accounts: the same request over the chosen installs, results side by side. Main
// refreshes tokens, keeps to each account's rate limit and turns every failure into a row. What was
// chosen, typed and answered stays (in stores/runs) until cleared, across navigation.
import { useCatalog } from '../../stores/catalog';
import { updateRuns, useRuns } from '../../stores/runs';
import { Time } from '../../components/time-text';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { draftProblems, firstProblem, toRequest } from '../api-console/request-draft';
import { RequestEditor } from '../api-console/request-editor';
import { InstallPicker } from './install-picker';
import { RunResults } from './run-results';
import '../../styles/tools.css';

export function RunsView() {
  const { installs, apps, accounts } = useCatalog();
  const { chosen, draft, confirmWrite, acceptMissingScope, results, ranAt, ranDraft } = useRuns();
  const setChosen = (next: (previous: ReadonlySet<string>) => Set<string>) => updateRuns((state) => ({ chosen: next(state.chosen) }));
  const allIds = (installs ?? []).map((install) => install.id);
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
      <div className="actions">
        <button type="button" className="button button--small" disabled={allIds.length === 0 || chosen.size === allIds.length} onClick={() => updateRuns({ chosen: new Set(allIds) })}>Select all</button>
        <button type="button" className="button button--small" disabled={chosen.size === 0} onClick={() => updateRuns({ chosen: new Set() })}>Select none</button>
        <span className="muted">{chosen.size} of {allIds.length} chosen</span>
      </div>
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
      <RequestEditor draft={draft} problems={problems} onChange={(patch) => updateRuns((state) => ({ draft: { ...state.draft, ...patch } }))} />
      <label className="check-label">
        <input type="checkbox" checked={acceptMissingScope} onChange={(event) => updateRuns({ acceptMissingScope: event.target.checked })} />
        Send even where the install lacks the scope (to see Gorgias's 403)
      </label>
      {draft.method !== 'GET' && (
        <label className="check-label">
          <input type="checkbox" checked={confirmWrite} onChange={(event) => updateRuns({ confirmWrite: event.target.checked })} />
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
            if (value) updateRuns({ results: value.results, ranAt: Date.now(), ranDraft: draft });
          }}
        >
          {run.pending ? 'Running…' : 'Run'}
        </button>
        {blocked && <span className="save-why">Run is off: {blocked}</span>}
      </div>
      <ErrorMessage error={run.error} />
      {results && (
        <>
          <div className="actions">
            <h2 className="runs__results-title">Results{ranAt !== null && <> of <Time value={ranAt} /></>}</h2>
            <button type="button" className="button button--small" onClick={() => updateRuns({ results: null, ranAt: null })}>Clear results</button>
          </div>
          <RunResults results={results} draft={ranDraft ?? draft} />
        </>
      )}
    </section>
  );
}
