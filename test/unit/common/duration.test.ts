// The one duration formatter, shared by the renderer's countdowns and the backend's readings.
import { describe, expect, it } from 'vitest';
import { formatDuration, relativeTime } from '../../../electron/common/duration';

describe('formatDuration / relativeTime', () => {
  it('says two units at most, leaves a zero second unit out, ignores the sign', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(-(3 * 60_000 + 2_000))).toBe('3 min 2 s');
    expect(formatDuration(3600_000)).toBe('1 h');
    expect(formatDuration(23 * 3600_000 + 59 * 60_000)).toBe('23 h 59 min');
    expect(formatDuration(2 * 86400_000 + 4 * 3600_000 + 59_000)).toBe('2 d 4 h');
  });

  it('puts "in" before the future and "ago" after the past; under a second is now', () => {
    expect(relativeTime(10_000 + 90_000, 10_000)).toBe('in 1 min 30 s');
    expect(relativeTime(0, 7200_000)).toBe('2 h ago');
    expect(relativeTime(500, 0)).toBe('now');
  });
});
