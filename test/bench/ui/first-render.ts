// Figure 4: navigation start → the installs grid painted with the 1,000 installs (performance.now()
// in the page is relative to navigation start). Each sample is a reload of the built renderer with
// the same backend, so it includes the page's script load, the first answers over the bridge and
// the first paint of the 51 × 21 grid: the first paint's inert copy (renderer/src/first-paint) when
// it draws, drawn without React. Beside it, so nobody takes that copy for a usable app: navigation
// start → the grid painted by React (nothing inert around it), i.e. interactive.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Backend } from '../../../electron/backend/create-backend';
import type { ReceivedItem } from '../../e2e/harness';
import { RENDERER_DIR } from '../../e2e/harness/start-harness';
import { errorReason, measured, notAvailable, ratioFigure, type Figure } from '../lib/figures';
import { repeat, summarize } from '../lib/stats';
import { armInteractionProbe, firstDataProbe, type Condition } from './page-probes';

// 15 reloads each side: the per-reload spread (page and static alike) is wide on a 2-core machine, and 7 left the medians ±10% apart between quiet runs.
const RUNS = 15;
const TIMEOUT = 20_000;

const STATIC_PAGE = 'bench-static-grid.html';

/**
 * The physical floor of the first render: the same Chromium painting the same grid from plain HTML
 * (the app's DOM right after its first render, scripts removed, the same stylesheet), so the ratio
 * says what the app's script, data loading and React add. Navigates back to the app afterwards.
 */
async function staticGridBaseline(page: Page): Promise<number[]> {
  const appUrl = page.url();
  const html = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
  const stripped = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, '');
  const file = join(RENDERER_DIR, STATIC_PAGE);
  await writeFile(file, stripped);
  try {
    await page.goto(new URL(STATIC_PAGE, appUrl).href, { waitUntil: 'load' });
    const samples = await repeat(RUNS, async () => {
      await page.reload({ waitUntil: 'load' });
      const handle = await page.waitForFunction(() => (window as Window & { __benchFirstData?: number | null }).__benchFirstData ?? null, undefined, { timeout: TIMEOUT, polling: 50 });
      return (await handle.jsonValue()) as number;
    });
    return samples;
  } finally {
    await rm(file, { force: true });
    await page.goto(appUrl, { waitUntil: 'load' });
    await page.locator('table.grid').first().waitFor({ timeout: TIMEOUT });
  }
}

type InteractionWindow = Window & { __benchInteraction?: { start: number | null; end: number | null } };

export const MAIN_SCREEN: Condition = {
  selectors: ['table.grid tbody tr', 'table.grid .cell-button[aria-label*="open install"]'],
  textIncludes: [],
  minCount: 50,
};

/** The same grid, React's: the first paint's copy is inert, so anything inside `[inert]` does not count. */
export const INTERACTIVE_SCREEN: Condition = { ...MAIN_SCREEN, notInside: '[inert]', key: '__benchInteractive' };

type ProbeTimes = Window & { __benchFirstData?: number | null; __benchInteractive?: number | null };

/** After a reload: when the grid was first painted (by whichever) and when React's grid was. */
export async function waitForFirstRender(page: Page, timeout: number): Promise<{ painted: number; interactive: number }> {
  const handle = await page
    .waitForFunction(
      () => {
        const w = window as ProbeTimes;
        return w.__benchFirstData != null && w.__benchInteractive != null ? { painted: w.__benchFirstData, interactive: w.__benchInteractive } : null;
      },
      undefined,
      { timeout, polling: 50 },
    )
    .catch(() => {
      throw new Error(`the main screen never showed the installs grid (table.grid, 50+ rows, an "open install" cell, painted by React) within ${timeout / 1000} s`);
    });
  return (await handle.jsonValue())!;
}

export const FIRST_PAINT_NOTE = 'painted = the frame after the grid with an install cell is in the DOM: the first paint\'s inert copy (renderer/src/first-paint, drawn from installs.grid without React) when it draws, React\'s otherwise; see the "grid interactive" row for React\'s';

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
  const input = { group: 'UI', name: 'first render: navigation start → grid painted with data', unit: 'ms' as const };
  const baselineInput = { group: 'UI', name: 'baseline: the same grid as a static HTML page, navigation start → painted', unit: 'ms' as const };
  const ratioInput = { group: 'UI', name: 'first render ÷ static page of the same grid (medians)', unit: '×' as const, goal: '≤ 1.5×', max: 1.5 };
  const interactiveInput = { group: 'UI', name: 'first render: navigation start → grid interactive (React mounted)', unit: 'ms' as const };
  try {
    await page.addInitScript(firstDataProbe, MAIN_SCREEN);
    await page.addInitScript(firstDataProbe, INTERACTIVE_SCREEN);
    const fcps: number[] = [];
    const interactive: number[] = [];
    const stamping = stampResults(received);
    const { stamps } = stamping;
    const arrivals: Record<string, number[]> = {};
    const samples = await repeat(RUNS, async (index) => {
      stamps.length = 0;
      await page.reload({ waitUntil: 'load' });
      const times = await waitForFirstRender(page, TIMEOUT);
      // Index < 0: repeat()'s warm-up, not a sample.
      if (index >= 0) interactive.push(times.interactive);
      const value = times.painted;
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      if (fcp !== null) fcps.push(fcp);
      const origin = await page.evaluate(() => performance.timeOrigin);
      for (const method of ['vault.status', 'installs.grid', 'installs.list']) {
        const stamp = stamps.find((candidate) => candidate.method === method);
        if (stamp) (arrivals[method] ??= []).push(stamp.at - origin);
      }
      return value;
    });
    stamping.stop();
    const baseline = await staticGridBaseline(page);
    const fcpNote = `; medians after navigation start: first contentful paint ${median(fcps)} ms, vault.status answered ${median(arrivals['vault.status'] ?? [])} ms, installs.grid (the grid's first answer) ${median(arrivals['installs.grid'] ?? [])} ms, installs.list (asked after the first paint) ${median(arrivals['installs.list'] ?? [])} ms (harness clock)`;
    const rendered = measured({ ...input, note: `reload of dist/renderer in headless Chromium, 1,000 installs + the first-run demo pair (51 apps × 21 accounts); ${FIRST_PAINT_NOTE}${fcpNote}` }, samples);
    const usable = measured({ ...interactiveInput, note: 'the same reloads: the frame after React\'s grid (no [inert] around it: the first paint\'s copy replaced) is in the DOM; clicks work from here' }, interactive);
    const base = measured({ ...baselineInput, note: `the rendered page's DOM (React's, once mounted) saved as ${STATIC_PAGE} next to index.html (scripts removed, same CSS), loaded from the same server; same probe` }, baseline);
    return [rendered, usable, base, ratioFigure(ratioInput, { label: 'first render', ms: rendered.summary!.median }, { label: 'static page', ms: base.summary!.median })];
  } catch (error) {
    const reason = errorReason(error);
    return [notAvailable(input, reason), notAvailable(interactiveInput, reason), notAvailable(baselineInput, reason), notAvailable(ratioInput, reason)];
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

type BridgeWindow = Window & { workbench: { invoke(method: string, input?: unknown): Promise<{ ok: boolean }> } };

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
        const listed = await api.invoke('installs.list');
        const t1 = performance.now();
        const status = await api.invoke('vault.status');
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
