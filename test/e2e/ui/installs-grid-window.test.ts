// The installs grid on a big vault (51 apps × 21 accounts, 1,000 installs) renders only the cells in
// view, yet keeps every row, every column header, the cells' names and Tab order as if all were
// there: cells scrolled to are found by name and open their install; Tab at a row's end goes on to
// the next row's first cell, even when that cell was not rendered. The grid paints from the small
// first answer (installs.grid, asked by index.html's first script) and the full lists, asked for
// after that paint, change no cell. On
// the same vault, the quick
// switcher offers the install the typed words name before one whose user merely contains a word.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigVault } from '../../bench/generators/write-big-vault';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { UI_TIMEOUT, waitFor, waitForReact } from './ui-steps';

let harness: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-e2e-grid-'));
  await writeBigVault(dataDir, { activityEntries: 0 });
  harness = await startHarness({ dataDir, viewport: { width: 1280, height: 800 } });
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await closeSharedBrowser();
  // The harness keeps a folder it was given.
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const cellName = (row: number, col: number) => `button[data-cell="${row}:${col}"]`;

type FirstGridWindow = Window & { __firstGrid?: { at: number; names: string[]; rows: number } };

/** In the page: what the grid names (cells, users, headers) the first time it has a cell, and when. */
function recordFirstGrid(): void {
  const names = () => Array.from(document.querySelectorAll('table.grid [aria-label], table.grid th')).map((element) => element.getAttribute('aria-label') ?? element.textContent ?? '');
  const observer = new MutationObserver(() => {
    if (!document.querySelector('table.grid .cell-button')) return;
    observer.disconnect();
    (window as FirstGridWindow).__firstGrid = { at: Date.now(), names: names(), rows: document.querySelectorAll('table.grid tbody tr').length };
  });
  observer.observe(document, { childList: true, subtree: true });
}

describe('installs grid on a big vault', () => {
  it('paints from the first answer (installs.grid), asks for the full lists after that paint, and they change no cell', async () => {
    const { page, received } = harness;
    // The harness's own first load settles first, so no answer to that page is counted below.
    const LISTS = ['apps.list', 'accounts.list', 'installs.list'];
    await waitFor(() => LISTS.every((method) => received.some((item) => item.method === method)), 'the first load\'s lists');
    const stamps: Array<{ method: string; at: number }> = [];
    const push = received.push;
    received.push = (...items) => {
      for (const item of items) if (item.kind === 'result' && item.method) stamps.push({ method: item.method, at: Date.now() });
      return push.apply(received, items);
    };
    try {
      await page.addInitScript(recordFirstGrid);
      await page.reload({ waitUntil: 'load' });
      const first = (await (await page.waitForFunction(() => (window as FirstGridWindow).__firstGrid ?? null, undefined, { timeout: UI_TIMEOUT })).jsonValue())!;
      await waitFor(() => LISTS.every((method) => stamps.some((stamp) => stamp.method === method)), 'the full lists after the first paint');
      const at = (method: string) => stamps.find((stamp) => stamp.method === method)!.at;
      // The first answer came first, and the grid had its cells before the full lists were answered.
      expect(at('installs.grid')).toBeLessThan(at('installs.list'));
      expect(first.at).toBeLessThan(Math.min(at('apps.list'), at('accounts.list'), at('installs.list')));
      expect(first.rows).toBe(harness.backend.vault.data().apps.length);
      // Asked once each, by index.html's first script (early-questions.js): the app took those answers.
      expect(stamps.filter((stamp) => stamp.method === 'installs.grid')).toHaveLength(1);
      expect(stamps.filter((stamp) => stamp.method === 'vault.status')).toHaveLength(1);
      expect(await page.evaluate(() => typeof (window as Window & { __workbenchEarly?: unknown }).__workbenchEarly)).toBe('object');
      // Once the full lists are in, every name in the grid is the same (statuses, users, headers).
      await page.waitForTimeout(100);
      const later = await page.evaluate(() => Array.from(document.querySelectorAll('table.grid [aria-label], table.grid th')).map((element) => element.getAttribute('aria-label') ?? element.textContent ?? ''));
      expect(first.names.some((name) => name.endsWith(', open install'))).toBe(true);
      expect(later).toEqual(first.names);
    } finally {
      received.push = push;
    }
  });

  it('has every row and column header but renders only the cells near the view', async () => {
    const { page } = harness;
    const grid = page.getByRole('table', { name: 'Installs: apps by accounts' });
    await grid.locator('.cell-button').first().waitFor({ timeout: UI_TIMEOUT });
    const apps = harness.backend.vault.data().apps.length;
    const accounts = harness.backend.vault.data().accounts.length;
    expect(await grid.getByRole('rowheader').count()).toBe(apps);
    expect(await grid.getByRole('columnheader').count()).toBe(accounts + 1);
    const cells = await grid.locator('.cell-button').count();
    expect(cells).toBeGreaterThan(0);
    expect(cells).toBeLessThan((apps * accounts) / 2);
  });

  it('renders a far cell once scrolled to, under the right column, with its name, and opens its install', async () => {
    const { page } = harness;
    const data = harness.backend.vault.data();
    const app = data.apps.at(-1)!;
    const account = data.accounts.at(-1)!;
    const install = data.installs.find((candidate) => candidate.appId === app.id && candidate.accountId === account.id);
    const name = `${app.name} on ${account.label || account.subdomain}`;
    const grid = page.getByRole('table', { name: 'Installs: apps by accounts' });
    expect(await grid.getByRole('button', { name: new RegExp(`^${name}: `) }).count()).toBe(0);

    await page.evaluate(() => {
      document.querySelector('.main')!.scrollTop = 1e6;
      document.querySelector('.grid-scroll')!.scrollLeft = 1e6;
    });
    const cell = grid.getByRole('button', { name: new RegExp(`^${name}: `) });
    await cell.waitFor({ timeout: UI_TIMEOUT });
    // The same column as its account's header, whatever is left out on its left.
    const [cellBox, headerBox] = await Promise.all([cell.boundingBox(), grid.getByRole('columnheader').last().boundingBox()]);
    expect(Math.abs(cellBox!.x - headerBox!.x)).toBeLessThan(2);
    expect(await cell.getAttribute('aria-label')).toMatch(install ? /, open install$/ : /: not connected, connect$/);
    if (install) {
      await cell.click();
      await page.getByRole('heading', { name: 'Scopes' }).waitFor({ timeout: UI_TIMEOUT });
      await page.goBack().catch(() => undefined);
    }
  });

  it('Tab goes from the end of a row to the start of the next, and Shift+Tab back', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    const grid = page.getByRole('table', { name: 'Installs: apps by accounts' });
    await grid.locator('.cell-button').first().waitFor({ timeout: UI_TIMEOUT });
    const accounts = harness.backend.vault.data().accounts.length;
    const last = accounts - 1;
    await page.evaluate(() => {
      document.querySelector('.main')!.scrollTop = 0;
      document.querySelector('.grid-scroll')!.scrollLeft = 1e6;
    });
    await grid.locator(cellName(2, last)).waitFor({ timeout: UI_TIMEOUT });
    // The next row's first cell is scrolled out of the window: Tab must render it, then focus it.
    await grid.locator(cellName(3, 0)).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await grid.locator(cellName(2, last)).focus();
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-cell') === '3:0', undefined, { timeout: UI_TIMEOUT });
    await page.keyboard.press('Shift+Tab');
    await page.waitForFunction((cell) => document.activeElement?.getAttribute('data-cell') === cell, `2:${last}`, { timeout: UI_TIMEOUT });
  });

  it('the quick switcher offers the install the words name first, not one whose user contains a word', async () => {
    const { page } = harness;
    const data = harness.backend.vault.data();
    const [decoyApp, app, account] = [data.apps[0]!, data.apps[31]!, data.accounts[9]!];
    const decoy = data.installs.find((candidate) => candidate.appId === decoyApp.id && candidate.accountId === account.id)!;
    // An earlier install whose user's name and email hold one of the words typed ("032").
    await harness.backend.vault.update((draft) => {
      const stored = draft.installs.find((candidate) => candidate.id === decoy.id)!;
      stored.user = { sub: '5032', name: 'User 5032', email: `user5032@${account.subdomain}.example`, role: null };
    });
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('table', { name: 'Installs: apps by accounts' }).locator('.cell-button').first().waitFor({ timeout: UI_TIMEOUT });
    // The grid may be the first paint's inert copy: Ctrl+K needs React's listener.
    await waitForReact(page);

    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Go to account or install' });
    await input.fill(`${app.name} ${account.subdomain} install`);
    const options = page.getByRole('option');
    await options.first().waitFor({ timeout: UI_TIMEOUT });
    const titles = await options.allTextContents();
    expect(titles[0]).toContain(`${app.name} on ${account.label}`);
    // Every word is somewhere in the decoy too, so it is still offered, after.
    expect(titles.findIndex((title) => title.startsWith(`${decoyApp.name} on ${account.label}`))).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator('#install-title', { hasText: app.name }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('#install-title').textContent()).toContain(account.label);
  });
});
