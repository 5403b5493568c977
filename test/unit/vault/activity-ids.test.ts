import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivityIdGenerator } from '../../../electron/backend/vault/activity-ids';

describe('activity ids', () => {
  it('strictly increase as strings for any clock, including one that steps back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 2, maxLength: 200 }), (times) => {
        let index = 0;
        const ids = new ActivityIdGenerator({ now: () => times[Math.min(index++, times.length - 1)]! });
        const made = times.map(() => ids.next());
        for (let i = 1; i < made.length; i += 1) expect(made[i]! > made[i - 1]!).toBe(true);
      }),
    );
  });

  it('sort after an observed id from an earlier run even when the clock is behind it', () => {
    const earlier = new ActivityIdGenerator({ now: () => 2_000_000 });
    const seen = earlier.next();
    const later = new ActivityIdGenerator({ now: () => 1_000 });
    later.observe(seen);
    expect(later.next() > seen).toBe(true);
  });

  it('are unique within a millisecond', () => {
    const ids = new ActivityIdGenerator({ now: () => 42 });
    const made = new Set(Array.from({ length: 1000 }, () => ids.next()));
    expect(made.size).toBe(1000);
  });
});
