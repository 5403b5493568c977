// The install view's checks summary (issue 14, point 5): at the top, in the first screen, how many
// passed and each warning by name; a name leads to its row, which comes into view with focus.
// Also (point 9) one date format in the checks: local time, the ISO instant on hover.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent } from '../ui/ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1024, height: 768 } }, (started) => (harness = started));

describe('checks summary', () => {
  it('sits at the top with the count and the warnings by name, each leading to its row', async () => {
    const { page } = harness;
    // expires_in: 0 as in Gorgias's docs, which the checks flag.
    await harness.backend['sandbox.setQuirks']({ expiresIn: 0 });
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await connectThroughConsent(harness, 'Approve');
    const summary = page.getByRole('region', { name: 'Checks summary' });
    await summary.waitFor({ timeout: UI_TIMEOUT });
    const checks = harness.backend.vault.data().installs[0]!.checks;
    const passed = checks.filter((check) => check.outcome === 'pass').length;
    const warnings = checks.filter((check) => check.outcome === 'warn');
    expect(warnings.length).toBeGreaterThan(0);
    await summary.getByText(`Checks: ${passed} of ${checks.length} passed`).waitFor({ timeout: UI_TIMEOUT });
    await summary.getByText(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`).waitFor({ timeout: UI_TIMEOUT });
    const box = await summary.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(768);

    for (const warning of warnings) {
      await summary.getByRole('button', { name: warning.label, exact: true }).click();
      const row = page.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ has: page.getByText(warning.label, { exact: true }) });
      await page.waitForFunction((label) => document.activeElement?.textContent?.includes(label) ?? false, warning.label);
      expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);
      const rowBox = await row.boundingBox();
      expect(rowBox!.y).toBeGreaterThanOrEqual(0);
      expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(768);
      expect(await row.textContent()).toContain('warning');
    }
    // One date format: local times, the ISO instant on hover; no raw ISO text among the checks.
    const list = page.getByRole('list', { name: 'Checks' });
    expect(await list.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const titles = await list.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
