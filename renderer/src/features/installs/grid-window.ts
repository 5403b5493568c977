// Which rows and columns of the installs grid are worth rendering: the ones in view plus a few
// around them (overscan), so scrolling and Tab reach rendered cells before they show. Pure
// arithmetic on measured positions; the hook in use-grid-window.ts does the measuring.

/** Half-open ranges [rowStart, rowEnd) × [colStart, colEnd). */
export interface GridWindow {
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

export const ROW_OVERSCAN = 4;
export const COL_OVERSCAN = 2;
/**
 * Before anything is measured, from the styles (layout.css, installs-grid.css): a row is about this
 * tall, a column at least this wide; the grid's cells start about this far from the window's left
 * (sidebar 230, paddings, the app column) and top (title, header row), and the panel is at most
 * 1100 px wide. Only a first guess: the measure right after the first render corrects it (and
 * renders again only if it fell short), but a good guess renders no cell the screen cannot show.
 */
export const GUESS_ROW_PX = 32;
/** A row whose cells list their users under the status (installs-grid.css). */
export const GUESS_TALL_ROW_PX = 50;
export const GUESS_COL_PX = 185;
export const GUESS_CELLS_LEFT_PX = 230 + 16 + 17 + 130;
export const GUESS_CELLS_TOP_PX = 110;
export const GUESS_CELLS_MAX_WIDTH_PX = 1100 - 34 - 130;

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/** The first window, before layout: from the top-left corner, as much as the screen could show. */
export function initialWindow(rows: number, cols: number, screen: { width: number; height: number }, rowPx = GUESS_ROW_PX): GridWindow {
  const height = Math.max(0, screen.height - GUESS_CELLS_TOP_PX);
  const width = Math.max(0, Math.min(screen.width - GUESS_CELLS_LEFT_PX, GUESS_CELLS_MAX_WIDTH_PX));
  return {
    rowStart: 0,
    rowEnd: clamp(Math.ceil(height / rowPx) + ROW_OVERSCAN, rows),
    colStart: 0,
    colEnd: clamp(Math.ceil(width / GUESS_COL_PX) + COL_OVERSCAN, cols),
  };
}

/** Rows in view: `top`/`bottom` are the viewport's edges measured from the first body row's top. */
export function rowsInView(rows: number, rowHeight: number, top: number, bottom: number): [number, number] {
  const height = Math.max(1, rowHeight);
  return [clamp(Math.floor(top / height), rows), clamp(Math.ceil(bottom / height), rows)];
}

/** Columns in view, from each column's left edge and width (in the same coordinates as left/right). */
export function colsInView(columns: ReadonlyArray<{ left: number; width: number }>, left: number, right: number): [number, number] {
  let start = columns.length;
  let end = 0;
  columns.forEach((column, index) => {
    if (column.left + column.width > left && column.left < right) {
      start = Math.min(start, index);
      end = Math.max(end, index + 1);
    }
  });
  return start < end ? [start, end] : [0, 0];
}

/**
 * The window to render for what is in view: unchanged while the current one still covers the view
 * and is not much bigger than needed (no re-render on every scroll pixel), otherwise the view plus
 * overscan.
 */
export function nextWindow(current: GridWindow, view: GridWindow, rows: number, cols: number): GridWindow {
  const wanted: GridWindow = {
    rowStart: clamp(view.rowStart - ROW_OVERSCAN, rows),
    rowEnd: clamp(view.rowEnd + ROW_OVERSCAN, rows),
    colStart: clamp(view.colStart - COL_OVERSCAN, cols),
    colEnd: clamp(view.colEnd + COL_OVERSCAN, cols),
  };
  const covers =
    current.rowStart <= view.rowStart && current.rowEnd >= view.rowEnd && current.colStart <= view.colStart && current.colEnd >= view.colEnd;
  const tight =
    current.rowEnd - current.rowStart <= wanted.rowEnd - wanted.rowStart + 2 * ROW_OVERSCAN &&
    current.colEnd - current.colStart <= wanted.colEnd - wanted.colStart + 2 * COL_OVERSCAN;
  return covers && tight ? current : wanted;
}

/** The window grown to include one cell (the one Tab is about to focus). */
export function withCell(current: GridWindow, row: number, col: number): GridWindow {
  return {
    rowStart: Math.min(current.rowStart, row),
    rowEnd: Math.max(current.rowEnd, row + 1),
    colStart: Math.min(current.colStart, col),
    colEnd: Math.max(current.colEnd, col + 1),
  };
}
