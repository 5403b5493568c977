// Refresh, Revoke (asks first, then says the access token stays valid until it expires),
// Reconnect and Forget. Each button shows its own progress; nothing else waits.
import { useState } from 'react';
import type { InstallDetail } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/error-message';
import { startConnect } from '../connect/start-connect';

function revokedNoteFor(): string {
  // Until when the access token still works is said once, in the "revoked" check row.
  return 'Revoked: refreshes stop now. The "revoked" check below says until when the current access token still works.';
}

/**
 * Gorgias approves as whoever is signed in to the helpdesk in the browser (there is no documented
 * prompt=login), so connecting as another user starts in the browser; the sandbox always asks.
 */
export function anotherUserNote(builtInSandbox: boolean): string {
  return builtInSandbox
    ? 'Connect as another user: pick the user on the sandbox consent page. Each user gets an install of their own.'
    : 'Connect as another user: first sign in to Gorgias as that user in your browser (Gorgias approves as whoever is signed in). Each user gets an install of their own.';
}

export function InstallActions({ install, onChanged, builtInSandbox }: { install: InstallDetail; onChanged: (next: InstallDetail) => void; builtInSandbox: boolean }) {
  const id = install.id;
  const refresh = useAction(() => workbench().installs.refresh({ id }));
  const revoke = useAction(() => workbench().installs.revoke({ id }));
  const forget = useAction(() => workbench().installs.forget({ id }));
  const [confirm, setConfirm] = useState<'revoke' | 'forget' | null>(null);
  const [revokedNote, setRevokedNote] = useState<string | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const revoked = install.status === 'revoked';

  return (
    <div className="install-actions">
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={refresh.pending || revoked || !install.hasRefreshToken}
          title={install.hasRefreshToken ? undefined : 'No refresh token: the app lacks the "offline" scope.'}
          onClick={async () => {
            const next = await refresh.run();
            // Main announces the refresh itself (a `notice` toast).
            if (next) onChanged(next);
          }}
        >
          {refresh.pending ? 'Refreshing…' : 'Refresh'}
        </button>
        <button type="button" className="button" disabled={revoke.pending || revoked} onClick={() => setConfirm('revoke')}>
          {revoke.pending ? 'Revoking…' : 'Revoke'}
        </button>
        <button
          type="button"
          className="button"
          disabled={reconnecting}
          onClick={async () => {
            setReconnecting(true);
            await startConnect(install.appId, install.accountId);
            setReconnecting(false);
          }}
        >
          {reconnecting ? 'Starting…' : 'Reconnect'}
        </button>
        <button
          type="button"
          className="button"
          disabled={reconnecting}
          title={anotherUserNote(builtInSandbox)}
          onClick={async () => {
            setReconnecting(true);
            showToast('info', anotherUserNote(builtInSandbox));
            await startConnect(install.appId, install.accountId);
            setReconnecting(false);
          }}
        >
          Connect as another user
        </button>
        <button type="button" className="button button--danger" disabled={forget.pending} onClick={() => setConfirm('forget')}>
          {forget.pending ? 'Forgetting…' : 'Forget'}
        </button>
      </div>
      {revokedNote && <p className="banner banner--info" role="status">{revokedNote}</p>}
      <ErrorMessage error={refresh.error ?? revoke.error ?? forget.error} />

      <ConfirmDialog
        open={confirm === 'revoke'}
        title="Revoke this install?"
        confirmLabel="Revoke tokens"
        danger
        onCancel={() => setConfirm(null)}
        onConfirm={async () => {
          setConfirm(null);
          const next = await revoke.run();
          if (next) {
            onChanged(next);
            setRevokedNote(revokedNoteFor());
          }
        }}
      >
        <p>The refresh token is revoked at the authorization server, so this install cannot be refreshed any more.</p>
        <p>The access token already issued stays valid until it expires.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'forget'}
        title="Forget this install?"
        confirmLabel="Forget install"
        danger
        onCancel={() => setConfirm(null)}
        onConfirm={async () => {
          setConfirm(null);
          const done = await forget.run();
          if (done !== null) {
            showToast('info', 'Install forgotten. Its tokens were removed from the vault (not revoked).');
            navigate({ kind: 'home' });
          }
        }}
      >
        <p>The tokens are removed from the vault. They are not revoked: revoke first if they must stop working.</p>
      </ConfirmDialog>
    </div>
  );
}
