// "What is wrong with this install?": opening it changes nothing (main runs the read-only checks:
// the stored tokens and two GETs to the API). A real refresh, which renews the access token, is a
// button that says so. The cause is named once at the top. "Copy report" puts the Markdown (every
// secret scrubbed by main) on the clipboard from main.
import { useCallback, useEffect, useState } from 'react';
import type { DiagnosticsResult } from '../../../../electron/common/tools/tool-results';
import { workbench } from '../../workbench/client';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { useCatalog } from '../../stores/catalog';
import { userLabel } from '../../text/install-user';
import { ErrorMessage } from '../../components/error-message';
import { DiagnosticChecks } from './diagnostic-checks';
import '../../styles/tools.css';
import { Time, WithTimes } from '../../components/time-text';

const OVERALL = { pass: 'Nothing wrong found.', warn: 'Works, with warnings.', fail: 'Something is wrong.' } as const;

export function DiagnosticsView({ installId }: { installId: string }) {
  const [result, setResult] = useState<DiagnosticsResult | null>(null);
  const run = useAction((refresh: boolean) => workbench().diagnostics.run({ installId, refresh }));
  const report = useAction(() => workbench().diagnostics.report({ installId, copy: true }));
  const user = useCatalog().installs?.find((install) => install.id === installId)?.user;
  const runChecks = run.run;
  const check = useCallback(async (refresh: boolean) => {
    const value = await runChecks(refresh);
    if (value) setResult(value);
  }, [runChecks]);

  // The read-only checks once on opening (the user asked by pressing Diagnose).
  useEffect(() => {
    setResult(null);
    void check(false);
  }, [installId, check]);

  return (
    <section className="panel diagnostics" aria-labelledby="diagnostics-title">
      <header className="panel__header">
        <h1 id="diagnostics-title">What is wrong with this install?</h1>
        <button type="button" className="button button--small" onClick={() => navigate({ kind: 'install', id: installId })}>Back to the install</button>
      </header>
      {result && (
        <p>
          {result.app} on {result.account} as {userLabel(user)} <span className="muted">({result.baseUrl}; checked <Time value={result.at} />{result.refreshed ? ', with a real refresh' : ', read-only'})</span>
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={run.pending} onClick={() => void check(false)}>{run.pending ? 'Checking…' : 'Check again (read-only)'}</button>
        <button type="button" className="button" disabled={run.pending} onClick={() => void check(true)}>Try a real refresh (renews the access token)</button>
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
      {!result && run.pending && <p className="muted" role="status">Checking the stored tokens and the API (read-only)…</p>}
      {result && (
        <>
          <p className={`overall overall--${result.overall}`} role="status">
            {OVERALL[result.overall]}
            {result.cause ? <> <span className="overall__cause">Cause: <WithTimes text={result.cause} /></span></> : result.overall === 'fail' ? ' See the failed checks.' : null}
          </p>
          <DiagnosticChecks checks={result.checks} />
        </>
      )}
    </section>
  );
}
