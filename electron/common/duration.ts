// Durations as people read them ("3 h 12 min", "45 s", "2 d 4 h", "1 h"), for the renderer's countdowns and
// the backend's readings (token inspector, diagnostics): one formatter, so both say the same thing.

/** The length of a span, sign ignored: the caller says "in" or "ago". */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  // Two units at most, and a zero second unit is left out ("1 h", not "1 h 0 min").
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string) => (small > 0 ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`);
  if (days > 0) return pair(days, 'd', hours, 'h');
  if (hours > 0) return pair(hours, 'h', minutes, 'min');
  if (minutes > 0) return pair(minutes, 'min', seconds, 's');
  return `${seconds} s`;
}

/** "in 23 h 59 min", "3 min 2 s ago", "now". */
export function relativeTime(atMs: number, nowMs: number): string {
  const diff = atMs - nowMs;
  if (Math.abs(diff) < 1000) return 'now';
  return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(diff)} ago`;
}
