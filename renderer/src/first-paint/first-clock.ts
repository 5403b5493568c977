// The time the first paint computed its "… left" texts with. React's grid starts its clock from it
// (once), so its first frame says what the early DOM said, even across a second boundary.
let paintedAt: number | null = null;

export function markFirstPaintClock(now: number): void {
  paintedAt = now;
}

/** The first paint's time the first time it is asked for after an early paint; now otherwise. */
export function takeFirstPaintClock(): number {
  const now = paintedAt ?? Date.now();
  paintedAt = null;
  return now;
}
