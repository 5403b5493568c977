// Collapsed ranges of the body view and the mapping between visual rows and real line numbers.
// Sized by the number of collapsed ranges, never by the line count: a 1.5 M-line body folds without
// any per-line array. Lines are 0-based; a range hides lines start+1..end (the opener stays).

export interface FoldRange {
  start: number;
  end: number;
}

export class FoldMap {
  /** Outermost collapsed ranges, sorted by start; nested collapsed ones are hidden inside them. */
  readonly #outer: FoldRange[];
  /** #hiddenThrough[k]: lines hidden by #outer[0..k]. */
  readonly #hiddenThrough: number[];
  readonly visibleLines: number;

  /** `collapsed`: every collapsed range by its start, nested ones included (kept so they reopen folded). */
  constructor(
    readonly collapsed: ReadonlyMap<number, number>,
    readonly totalLines: number,
  ) {
    const sorted = [...collapsed].map(([start, end]) => ({ start, end })).sort((a, b) => a.start - b.start);
    this.#outer = [];
    for (const range of sorted) {
      const last = this.#outer[this.#outer.length - 1];
      if (!last || range.start > last.end) this.#outer.push(range);
    }
    this.#hiddenThrough = [];
    let hidden = 0;
    for (const range of this.#outer) {
      hidden += range.end - range.start;
      this.#hiddenThrough.push(hidden);
    }
    this.visibleLines = totalLines - hidden;
  }

  /** The real line shown on visual row `row`. */
  realLine(row: number): number {
    // The last outer range whose opener sits above this row: every line it hides comes before the row.
    let low = 0;
    let high = this.#outer.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const visualStart = this.#outer[mid]!.start - (mid > 0 ? this.#hiddenThrough[mid - 1]! : 0);
      if (visualStart < row) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found === -1 ? row : row + this.#hiddenThrough[found]!;
  }

  /** The visual row of a real line (a hidden line maps to its outermost opener's row). */
  visualRow(line: number): number {
    let low = 0;
    let high = this.#outer.length - 1;
    let found = -1;
    // The last outer range starting before the line.
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.#outer[mid]!.start < line) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found === -1) return line;
    const range = this.#outer[found]!;
    const before = found > 0 ? this.#hiddenThrough[found - 1]! : 0;
    if (line <= range.end) return range.start - before;
    return line - this.#hiddenThrough[found]!;
  }

  isCollapsed(line: number): boolean {
    return this.collapsed.has(line);
  }

  /** The collapsed ranges without those hiding `line` (so a search match can be shown). */
  revealing(line: number): Map<number, number> | null {
    let changed = false;
    const next = new Map(this.collapsed);
    for (const [start, end] of this.collapsed) {
      if (start < line && line <= end) {
        next.delete(start);
        changed = true;
      }
    }
    return changed ? next : null;
  }
}
