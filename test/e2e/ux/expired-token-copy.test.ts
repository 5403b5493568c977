// Copy on an expired access token (issue 14, point 11): the install view says it expired, and Copy
// becomes "Refresh and copy": the clipboard gets a fresh token, never the dead one.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent, waitFor } from '../ui/ui-steps';

const HOUR = 3_600_000;
let offsetMs = -25 * HOUR;
let harness!: Harness;
harnessForFile({ clock: { now: () => Date.now() + offsetMs }, viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('copying an expired access token', () => {
  it('refreshes first, then copies the new token', async () => {
    const { page } = harness;
    // Connected "25 h ago" (backend and sandbox alike): its access token is expired now.
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await connectThroughConsent(harness, 'Approve');
    await page.getByRole('heading', { name: /Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    offsetMs = 0;
    const old = harness.backend.vault.data().installs[0]!.accessToken;
    await page.getByRole('list', { name: 'Checks' }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.token').filter({ hasText: 'access token' }).getByText(', expired').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Copy access token', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Refresh and copy access token' }).click();
    await waitFor(() => harness.clipboard.length > 0, 'main to copy the access token');
    const fresh = harness.backend.vault.data().installs[0]!.accessToken;
    expect(fresh).not.toBe(old);
    expect(harness.clipboard.at(-1)).toBe(fresh);
    expect(harness.clipboard).not.toContain(old);
    await page.getByRole('button', { name: 'Copy access token', exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });
});
