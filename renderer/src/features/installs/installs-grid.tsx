// Apps × accounts, one cell per pair with its status; selecting a cell opens the install, or
// starts Connect when there is none. Production columns carry the warning colour.
// 50 apps × 20 accounts do not fit on a screen and 1,000 cells are slow to render, so the grid is
// windowed: every row and every column header is there (names, counts, and what screen readers
// announce stay whole), but only the cells in view plus a few around them are; the rest of a row is
// one empty cell spanning the missing columns, which keeps every cell's column index right.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView, AppView, FlowView, InstallSummary } from '../../../../electron/common/model';
import { installsByPair, newestInstalls } from '../../stores/catalog';
import { FINISHED_STEPS, useFlows } from '../../stores/flows';
import { installStatus } from '../../text/install-status';
import { userShortLabel } from '../../text/install-user';
import { navigate } from '../../stores/navigation';
import { useNow } from '../../hooks/use-now';
import { AccountName } from '../../components/account-name';
import { StatusBadge } from '../../components/status-badge';
import { startConnect } from '../connect/start-connect';
import { useGridWindow } from './use-grid-window';
import { useScrollCue } from './use-scroll-cue';
import './installs-grid.css';

interface Props {
  apps: AppView[];
  accounts: AccountView[];
  installs: InstallSummary[];
}

const pairKey = (appId: string, accountId: string) => `${appId}/${accountId}`;

export function InstallsGrid({ apps, accounts, installs }: Props) {
  if (apps.length === 0 || accounts.length === 0) {
    return <p className="muted">Add an app and an account to see their installs here.</p>;
  }
  return <Grid apps={apps} accounts={accounts} installs={installs} />;
}

/** The users with an install on this pair, newest first, each with its status and a link to it. */
function CellUsers({ name, installs, now }: { name: string; installs: InstallSummary[] | undefined; now: number }) {
  if (!installs || installs.every((install) => install.user === null)) return null;
  return (
    <ul className="cell-users" aria-label={`Users of ${name}`}>
      {installs.map((install) => {
        const { status } = installStatus(install, now);
        const who = userShortLabel(install.user);
        return (
          <li key={install.id}>
            <button type="button" className="cell-user" aria-label={`${who}: ${status}, open install`} onClick={() => navigate({ kind: 'install', id: install.id })}>
              {who} <span className={`cell-user__status cell-user__status--${status}`}>{status}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function Grid({ apps, accounts, installs }: Props) {
  const now = useNow(30_000);
  const flows = useFlows();
  const [starting, setStarting] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollXRef = useRef<HTMLDivElement>(null);
  const { window: view, focusCell } = useGridWindow(tableRef, scrollXRef, apps.length, accounts.length);
  const hiddenRight = useScrollCue(scrollXRef, accounts.length);

  // One pass over the installs (and the live flows) per change, not one per cell.
  const byPair = useMemo(() => newestInstalls(installs), [installs]);
  // Every user's install per pair (a token acts with its approving user's role: QA keeps several).
  const usersByPair = useMemo(() => installsByPair(installs), [installs]);
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
  const shownAccounts = accounts.slice(colStart, colEnd);

  // The first column stays put while the accounts scroll under it; a cue says more lie to the right.
  const scrollRight = () => {
    const box = scrollXRef.current;
    if (box) box.scrollBy({ left: Math.max(200, box.clientWidth - 240), behavior: 'smooth' });
  };

  return (
    <div className="grid-frame">
    <div className="grid-scroll" ref={scrollXRef}>
      <table className="grid grid--windowed" aria-label="Installs: apps by accounts" ref={tableRef} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th scope="col">App</th>
            {accounts.map((account, col) => (
              <th key={account.id} scope="col" data-col={col} className={account.kind === 'production' ? 'grid__col grid__col--production' : 'grid__col'}>
                <AccountName account={account} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {apps.map((app, row) => {
            const live = row >= view.rowStart && row < view.rowEnd && shownAccounts.length > 0;
            if (!live) {
              return (
                <tr key={app.id} className="grid__gap-row">
                  <th scope="row">{app.name}</th>
                  <td colSpan={accounts.length} className="grid__gap" aria-hidden="true" />
                </tr>
              );
            }
            return (
              <tr key={app.id} className="grid__row--live">
                <th scope="row">{app.name}</th>
                {colStart > 0 && <td colSpan={colStart} className="grid__gap" aria-hidden="true" />}
                {shownAccounts.map((account, index) => {
                  const col = colStart + index;
                  const key = pairKey(app.id, account.id);
                  const install = byPair.get(key);
                  const flow = install ? undefined : liveFlows.get(key);
                  const { status, detail } = flow ? { status: 'connecting' as const, detail: undefined } : installStatus(install, now);
                  const name = `${app.name} on ${account.label || account.subdomain}`;
                  return (
                    <td key={account.id} className={account.kind === 'production' ? 'grid__cell grid__cell--production' : 'grid__cell'}>
                      <button
                        type="button"
                        className="cell-button"
                        data-cell={`${row}:${col}`}
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
                      <CellUsers name={name} installs={usersByPair.get(key)} now={now} />
                    </td>
                  );
                })}
                {colEnd < accounts.length && <td colSpan={accounts.length - colEnd} className="grid__gap" aria-hidden="true" />}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    {hiddenRight > 0 && (
      <button type="button" className="grid-cue" onClick={scrollRight} aria-label={`${hiddenRight} more account${hiddenRight === 1 ? '' : 's'} to the right: scroll right`}>
        {hiddenRight} more →
      </button>
    )}
    </div>
  );
}
