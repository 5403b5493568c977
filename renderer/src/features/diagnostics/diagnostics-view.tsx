// "What is wrong with this install?": main runs every check (a real refresh and real API calls
// included) and says for each pass / warning / fail / could not check, with the fix. "Copy report"
// puts the Markdown (every secret scrubbed by main) on the clipboard from main.
import { workbench } from '../../workbench/client';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { useCatalog } from '../../stores/catalog';
import { userLabel } from '../../text/install-user';
import { ErrorMessage } from '../../components/error-message';
import { DiagnosticChecks } from './diagnostic-checks';
import '../../styles/tools.css';

const OVERALL = { pass: 'Nothing wrong found.', warn: 'Works, with warnings.', fail: 'Something is wrong: see the failed checks.' } as const;

export function DiagnosticsView({ installId }: { installId: string }) {
  // Run once on opening (the user asked by pressing Diagnose), and again on request.
  const run = useResource(() => workbench().diagnostics.run({ installId }), [], [installId]);
  const report = useAction(() => workbench().diagnostics.report({ installId, copy: true }));
  const result = run.data;
  const user = useCatalog().installs?.find((install) => install.id === installId)?.user;

  return (
    <section className="panel diagnostics" aria-labelledby="diagnostics-title">
      <header className="panel__header">
        <h1 id="diagnostics-title">What is wrong with this install?</h1>
        <button type="button" className="button button--small" onClick={() => navigate({ kind: 'install', id: installId })}>Back to the install</button>
      </header>
      {result && (
        <p>
          {result.app} on {result.account} as {userLabel(user)} <span className="muted">({result.baseUrl})</span>
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={run.loading} onClick={run.reload}>{run.loading ? 'Checking…' : 'Run again'}</button>
        <button
          type="button"
          className="button"
          disabled={report.pending || !result}
          onClick={async () => {
            const value = await report.run();
            if (value) showToast('success', value.copied ? 'Copied the report (Markdown, secrets redacted).' : 'The report could not be copied.');
          }}
        >
          {report.pending ? 'Copying…' : 'Copy report'}
        </button>
      </div>
      <ErrorMessage error={run.error ?? report.error} />
      {!result && run.loading && <p className="muted" role="status">Checking the tokens, a refresh and the API…</p>}
      {result && (
        <>
          <p className={`overall overall--${result.overall}`} role="status">{OVERALL[result.overall]}</p>
          <DiagnosticChecks checks={result.checks} />
        </>
      )}
    </section>
  );
}
