// API console (issue 14, point 10): after sending at 1024×768 the answer is in view WITHOUT any
// scrolling (the form folds to method and path, as Postman's URL bar); Ctrl+Enter still sends, from
// the folded form too; the rest of the form opens again on demand, as typed.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall } from '../tools/tools-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1024, height: 768 } }, (started) => (harness = started));

const status = () => harness.page.getByRole('status', { name: 'Response status' });
/** How far anything on the page has been scrolled: the window and every scrolling box. */
const scrolled = () =>
  harness.page.evaluate(() => window.scrollY + [...document.querySelectorAll<HTMLElement>('.main, .app, body, html')].reduce((sum, node) => sum + node.scrollTop, 0));

describe('API console: the answer in view', () => {
  it('folds the form after sending so status and body are on screen at 1024×768, unscrolled', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    await page.getByRole('button', { name: 'API console' }).click();
    await page.getByRole('heading', { name: /API console: Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Path').fill('/api/tickets');
    await page.getByLabel('Query').fill('limit=3');
    await page.getByLabel('Headers').fill('X-Trace: ux2');
    expect(await scrolled()).toBe(0);
    await page.getByLabel('Query').press('Control+Enter');
    await status().getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const firstLine = page.getByRole('region', { name: 'Response body' }).locator('.json-line').first();
    await firstLine.waitFor({ timeout: UI_TIMEOUT });

    // Nothing scrolled, and the status and the body's first lines are inside the window.
    expect(await scrolled()).toBe(0);
    for (const box of [await status().boundingBox(), await firstLine.boundingBox()]) {
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    }
    // The folded form keeps method and path, and says what the rest holds.
    expect(await page.getByLabel('Path').inputValue()).toBe('/api/tickets');
    expect(await page.getByLabel('Query').count()).toBe(0);
    await page.getByText('Query: 1 line, headers: 1 line, body: none.').waitFor({ timeout: UI_TIMEOUT });

    // Ctrl+Enter again, from where the focus went (the fold button), sends again: a second history entry.
    const toggle = page.getByRole('button', { name: 'Show query, headers and body' });
    expect(await toggle.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: /^Re-run / }).nth(1).waitFor({ timeout: UI_TIMEOUT });

    // Opened again, the form holds what was typed.
    await toggle.click();
    expect(await page.getByLabel('Query').inputValue()).toBe('limit=3');
    expect(await page.getByLabel('Headers').inputValue()).toBe('X-Trace: ux2');
    expect(await page.getByRole('button', { name: 'Fold the request' }).getAttribute('aria-expanded')).toBe('true');
  });
});
