// Picks the main pane from the current view. The tools' screens are loaded on first use, so the
// first screen parses only what it shows (see docs/benchmarks.md, first render).
import { Suspense, lazy, type ReactNode } from 'react';
import type { VaultStatus } from '../../electron/common/model';
import { useCatalog } from './stores/catalog';
import { useView } from './stores/navigation';
import { AccountView } from './features/accounts/account-view';
import { AppForm } from './features/apps/app-form';
import { ConnectView } from './features/connect/connect-view';
import { HomeView } from './features/home/home-view';
import { InstallView } from './features/install-view/install-view';
import { VaultView } from './features/vault/vault-view';

const ActivityView = lazy(() => import('./features/activity/activity-view').then((m) => ({ default: m.ActivityView })));
const ApiConsoleView = lazy(() => import('./features/api-console/api-console-view').then((m) => ({ default: m.ApiConsoleView })));
const DiagnosticsView = lazy(() => import('./features/diagnostics/diagnostics-view').then((m) => ({ default: m.DiagnosticsView })));
const InspectorView = lazy(() => import('./features/inspector/inspector-view').then((m) => ({ default: m.InspectorView })));
const RunsView = lazy(() => import('./features/runs/runs-view').then((m) => ({ default: m.RunsView })));
const SettingsView = lazy(() => import('./features/settings/settings-view').then((m) => ({ default: m.SettingsView })));
const TransferView = lazy(() => import('./features/transfer/transfer-view').then((m) => ({ default: m.TransferView })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<section className="panel" aria-busy="true"><p className="muted">Loading…</p></section>}>{children}</Suspense>;
}

export function MainPane({ vault }: { vault: VaultStatus }) {
  const view = useView();
  const { apps, accounts } = useCatalog();
  switch (view.kind) {
    case 'home':
      return <HomeView />;
    case 'app-new':
      return <AppForm key="new" app={null} />;
    case 'app': {
      if (!apps) return <ListsLoading />;
      const app = apps.find((candidate) => candidate.id === view.id);
      return app ? <AppForm key={app.id} app={app} /> : <Gone what="app" />;
    }
    case 'account-new':
      return <AccountView key="new" account={null} />;
    case 'account': {
      if (!accounts) return <ListsLoading />;
      const account = accounts.find((candidate) => candidate.id === view.id);
      return account ? <AccountView key={account.id} account={account} /> : <Gone what="account" />;
    }
    case 'install':
      return <InstallView key={view.id} installId={view.id} />;
    case 'flow':
      return <ConnectView key={view.id} flowId={view.id} />;
    case 'vault':
      return <VaultView vault={vault} />;
    case 'api-console':
      return <Loading><ApiConsoleView key={`${view.installId}:${view.responseId ?? ''}`} installId={view.installId} request={view.request} responseId={view.responseId} /></Loading>;
    case 'diagnostics':
      return <Loading><DiagnosticsView key={view.installId} installId={view.installId} /></Loading>;
    case 'runs':
      return <Loading><RunsView /></Loading>;
    case 'activity':
      return <Loading><ActivityView /></Loading>;
    case 'inspector':
      return <Loading><InspectorView /></Loading>;
    case 'transfer':
      return <Loading><TransferView /></Loading>;
    case 'settings':
      return <Loading><SettingsView vault={vault} /></Loading>;
  }
}

/** The sidebar paints from the first answer: a click may come before the full lists are in. */
function ListsLoading() {
  return <section className="panel" aria-busy="true"><p className="muted">Loading…</p></section>;
}

function Gone({ what }: { what: string }) {
  return <section className="panel"><p className="muted">This {what} is not in the vault (any more).</p></section>;
}
