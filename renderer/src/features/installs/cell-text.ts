// What a grid cell says and how it is styled, as plain functions: the React grid (installs-grid.tsx)
// and the first paint (renderer/src/first-paint) both use them, so the early DOM cannot drift from
// React's (a test compares the two).
import type { CellStatus } from '../../text/status-words';
import { statusAt } from '../../text/install-status';
import type { GridAccount, GridApp, GridInstall } from './grid-data';

export const GRID_LABEL = 'Installs: apps by accounts';

export const accountLabel = (account: Pick<GridAccount, 'label' | 'subdomain'>): string => account.label || account.subdomain;

/** "App on Account": the cell's name, and its users list's. */
export const pairName = (app: GridApp, account: GridAccount): string => `${app.name} on ${accountLabel(account)}`;

export const gridClass = (hasUsers: boolean): string => (hasUsers ? 'grid grid--windowed grid--tall-rows' : 'grid grid--windowed');
export const columnClass = (account: GridAccount): string => (account.kind === 'production' ? 'grid__col grid__col--production' : 'grid__col');
export const cellClass = (account: GridAccount): string => (account.kind === 'production' ? 'grid__cell grid__cell--production' : 'grid__cell');

export interface CellState {
  status: CellStatus;
  detail?: string;
  /** What a click does: open the install, show the live flow, or start Connect. */
  opens: 'install' | 'flow' | 'connect';
}

/** A cell's status as of `now`: its newest install's, "connecting" while a flow runs, else not connected. */
export function cellState(install: GridInstall | undefined, hasFlow: boolean, now: number): CellState {
  if (install) return { ...statusAt(install.status, install.expiresAtMs, now), opens: 'install' };
  if (hasFlow) return { status: 'connecting', opens: 'flow' };
  return { status: 'not-connected', opens: 'connect' };
}

const ACTIONS: Record<CellState['opens'], string> = { install: 'open install', flow: 'show flow', connect: 'connect' };

/** The cell button's accessible name, e.g. "Demo app on Local sandbox: not connected, connect". */
export function cellLabel(name: string, state: CellState): string {
  if (state.opens === 'install') return `${name}: ${state.status}, ${ACTIONS.install}`;
  return `${name}: ${state.opens === 'flow' ? 'connecting' : 'not connected'}, ${ACTIONS[state.opens]}`;
}

/** Cells list their users only when one of the pair's installs names its user. */
export const listsUsers = (installs: GridInstall[] | undefined): installs is GridInstall[] => !!installs && installs.some((install) => install.user !== null);

export const usersLabel = (name: string): string => `Users of ${name}`;
export const userLabel = (who: string, status: CellStatus): string => `${who}: ${status}, open install`;
