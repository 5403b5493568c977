// Entry point: a small first chunk. It asks the backend for the vault's status and the grid's first
// answer, then loads React and the app (start-app.tsx, the bundle's bulk): the answers cross the
// bridge while that code is fetched, compiled and run, so React's first render usually has them.
// Meanwhile the first paint (first-paint/) draws the grid from those answers without React, inert,
// and React adopts it (docs/ui.md, the installs grid). Styles are imported here as files (Vite
// links them from index.html, so they load with the page; the CSP forbids inline styles).
import { startVaultEarly } from './features/vault/use-vault';
import { paintFirstScreen } from './first-paint/paint-first-screen';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/features.css';
import './features/installs/installs-grid.css';

startVaultEarly();
paintFirstScreen();
void import('./start-app');
