// Functions that run INSIDE the renderer page (serialised by Playwright): they take times with the
// page's own clock, so IPC to Playwright never lands in a figure. "Painted" = the frame after the
// DOM change: a requestAnimationFrame callback, then a message task, which runs after that frame.
// They only read the DOM; the renderer is not changed for the bench.

export interface Condition {
  /** Every selector must match an element… */
  selectors: string[];
  /** …the first selector's text must contain each of these… */
  textIncludes: string[];
  /** …and at least this many elements must match the first selector. */
  minCount: number;
  /** Elements inside a match of this selector do not count (e.g. `[inert]`: the first paint's copy). */
  notInside?: string;
  /** Where the probe leaves its time on window (default `__benchFirstData`). */
  key?: string;
}

type ProbeWindow = Window & { __benchFirstData?: number | null; __benchInteraction?: { start: number | null; end: number | null } };

/** Init script: records, on window.__benchFirstData (or `condition.key`), when the condition is first painted after navigation start. */
export function firstDataProbe(condition: Condition): void {
  const w = window as unknown as Record<string, number | null>;
  const key = condition.key ?? '__benchFirstData';
  w[key] = null;
  const counted = (selector: string) => {
    const all = Array.from(document.querySelectorAll(selector));
    const outside = condition.notInside;
    return outside ? all.filter((element) => !element.closest(outside)) : all;
  };
  const met = () => {
    const [first, ...rest] = condition.selectors;
    if (!first) return false;
    const found = counted(first);
    if (found.length < condition.minCount) return false;
    const text = found[0]?.textContent ?? '';
    return condition.textIncludes.every((part) => text.includes(part)) && rest.every((selector) => counted(selector).length > 0);
  };
  const observer = new MutationObserver(() => {
    if (!met()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (w[key] = performance.now());
      channel.port2.postMessage(null);
    });
  });
  // `inert` lifted (React adopting the first paint's copy) changes no child: watched as well (one
  // observe call: a second on the same node would replace the first's options).
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  if (condition.notInside) Object.assign(options, { attributes: true, attributeFilter: ['inert'] });
  observer.observe(document, options);
}

/**
 * Arms a probe: from the next keydown of `key` (or the next click, when `key` is "click"), taken at
 * the event's own time, to the condition painted.
 */
export function armInteractionProbe(args: { key: string; condition: Condition }): void {
  const w = window as ProbeWindow;
  const state = { start: null as number | null, end: null as number | null };
  w.__benchInteraction = state;
  const { condition } = args;
  const met = () => {
    const [first, ...rest] = condition.selectors;
    if (!first) return false;
    const found = document.querySelectorAll(first);
    if (found.length < condition.minCount) return false;
    const text = found[0]?.textContent ?? '';
    return condition.textIncludes.every((part) => text.includes(part)) && rest.every((selector) => document.querySelector(selector) !== null);
  };
  const observer = new MutationObserver(() => {
    if (state.start === null || !met()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (state.end = performance.now());
      channel.port2.postMessage(null);
    });
  });
  const isClick = args.key === 'click';
  window.addEventListener(
    isClick ? 'click' : 'keydown',
    (event) => {
      if (state.start !== null) return;
      if (!isClick && (event as KeyboardEvent).key.toLowerCase() !== args.key.toLowerCase()) return;
      // The event's own time: when the key reached the page, before any handler ran.
      state.start = event.timeStamp;
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    { capture: true },
  );
}

/**
 * Scrolls `selector` to the end in about 300 jumps, one per frame (at least a viewport each: a
 * 50 MB answer is over a million lines), and returns the frame deltas (requestAnimationFrame to
 * requestAnimationFrame) seen on the way, plus the time it took.
 */
export function scrollToEndMeasuringFrames(selector: string): Promise<{ deltas: number[]; ms: number; steps: number; longestAt: number } | { error: string }> {
  const element = document.querySelector(selector);
  if (!(element instanceof HTMLElement)) return Promise.resolve({ error: `no element matches ${selector}` });
  return new Promise((resolve) => {
    const deltas: number[] = [];
    const start = performance.now();
    let last = start;
    let steps = 0;
    let settle = 0;
    const frame = (now: number) => {
      deltas.push(now - last);
      last = now;
      const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      if (atEnd) settle += 1;
      // A few frames after the end, so rows rendered for the last viewport are counted too.
      if (settle > 3 || now - start > 60_000) {
        const measured = deltas.slice(1);
        // Which jump the longest frame followed (1 = the first), to tell a first-time cost from a steady one.
        return resolve({ deltas: measured, ms: now - start, steps, longestAt: measured.indexOf(Math.max(...measured)) + 1 });
      }
      element.scrollTop += Math.max(element.clientHeight, Math.ceil(element.scrollHeight / 300));
      steps += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
