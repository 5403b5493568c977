// Measures the installs grid against its two scrollers (the grid's own horizontal one and the
// main pane's vertical one) and keeps the rendered window in step with them.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { colsInView, GUESS_ROW_PX, GUESS_TALL_ROW_PX, initialWindow, nextWindow, rowsInView, withCell, type GridWindow } from './grid-window';

/** The nearest ancestor that scrolls vertically (the main pane), or null for the page itself. */
function verticalScroller(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}

export interface GridWindowState {
  window: GridWindow;
  /** Renders the cell (button[data-cell="row:col"]) if needed and focuses it. */
  focusCell: (row: number, col: number) => void;
}

/**
 * `tallRows`: cells list their users (a second line), so a row is about GUESS_TALL_ROW_PX high: the
 * first window, rendered before anything can be measured, then fits the screen and the measure
 * after it keeps it (a guess too big would render twice the cells, then render again to drop them).
 */
export function useGridWindow(tableRef: RefObject<HTMLTableElement | null>, scrollXRef: RefObject<HTMLDivElement | null>, rows: number, cols: number, tallRows = false): GridWindowState {
  const [window_, setWindow] = useState<GridWindow>(() => initialWindow(rows, cols, { width: window.innerWidth, height: window.innerHeight }, tallRows ? GUESS_TALL_ROW_PX : GUESS_ROW_PX));
  const current = useRef(window_);
  current.current = window_;

  const measure = useCallback(() => {
    const table = tableRef.current;
    const scrollX = scrollXRef.current;
    const body = table?.tBodies[0];
    if (!table || !scrollX || !body) return;
    // Rows: taken as one height, the rendered rows' average (a row whose cells list no user is
    // shorter; gap rows are given that height below).
    const liveRows = body.querySelectorAll<HTMLTableRowElement>('tr.grid__row--live');
    let total = 0;
    for (const row of liveRows) total += row.offsetHeight;
    const rowHeight = liveRows.length > 0 ? Math.round(total / liveRows.length) : 0;
    // What is visible is the intersection of the scrollers with the window (a pane taller than
    // the window is scrolled by the page).
    const scroller = verticalScroller(table)?.getBoundingClientRect();
    const viewTop = Math.max(scroller?.top ?? 0, 0);
    const viewBottom = Math.min(scroller?.bottom ?? window.innerHeight, window.innerHeight);
    const bodyTop = body.getBoundingClientRect().top;
    const [rowStart, rowEnd] = rowsInView(rows, rowHeight || 30, viewTop - bodyTop, viewBottom - bodyTop);
    // Columns: the header row is always whole, so its cells give every column's place.
    const headers = Array.from(table.tHead?.querySelectorAll<HTMLTableCellElement>('th[data-col]') ?? []);
    const columns = headers.map((th) => ({ left: th.offsetLeft, width: th.offsetWidth }));
    const box = scrollX.getBoundingClientRect();
    const visibleWidth = Math.max(0, Math.min(box.right, window.innerWidth) - Math.max(box.left, 0));
    const [colStart, colEnd] = colsInView(columns, scrollX.scrollLeft, scrollX.scrollLeft + visibleWidth);
    // Writes after every read, so reading forces one layout, not one per write. Each gap row gets
    // the height itself (a variable set on the table would restyle every cell in it: custom
    // properties are inherited), and only when the stylesheet's guess is off by more than 2 px: a
    // write means laying the table out again before the first paint, and rowsInView's overscan
    // absorbs a pixel or two per row.
    if (rowHeight > 0) {
      const height = `${rowHeight}px`;
      const gaps = Array.from(body.querySelectorAll<HTMLTableRowElement>('tr.grid__gap-row'));
      const unstyled = gaps.find((gap) => !gap.style.height);
      const guessOff = unstyled !== undefined && Math.abs(unstyled.offsetHeight - rowHeight) > 2; // read before any write
      for (const gap of gaps) if (gap.style.height !== height && (gap.style.height || guessOff)) gap.style.setProperty('height', height);
    }
    const next = nextWindow(current.current, { rowStart, rowEnd, colStart, colEnd }, rows, cols);
    if (next !== current.current) setWindow(next);
  }, [tableRef, scrollXRef, rows, cols]);

  // A cell Tab moves to is focused first (which scrolls it into view), then the window is measured
  // from the new scroll position; the other order would drop the cell before it gets focus.
  const pendingFocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    const button = tableRef.current?.querySelector<HTMLButtonElement>(`button[data-cell="${pendingFocus.current}"]`);
    pendingFocus.current = null;
    button?.focus();
  });
  // After every render: the first one corrects the guess, later ones follow size changes.
  useLayoutEffect(measure);

  useLayoutEffect(() => {
    // Scroll events do not bubble but can be caught on the way down: one listener for the grid's
    // scroller, the main pane and the page, whichever moves.
    const onChange = () => measure();
    document.addEventListener('scroll', onChange, { capture: true, passive: true });
    window.addEventListener('resize', onChange);
    return () => {
      document.removeEventListener('scroll', onChange, { capture: true });
      window.removeEventListener('resize', onChange);
    };
  }, [measure]);

  const focusCell = useCallback((row: number, col: number) => {
    pendingFocus.current = `${row}:${col}`;
    setWindow((previous) => withCell(previous, row, col));
  }, []);
  return { window: window_, focusCell };
}
