// Diagnose (issue 14, point 6): opening it changes nothing (same tokens, no toast); the real refresh
// is a button that says so; on a revoked install it says once "revoked here at …, the access token
// works until …" and names that as the cause, with no "refresh token present: pass" beside it.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall, openInstall, waitFor } from '../tools/tools-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

async function openDiagnose() {
  const { page } = harness;
  await openInstall(page, 'Local sandbox');
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const checks = page.getByRole('list', { name: 'Diagnostics' });
  await checks.locator('[data-check="token.present"]').waitFor({ timeout: UI_TIMEOUT });
  return checks;
}

describe('diagnose', () => {
  it('opening it changes nothing; the refresh is a button that says it renews the token', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    // Wait for the connect toasts to leave, so any new toast would be Diagnose's.
    await page.getByRole('status', { name: 'Notifications' }).getByRole('button').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const before = structuredClone(harness.backend.vault.data().installs[0]!);
    const eventsBefore = harness.received.filter((item) => item.kind === 'event').length;

    const checks = await openDiagnose();
    const refresh = checks.locator('[data-check="refresh"]');
    expect(await refresh.textContent()).toMatch(/Not tried: a real refresh gives the install a new access token/);
    expect(await page.getByRole('status', { name: 'Notifications' }).textContent()).toBe('');
    const after = harness.backend.vault.data().installs[0]!;
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.refreshedAt).toBe(before.refreshedAt);
    const events = harness.received.filter((item) => item.kind === 'event').slice(eventsBefore).map((item) => item.event);
    expect(events.filter((event) => event === 'installs.changed' || event === 'notice')).toEqual([]);
    await page.getByText(/; checked .*, read-only\)$/).waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Try a real refresh (renews the access token)' }).click();
    await waitFor(() => harness.backend.vault.data().installs[0]!.accessToken !== before.accessToken, 'the refresh to renew the token');
    await refresh.getByText('pass', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByText(/; checked .*, with a real refresh\)$/).waitFor({ timeout: UI_TIMEOUT });
  });

  it('on a revoked install: says once that it was revoked here and until when the access token works', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Back to the install' }).click();
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('dialog', { name: 'Revoke this install?' }).getByRole('button', { name: 'Revoke tokens' }).click();
    await page.locator('.panel__header .status--revoked').waitFor({ timeout: UI_TIMEOUT });
    const install = harness.backend.vault.data().installs[0]!;

    const checks = await openDiagnose();
    const revoked = checks.locator('[data-check="install.revoked"]');
    await revoked.waitFor({ timeout: UI_TIMEOUT });
    expect(await revoked.locator('.check__detail').textContent()).toMatch(/^Revoked here at .+: the refresh token no longer works, and the access token works until .+ \(a JWT cannot be cut short\)\.$/);
    // Times read in local time, the exact instant on hover: one date format.
    expect(await revoked.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('title')))).toEqual([install.revokedAt, install.expiresAt]);
    expect(await revoked.locator('.check__detail').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(await checks.locator('[data-check="token.refresh-present"]').count()).toBe(0);
    expect(await checks.locator('[data-check="refresh"]').count()).toBe(0);
    expect(await page.locator('.overall').textContent()).toBe(`Something is wrong. Cause: ${await revoked.locator('.check__detail').textContent()}`);
    expect(await page.getByText(/Revoked here at/).count()).toBe(2);
  });
});
