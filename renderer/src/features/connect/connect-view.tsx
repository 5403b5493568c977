// One flow, live: its steps from `flow.progress`, the authorize URL to copy (for another browser
// profile), the paste box in paste mode, Cancel, and a failure explained in words with the fix.
import { useEffect, useState } from 'react';
import { useCatalog } from '../../stores/catalog';
import { workbench } from '../../workbench/client';
import { FINISHED_STEPS, rememberFlow, useFlow } from '../../stores/flows';
import { navigate } from '../../stores/navigation';
import { useAction } from '../../hooks/use-action';
import { AccountName } from '../../components/account-name';
import { CopyButton } from '../../components/copy-button';
import { Countdown } from '../../components/countdown';
import { ErrorMessage } from '../../components/error-message';
import { FailedChecks } from './failed-checks';
import { FlowSteps } from './flow-steps';
import { PasteBox } from './paste-box';
import { startConnect } from './start-connect';

export function ConnectView({ flowId }: { flowId: string }) {
  const flow = useFlow(flowId);
  const { apps, accounts } = useCatalog();
  const cancel = useAction(() => workbench().flows.cancel({ flowId }));
  const [retrying, setRetrying] = useState(false);

  // A stored install is what the user came for: open it.
  const installId = flow?.step === 'stored' ? flow.installId : null;
  useEffect(() => {
    if (installId) navigate({ kind: 'install', id: installId });
  }, [installId]);

  if (!flow) return <section className="panel"><h1>Connect</h1><p>This flow is no longer known. Start Connect again from the grid.</p></section>;

  const app = apps?.find((candidate) => candidate.id === flow.appId);
  const account = accounts?.find((candidate) => candidate.id === flow.accountId);
  const finished = FINISHED_STEPS.has(flow.step);

  return (
    <section className="panel connect" aria-labelledby="connect-title">
      <header className="panel__header">
        <h1 id="connect-title">
          Connect {app?.name ?? 'app'} to {account ? <AccountName account={account} /> : 'account'}
        </h1>
        {!finished && <Countdown until={flow.expiresAt} label="Flow expires in" soonMs={60_000} />}
      </header>
      {account?.kind === 'production' && (
        <p className="banner banner--warning" role="note">Production account: this consent installs the app on a real Gorgias account with real customer data.</p>
      )}
      <FlowSteps flow={flow} />

      {!finished && (
        <div className="connect__url">
          <h2>Authorize URL</h2>
          <p className="muted">
            {flow.mode === 'paste'
              ? 'Open it in a browser where you are logged in to the account, approve, then paste the address you land on below.'
              : 'Opened in your system browser. To use another browser profile, copy it there.'}
          </p>
          <code className="long-value">{flow.authorizeUrl}</code>
          <CopyButton text={flow.authorizeUrl} what="authorize URL" />
          <p className="muted">Redirect URI sent: <code>{flow.redirectUri}</code></p>
        </div>
      )}

      {flow.step === 'waiting-for-paste' && <PasteBox flowId={flow.id} />}

      {flow.step === 'failed' && (
        <div className="connect__failure">
          <h2>Connect failed</h2>
          <ErrorMessage error={flow.error} />
          <FailedChecks checks={flow.error?.failedChecks ?? []} />
        </div>
      )}
      {flow.step === 'cancelled' && <p>Connect was cancelled. Nothing was stored.</p>}
      {flow.step === 'stored' && flow.installId && (
        <p>Connected. <button type="button" className="link" onClick={() => navigate({ kind: 'install', id: flow.installId! })}>Open the install</button></p>
      )}

      <div className="actions">
        {!finished && (
          <button
            type="button"
            className="button"
            disabled={cancel.pending}
            onClick={async () => {
              const cancelled = await cancel.run();
              if (cancelled) rememberFlow(cancelled);
            }}
          >
            {cancel.pending ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {(flow.step === 'failed' || flow.step === 'cancelled') && (
          <button
            type="button"
            className="button button--primary"
            disabled={retrying}
            onClick={async () => {
              setRetrying(true);
              await startConnect(flow.appId, flow.accountId);
              setRetrying(false);
            }}
          >
            {retrying ? 'Starting…' : 'Try again'}
          </button>
        )}
        <button type="button" className="button" onClick={() => navigate({ kind: 'home' })}>Back to installs</button>
      </div>
      <ErrorMessage error={cancel.error} />
    </section>
  );
}
