// Gorgias's test install page for this app on a chosen account (opened in the system browser by main).
import { useState } from 'react';
import type { AppView } from '../../../../electron/common/model';
import { useCatalog } from '../../stores/catalog';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';

export function TestInstallLink({ app }: { app: AppView }) {
  const { accounts } = useCatalog();
  const [accountId, setAccountId] = useState('');
  const open = useAction((id: string) => workbench().apps.openTestInstall({ appId: app.id, accountId: id }));
  const [opened, setOpened] = useState<string | null>(null);
  const chosen = accountId || accounts?.[0]?.id || '';

  return (
    <section className="subpanel" aria-labelledby="test-install-title">
      <h2 id="test-install-title">Test install</h2>
      <p className="muted">Opens Gorgias's test install page for this app, to try the Connect App button from Gorgias's own UI.</p>
      <div className="row">
        <Field label="Account for the test install">
          {(props) => (
            <select {...props} value={chosen} onChange={(event) => setAccountId(event.target.value)}>
              {(accounts ?? []).map((account) => (
                <option key={account.id} value={account.id}>
                  {account.label || account.subdomain}{account.kind === 'production' ? ' (production)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          className="button"
          disabled={!chosen || open.pending}
          onClick={async () => {
            const result = await open.run(chosen);
            if (result) setOpened(result.url);
          }}
        >
          {open.pending ? 'Opening…' : 'Open test install page'}
        </button>
      </div>
      {opened && <p className="muted">Opened <code className="long-value">{opened}</code></p>}
      <ErrorMessage error={open.error} />
    </section>
  );
}
