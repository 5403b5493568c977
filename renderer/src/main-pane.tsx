// Picks the main pane from the current view.
import type { VaultStatus } from '../../electron/common/model';
import { useCatalog } from './api/catalog';
import { useView } from './api/navigation';
import { AccountView } from './features/accounts/account-view';
import { AppForm } from './features/apps/app-form';
import { ConnectView } from './features/connect/connect-view';
import { HomeView } from './features/home/home-view';
import { InstallView } from './features/install-view/install-view';
import { VaultView } from './features/vault/vault-view';
import { ActivityView } from './features/activity/activity-view';
import { ApiConsoleView } from './features/api-console/api-console-view';
import { DiagnosticsView } from './features/diagnostics/diagnostics-view';
import { InspectorView } from './features/inspector/inspector-view';
import { RunsView } from './features/runs/runs-view';
import { TransferView } from './features/transfer/transfer-view';

export function MainPane({ vault }: { vault: VaultStatus }) {
  const view = useView();
  const { apps, accounts } = useCatalog();
  switch (view.kind) {
    case 'home':
      return <HomeView />;
    case 'app-new':
      return <AppForm key="new" app={null} />;
    case 'app': {
      const app = apps?.find((candidate) => candidate.id === view.id);
      return app ? <AppForm key={app.id} app={app} /> : <Gone what="app" />;
    }
    case 'account-new':
      return <AccountView key="new" account={null} />;
    case 'account': {
      const account = accounts?.find((candidate) => candidate.id === view.id);
      return account ? <AccountView key={account.id} account={account} /> : <Gone what="account" />;
    }
    case 'install':
      return <InstallView key={view.id} installId={view.id} />;
    case 'flow':
      return <ConnectView key={view.id} flowId={view.id} />;
    case 'vault':
      return <VaultView vault={vault} />;
    case 'api-console':
      return <ApiConsoleView key={view.installId} installId={view.installId} />;
    case 'diagnostics':
      return <DiagnosticsView key={view.installId} installId={view.installId} />;
    case 'runs':
      return <RunsView />;
    case 'activity':
      return <ActivityView />;
    case 'inspector':
      return <InspectorView />;
    case 'transfer':
      return <TransferView />;
  }
}

function Gone({ what }: { what: string }) {
  return <section className="panel"><p className="muted">This {what} is not in the vault (any more).</p></section>;
}
