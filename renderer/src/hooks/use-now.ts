// A clock that ticks, for countdowns and "time left": one interval per component that shows time.
import { useEffect, useState } from 'react';

/** `start`: the first reading (the first paint's time for the grid it painted early); Date.now() by default. */
export function useNow(intervalMs = 1000, start: () => number = Date.now): number {
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
