// Installs as checkboxes, grouped by account (production flagged), each named "App on account as user".
import type { AccountView, AppView, InstallSummary } from '../../../../electron/common/model';
import { AccountName } from '../../components/account-name';
import { userShortLabel } from '../../text/install-user';

interface InstallPickerProps {
  installs: InstallSummary[];
  apps: AppView[];
  accounts: AccountView[];
  chosen: ReadonlySet<string>;
  onToggle: (installId: string, on: boolean) => void;
}

export function installLabel(install: InstallSummary, apps: AppView[], accounts: AccountView[]): string {
  const app = apps.find((candidate) => candidate.id === install.appId);
  const account = accounts.find((candidate) => candidate.id === install.accountId);
  return `${app?.name ?? 'App'} on ${account ? account.label || account.subdomain : 'account'} as ${userShortLabel(install.user)}`;
}

export function InstallPicker({ installs, apps, accounts, chosen, onToggle }: InstallPickerProps) {
  const withInstalls = accounts.filter((account) => installs.some((install) => install.accountId === account.id));
  if (withInstalls.length === 0) return <p className="muted">No install yet: connect an app to an account first.</p>;
  return (
    <div className="install-picker">
      {withInstalls.map((account) => (
        <fieldset key={account.id}>
          <legend><AccountName account={account} /></legend>
          {installs
            .filter((install) => install.accountId === account.id)
            .map((install) => (
              <label key={install.id} className="check-label">
                <input type="checkbox" checked={chosen.has(install.id)} onChange={(event) => onToggle(install.id, event.target.checked)} />
                {installLabel(install, apps, accounts)}
                <span className="muted">({install.status})</span>
              </label>
            ))}
        </fieldset>
      ))}
    </div>
  );
}
