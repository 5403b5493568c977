// Diagnostics on the two installs support meets most and the other journeys cannot make: one whose
// access token has expired (time moved on for the backend and the sandbox alike) and one whose
// authorising user was removed from the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall, openInstall } from './tools-steps';

const HOUR = 3_600_000;
let offsetMs = 0;
const movableClock = { now: () => Date.now() + offsetMs };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ clock: movableClock, viewport: { width: 1400, height: 1000 } });
  await connectFirstInstall(harness);
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await closeSharedBrowser();
});

async function diagnose() {
  const { page } = harness;
  await openInstall(page, 'Local sandbox');
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const checks = page.getByRole('list', { name: 'Diagnostics' });
  await checks.locator('[data-check="token.present"]').waitFor({ timeout: UI_TIMEOUT });
  return checks;
}

describe('diagnostics', () => {
  it('on an expired install: says it expired, and that refresh renews it', async () => {
    offsetMs = 25 * HOUR;
    const checks = await diagnose();
    const expiry = checks.locator('[data-check="token.expiry"]');
    expect(await expiry.locator('.check__word').textContent()).toBe('warning');
    expect(await expiry.textContent()).toMatch(/expired/i);
    // The refresh runs only when asked, from the button that says so.
    expect(await checks.locator('[data-check="refresh"] .check__word').textContent()).toBe('could not check');
    await harness.page.getByRole('button', { name: 'Try a real refresh (renews the access token)' }).click();
    await checks.locator('[data-check="refresh"]').getByText('pass', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('on an install whose user was removed: names that cause and the fix', async () => {
    const install = harness.backend.vault.data().installs[0]!;
    const payload = JSON.parse(Buffer.from(install.accessToken.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string };
    const userId = Number(payload.sub.split('-').at(-1));
    harness.backend.sandbox.current()!.removeUser('sandbox', userId);

    const checks = await diagnose();
    const account = checks.locator('[data-check="api.account"]');
    expect(await account.locator('.check__word').textContent()).toBe('fail');
    expect(await account.textContent()).toMatch(/user who authorised this install was removed/);
    expect(await account.locator('.check__fix').textContent()).toMatch(/Reconnect the app while logged in as an active user/);
    expect(await harness.page.locator('.overall').textContent()).toMatch(/^Something is wrong\. Cause: The user who authorised this install was removed from the account/);
  });
});
