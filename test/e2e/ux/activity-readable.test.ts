// Activity (issue 14, point 8): the path and query are visible (the host is what gets shortened),
// an account column, Copy as curl of the redacted request, and the detail pane fits at 1024 px.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall, vaultSecrets, waitFor } from '../tools/tools-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1024, height: 768 } }, (started) => (harness = started));

describe('activity', () => {
  it('shows path, query and account, copies a redacted curl, and fits at 1024 px', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    const installId = harness.backend.vault.data().installs[0]!.id;
    await harness.backend['api.send']({ installId, method: 'GET', path: '/api/tickets', query: [['limit', '5'], ['order_by', 'created_datetime:desc']], headers: [], body: null });
    await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Activity' }).click();
    const row = page.getByRole('list', { name: 'Exchanges' }).getByRole('button', { name: /^api GET / }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    const shown = row.locator('.activity-row__url');
    expect(await shown.textContent()).toBe('/sandbox/api/tickets?limit=5&order_by=created_datetime%3Adesc');
    // Fully visible, not cut by an ellipsis.
    expect(await shown.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await row.locator('.activity-row__account').textContent()).toBe('Local sandbox');

    await row.click();
    const detail = page.getByRole('region', { name: 'Exchange detail' });
    await detail.waitFor({ timeout: UI_TIMEOUT });
    const box = await detail.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await detail.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
    await page.screenshot({ path: '/tmp/ux/activity-1024.png' });

    const copies = harness.clipboard.length;
    await detail.getByRole('button', { name: 'Copy as curl (redacted request)' }).click();
    await waitFor(() => harness.clipboard.length > copies, 'the curl on the clipboard');
    const curl = harness.clipboard.at(-1)!;
    expect(curl).toMatch(/^curl 'http:\/\/127\.0\.0\.1:\d+\/sandbox\/api\/tickets\?limit=5&order_by=created_datetime%3Adesc'/);
    expect(curl).toMatch(/-H 'authorization: /i);
    for (const secret of vaultSecrets(harness)) expect(curl).not.toContain(secret);
  });
});
