// API console habits (issue 14, point 10): Ctrl+Enter sends; Copy response; the answer is in view after sending,
// even at 1024×768; the picker shows the chosen endpoint; a new error replaces the old answer; the
// built-in sandbox's own answers (its 405) are labelled as the sandbox's, not "Gorgias says".
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall, waitFor } from '../tools/tools-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1024, height: 768 } }, (started) => (harness = started));

const status = () => harness.page.getByRole('status', { name: 'Response status' });

describe('API console habits', () => {
  it('Ctrl+Enter sends, the picker shows the endpoint, and the answer is in view', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    await page.getByRole('button', { name: 'API console' }).click();
    await page.getByRole('heading', { name: /API console: Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    const endpoint = page.getByLabel('Endpoint');
    const value = await endpoint.locator('option', { hasText: 'GET /api/tickets · tickets:read · List tickets' }).getAttribute('value');
    await endpoint.selectOption(value!);
    // The choice stays shown (not back to "Pick from the catalogue…").
    expect(await endpoint.inputValue()).toBe(value);
    expect(await endpoint.locator('option:checked').textContent()).toMatch(/^GET \/api\/tickets · tickets:read/);
    await page.getByLabel('Query').fill('limit=5');
    await page.getByLabel('Query').press('Control+Enter');
    await status().getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const box = await status().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: '/tmp/ux/console-in-view.png' });

    // Copy the response: the pretty-printed body, whole, on the clipboard (from main).
    const copies = harness.clipboard.length;
    await page.getByRole('button', { name: 'Copy response', exact: true }).click();
    await waitFor(() => harness.clipboard.length > copies, 'the response on the clipboard');
    const copied = JSON.parse(harness.clipboard.at(-1)!) as { data: unknown[] };
    expect(copied.data).toHaveLength(5);
    expect(harness.clipboard.at(-1)!.split('\n').length).toBe(Number((await page.getByText(/^\d+ lines$/).textContent())!.split(' ')[0]));

    // Typed by hand, a path the catalogue lacks: the picker says so.
    await page.getByLabel('Path').fill('/api/nothing-like-this');
    expect(await endpoint.locator('option:checked').textContent()).toBe('Not in the catalogue (typed by hand)');
  });

  it('labels the sandbox\'s 405 as the sandbox\'s, and a new error replaces the old answer', async () => {
    const { page } = harness;
    await page.getByLabel('Method').selectOption('DELETE');
    await page.getByLabel('Path').fill('/api/account');
    // The form folded to method and path once the answer came: open it for the query.
    await page.getByRole('button', { name: 'Show query, headers and body' }).click();
    await page.getByLabel('Query').fill('');
    await page.getByLabel('Path').press('Control+Enter');
    const dialog = page.getByRole('dialog');
    // A write may be asked about first; answer it if so.
    await Promise.race([status().getByText('405', { exact: true }).waitFor({ timeout: UI_TIMEOUT }), dialog.waitFor({ timeout: UI_TIMEOUT })]);
    if (await dialog.isVisible()) await dialog.getByRole('button').last().click();
    await status().getByText('405', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const alert = page.getByRole('alert').filter({ hasText: 'says:' });
    expect(await alert.textContent()).toMatch(/^The local sandbox says: Method DELETE is not allowed here/);
    expect(await alert.textContent()).not.toMatch(/Gorgias says/);

    // A request the backend refuses (an Authorization header typed by hand) replaces the 405.
    await page.getByLabel('Method').selectOption('GET');
    await page.getByRole('button', { name: 'Show query, headers and body' }).click();
    await page.getByLabel('Headers').fill('Authorization: Bearer typed-by-hand');
    await page.getByLabel('Path').press('Control+Enter');
    await page.getByRole('alert').getByText(/an Authorization header cannot be set by hand/).waitFor({ timeout: UI_TIMEOUT });
    await status().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(await page.getByText(/says: Method DELETE/).count()).toBe(0);
  });
});
