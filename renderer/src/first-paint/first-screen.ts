// Whether the first screen is the installs grid, decided from the early answers exactly as the app
// decides (app.tsx, workbench-shell.tsx, home-view.tsx, stores/catalog.ts): only then does the first
// paint draw it. Anything else (vault locked or to set up, a standing banner, the first-run card, an
// error, no app or account) is left to React, so nobody ever sees a grid React would not show.
import type { Result } from '../../../electron/common/errors';
import type { InstallsGrid, VaultStatus } from '../../../electron/common/model';
import { gridFromFirstAnswer, type GridData } from '../features/installs/grid-data';

export function firstScreenGrid(status: Result<VaultStatus>, grid: Result<InstallsGrid>): { vault: VaultStatus; data: GridData } | null {
  if (!status.ok || !grid.ok) return null;
  const vault = status.value;
  if (vault.state !== 'ready') return null;
  // VaultBanners would stand above the grid: weak protection, a recovered vault, files rolled back.
  if (vault.protection === 'weak' || vault.recovered || vault.integrity) return null;
  // The catalog keeps an answer with no install aside (the first-run card waits for the full lists).
  if (grid.value.installs.length === 0) return null;
  const data = gridFromFirstAnswer(grid.value);
  if (data.apps.length === 0 || data.accounts.length === 0) return null;
  return { vault, data };
}
