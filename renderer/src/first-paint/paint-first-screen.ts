// The first paint: once the early answers (vault.status, installs.grid, asked by index.html's first
// script) are in, and when the first screen is the installs grid, draws into #root what React's
// first frame draws (sidebar, the grid's first window, the toasts' region), while React's ~250 KB
// are still being compiled and run. The copy is inert (no click is taken by a dead button;
// Playwright waits for the real one); React then adopts it (hydrateRoot in start-app.tsx: its
// first render finds every node where it would have put it, so nothing is created again or laid
// out twice) and lifts `inert` (AdoptFirstPaint). When React is there first, or the first screen
// is anything else, it draws nothing and React renders as usual.
import { GUESS_ROW_PX, GUESS_TALL_ROW_PX, initialWindow } from '../features/installs/grid-window';
import { HOME_HINT, HOME_TITLE, HOME_TITLE_ID } from '../features/home/home-text';
import { el } from './dom';
import { markFirstPaintClock } from './first-clock';
import { firstScreenGrid } from './first-screen';
import { gridDom } from './grid-dom';
import { sidebarDom } from './sidebar-dom';

/** Marks the early copy's root (with `inert`): tests and the bench tell it from React's. */
export const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';
/**
 * React waits this long at most for the painter to decide (the early answers usually come 30–60 ms
 * after navigation start); past it React renders as usual and the painter stands down.
 */
const DECISION_WAIT_MS = 300;

let decision: Promise<boolean> = Promise.resolve(false);
let stoodDown = false;

async function paint(): Promise<boolean> {
  const early = window.__workbenchEarly;
  if (!early) return false;
  const [status, grid] = await Promise.all([early.status, early.grid]);
  // A change announced meanwhile is newer than the answer (the vault store does the same).
  const changed = early.changed();
  const screen = firstScreenGrid(changed ? { ok: true, value: changed } : status, grid);
  const root = document.getElementById('root');
  // React got there first (it waited too long): its frame stands.
  if (!screen || !root || root.firstChild || stoodDown) return false;
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
  // App's toast region (components/toast-region.tsx), empty: React expects it after the screen.
  const toasts = el('div', { class: 'toasts', role: 'status', 'aria-live': 'polite', 'aria-label': 'Notifications' });
  markFirstPaintClock(now);
  root.append(shell, toasts);
  return true;
}

/** Starts the first paint (main.tsx, before importing React); safe without a bridge. */
export function paintFirstScreen(): void {
  decision = paint().catch(() => false);
}

/** Whether the first paint drew the screen, once it has decided (or stood down after the wait). */
export function firstPaintDecided(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      stoodDown = true;
      resolve(false);
    }, DECISION_WAIT_MS);
  });
  return Promise.race([decision, late]).finally(() => clearTimeout(timer));
}

/** React has adopted the copy: it is the app now (called from React's first commit). */
export function liftFirstPaint(): void {
  const shell = document.querySelector(`[${FIRST_PAINT_ATTRIBUTE}]`);
  shell?.removeAttribute('inert');
  shell?.removeAttribute(FIRST_PAINT_ATTRIBUTE);
}
