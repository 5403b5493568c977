// The installs grid's first window as React's first frame draws it (features/installs/installs-grid.tsx),
// node for node (text nodes split where React's are: React adopts this DOM as its own):
// every row and column header, the cells of the first window (grid-window.ts's guess, which React's
// first render uses too), gap cells for the rest. Names, statuses and classes come from the same
// helpers (cell-text.ts), so the two cannot say different things.
import type { GridData, GridInstall } from '../features/installs/grid-data';
import { pairKey } from '../features/installs/grid-data';
import type { GridWindow } from '../features/installs/grid-window';
import { cellClass, cellLabel, cellState, columnClass, GRID_LABEL, gridClass, listsUsers, pairName, userLabel, usersLabel } from '../features/installs/cell-text';
import { statusAt } from '../text/install-status';
import { STATUS_WORDS, type CellStatus } from '../text/status-words';
import { UNKNOWN_USER } from '../text/install-user';
import { accountNameDom } from './account-name-dom';
import { el } from './dom';

function statusBadge(status: CellStatus, detail: string | undefined): HTMLElement {
  return el(
    'span',
    { class: `status status--${status}` },
    el('span', { class: 'status__dot', 'aria-hidden': 'true' }),
    STATUS_WORDS[status],
    detail && el('span', { class: 'status__detail' }, ' · ', detail),
  );
}

function cellUsers(name: string, installs: GridInstall[] | undefined, now: number): HTMLElement | null {
  if (!listsUsers(installs)) return null;
  return el(
    'ul',
    { class: 'cell-users', 'aria-label': usersLabel(name) },
    ...installs.map((install) => {
      const { status } = statusAt(install.status, install.expiresAtMs, now);
      const who = install.user ?? UNKNOWN_USER;
      return el('li', null, el('button', { type: 'button', class: 'cell-user', 'aria-label': userLabel(who, status) }, who, ' ', el('span', { class: `cell-user__status cell-user__status--${status}` }, status)));
    }),
  );
}

const gap = (columns: number) => el('td', { colspan: columns, class: 'grid__gap', 'aria-hidden': 'true' });

function liveRow(data: GridData, row: number, colStart: number, colEnd: number, now: number): HTMLElement {
  const app = data.apps[row]!;
  const { accounts } = data;
  const tr = el('tr', { class: 'grid__row--live' }, el('th', { scope: 'row' }, app.name));
  if (colStart > 0) tr.append(gap(colStart));
  for (let col = colStart; col < colEnd; col += 1) {
    const account = accounts[col]!;
    const installs = data.byPair.get(pairKey(app.id, account.id));
    // No live flow yet: the flows are asked for once React is there.
    const state = cellState(installs?.[0], false, now);
    const name = pairName(app, account);
    tr.append(
      el(
        'td',
        { class: cellClass(account) },
        el('button', { type: 'button', class: 'cell-button', 'data-cell': `${row}:${col}`, 'aria-label': cellLabel(name, state) }, statusBadge(state.status, state.detail)),
        cellUsers(name, installs, now),
      ),
    );
  }
  if (colEnd < accounts.length) tr.append(gap(accounts.length - colEnd));
  return tr;
}

export function gridDom(data: GridData, view: GridWindow, now: number): HTMLElement {
  const { apps, accounts } = data;
  const colStart = Math.min(view.colStart, accounts.length);
  const colEnd = Math.min(view.colEnd, accounts.length);
  const head = el('tr', null, el('th', { scope: 'col' }, 'App'), ...accounts.map((account, col) => el('th', { scope: 'col', 'data-col': col, class: columnClass(account) }, accountNameDom(account))));
  const rows = apps.map((app, row) => {
    const live = row >= view.rowStart && row < view.rowEnd && colEnd > colStart;
    if (live) return liveRow(data, row, colStart, colEnd, now);
    return el('tr', { class: 'grid__gap-row' }, el('th', { scope: 'row' }, app.name), gap(accounts.length));
  });
  const table = el('table', { class: gridClass(data.hasUsers), 'aria-label': GRID_LABEL }, el('thead', null, head), el('tbody', null, ...rows));
  return el('div', { class: 'grid-frame' }, el('div', { class: 'grid-scroll' }, table));
}
