// A server that ignores a revoke: after Revoke, a real refresh (Diagnose's "Try a real refresh") still
// succeeds. The diagnostics say so, the install stays revoked and its checks say, in words, that the
// revoke did not take effect.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { openInstall } from '../tools/tools-steps';
import { UI_TIMEOUT, connectThroughConsent } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('refresh after a revoke the server ignored', () => {
  it('keeps the revoke and shows the finding among the install\'s checks', async () => {
    const { page } = harness;
    await connectThroughConsent(harness, 'Approve');
    await page.locator('.panel__header .status--active').waitFor({ timeout: UI_TIMEOUT });
    harness.backend.sandbox.current()!.setFault('revoke-ignored');
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('dialog', { name: 'Revoke this install?' }).getByRole('button', { name: 'Revoke tokens' }).click();
    await page.locator('.panel__header .status--revoked').waitFor({ timeout: UI_TIMEOUT });
    const revokedAt = harness.backend.vault.data().installs[0]!.revokedAt;
    harness.backend.sandbox.current()!.setFault(null);

    await page.getByRole('button', { name: 'Diagnose' }).click();
    // Opening Diagnose is read-only; the refresh is the button that says so.
    await page.getByRole('button', { name: 'Try a real refresh (renews the access token)' }).click();
    const refresh = page.getByRole('list', { name: 'Diagnostics' }).locator('[data-check="refresh"]');
    await refresh.locator('.check__word', { hasText: 'fail' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await refresh.textContent()).toContain('the server still accepts the revoked refresh token');
    await openInstall(page, 'Local sandbox');
    const finding = page.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: 'revoke honoured' });
    await finding.waitFor({ timeout: UI_TIMEOUT });
    expect(await finding.locator('.check__word').textContent()).toBe('fail');
    expect(await finding.locator('.check__detail').textContent()).toContain('the revoke did not take effect');
    await page.locator('.panel__header .status--revoked').waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs[0]!.revokedAt).toBe(revokedAt);
    expect(harness.pageErrors).toEqual([]);
  });
});
