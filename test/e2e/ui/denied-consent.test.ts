// A user who clicks Deny on the consent page: the flow stops, the window says why in words and
// what to do, and no install appears.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('denied consent', () => {
  it('shows the reason and the fix, and stores nothing', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await connectThroughConsent(harness, 'Deny');
    await page.getByRole('heading', { name: 'Connect failed' }).waitFor({ timeout: UI_TIMEOUT });
    const failure = page.locator('.connect__failure').getByRole('alert');
    await failure.getByText(/declined the consent screen/).waitFor({ timeout: UI_TIMEOUT });
    expect(await failure.textContent()).not.toMatch(/\bat\s+\S+\s+\(|Error:/);
    await page.getByRole('button', { name: 'Try again' }).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().installs).toHaveLength(0);
    expect(harness.pageErrors).toEqual([]);
  });

  it('tries again, then cancels the flow while it waits for the consent', async () => {
    const { page } = harness;
    const flowsBefore = (await harness.backend['flows.list'](undefined)).length;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Copy authorize URL' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByText('Connect was cancelled. Nothing was stored.').waitFor({ timeout: UI_TIMEOUT });
    const flows = await harness.backend['flows.list'](undefined);
    expect(flows.length).toBeGreaterThan(flowsBefore);
    expect(flows.some((flow) => flow.step === 'cancelled')).toBe(true);
    expect(harness.backend.vault.data().installs).toHaveLength(0);
  });
});
