import { describe, expect, it } from 'vitest';
import { FoldMap } from '../../../renderer/src/features/api-console/fold-map';

/** Reference: the visible real lines, listed one by one. */
function visible(collapsed: Map<number, number>, total: number): number[] {
  const out: number[] = [];
  for (let line = 0; line < total; line++) if (![...collapsed].some(([start, end]) => start < line && line <= end)) out.push(line);
  return out;
}

describe('FoldMap', () => {
  const cases: Array<[string, Map<number, number>]> = [
    ['nothing collapsed', new Map()],
    ['one range', new Map([[1, 12]])],
    ['two ranges', new Map([[2, 8], [13, 15]])],
    ['nested, outer collapsed', new Map([[4, 7], [2, 8], [13, 15]])],
    ['the root', new Map([[0, 16], [2, 8]])],
    ['a range ending on the last line', new Map([[9, 16]])],
  ];
  for (const [name, collapsed] of cases) {
    it(`maps rows and lines both ways: ${name}`, () => {
      const map = new FoldMap(collapsed, 17);
      const lines = visible(collapsed, 17);
      expect(map.visibleLines).toBe(lines.length);
      lines.forEach((line, row) => {
        expect(map.realLine(row)).toBe(line);
        expect(map.visualRow(line)).toBe(row);
      });
    });
  }

  it('maps a hidden line to its outermost opener and reveals it by dropping every range around it', () => {
    const map = new FoldMap(new Map([[4, 7], [2, 8], [13, 15]]), 17);
    expect(map.visualRow(5)).toBe(2);
    expect(map.visualRow(8)).toBe(2);
    expect([...map.revealing(5)!]).toEqual([[13, 15]]);
    expect(map.revealing(3)).toEqual(new Map([[4, 7], [13, 15]]));
    expect(map.revealing(10)).toBeNull();
    expect(map.revealing(2)).toBeNull();
  });
});
