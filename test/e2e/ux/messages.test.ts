// Messages (issue 14, point 9): at most three toasts on screen; a revoke says "stays valid until"
// once (in its check row; no toast or status line repeating it); paste mode reads `error=` before
// complaining about a missing state, and names the field it highlights.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall, waitFor } from '../tools/tools-steps';

const PASTE_URL = 'https://partner.example/oauth/callback';
let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

const toasts = () => harness.page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss notification' });

describe('messages', () => {
  it('shows at most three toasts, the newest kept', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    for (const name of ['Copy refresh token', 'Copy id token', 'Copy access token']) {
      const copies = harness.clipboard.length;
      await page.getByRole('button', { name, exact: true }).click();
      await waitFor(() => harness.clipboard.length > copies, name);
    }
    await page.getByRole('status', { name: 'Notifications' }).getByText(/^Access token copied/).waitFor({ timeout: UI_TIMEOUT });
    // Four things were announced (the connect and three copies): three toasts stay on screen.
    expect(await toasts().count()).toBe(3);
  });

  it('says a revoke once: its check row explains it, no toast or status line repeats it', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('dialog', { name: 'Revoke this install?' }).getByRole('button', { name: 'Revoke tokens' }).click();
    await page.locator('.install-actions').getByRole('status').getByText(/^Revoked: refreshes stop now\./).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('list', { name: 'Checks' }).getByText(/^Revoked in the workbench at .* stays valid until /).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('status', { name: 'Notifications' }).textContent()).not.toMatch(/revoked/i);
    expect((await page.locator('body').innerText()).match(/stays valid until/g)).toHaveLength(1);
  });

  it('paste mode: reads error= first and names the field it highlights', async () => {
    const { page } = harness;
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app' }).click();
    await page.getByLabel('Redirect mode', { exact: true }).selectOption('paste');
    await page.getByLabel('Paste URL', { exact: true }).fill(PASTE_URL);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel('Redirect URI to register').getByText(PASTE_URL).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: /^Demo app on Local sandbox: .*open install/ }).click();
    await page.getByRole('button', { name: 'Reconnect' }).click();
    const field = page.getByLabel('URL the browser landed on', { exact: true });
    await field.fill(`${PASTE_URL}?error=access_denied&error_description=The+user+declined`);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    const problem = page.getByText(/^URL the browser landed on: Consent was denied \(access_denied\): The user declined\./);
    await problem.waitFor({ timeout: UI_TIMEOUT });
    expect(await problem.textContent()).not.toMatch(/no state: it cannot be matched/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // The flow still waits: paste the right address later, or Cancel.
    await page.getByRole('button', { name: 'Cancel', exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });
});
