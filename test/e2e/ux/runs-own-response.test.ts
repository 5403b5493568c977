// Runs across accounts (issue 14, point 7): each result opens ITS OWN answer in the console's viewer
// (kept in main, read-only, never sent again), and a result shows where its body first differs from
// the first result's.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, addSandboxAccountAndConnect, connectFirstInstall } from '../tools/tools-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

const tool = (name: string) => harness.page.getByRole('list', { name: 'Tools' }).getByRole('button', { name });

describe('runs: each result\'s own response', () => {
  it('shows the first differing body lines, and opens the kept answer even after its token stops working', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    await addSandboxAccountAndConnect(harness, 'second', 'Second sandbox');
    await tool('Runs').click();
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByLabel('Path').fill('/api/account');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByLabel('Results', { exact: true });
    const data = harness.backend.vault.data();
    const [first, second] = data.installs;
    const labelOf = (install: typeof first) => `Demo app on ${data.accounts.find((account) => account.id === install!.accountId)!.label}`;
    const secondCard = results.getByRole('article', { name: labelOf(second) });

    // Same status, same summary shape, different bodies: the lines that differ are shown.
    const body = secondCard.getByLabel(`Body differences from ${labelOf(first)}`);
    await body.getByText(/^Body differs from line \d+:$/).waitFor({ timeout: UI_TIMEOUT });
    const shown = await body.locator('pre').innerText();
    expect(shown).toMatch(/^- .*\n\+ /m);
    expect(shown).toContain('+ ');
    expect(shown).toMatch(/"second/);

    // The second install's token stops working and nothing can renew it: sending again would fail.
    await harness.backend.vault.update((draft) => {
      const target = draft.installs.find((install) => install.id === second!.id)!;
      target.accessToken = 'not-a-valid-token';
      target.refreshToken = null;
    });
    await secondCard.getByRole('button', { name: `Open ${labelOf(second)}'s response in the API console` }).click();
    await page.getByRole('heading', { name: /API console: Demo app on\s*Second sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('note').filter({ hasText: 'The answer kept from the run of' }).getByText(/read-only, not sent again/).waitFor({ timeout: UI_TIMEOUT });
    // Its own answer: 200 (a re-send would be refused now), its headers, its account's body.
    await page.getByRole('status', { name: 'Response status' }).getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByText(/^Headers \(\d+\)$/).count()).toBe(1);
    const viewer = page.getByRole('region', { name: 'Response body' });
    await viewer.locator('.json-line').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await viewer.innerText()).toContain('"second');
    expect(await page.getByLabel('Path').inputValue()).toBe('/api/account');
    // Nothing was sent from the console: its history is empty.
    expect(await page.getByRole('button', { name: /^Re-run / }).count()).toBe(0);
  });
});
