// Everyday editing: change an app (scopes, redirect) and see the new URL to register; add a
// production account and see its warning wherever it appears; bad input explained inline; jump
// around with the Ctrl+K quick switcher.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, unnamedControls, waitFor } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('forms and the quick switcher', () => {
  it('edits an app: scopes, redirect port, and shows the new URL to register with Copy', async () => {
    const { page } = harness;
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app' }).click();
    await page.getByText('A secret is set.').waitFor({ timeout: UI_TIMEOUT });
    expect(await unnamedControls(page)).toEqual([]);

    // Dropping "offline" warns that no refresh token will come.
    await page.getByRole('checkbox', { name: 'offline', exact: true }).uncheck();
    await page.getByText(/Without the "offline" scope/).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('checkbox', { name: 'offline', exact: true }).check();
    await page.getByRole('checkbox', { name: 'tickets:write', exact: true }).check();
    await page.getByRole('checkbox', { name: 'write:all', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByText('deprecated', { exact: true }).count()).toBe(1);

    // Bad port: an inline reason and a Save that says why it is off.
    await page.getByLabel('Port', { exact: true }).fill('99999');
    await page.getByText(/A port is a whole number/).first().waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await page.getByText(/Save is off:/).waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Port', { exact: true }).fill('8799');
    await page.getByLabel('Name', { exact: true }).fill('Demo app (edited)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app (edited)' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Redirect URI to register').getByText('http://127.0.0.1:8799/callback').waitFor({ timeout: UI_TIMEOUT });

    const stored = harness.backend.vault.data().apps.find((app) => app.builtIn)!;
    expect(stored.name).toBe('Demo app (edited)');
    expect(stored.scopes).toContain('tickets:write');
    expect(stored.redirect.port).toBe(8799);

    await page.getByRole('button', { name: 'Copy redirect URI' }).click();
    await waitFor(() => harness.clipboard.includes('http://127.0.0.1:8799/callback'), 'the redirect URI on the clipboard');
  });

  it('explains a bad subdomain while typing, then shows a production account in the warning colour', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Subdomain', { exact: true }).fill('acme.gorgias.com');
    await page.getByText('Only the first part: "acme", not "acme.gorgias.com".', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Subdomain', { exact: true }).fill('acme-live');
    await page.getByLabel('Label', { exact: true }).fill('Acme live');
    await page.getByLabel('Kind', { exact: true }).selectOption('production');
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByText(/Production account: installs and API calls act on real customer data/).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const entry = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: 'Acme live' });
    await entry.waitFor({ timeout: UI_TIMEOUT });
    await entry.getByText('Production', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const colour = await entry.locator('.account-name--production').evaluate((element) => getComputedStyle(element).color);
    const plain = await page.getByRole('list', { name: 'Accounts' }).getByText('Local sandbox').evaluate((element) => getComputedStyle(element).color);
    expect(colour).not.toBe(plain);
    // The grid's column for it carries the warning too.
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('columnheader', { name: /Acme live/ }).getByText('Production', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().accounts.find((account) => account.label === 'Acme live')?.kind).toBe('production');
  });

  it('keeps what was typed when the backend refuses the save', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Subdomain', { exact: true }).fill('staging-acme');
    await page.getByLabel('Label', { exact: true }).fill('Staging');
    await page.getByRole('checkbox', { name: 'Use a custom base URL (staging, emulator)' }).check();
    // Passes the form's check (a URL) but not the backend's (it refuses credentials in a base URL).
    await page.getByLabel('Custom base URL', { exact: true }).fill('https://user:pw@staging.example.com');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Subdomain', { exact: true }).inputValue()).toBe('staging-acme');
    expect(await page.getByLabel('Label', { exact: true }).inputValue()).toBe('Staging');
    expect(harness.backend.vault.data().accounts.some((account) => account.label === 'Staging')).toBe(false);
  });

  it('jumps to an account and to an install with Ctrl+K', async () => {
    const { page } = harness;
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Go to account or install' });
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill('acme live');
    await page.getByRole('option', { name: /Acme live/ }).waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Acme live/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await input.count()).toBe(0);

    // An install made behind the UI's back shows up in the switcher too.
    const data = harness.backend.vault.data();
    const app = data.apps.find((candidate) => candidate.builtIn)!;
    const account = data.accounts.find((candidate) => candidate.builtInSandbox)!;
    const flow = await harness.backend['flows.start']({ appId: app.id, accountId: account.id });
    const consent = await harness.systemBrowser(flow.authorizeUrl);
    await consent.getByRole('button', { name: 'Approve' }).click();
    await waitFor(() => harness.backend.vault.data().installs.length === 1, 'the install to be stored');

    await page.keyboard.press('Control+k');
    await input.fill('demo sandbox');
    await page.getByRole('option', { name: /on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Checks' }).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.pageErrors).toEqual([]);
  });
});
