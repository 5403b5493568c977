// The Settings screen, as a person uses it: the clipboard delay they set is the one the next copy's
// notice announces (and the backend holds); "never" round-trips. On a passphrase vault, auto-lock
// is set and switched off again, and "Lock now" brings back the unlock screen. At 1024 px, in light
// and in dark, nothing runs off the side.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { createFakeKeyProtector } from '../../fakes/fake-key-protector';
import { UI_TIMEOUT, connectThroughConsent, waitFor } from './ui-steps';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});
afterAll(async () => {
  await closeSharedBrowser();
});

const VIEWPORT = { width: 1024, height: 768 };

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
}

async function fitsTheWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe('settings', () => {
  it('the clipboard delay set here is the one the next copy announces; never round-trips', async () => {
    harness = await startHarness({ viewport: VIEWPORT, colorScheme: 'light' });
    const h = harness;
    const { page } = h;
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await openSettings(page);
    // An OS-keychain vault: no auto-lock, and the screen says why.
    await page.getByText(/protected by the OS keychain: it opens with your OS session/).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Lock now' }).count()).toBe(0);
    await page.getByText('Now: copied tokens are cleared after 30 seconds.').waitFor({ timeout: UI_TIMEOUT });

    const seconds = page.getByLabel('Seconds before the clipboard is cleared', { exact: true });
    const save = page.getByRole('button', { name: 'Save clipboard delay' });
    // Bad input is said in words and cannot be saved.
    await seconds.fill('0');
    await page.getByText('Enter between 1 and 3600 seconds.', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await save.isDisabled()).toBe(true);
    await seconds.fill('10');
    await save.click();
    await page.getByText('Now: copied tokens are cleared after 10 seconds.').waitFor({ timeout: UI_TIMEOUT });
    expect(h.backend.vault.data().settings.clipboardClearSeconds).toBe(10);
    expect(await fitsTheWindow(page)).toBe(true);

    // The next copy's notice says the new delay.
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await connectThroughConsent(h, 'Approve');
    await page.getByRole('heading', { name: /Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    const notices = page.getByRole('status', { name: 'Notifications' });
    await page.getByRole('button', { name: 'Copy access token', exact: true }).click();
    await notices.getByText('Access token copied — cleared from the clipboard in 10 s.').waitFor({ timeout: UI_TIMEOUT });
    const token = h.backend.vault.data().installs[0]!.accessToken;
    await waitFor(() => h.clipboard.at(-1) === token, 'main to copy the access token');

    // Never: the switch off, saved, and the next copy says the token stays.
    await openSettings(page);
    await page.getByText('Now: copied tokens are cleared after 10 seconds.').waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Clear copied tokens from the clipboard', { exact: true }).uncheck();
    expect(await seconds.isDisabled()).toBe(true);
    await save.click();
    await page.getByText('Now: copied tokens stay on the clipboard (never cleared).').waitFor({ timeout: UI_TIMEOUT });
    expect(h.backend.vault.data().settings.clipboardClearSeconds).toBeNull();
    await page.getByRole('list', { name: 'Apps' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: /Demo app on Local sandbox: active/ }).click();
    await page.getByRole('button', { name: 'Copy access token', exact: true }).click();
    await notices.getByText('Access token copied (it stays on the clipboard).').waitFor({ timeout: UI_TIMEOUT });

    // And back on, from the screen that reads what the backend holds.
    await openSettings(page);
    await page.getByText('Now: copied tokens stay on the clipboard (never cleared).').waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Clear copied tokens from the clipboard', { exact: true }).check();
    await seconds.fill('45');
    await save.click();
    await page.getByText('Now: copied tokens are cleared after 45 seconds.').waitFor({ timeout: UI_TIMEOUT });
    expect(h.backend.vault.data().settings.clipboardClearSeconds).toBe(45);
    expect(h.receivedText()).not.toContain(token);
    expect(h.pageErrors).toEqual([]);
  });

  it('on a passphrase vault: auto-lock set and switched off, then "Lock now" asks for the passphrase', async () => {
    harness = await startHarness({ viewport: VIEWPORT, colorScheme: 'dark', keyProtector: createFakeKeyProtector({ level: 'weak', backend: 'basic_text' }) });
    const h = harness;
    const { page } = h;
    await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Use this passphrase' }).click();
    await page.getByRole('button', { name: 'Vault: Passphrase' }).waitFor({ timeout: UI_TIMEOUT });
    await openSettings(page);

    // Off by default.
    await page.getByText('Now: the vault stays open until you lock it or quit.').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Lock the vault when idle', { exact: true }).isChecked()).toBe(false);
    const minutes = page.getByLabel('Minutes idle before locking', { exact: true });
    const save = page.getByRole('button', { name: 'Save auto-lock' });
    await page.getByLabel('Lock the vault when idle', { exact: true }).check();
    await minutes.fill('5.5');
    await page.getByText('Enter a whole number of minutes (digits only).', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await minutes.fill('5');
    await save.click();
    await page.getByText('Now: the vault locks after 5 minutes idle.').waitFor({ timeout: UI_TIMEOUT });
    expect(h.backend.vault.data().settings.autoLockMinutes).toBe(5);

    // Off again round-trips to null.
    await page.getByLabel('Lock the vault when idle', { exact: true }).uncheck();
    await save.click();
    await page.getByText('Now: the vault stays open until you lock it or quit.').waitFor({ timeout: UI_TIMEOUT });
    expect(h.backend.vault.data().settings.autoLockMinutes).toBeNull();

    await page.getByLabel('Lock the vault when idle', { exact: true }).check();
    await minutes.fill('2');
    await save.click();
    await page.getByText('Now: the vault locks after 2 minutes idle.').waitFor({ timeout: UI_TIMEOUT });
    expect(await fitsTheWindow(page)).toBe(true);

    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Passphrase', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(h.backend.vault.status().state).toBe('locked');

    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(h.backend.vault.data().settings.autoLockMinutes).toBe(2);
    expect(h.receivedText()).not.toContain('correct horse battery');
    expect(h.pageErrors).toEqual([]);
  });
});
