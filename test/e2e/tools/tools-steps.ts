// Steps the tools journeys share: connect the demo app on the first-run sandbox or on a new
// built-in-sandbox account (consent approved in the "system browser"), open an install's tools.
import type { Page } from 'playwright-core';
import type { Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent, waitFor } from '../ui/ui-steps';

export { UI_TIMEOUT, waitFor };

/** First run: Connect the demo app on "Local sandbox" and wait for its install view. */
export async function connectFirstInstall(harness: Harness): Promise<void> {
  const { page } = harness;
  await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
  await connectThroughConsent(harness, 'Approve');
  await page.getByRole('heading', { name: /Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.panel__header .status--active').waitFor({ timeout: UI_TIMEOUT });
}

/** Adds an account on the built-in sandbox through the account form, then connects the demo app to it. */
export async function addSandboxAccountAndConnect(harness: Harness, subdomain: string, label: string): Promise<void> {
  const { page } = harness;
  await page.getByRole('button', { name: 'Add account' }).click();
  const form = page.getByRole('form', { name: 'New account' });
  await form.getByLabel('Subdomain').fill(subdomain);
  await form.getByLabel('Label').fill(label);
  await form.getByRole('checkbox', { name: 'Use the built-in sandbox' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('list', { name: 'Accounts' }).getByText(label).waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('button', { name: 'Installs', exact: true }).click();
  const opened = harness.openedUrls.length;
  await page.getByRole('button', { name: `Demo app on ${label}: not connected, connect` }).click();
  await waitFor(() => harness.openedUrls.length > opened, 'the consent page to open');
  const consent = await harness.systemBrowser();
  await consent.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('heading', { name: new RegExp(`Demo app on ${label}`) }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.panel__header .status--active').waitFor({ timeout: UI_TIMEOUT });
}

/** From the home grid, opens the install of the demo app on `label`. */
export async function openInstall(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Installs', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^Demo app on ${label}: .*open install`) }).click();
  await page.getByRole('heading', { name: new RegExp(`Demo app on ${label}`) }).waitFor({ timeout: UI_TIMEOUT });
}

/** Every secret the vault holds now: client secrets and all tokens. */
export function vaultSecrets(harness: Harness): string[] {
  const data = harness.backend.vault.data();
  const secrets: string[] = [];
  for (const app of data.apps) if (app.clientSecret) secrets.push(app.clientSecret);
  for (const install of data.installs) {
    for (const token of [install.accessToken, install.refreshToken, install.idToken]) if (token) secrets.push(token);
  }
  return secrets;
}
