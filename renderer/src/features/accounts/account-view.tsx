// One account: its installs per app (open or connect), then its settings, then delete.
import { useState } from 'react';
import type { AccountView as Account, InstallSummary } from '../../../../electron/common/model';
import { installFor, useCatalog } from '../../stores/catalog';
import { workbench } from '../../workbench/client';
import { installStatus } from '../../text/install-status';
import { userShortLabel } from '../../text/install-user';
import { navigate } from '../../stores/navigation';
import { useNow } from '../../hooks/use-now';
import { AccountName } from '../../components/account-name';
import { DeleteZone } from '../../components/delete-zone';
import { StatusBadge } from '../../components/status-badge';
import { startConnect } from '../connect/start-connect';
import { AccountForm } from './account-form';

export function AccountView({ account }: { account: Account | null }) {
  if (!account) {
    return (
      <section className="panel" aria-labelledby="account-title">
        <header className="panel__header"><h1 id="account-title">New account</h1></header>
        <AccountForm account={null} />
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="account-title">
      <header className="panel__header">
        <h1 id="account-title"><AccountName account={account} /></h1>
        <span className="muted">{account.baseUrl}</span>
      </header>
      {account.kind === 'production' && <p className="banner banner--warning" role="note">Production account: installs and API calls act on real customer data.</p>}
      {account.customBaseUrl && <p className="banner banner--info" role="note">Custom base URL: calls go to {account.customBaseUrl}, not {account.subdomain}.gorgias.com.</p>}
      <AccountInstalls account={account} />
      <h2>Settings</h2>
      <AccountForm key={account.id} account={account} />
      <DeleteAccount account={account} />
    </section>
  );
}

/** Who has an install of the app here (one per approving user), newest first. */
function usersOn(installs: readonly InstallSummary[], appId: string, accountId: string): string {
  const mine = installs.filter((install) => install.appId === appId && install.accountId === accountId);
  mine.sort((a, b) => (a.obtainedAt < b.obtainedAt ? 1 : -1));
  return mine.map((install) => userShortLabel(install.user)).join(', ');
}

function AccountInstalls({ account }: { account: Account }) {
  const { apps, installs } = useCatalog();
  const now = useNow(30_000);
  const [starting, setStarting] = useState<string | null>(null);
  if (!apps || !installs) return null;
  return (
    <table className="list-table">
      <caption>Installs on this account</caption>
      <tbody>
        {apps.map((app) => {
          const install = installFor(installs, app.id, account.id);
          const { status, detail } = installStatus(install, now);
          return (
            <tr key={app.id}>
              <th scope="row">{app.name}</th>
              <td><StatusBadge status={status} detail={detail} /></td>
              <td className="muted">{usersOn(installs, app.id, account.id)}</td>
              <td>
                {install ? (
                  <button type="button" className="button button--small" onClick={() => navigate({ kind: 'install', id: install.id })}>Open install of {app.name}</button>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={starting === app.id}
                    onClick={async () => {
                      setStarting(app.id);
                      await startConnect(app.id, account.id);
                      setStarting(null);
                    }}
                  >
                    {starting === app.id ? 'Starting…' : `Connect ${app.name}`}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function DeleteAccount({ account }: { account: Account }) {
  return (
    <DeleteZone label="Delete account" name={account.label || account.subdomain} remove={() => workbench().accounts.delete({ id: account.id })}>
      <p>The account and its installs are removed from the vault. Tokens are not revoked.</p>
    </DeleteZone>
  );
}
