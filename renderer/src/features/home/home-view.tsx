// The main screen: the first-run card while there is no install yet, then the installs grid.
import { useCatalog } from '../../stores/catalog';
import { ErrorMessage } from '../../components/error-message';
import { InstallsGrid } from '../installs/installs-grid';
import { FirstRunCard } from './first-run-card';

export function HomeView() {
  const { apps, accounts, installs, error } = useCatalog();
  if (!apps || !accounts || !installs) {
    return <section className="panel"><h1>Installs</h1>{error ? <ErrorMessage error={error} /> : <p className="muted">Loading…</p>}</section>;
  }
  const demoApp = apps.find((app) => app.builtIn);
  const sandbox = accounts.find((account) => account.builtInSandbox);
  const firstRun = installs.length === 0 && demoApp && sandbox;
  return (
    <section className="panel" aria-labelledby="home-title">
      <header className="panel__header">
        <h1 id="home-title">Installs</h1>
        <span className="muted">Press Ctrl+K (⌘K) to jump to any account or install.</span>
      </header>
      {firstRun && <FirstRunCard app={demoApp} account={sandbox} />}
      <InstallsGrid apps={apps} accounts={accounts} installs={installs} />
    </section>
  );
}
