// Figure 4: navigation start → the installs grid painted with the 1,000 installs (performance.now()
// in the page is relative to navigation start). Each sample is a reload of the built renderer with
// the same backend, so it includes the page's script load, the vault/app/account/install lists over
// the bridge and React's first render of the 51 × 21 grid.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Backend } from '../../../electron/backend/create-backend';
import type { ReceivedItem } from '../../e2e/harness';
import { errorReason, measured, notAvailable, type Figure } from '../lib/figures';
import { repeat, summarize } from '../lib/stats';
import { armInteractionProbe, firstDataProbe, type Condition } from './page-probes';

const RUNS = 7;
const TIMEOUT = 20_000;

type InteractionWindow = Window & { __benchInteraction?: { start: number | null; end: number | null } };

export const MAIN_SCREEN: Condition = {
  selectors: ['table.grid tbody tr', 'table.grid .cell-button[aria-label*="open install"]'],
  textIncludes: [],
  minCount: 50,
};

/**
 * Wall-clock times (ms since epoch) at which the harness handed each method's result back to the
 * page, taken by wrapping the harness's `received` log; compared with the page's timeOrigin they
 * say when the data arrived during a first render.
 */
export function stampResults(received: ReceivedItem[]): { stamps: Array<{ method: string; at: number }>; stop(): void } {
  const stamps: Array<{ method: string; at: number }> = [];
  const push = received.push;
  received.push = (...items: ReceivedItem[]) => {
    for (const item of items) if (item.kind === 'result' && item.method) stamps.push({ method: item.method, at: Date.now() });
    return push.apply(received, items);
  };
  return { stamps, stop: () => void (received.push = push) };
}

const median = (values: number[]) => (values.length > 0 ? summarize(values).median.toFixed(0) : '?');

export async function benchFirstRender(page: Page, received: ReceivedItem[]): Promise<Figure[]> {
  const input = { group: 'UI', name: 'first render: navigation start → grid painted with data', unit: 'ms' as const, goal: '≤ 150 ms', max: 150 };
  try {
    await page.addInitScript(firstDataProbe, MAIN_SCREEN);
    const fcps: number[] = [];
    const stamping = stampResults(received);
    const { stamps } = stamping;
    const arrivals: Record<string, number[]> = {};
    const samples = await repeat(RUNS, async () => {
      stamps.length = 0;
      await page.reload({ waitUntil: 'load' });
      const handle = await page
        .waitForFunction(() => (window as Window & { __benchFirstData?: number | null }).__benchFirstData ?? null, undefined, { timeout: TIMEOUT, polling: 50 })
        .catch(() => {
          throw new Error('the main screen never showed the installs grid (table.grid, 50+ rows, an "open install" cell) within 20 s');
        });
      const value = (await handle.jsonValue()) as number;
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      if (fcp !== null) fcps.push(fcp);
      const origin = await page.evaluate(() => performance.timeOrigin);
      for (const method of ['vault.status', 'installs.list']) {
        const stamp = stamps.find((candidate) => candidate.method === method);
        if (stamp) (arrivals[method] ??= []).push(stamp.at - origin);
      }
      return value;
    });
    stamping.stop();
    const fcpNote = `; medians after navigation start: first contentful paint ("Opening the vault…") ${median(fcps)} ms, vault.status answered ${median(arrivals['vault.status'] ?? [])} ms, installs.list answered ${median(arrivals['installs.list'] ?? [])} ms (harness clock)`;
    return [measured({ ...input, note: `reload of dist/renderer in headless Chromium, 1,000 installs + the first-run demo pair (51 apps × 21 accounts); painted = frame after the grid with an install cell is in the DOM${fcpNote}` }, samples)];
  } catch (error) {
    return [notAvailable(input, errorReason(error))];
  }
}

/**
 * Diagnostic for the first render: the grid mounted again with every list already in the renderer
 * (an account's page, then the sidebar's Installs button): React's render and the browser's
 * layout and paint of the grid, without script loading or the bridge.
 */
export async function benchGridRender(page: Page): Promise<Figure[]> {
  const input = { group: 'UI', name: 'grid re-render: Installs button → grid painted (lists already loaded)', unit: 'ms' as const };
  try {
    const samples = await repeat(RUNS, async () => {
      await page.locator('nav .sidebar__list button').first().click({ timeout: TIMEOUT });
      await page.locator('table.grid').waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.evaluate(armInteractionProbe, { key: 'click', condition: MAIN_SCREEN });
      await page.getByRole('button', { name: 'Installs', exact: true }).click({ timeout: TIMEOUT });
      const handle = await page.waitForFunction(
        () => {
          const state = (window as InteractionWindow).__benchInteraction;
          return state && state.start !== null && state.end !== null ? state.end - state.start : null;
        },
        undefined,
        { timeout: TIMEOUT, polling: 20 },
      );
      return (await handle.jsonValue()) as number;
    });
    return [measured({ ...input, note: 'the render share of the first render: same grid, data already in the renderer\'s store' }, samples)];
  } catch (error) {
    return [notAvailable(input, errorReason(error))];
  }
}

type BridgeWindow = Window & { workbench: { installs: { list(): Promise<{ ok: boolean }> }; vault: { status(): Promise<{ ok: boolean }> } } };

/**
 * Diagnostic for the first render: what the harness's bridge (a Playwright binding, not Electron's
 * IPC) costs per call, for the biggest list and the smallest call, next to the backend's own time.
 */
export async function benchBridgeCost(page: Page, backend: Backend): Promise<Figure[]> {
  const listInput = { group: 'UI', name: 'harness bridge: installs.list round trip from the page', unit: 'ms' as const };
  const statusInput = { group: 'UI', name: 'harness bridge: vault.status round trip from the page', unit: 'ms' as const };
  try {
    const nodeTimes: number[] = [];
    let bytes = 0;
    const lists: number[] = [];
    const statuses = await repeat(RUNS, async () => {
      const start = performance.now();
      const list = await backend['installs.list'](undefined);
      nodeTimes.push(performance.now() - start);
      bytes = JSON.stringify(list).length;
      const timing = await page.evaluate(async () => {
        const api = (window as unknown as BridgeWindow).workbench;
        const t0 = performance.now();
        const listed = await api.installs.list();
        const t1 = performance.now();
        const status = await api.vault.status();
        const t2 = performance.now();
        return { list: t1 - t0, status: t2 - t1, ok: listed.ok && status.ok };
      });
      if (!timing.ok) throw new Error('installs.list or vault.status failed through the bridge');
      lists.push(timing.list);
      return timing.status;
    });
    return [
      measured({ ...listInput, note: `${(bytes / 1024).toFixed(0)} KB of JSON; the backend itself answers in ${median(nodeTimes)} ms: the rest is the harness's transport (Playwright serialisation), which Electron's IPC does not have` }, lists.slice(-RUNS)),
      measured({ ...statusInput, note: 'the fixed cost of one call through the harness' }, statuses),
    ];
  } catch (error) {
    const reason = errorReason(error);
    return [notAvailable(listInput, reason), notAvailable(statusInput, reason)];
  }
}
