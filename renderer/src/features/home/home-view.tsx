// The main screen: the first-run card while there is no install yet, then the installs grid. The
// grid paints from the catalog's first answer and goes on from the full lists once they are in.
import { useEffect, useMemo } from 'react';
import { firstAnswerPainted, useCatalog } from '../../stores/catalog';
import { ErrorMessage } from '../../components/error-message';
import { gridFromFirstAnswer, gridFromLists, type GridData } from '../installs/grid-data';
import { InstallsGrid } from '../installs/installs-grid';
import { FirstRunCard } from './first-run-card';
import { HOME_HINT, HOME_TITLE, HOME_TITLE_ID } from './home-text';

export function HomeView() {
  const { apps, accounts, installs, first, error } = useCatalog();
  const full = apps && accounts && installs ? { apps, accounts, installs } : null;
  const data: GridData | null = useMemo(() => {
    if (apps && accounts && installs) return gridFromLists(apps, accounts, installs);
    return first ? gridFromFirstAnswer(first) : null;
  }, [apps, accounts, installs, first]);
  const fromFirst = !full && first !== null;
  // Shown from the first answer: the full lists may come once this frame is out.
  useEffect(() => {
    if (fromFirst) firstAnswerPainted();
  }, [fromFirst]);
  if (!data) {
    return <section className="panel"><h1>Installs</h1>{error ? <ErrorMessage error={error} /> : <p className="muted">Loading…</p>}</section>;
  }
  const demoApp = data.apps.find((app) => app.builtIn);
  const sandbox = data.accounts.find((account) => account.builtInSandbox);
  const firstRun = data.installCount === 0 && demoApp && sandbox;
  return (
    <section className="panel" aria-labelledby={HOME_TITLE_ID}>
      <header className="panel__header">
        <h1 id={HOME_TITLE_ID}>{HOME_TITLE}</h1>
        <span className="muted">{HOME_HINT}</span>
      </header>
      {firstRun && <FirstRunCard app={demoApp} account={sandbox} />}
      <InstallsGrid data={data} />
    </section>
  );
}
