// Runs a task once the frame showing the current DOM has been produced: a task queued from a frame
// callback runs after that frame. A hidden window or tab has no frames, so a timer runs it anyway
// after `fallbackMs`. Used where work must not hold back a first frame (the full lists after the
// grid's first answer; React adopting the first paint's copy).
export function afterNextPaint(task: () => void, fallbackMs = 200): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, fallbackMs);
}
