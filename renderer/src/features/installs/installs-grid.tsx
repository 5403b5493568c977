// Apps × accounts, one cell per pair with its status; selecting a cell opens the install, or
// starts Connect when there is none. Production columns carry the warning colour.
import { useMemo, useState } from 'react';
import type { AccountView, AppView, InstallSummary } from '../../../../electron/common/model';
import { newestInstalls } from '../../api/catalog';
import { FINISHED_STEPS, useFlows } from '../../api/flows';
import { installStatus } from '../../api/install-status';
import { navigate } from '../../api/navigation';
import { useNow } from '../../api/use-now';
import { AccountName } from '../../components/account-name';
import { StatusBadge } from '../../components/status-badge';
import { startConnect } from '../connect/start-connect';

interface Props {
  apps: AppView[];
  accounts: AccountView[];
  installs: InstallSummary[];
}

export function InstallsGrid({ apps, accounts, installs }: Props) {
  const now = useNow(30_000);
  const flows = useFlows();
  const [starting, setStarting] = useState<string | null>(null);
  // One pass over the installs, not one per cell: the grid must stay quick with 1,000 of them.
  const byPair = useMemo(() => newestInstalls(installs), [installs]);
  const liveFlow = (appId: string, accountId: string) =>
    Object.values(flows).find((flow) => flow.appId === appId && flow.accountId === accountId && !FINISHED_STEPS.has(flow.step));

  if (apps.length === 0 || accounts.length === 0) {
    return <p className="muted">Add an app and an account to see their installs here.</p>;
  }

  return (
    <div className="grid-scroll">
      <table className="grid" aria-label="Installs: apps by accounts">
        <thead>
          <tr>
            <th scope="col">App</th>
            {accounts.map((account) => (
              <th key={account.id} scope="col" className={account.kind === 'production' ? 'grid__col--production' : undefined}>
                <AccountName account={account} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.id}>
              <th scope="row">{app.name}</th>
              {accounts.map((account) => {
                const key = `${app.id}/${account.id}`;
                const install = byPair.get(key);
                const flow = install ? undefined : liveFlow(app.id, account.id);
                const { status, detail } = flow ? { status: 'connecting' as const, detail: undefined } : installStatus(install, now);
                const name = `${app.name} on ${account.label || account.subdomain}`;
                return (
                  <td key={account.id} className={account.kind === 'production' ? 'grid__cell grid__cell--production' : 'grid__cell'}>
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={`${name}: ${install ? `${status}, open install` : flow ? 'connecting, show flow' : 'not connected, connect'}`}
                      disabled={starting === key}
                      onClick={async () => {
                        if (install) return navigate({ kind: 'install', id: install.id });
                        if (flow) return navigate({ kind: 'flow', id: flow.id });
                        setStarting(key);
                        await startConnect(app.id, account.id);
                        setStarting(null);
                      }}
                    >
                      <StatusBadge status={starting === key ? 'connecting' : status} detail={detail} />
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
