// The installs grid with 50 accounts (issue 14, point 11): the app names stay in view while the
// accounts scroll (sticky first column), a visible cue says how many accounts lie to the right and
// scrolls there, and the last account's cell can be reached and opened.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigVault } from '../../bench/generators/write-big-vault';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { UI_TIMEOUT } from '../ui/ui-steps';

let harness: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-e2e-grid50-'));
  await writeBigVault(dataDir, { apps: 6, accounts: 50, activityEntries: 0 });
  harness = await startHarness({ dataDir, viewport: { width: 1024, height: 768 } });
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await closeSharedBrowser();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('installs grid with 50 accounts', () => {
  it('keeps the app names in view and says, then shows, that more accounts lie to the right', async () => {
    const { page } = harness;
    const grid = page.getByRole('table', { name: 'Installs: apps by accounts' });
    await grid.locator('.cell-button').first().waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().accounts.length).toBeGreaterThanOrEqual(50);
    expect(await grid.getByRole('columnheader').count()).toBe(harness.backend.vault.data().accounts.length + 1);
    const cue = page.getByRole('button', { name: /^\d+ more accounts to the right: scroll right$/ });
    await cue.waitFor({ timeout: UI_TIMEOUT });
    const hiddenAtStart = Number((await cue.getAttribute('aria-label'))!.split(' ')[0]);
    expect(hiddenAtStart).toBeGreaterThan(40);
    expect(await cue.textContent()).toBe(`${hiddenAtStart} more →`);
    await page.screenshot({ path: '/tmp/ux/grid-50-start.png' });

    const firstApp = grid.getByRole('rowheader').first();
    const before = await firstApp.boundingBox();
    await cue.click();
    await page.waitForFunction((start) => {
      const label = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label')?.endsWith('to the right: scroll right'))?.getAttribute('aria-label');
      return typeof label === 'string' && Number(label.split(' ')[0]) < start;
    }, hiddenAtStart);
    // The row header did not move with the accounts.
    const after = await firstApp.boundingBox();
    expect(Math.abs(after!.x - before!.x)).toBeLessThan(3);

    // Scrolled to the far end: the last account's cell is there beside the app name, and the cue is gone.
    const data = harness.backend.vault.data();
    const account = data.accounts.at(-1)!;
    const app = data.apps[0]!;
    await page.locator('.grid-scroll').evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await cue.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const cell = grid.getByRole('button', { name: new RegExp(`^${app.name} on ${account.label || account.subdomain}: `) });
    await cell.waitFor({ timeout: UI_TIMEOUT });
    const [cellBox, headBox] = await Promise.all([cell.boundingBox(), firstApp.boundingBox()]);
    expect(cellBox!.x).toBeGreaterThanOrEqual(headBox!.x + headBox!.width - 1);
    expect(cellBox!.x + cellBox!.width).toBeLessThanOrEqual(1024);
    expect(await firstApp.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/ux/grid-50-end.png' });
    await cell.click();
    await page.getByRole('heading', { name: new RegExp(`${app.name} (on|to) ${account.label || account.subdomain}`) }).waitFor({ timeout: UI_TIMEOUT });
  });
});
