// The newcomer's journey, end to end in real Chromium against the real backend and the built-in
// sandbox: first run → Connect → consent approved in the "system browser" → an active install with
// its checks; then Refresh and Revoke. Along the way the page never receives the client secret, and
// receives a token only after the user asks to reveal it.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent, everythingThePageShows, unnamedControls, waitFor } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('connect journey', () => {
  it('first run shows the local sandbox and the demo app with one Connect', async () => {
    const { page } = harness;
    await page.getByRole('list', { name: 'Accounts' }).getByText('Local sandbox').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('list', { name: 'Apps' }).getByText('Demo app').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Connect', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Demo app on Local sandbox: not connected, connect' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('connects through the consent page and shows the active install with its checks', async () => {
    const { page } = harness;
    await connectThroughConsent(harness, 'Approve');
    await page.getByRole('heading', { name: /Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.panel__header .status--active').waitFor({ timeout: UI_TIMEOUT });
    const checks = page.getByRole('list', { name: 'Checks' });
    await checks.waitFor({ timeout: UI_TIMEOUT });
    expect(await checks.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await checks.getByText('pass', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByText(/Expires in \d/).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('table', { name: 'id_token claims' }).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs).toHaveLength(1);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('never sends the client secret, and sends a token only once revealed', async () => {
    const { page } = harness;
    const stored = harness.backend.vault.data();
    const secret = stored.apps.find((app) => app.builtIn)!.clientSecret;
    const install = stored.installs[0]!;
    expect(secret.length).toBeGreaterThan(10);
    expect(harness.receivedText()).not.toContain(secret);
    expect(await everythingThePageShows(page)).not.toContain(secret);
    expect(harness.receivedText()).not.toContain(install.accessToken);
    expect(await everythingThePageShows(page)).not.toContain(install.accessToken);

    await page.getByRole('button', { name: 'Reveal access token' }).click();
    await page.getByLabel('access token value').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('access token value').textContent()).toBe(install.accessToken);
    expect(harness.receivedText()).toContain(install.accessToken);
    if (install.refreshToken) expect(harness.receivedText()).not.toContain(install.refreshToken);

    await page.getByRole('button', { name: 'Hide access token' }).click();
    expect(await everythingThePageShows(page)).not.toContain(install.accessToken);

    // Copy is done by main: the clipboard gets the token, the page gets nothing new.
    await page.getByRole('button', { name: 'Copy refresh token' }).click();
    await waitFor(() => harness.clipboard.length > 0, 'main to copy the refresh token');
    expect(harness.clipboard.at(-1)).toBe(install.refreshToken);
    expect(harness.receivedText()).not.toContain(install.refreshToken!);
  });

  it('refreshes the tokens', async () => {
    const { page } = harness;
    const before = harness.backend.vault.data().installs[0]!.accessToken;
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.getByRole('row', { name: /Refreshed/ }).getByText(/\d{4}|\d:\d\d/).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs[0]!.accessToken).not.toBe(before);
    expect(harness.receivedText()).not.toContain(harness.backend.vault.data().installs[0]!.accessToken);
  });

  it('revokes after asking, then says once that the access token stays valid until it expires', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this install?' });
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs[0]!.revokedAt ?? null).toBeNull();
    await dialog.getByRole('button', { name: 'Revoke tokens' }).click();
    // The dialog said it before; after the revoke the "revoked" check says until when, once.
    await page.locator('.install-actions').getByRole('status').getByText(/^Revoked: refreshes stop now\./).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('list', { name: 'Checks' }).getByText(/^Revoked in the workbench at .* stays valid until /).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.isVisible()).toBe(false);
    await page.locator('.panel__header .status--revoked').waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs[0]!.revokedAt).toBeTruthy();
    expect(harness.pageErrors).toEqual([]);
  });
});
