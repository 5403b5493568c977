// The first paint (renderer/src/first-paint): on a big vault the main screen is drawn from the early
// answers before React runs, inert, then React adopts it (hydrateRoot) and lifts `inert`. React's
// code (the start-app chunk) is held back by the test, so the early copy can be read alone: it must
// show what React then shows, node for node (same text, names, classes; a status text computed
// differently fails here, and React would throw the copy away: its nodes must survive), a
// click made while it is on screen must reach React's cell, and a vault whose first screen is not
// the grid (first run, weak protection's banner, locked) must get no early grid at all.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigVault } from '../../bench/generators/write-big-vault';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { UI_TIMEOUT } from './ui-steps';

const SCREENSHOTS = '/tmp/first-paint';
const EARLY = '.shell[data-first-paint]';
const REACT = '.shell:not([data-first-paint])';

type SeenWindow = Window & { __firstPaintSeen?: boolean };

/** Init script: remembers whether an early copy was ever in the DOM. */
function watchForFirstPaint(): void {
  const w = window as SeenWindow;
  w.__firstPaintSeen = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-first-paint]')) w.__firstPaintSeen = true;
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Holds React's code (the start-app chunk and its preload) until `release()`. */
async function holdReact(page: Page): Promise<{ release(): Promise<void> }> {
  const START_APP = /\/assets\/start-app-[^/]*\.js$/;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held: Array<Promise<void>> = [];
  const handler = (route: Route) => {
    const passed = gate.then(() => route.continue());
    held.push(passed);
    return passed;
  };
  await page.route(START_APP, handler);
  return {
    async release() {
      open();
      // The held requests go on first; later loads are not held.
      await Promise.all(held);
      await page.unroute(START_APP, handler);
    },
  };
}

/**
 * In the page: a screen's parts as text, for comparison: each element's tag, classes and the
 * attributes a person or a screen reader meets, then its own text. Left out: `style` (React's
 * measure may size gap rows), the scroll cue (React adds it from the frame after), the marker.
 */
function describeShell(selector: string): { sidebar: string; main: string; sidebarText: string; gridText: string } {
  const KEPT = ['class', 'aria-label', 'aria-current', 'aria-hidden', 'aria-labelledby', 'id', 'scope', 'colspan', 'data-cell', 'data-col', 'type', 'title', 'disabled'];
  const walk = (node: Node, depth: number, out: string[]) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent) out.push(`${'  '.repeat(depth)}"${node.textContent}"`);
      return;
    }
    if (!(node instanceof Element) || node.classList.contains('grid-cue')) return;
    const attrs = KEPT.filter((name) => node.hasAttribute(name)).map((name) => `${name}=${node.getAttribute(name)}`);
    out.push(`${'  '.repeat(depth)}<${node.tagName.toLowerCase()} ${attrs.join(' ')}>`);
    node.childNodes.forEach((child) => walk(child, depth + 1, out));
  };
  const shell = document.querySelector(selector)!;
  const text = (part: Element | null) => {
    const out: string[] = [];
    if (part) walk(part, 0, out);
    // Text nodes as they are: React adopts this DOM only where each node is where it would put it.
    return out.join('\n');
  };
  const sidebar = shell.querySelector('nav.sidebar');
  const main = shell.querySelector('main.main');
  const grid = shell.querySelector('table.grid') as HTMLElement | null;
  return { sidebar: text(sidebar), main: text(main), sidebarText: (sidebar as HTMLElement).innerText, gridText: grid?.innerText ?? '' };
}

describe('the first paint on a big vault', () => {
  let harness: Harness;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'workbench-e2e-first-paint-'));
    // Expiries around now, so cells say "… left" (the clock both paints share).
    await writeBigVault(dataDir, { activityEntries: 0, nowMs: Date.now() });
    harness = await startHarness({ dataDir, viewport: { width: 1280, height: 800 } });
    await harness.page.addInitScript(watchForFirstPaint);
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await closeSharedBrowser();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('draws, before React runs, the sidebar and grid React then draws, inert, and React adopts it', async () => {
    const { page } = harness;
    // One instant for both loads below, so their "… left" texts are comparable.
    await page.clock.setFixedTime(Date.now());
    const react = await holdReact(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator(`${EARLY} table.grid .cell-button`).first().waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    await page.screenshot({ path: `${SCREENSHOTS}/early.png` });
    const early = await page.evaluate(describeShell, EARLY);
    expect(await page.locator(EARLY).getAttribute('inert')).toBe('');
    // Only the first window's cells, not 1,000.
    const cells = await page.locator(`${EARLY} .cell-button`).count();
    expect(cells).toBeGreaterThan(20);
    expect(cells).toBeLessThan(300);
    expect(early.gridText).toMatch(/ left/);
    // Marks on the early nodes: React adopting them keeps them; React drawing its own would not.
    await page.evaluate((selector) => {
      for (const node of document.querySelectorAll(`${selector} table.grid, ${selector} nav.sidebar, ${selector} .cell-button`)) (node as Element & { earlyNode?: boolean }).earlyNode = true;
    }, EARLY);

    await react.release();
    await page.locator(`${REACT} table.grid .cell-button`).first().waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator(EARLY).count()).toBe(0);
    expect(await page.locator('[inert]').count()).toBe(0);
    const adopted = await page.evaluate(() => ['table.grid', 'nav.sidebar', '.cell-button'].map((selector) => (document.querySelector(selector) as (Element & { earlyNode?: boolean }) | null)?.earlyNode === true));
    expect(adopted).toEqual([true, true, true]);
    // No hydration error (React says so on the console), only the meta CSP's note every load has.
    expect(harness.consoleErrors.filter((message) => !message.includes("'frame-ancestors' is ignored"))).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/react.png` });
    const after = await page.evaluate(describeShell, REACT);
    expect(after.sidebarText).toBe(early.sidebarText);
    expect(after.gridText).toBe(early.gridText);
    expect(after.sidebar).toBe(early.sidebar);
    expect(after.main).toBe(early.main);

    // React adopting a node does not correct its attributes: what React draws by itself, with no
    // first paint (index.html's first script refused, so nothing is asked early), must be the same.
    const refuseEarly = (route: Route) => route.abort();
    await page.route(/\/assets\/early-questions-[^/]*\.js$/, refuseEarly);
    try {
      await page.reload({ waitUntil: 'load' });
      await page.locator(`${REACT} table.grid .cell-button`).first().waitFor({ timeout: UI_TIMEOUT });
      expect(await page.evaluate(() => (window as SeenWindow).__firstPaintSeen)).toBe(false);
      const alone = await page.evaluate(describeShell, REACT);
      expect(alone.sidebar).toBe(early.sidebar);
      expect(alone.main).toBe(early.main);
    } finally {
      await page.unroute(/\/assets\/early-questions-[^/]*\.js$/, refuseEarly);
    }
    expect(harness.pageErrors).toEqual([]);
  });

  it('a click on a cell while the early copy is on screen opens the install once React is there', async () => {
    const { page } = harness;
    const react = await holdReact(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    const cell = page.locator('table.grid .cell-button[aria-label$=", open install"]').first();
    await page.locator(`${EARLY} .cell-button`).first().waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    const name = (await cell.getAttribute('aria-label'))!.replace(/: [^:]*$/, '');
    let clicked = false;
    const click = cell.click({ timeout: UI_TIMEOUT }).then(() => (clicked = true));
    // Playwright waits: an inert button does not take the click.
    await page.waitForTimeout(300);
    expect(clicked).toBe(false);
    await react.release();
    await click;
    await page.getByRole('heading', { name: 'Scopes' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('main').innerText()).toContain(name.split(' on ')[0]!);
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
  });

  it('draws no early grid when weak protection\'s banner stands above it', async () => {
    const { page, backend } = harness;
    await backend['vault.setPassphrase']({ passphrase: 'first paint passphrase' });
    await backend['vault.acceptWeakProtection']({ currentPassphrase: 'first paint passphrase' });
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('note', { name: 'Weak vault protection' }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('table.grid .cell-button').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => (window as SeenWindow).__firstPaintSeen)).toBe(false);

    // A passphrase again: no banner, the early grid again (the check above could not pass by accident).
    await backend['vault.setPassphrase']({ passphrase: 'first paint passphrase' });
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${REACT} table.grid .cell-button`).first().waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => (window as SeenWindow).__firstPaintSeen)).toBe(true);
  });

  it('draws no early grid for a locked vault: the locked screen comes first', async () => {
    const { page, backend } = harness;
    await backend['vault.lock'](undefined);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => (window as SeenWindow).__firstPaintSeen)).toBe(false);
    expect(await page.locator('table.grid').count()).toBe(0);
  });
});

describe('the first paint on a first run', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ viewport: { width: 1280, height: 800 } });
    await harness.page.addInitScript(watchForFirstPaint);
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await closeSharedBrowser();
  });

  it('draws nothing early: the first-run card is React\'s', async () => {
    const { page } = harness;
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => (window as SeenWindow).__firstPaintSeen)).toBe(false);
  });
});
