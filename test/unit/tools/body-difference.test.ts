// The first differing lines of two kept bodies (runs side by side).
import { describe, expect, it } from 'vitest';
import { COMPARED_LINES, compareLines } from '../../../renderer/src/features/runs/body-difference';

describe('compareLines', () => {
  it('finds the first differing line and shows a few from there', () => {
    const c = compareLines(['{', '  "a": 1,', '  "b": 2', '}'], ['{', '  "a": 9,', '  "b": 3', '}'], 4, 4);
    expect(c.firstDifference).toBe(1);
    expect(c.baseline).toEqual(['  "a": 1,', '  "b": 2', '}']);
    expect(c.other).toEqual(['  "a": 9,', '  "b": 3', '}']);
  });
  it('same bodies: no difference, compared whole', () => {
    expect(compareLines(['x'], ['x'], 1, 1)).toMatchObject({ firstDifference: null, whole: true });
  });
  it('one body longer: differs where the shorter ends', () => {
    const c = compareLines(['x'], ['x', 'y'], 1, 2);
    expect(c).toMatchObject({ firstDifference: 1, baseline: [], other: ['y'] });
  });
  it('same compared lines of longer bodies: not claimed to be the same whole', () => {
    const lines = Array.from({ length: COMPARED_LINES }, (_, i) => String(i));
    expect(compareLines(lines, lines, COMPARED_LINES + 5, COMPARED_LINES + 9)).toMatchObject({ firstDifference: null, whole: false });
  });
});
