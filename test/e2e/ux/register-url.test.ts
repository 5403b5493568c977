// The URL to register (issue 14, point 4): a new app shows it before Save, from what is typed, near
// the top of the form (above the scopes), with Copy; an edit shows the URL it will become.
import { describe, expect, it } from 'vitest';
import { redirectUriToRegister } from '../../../electron/common/redirect-uri-to-register';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, waitFor } from '../ui/ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1024, height: 768 } }, (started) => (harness = started));

describe('what the screen never shows', () => {
  it('names the vault protection without a test double\'s name (the screenshots show this sidebar)', async () => {
    const { page } = harness;
    await page.getByRole('navigation', { name: 'Workbench' }).getByText(/^Vault: OS keychain$/).waitFor({ timeout: UI_TIMEOUT });
    const text = await page.locator('body').innerText();
    expect(text.match(/.*(fake_|keychain \().*/gi)).toBeNull();
  });
});

describe('the URL to register', () => {
  it('is shown for a new app before Save, above the scopes and in view, and copies', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add app' }).click();
    const url = page.getByLabel('Redirect URI to register');
    await url.getByText('http://127.0.0.1:8765/callback', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Port', { exact: true }).fill('9123');
    await url.getByText('http://127.0.0.1:9123/callback', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('checkbox', { name: /Carry \?account=/ }).check();
    await url.getByText('http://127.0.0.1:9123/callback?account={subdomain}', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByText('Save the app to see the exact URL').count()).toBe(0);

    // Near the top: before the scope table, within the first screen of a 1024×768 window.
    const [urlBox, scopesBox] = await Promise.all([url.boundingBox(), page.getByRole('group', { name: 'Scopes' }).boundingBox()]);
    expect(urlBox!.y).toBeLessThan(scopesBox!.y);
    expect(urlBox!.y + urlBox!.height).toBeLessThan(768);

    await page.getByRole('button', { name: 'Copy redirect URI' }).click();
    await waitFor(() => harness.clipboard.includes('http://127.0.0.1:9123/callback?account={subdomain}'), 'the URL on the clipboard');
  });

  it('on an existing app, shows the URL the edit will register and says it is not saved yet', async () => {
    const { page } = harness;
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app' }).click();
    const url = page.getByLabel('Redirect URI to register');
    const saved = harness.backend.vault.data().apps.find((app) => app.builtIn)!.redirect;
    await url.getByText(redirectUriToRegister({ redirect: saved }), { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Port', { exact: true }).fill('9124');
    await url.getByText(`http://127.0.0.1:9124${saved.path}`, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByText(/Changed from the saved app .*: Save to use it\./).waitFor({ timeout: UI_TIMEOUT });
  });
});
