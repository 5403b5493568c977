// The first paint: once the early answers (vault.status, installs.grid, asked by index.html's first
// script) are in, and when the first screen is the installs grid, draws into #root what React's
// first frame will draw (sidebar and the grid's first window), while React's ~250 KB are still
// being compiled and run. The copy is inert (no click is eaten by a dead button; Playwright waits
// for the real one) and React's first commit replaces it (createRoot empties its container then).
// When React is already there, or the first screen is anything else, it draws nothing.
import { GUESS_ROW_PX, GUESS_TALL_ROW_PX, initialWindow } from '../features/installs/grid-window';
import { HOME_HINT, HOME_TITLE, HOME_TITLE_ID } from '../features/home/home-text';
import { el } from './dom';
import { markFirstPaintClock } from './first-clock';
import { firstScreenGrid } from './first-screen';
import { gridDom } from './grid-dom';
import { sidebarDom } from './sidebar-dom';

/** Marks the early copy's root (with `inert`): tests and the bench tell it from React's. */
export const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';

export async function paintFirstScreen(): Promise<void> {
  const early = window.__workbenchEarly;
  if (!early) return;
  const [status, grid] = await Promise.all([early.status, early.grid]);
  // A change announced meanwhile is newer than the answer (the vault store does the same).
  const changed = early.changed();
  const screen = firstScreenGrid(changed ? { ok: true, value: changed } : status, grid);
  const root = document.getElementById('root');
  // React got there first: its frame stands.
  if (!screen || !root || root.firstChild) return;
  const { vault, data } = screen;
  const now = Date.now();
  const view = initialWindow(data.apps.length, data.accounts.length, { width: window.innerWidth, height: window.innerHeight }, data.hasUsers ? GUESS_TALL_ROW_PX : GUESS_ROW_PX);
  const panel = el(
    'section',
    { class: 'panel', 'aria-labelledby': HOME_TITLE_ID },
    el('header', { class: 'panel__header' }, el('h1', { id: HOME_TITLE_ID }, HOME_TITLE), el('span', { class: 'muted' }, HOME_HINT)),
    gridDom(data, view, now),
  );
  const shell = el('div', { class: 'shell', inert: '', [FIRST_PAINT_ATTRIBUTE]: '' }, sidebarDom(data.apps, data.accounts, vault), el('main', { class: 'main' }, panel));
  markFirstPaintClock(now);
  root.append(shell);
}
