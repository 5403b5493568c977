// Two users of the same sandbox account connect the same app: two installs, each named by its user,
// both listed in the grid cell with a status each. "Connect as another user" starts a flow and the
// sandbox's consent page lets the tester pick who approves.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent, unnamedControls, waitFor } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('several users per app × account', () => {
  it('connects as the admin, then as the observer through "Connect as another user"', async () => {
    const { page } = harness;
    await connectThroughConsent(harness, 'Approve');
    await page.getByText(/Approved by\s*Alex Admin \(fake\)/).waitFor({ timeout: UI_TIMEOUT });

    const opened = harness.openedUrls.length;
    await page.getByRole('button', { name: 'Connect as another user' }).click();
    await page.getByText(/pick the user on the sandbox consent page/).first().waitFor({ timeout: UI_TIMEOUT });
    await waitFor(() => harness.openedUrls.length > opened, 'the backend to open the consent page');
    const browser = await harness.systemBrowser();
    await browser.getByLabel('User').selectOption({ label: 'Olive Observer (fake) — observer-agent (id 4)' });
    await browser.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/Approved by\s*Olive Observer \(fake\)/).waitFor({ timeout: UI_TIMEOUT });

    const installs = harness.backend.vault.data().installs;
    expect(installs).toHaveLength(2);
    expect(installs.map((install) => install.user?.name).sort()).toEqual(['Alex Admin (fake)', 'Olive Observer (fake)']);
  });

  it('lists both users in the grid cell, each with a status, and opens each one\'s install', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    const users = page.getByRole('list', { name: 'Users of Demo app on Local sandbox' });
    await users.waitFor({ timeout: UI_TIMEOUT });
    await users.getByRole('button', { name: 'Alex Admin (fake): active, open install' }).waitFor({ timeout: UI_TIMEOUT });
    await users.getByRole('button', { name: 'Olive Observer (fake): active, open install' }).click();
    await page.getByText(/Approved by\s*Olive Observer \(fake\)/).waitFor({ timeout: UI_TIMEOUT });
    expect(await unnamedControls(page)).toEqual([]);
  });

  it("lists both users on the account's installs", async () => {
    const { page } = harness;
    await page.getByRole('list', { name: 'Accounts' }).getByText('Local sandbox').click();
    const row = page.getByRole('table', { name: 'Installs on this account' }).getByRole('row', { name: /Demo app/ });
    await row.getByText('Olive Observer (fake), Alex Admin (fake)').waitFor({ timeout: UI_TIMEOUT });
    await row.getByRole('button', { name: 'Open install of Demo app' }).click();
    await page.getByText(/Approved by\s*Olive Observer \(fake\)/).waitFor({ timeout: UI_TIMEOUT });
  });

  it('names the user the API console acts as', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'API console' }).click();
    await page.getByText(/As Olive Observer \(fake\)/).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.pageErrors).toEqual([]);
  });

  it('flags a deprecated endpoint with its replacement, and says when a path has no scope reading', async () => {
    const { page } = harness;
    await page.getByLabel('Path').fill('/api/tickets/1/messages');
    await page.getByRole('note').getByText(/Deprecated: .* Replacement: GET \/api\/messages\?ticket_id=\{id\}/).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Path').fill('/api/something-new');
    await page.getByRole('note').getByText(/cannot map GET \/api\/something-new to a scope/).waitFor({ timeout: UI_TIMEOUT });
    const options = await page.getByLabel('Endpoint').locator('option').allTextContents();
    expect(options.some((o) => o.startsWith('POST /api/stats/{name}') && o.includes('DEPRECATED: use POST /api/reporting/stats'))).toBe(true);
    expect(options.some((o) => o.startsWith('GET /api/teams ·') && o.includes('(scope inferred)'))).toBe(true);
    expect(options.some((o) => o.startsWith('PUT /api/account ·'))).toBe(false);
  });
});
