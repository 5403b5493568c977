// Figure 6, UI part: the API console showing the 50 MB answer. The console's screen is built by
// another issue ([ui-tools]), so it is found by what a user sees (accessible names), not by class
// names: open the sandbox install (quick switcher), a control named "API console"/"Console", the
// path box, the Send button. Timed in the page from the Send click (event time) to the frame where
// the first ticket of the answer is in the page (the body is still arriving then), and to the
// complete line count; then the container that scrolls the answer is scrolled to the end, one jump
// per frame, and the longest frame is kept. Anything not found gives
// "n/a (what was missing)".
import type { Locator, Page } from 'playwright-core';
import type { ReceivedItem } from '../../e2e/harness';
import { stampResults } from './first-render';
import { armInteractionProbe, scrollToEndMeasuringFrames } from './page-probes';

const TIMEOUT = 15_000;
export const FIRST_TICKET_TEXT = '[fake] Benchmark ticket 1"';

export interface ConsoleUiTiming {
  /** Send click → first ticket painted. */
  visibleMs: number;
  /** Send click → the complete line count shown (no "still receiving…"), polled. */
  completeMs: number;
  /** Send click → the backend handed api.send's result to the bridge (null if not seen). */
  answeredMs: number | null;
  longestFrameMs: number;
  /** The jump (1-based) after which the longest frame came. */
  longestAt: number;
  /** Frames over 50 ms. */
  slowFrames: number;
  frames: number;
  scrollMs: number;
}

async function firstVisible(candidates: Locator[], what: string): Promise<Locator> {
  for (const candidate of candidates) {
    const first = candidate.first();
    if (await first.isVisible().catch(() => false)) return first;
  }
  throw new Error(`no ${what} on the page`);
}

async function openInstall(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const input = page.locator('input.switcher__input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill(query);
  await page.locator('#switcher-0').waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('section.install').waitFor({ timeout: TIMEOUT });
}

type InteractionWindow = Window & { __benchInteraction?: { start: number | null; end: number | null } };

export async function measureConsoleUi(page: Page, received: ReceivedItem[], sizeMb: number): Promise<ConsoleUiTiming> {
  await openInstall(page, 'demo app local sandbox install');
  const opener = await firstVisible(
    [
      page.getByRole('tab', { name: /api console|console/i }),
      page.getByRole('button', { name: /api console|open console|console/i }),
      page.getByRole('link', { name: /api console|console/i }),
    ],
    'control named "API console" (tab, button or link) in the install view',
  );
  await opener.click({ timeout: TIMEOUT });
  // The console's code is loaded on first use: wait for its heading before looking for its boxes.
  await page.getByRole('heading', { name: /API console/ }).waitFor({ timeout: TIMEOUT });
  const path = await firstVisible(
    [page.getByRole('textbox', { name: /path/i }), page.getByRole('combobox', { name: /path/i }), page.getByPlaceholder(/\/api\//i)],
    'path box (a textbox named "Path") in the API console',
  );
  await path.fill('/api/sandbox/large');
  const query = await firstVisible([page.getByRole('textbox', { name: /^query/i })], 'query box (a textbox named "Query") in the API console');
  await query.fill(`size_mb=${sizeMb}`);
  const send = await firstVisible([page.getByRole('button', { name: /^send/i })], '"Send" button in the API console');
  await page.evaluate(armInteractionProbe, { key: 'click', condition: { selectors: ['body'], textIncludes: [FIRST_TICKET_TEXT], minCount: 1 } });
  const stamping = stampResults(received);
  let visibleMs: number;
  try {
    await send.click({ timeout: TIMEOUT });
    const handle = await page
      .waitForFunction(
        () => {
          const state = (window as InteractionWindow).__benchInteraction;
          return state && state.start !== null && state.end !== null ? state.end - state.start : null;
        },
        undefined,
        { timeout: 60_000, polling: 50 },
      )
      .catch(() => {
        throw new Error(`the answer's first ticket ("${FIRST_TICKET_TEXT}") never appeared in the console within 60 s`);
      });
    visibleMs = (await handle.jsonValue()) as number;
  } finally {
    stamping.stop();
  }
  // The answer arrives behind its first screen: wait until the console shows the complete count.
  const completeMs = (await (
    await page.waitForFunction(
      () => {
        const state = (window as InteractionWindow).__benchInteraction;
        const total = document.querySelector('.json-view__total')?.textContent ?? '';
        return state?.start != null && /^[\d,]+ lines?/.test(total) && !total.includes('receiving') ? performance.now() - state.start : null;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    )
  ).jsonValue()) as number;
  const clickAt = await page.evaluate(() => performance.timeOrigin + ((window as InteractionWindow).__benchInteraction?.start ?? Number.NaN));
  const answered = stamping.stamps.find((stamp) => stamp.method === 'api.send');
  const answeredMs = answered && Number.isFinite(clickAt) ? answered.at - clickAt : null;

  // The answer's scroll container: the region named "Response body", else the scrollable element
  // holding the first ticket with the most to scroll.
  const region = page.getByRole('region', { name: /response body/i }).first();
  if (await region.isVisible().catch(() => false)) await region.evaluate((element) => element.setAttribute('data-bench-scroll', ''));
  const tagged = await page.evaluate((marker) => {
    if (document.querySelector('[data-bench-scroll]')) return true;
    let best: HTMLElement | null = null;
    for (const element of document.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (!/(auto|scroll)/.test(style.overflowY) || element.scrollHeight <= element.clientHeight) continue;
      if (!(element.textContent ?? '').includes(marker)) continue;
      if (!best || element.scrollHeight > best.scrollHeight) best = element;
    }
    best?.setAttribute('data-bench-scroll', '');
    return best !== null;
  }, FIRST_TICKET_TEXT);
  if (!tagged) throw new Error('no scrollable element holds the answer');
  const scrolled = await page.evaluate(scrollToEndMeasuringFrames, '[data-bench-scroll]');
  if ('error' in scrolled) throw new Error(scrolled.error);
  return { visibleMs, completeMs, answeredMs, longestFrameMs: Math.max(...scrolled.deltas), longestAt: scrolled.longestAt, slowFrames: scrolled.deltas.filter((delta) => delta > 50).length, frames: scrolled.deltas.length, scrollMs: scrolled.ms };
}
