// The workbench as the app's "App URL": while on, Gorgias's Connect App button (or any browser)
// opening `{url}?account={subdomain}` starts a flow for that account.
import { useState } from 'react';
import type { AppView } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { CopyButton } from '../../components/copy-button';
import { ErrorMessage } from '../../components/error-message';

export function AppUrlEntry({ app }: { app: AppView }) {
  const [url, setUrl] = useState<string | null>(null);
  const toggle = useAction((enabled: boolean) => workbench().flows.installEntry({ appId: app.id, enabled }));

  return (
    <section className="subpanel" aria-labelledby="app-url-title">
      <h2 id="app-url-title">App URL</h2>
      <p className="muted">
        Let the workbench stand in for your app's backend: register the URL below as the App URL, and Gorgias's
        Connect App button starts a flow here for the account it names.
      </p>
      <label className="check-label">
        <input
          type="checkbox"
          checked={url !== null}
          disabled={toggle.pending}
          onChange={async (event) => {
            const result = await toggle.run(event.target.checked);
            if (result) setUrl(result.url);
          }}
        />
        Serve the App URL on 127.0.0.1
      </label>
      {url && (
        <p className="row">
          <code className="long-value">{url}</code>
          <CopyButton text={url} what="App URL" />
        </p>
      )}
      <ErrorMessage error={toggle.error} />
    </section>
  );
}
