// Apps × accounts, one cell per pair with its status; selecting a cell opens the install, or
// starts Connect when there is none. Production columns carry the warning colour.
// 50 apps × 20 accounts do not fit on a screen and 1,000 cells are slow to render, so the grid is
// windowed: every row and every column header is there (names, counts, and what screen readers
// announce stay whole), but only the cells in view plus a few around them are; the rest of a row is
// one empty cell spanning the missing columns, which keeps every cell's column index right.
import { memo, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { FlowView } from '../../../../electron/common/model';
import { FINISHED_STEPS, useFlows } from '../../stores/flows';
import { statusAt } from '../../text/install-status';
import { takeFirstPaintClock } from '../../first-paint/first-clock';
import { UNKNOWN_USER } from '../../text/install-user';
import { navigate } from '../../stores/navigation';
import { useNow } from '../../hooks/use-now';
import { AccountName } from '../../components/account-name';
import { StatusBadge } from '../../components/status-badge';
import { startConnect } from '../connect/start-connect';
import { pairKey, type GridAccount, type GridApp, type GridData, type GridInstall } from './grid-data';
import { cellClass, cellLabel, cellState, columnClass, GRID_LABEL, gridClass, listsUsers, pairName, userLabel, usersLabel } from './cell-text';
import { useGridWindow } from './use-grid-window';
import { useScrollCue } from './use-scroll-cue';
// Its styles (installs-grid.css) are linked from index.html by main.tsx: the grid is the first screen.

export function InstallsGrid({ data }: { data: GridData }) {
  if (data.apps.length === 0 || data.accounts.length === 0) {
    return <p className="muted">Add an app and an account to see their installs here.</p>;
  }
  return <Grid data={data} />;
}

/** The users with an install on this pair, newest first, each with its status and a link to it. */
function CellUsers({ name, installs, now }: { name: string; installs: GridInstall[] | undefined; now: number }) {
  if (!listsUsers(installs)) return null;
  return (
    <ul className="cell-users" aria-label={usersLabel(name)}>
      {installs.map((install) => {
        const { status } = statusAt(install.status, install.expiresAtMs, now);
        const who = install.user ?? UNKNOWN_USER;
        return (
          <li key={install.id}>
            <button type="button" className="cell-user" aria-label={userLabel(who, status)} onClick={() => navigate({ kind: 'install', id: install.id })}>
              {who} <span className={`cell-user__status cell-user__status--${status}`}>{status}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

interface RowProps {
  app: GridApp;
  row: number;
  accounts: GridAccount[];
  colStart: number;
  colEnd: number;
  byPair: Map<string, GridInstall[]>;
  liveFlows: Map<string, FlowView>;
  starting: string | null;
  setStarting: (key: string | null) => void;
  now: number;
}

/**
 * One rendered row of cells. Memoised: a row whose window, data, flows and clock are unchanged is
 * not rendered again when the window moves elsewhere or the scroll cue changes.
 */
const GridRow = memo(function GridRow({ app, row, accounts, colStart, colEnd, byPair, liveFlows, starting, setStarting, now }: RowProps) {
  const cells = [];
  for (let col = colStart; col < colEnd; col += 1) {
    const account = accounts[col]!;
    const key = pairKey(app.id, account.id);
    const users = byPair.get(key);
    const install = users?.[0];
    const flow = install ? undefined : liveFlows.get(key);
    const state = cellState(install, flow !== undefined, now);
    const { status, detail } = state;
    const name = pairName(app, account);
    cells.push(
      <td key={account.id} className={cellClass(account)}>
        <button
          type="button"
          className="cell-button"
          data-cell={`${row}:${col}`}
          aria-label={cellLabel(name, state)}
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
        <CellUsers name={name} installs={users} now={now} />
      </td>,
    );
  }
  return (
    <tr className="grid__row--live">
      <th scope="row">{app.name}</th>
      {colStart > 0 && <td colSpan={colStart} className="grid__gap" aria-hidden="true" />}
      {cells}
      {colEnd < accounts.length && <td colSpan={accounts.length - colEnd} className="grid__gap" aria-hidden="true" />}
    </tr>
  );
});

/** "N more →": its own component, so its count changing renders the button only, not the grid. */
function ScrollCue({ scrollRef, columns }: { scrollRef: RefObject<HTMLDivElement | null>; columns: number }) {
  const hiddenRight = useScrollCue(scrollRef, columns);
  if (hiddenRight === 0) return null;
  // The first column stays put while the accounts scroll under it; the cue scrolls by a screen.
  const scrollRight = () => {
    const box = scrollRef.current;
    if (box) box.scrollBy({ left: Math.max(200, box.clientWidth - 240), behavior: 'smooth' });
  };
  return (
    <button type="button" className="grid-cue" onClick={scrollRight} aria-label={`${hiddenRight} more account${hiddenRight === 1 ? '' : 's'} to the right: scroll right`}>
      {hiddenRight} more →
    </button>
  );
}

function Grid({ data }: { data: GridData }) {
  const { apps, accounts, byPair } = data;
  // The first paint's time when it painted this grid (its "… left" texts), so React's says the same.
  const now = useNow(30_000, takeFirstPaintClock);
  const flows = useFlows();
  const [starting, setStarting] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollXRef = useRef<HTMLDivElement>(null);
  const { window: view, focusCell } = useGridWindow(tableRef, scrollXRef, apps.length, accounts.length, data.hasUsers);

  // One pass over the live flows per change, not one per cell.
  const liveFlows = useMemo(() => {
    const live = new Map<string, FlowView>();
    for (const flow of Object.values(flows)) if (!FINISHED_STEPS.has(flow.step)) live.set(pairKey(flow.appId, flow.accountId), flow);
    return live;
  }, [flows]);

  // Tab moves to the cell that would be next with every cell rendered (left to right, then the next
  // row), rendering it first when it is outside the window.
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).dataset?.cell;
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !cell) return;
    const [row, col] = cell.split(':').map(Number) as [number, number];
    const next = row * accounts.length + col + (event.shiftKey ? -1 : 1);
    if (next < 0 || next >= apps.length * accounts.length) return; // out of the grid: the browser's Tab
    const nextRow = Math.floor(next / accounts.length);
    const nextCol = next % accounts.length;
    const target = tableRef.current?.querySelector<HTMLButtonElement>(`button[data-cell="${nextRow}:${nextCol}"]`);
    if (target?.disabled) return; // being connected: the browser's Tab skips it
    event.preventDefault();
    if (target) return target.focus();
    focusCell(nextRow, nextCol);
  };

  const colStart = Math.min(view.colStart, accounts.length);
  const colEnd = Math.min(view.colEnd, accounts.length);

  return (
    <div className="grid-frame">
    <div className="grid-scroll" ref={scrollXRef}>
      <table className={gridClass(data.hasUsers)} aria-label={GRID_LABEL} ref={tableRef} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col">App</th>
            {accounts.map((account, col) => (
              <th key={account.id} scope="col" data-col={col} className={columnClass(account)}>
                <AccountName account={account} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {apps.map((app, row) => {
            const live = row >= view.rowStart && row < view.rowEnd && colEnd > colStart;
            if (!live) {
              return (
                <tr key={app.id} className="grid__gap-row">
                  <th scope="row">{app.name}</th>
                  <td colSpan={accounts.length} className="grid__gap" aria-hidden="true" />
                </tr>
              );
            }
            return (
              <GridRow
                key={app.id}
                app={app}
                row={row}
                accounts={accounts}
                colStart={colStart}
                colEnd={colEnd}
                byPair={byPair}
                liveFlows={liveFlows}
                starting={starting}
                setStarting={setStarting}
                now={now}
              />
            );
          })}
        </tbody>
      </table>
    </div>
    <ScrollCue scrollRef={scrollXRef} columns={accounts.length} />
    </div>
  );
}
