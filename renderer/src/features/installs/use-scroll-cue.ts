// How many account columns lie (wholly or partly) beyond the right edge of the grid's scroll box,
// kept current on scroll and resize, so the grid can say that more accounts are to the right.
import { useEffect, useState, type RefObject } from 'react';

export function useScrollCue(scrollRef: RefObject<HTMLDivElement | null>, columnCount: number): number {
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return undefined;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const right = box.getBoundingClientRect().right;
      let count = 0;
      for (const header of box.querySelectorAll<HTMLElement>('th[data-col]')) if (header.getBoundingClientRect().right > right + 1) count += 1;
      setHidden(count);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    // From the next frame: measuring now would lay the grid out a second time before its first
    // paint (the grid's own measure has just changed the gap rows), for a cue that can wait a frame.
    schedule();
    box.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(box);
    return () => {
      box.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef, columnCount]);
  return hidden;
}
