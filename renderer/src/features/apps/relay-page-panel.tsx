// Relay mode: the app hands out its own relay page (made by the backend for the saved port and
// path), to save as a file or copy, with where to host it. Without it, the first relay connect
// would never reach the workbench.
import type { AppView } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { showToast } from '../../stores/toasts';
import { ErrorMessage } from '../../components/error-message';
import { downloadText } from '../activity/har-export';
import type { AppDraft } from './app-draft';

function sameRelay(saved: AppView, draft: AppDraft): boolean {
  return saved.redirect.mode === 'relay' && String(saved.redirect.port) === draft.redirect.port && saved.redirect.path === draft.redirect.path && saved.redirect.relayUrl === draft.redirect.relayUrl.trim();
}

export function RelayPagePanel({ draft, saved }: { draft: AppDraft; saved: AppView | null }) {
  const fetchPage = useAction((id: string) => workbench().apps.relayPage({ id }));
  const ready = saved !== null && sameRelay(saved, draft);
  const relayUrl = draft.redirect.relayUrl.trim() || 'https://example.com/gorgias-relay.html';

  const save = async () => {
    if (!saved) return;
    const page = await fetchPage.run(saved.id);
    if (page) downloadText(page.html, page.fileName, 'text/html');
  };
  const copy = async () => {
    if (!saved) return;
    const page = await fetchPage.run(saved.id);
    if (!page) return;
    const result = await workbench().system.copyText({ text: page.html });
    if (result.ok) showToast('success', 'Copied the relay page.');
    else showToast('error', result.error.message);
  };

  return (
    <div className="relay-page" role="group" aria-labelledby="relay-page-title">
      <span id="relay-page-title" className="register-url__title">Relay page for this app</span>
      <ol className="relay-page__steps">
        <li>Save this app, then save its relay page (it forwards to http://127.0.0.1:{draft.redirect.port || '…'}{draft.redirect.path}, this app's port and path).</li>
        <li>Upload the file as is to an https site you own, so that it answers at <code>{relayUrl}</code> (any static host: no server code).</li>
        <li>Register that https URL as a Redirect URL of your Gorgias app, then Connect.</li>
      </ol>
      {ready ? (
        <div className="actions">
          <button type="button" className="button button--small" onClick={save} disabled={fetchPage.pending}>Save relay page…</button>
          <button type="button" className="button button--small" onClick={copy} disabled={fetchPage.pending}>Copy relay page</button>
        </div>
      ) : (
        <p className="muted">{saved ? 'Save your changes to get the relay page for the new settings.' : 'Save the app to get its relay page.'}</p>
      )}
      <ErrorMessage error={fetchPage.error} />
    </div>
  );
}
