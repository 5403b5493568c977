// What a newcomer sees first: the demo app and the local sandbox, and one Connect that gets a
// working install in a few clicks (the consent happens in the system browser).
import { useState } from 'react';
import type { AccountView, AppView } from '../../../../electron/common/model';
import { startConnect } from '../connect/start-connect';

export function FirstRunCard({ app, account }: { app: Pick<AppView, 'id' | 'name'>; account: Pick<AccountView, 'id' | 'label'> }) {
  const [starting, setStarting] = useState(false);
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Get a first token in a few clicks</h2>
      <p>
        <strong>{app.name}</strong> is ready to connect to <strong>{account.label}</strong>, an emulated Gorgias account served by the
        workbench itself on this machine. Its data is fake; nothing leaves 127.0.0.1.
      </p>
      <p className="muted">Connect opens the consent page in your browser: approve it there, and the install appears here with its tokens and checks.</p>
      <button
        type="button"
        className="button button--primary button--large"
        disabled={starting}
        onClick={async () => {
          setStarting(true);
          await startConnect(app.id, account.id);
          setStarting(false);
        }}
      >
        {starting ? 'Starting…' : 'Connect'}
      </button>
    </section>
  );
}
