// Paste mode: the app's registered redirect is a page this machine does not serve, so the user
// copies the address the browser landed on and pastes it into the connect view. The "system
// browser" here catches the redirect to that page instead of going to the network.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, waitFor } from './ui-steps';

const PASTE_URL = 'https://partner.example/oauth/callback';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('paste mode', () => {
  it('switches the demo app to paste mode and connects by pasting the landing URL', async () => {
    const { page } = harness;
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app' }).click();
    await page.getByLabel('Redirect mode', { exact: true }).selectOption('paste');
    // No paste URL yet: the reason is shown and Save stays off.
    await page.getByText(/Save is off: Enter the redirect URL registered/).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('Paste URL', { exact: true }).fill(PASTE_URL);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel('Redirect URI to register').getByText(PASTE_URL).waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByLabel('URL the browser landed on', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await waitFor(() => harness.openedUrls.length > 0, 'the consent page to be opened');

    const browser = await harness.systemBrowser();
    let landed = '';
    await browser.context().route('https://partner.example/**', async (route) => {
      landed = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'partner page' });
    });
    await browser.getByRole('button', { name: 'Approve' }).click();
    await waitFor(() => landed !== '', 'the browser to land on the registered redirect');
    expect(landed.startsWith(`${PASTE_URL}?`)).toBe(true);

    await page.getByLabel('URL the browser landed on', { exact: true }).fill(landed);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('list', { name: 'Checks' }).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs).toHaveLength(1);
    expect(harness.pageErrors).toEqual([]);
  });
});
