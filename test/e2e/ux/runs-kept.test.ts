// Runs across accounts (issue 14, point 7, in part): select all / none; results stay until cleared
// (not lost on navigation); a failed result prints its error once; a result opens in the console.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, addSandboxAccountAndConnect, connectFirstInstall } from '../tools/tools-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

const tool = (name: string) => harness.page.getByRole('list', { name: 'Tools' }).getByRole('button', { name });

describe('runs', () => {
  it('selects all, runs, keeps the results across navigation until cleared', async () => {
    const { page } = harness;
    await connectFirstInstall(harness);
    await addSandboxAccountAndConnect(harness, 'second', 'Second sandbox');
    await tool('Runs').click();
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByText('2 of 2 chosen').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByLabel('Results', { exact: true });
    await results.getByRole('article').nth(1).waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await tool('Runs').click();
    expect(await results.getByRole('article').count()).toBe(2);
    await page.getByText('2 of 2 chosen').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Clear results' }).click();
    expect(await results.count()).toBe(0);
    await page.getByRole('button', { name: 'Select none' }).click();
    await page.getByText('0 of 2 chosen').waitFor({ timeout: UI_TIMEOUT });
  });

  it('prints a failed result\'s error once', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByLabel('Path').fill('/api/macros');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByLabel('Results', { exact: true });
    const first = results.getByRole('article').first();
    await first.locator('.error-message').waitFor({ timeout: UI_TIMEOUT });
    const message = (await first.locator('.error-message__text').textContent())!.replace(/^[A-Z_]+: /, '');
    expect(message.length).toBeGreaterThan(5);
    const text = (await first.innerText()).split(message).length - 1;
    expect(text).toBe(1);
  });

  it('says how each result differs from the first, side by side', async () => {
    const { page } = harness;
    // The second install loses the scope the first has: same request, different answers.
    const data = harness.backend.vault.data();
    const [first, second] = data.installs;
    const secondLabel = `Demo app on ${data.accounts.find((account) => account.id === second!.accountId)!.label}`;
    const firstLabel = `Demo app on ${data.accounts.find((account) => account.id === first!.accountId)!.label}`;
    await page.getByLabel('Path').fill('/api/account');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByLabel('Results', { exact: true });
    await results.getByRole('article').nth(1).getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const compared = results.getByRole('article', { name: secondLabel }).getByLabel(`Compared with ${firstLabel}`);
    expect(await compared.textContent()).toBe(`Same status and summary as ${firstLabel}.`);
    const [a, b] = await Promise.all([results.getByRole('article').nth(0).boundingBox(), results.getByRole('article').nth(1).boundingBox()]);
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

    // The second install's token stops working (and nothing can renew it): the answers now differ.
    await harness.backend.vault.update((draft) => {
      const target = draft.installs.find((install) => install.id === second!.id)!;
      target.accessToken = 'not-a-valid-token';
      target.refreshToken = null;
    });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await compared.getByText(/^Differs from /).waitFor({ timeout: UI_TIMEOUT });
    expect(await compared.textContent()).toMatch(new RegExp(`^Differs from ${firstLabel}: status 200 → \\d{3}`));
  });

  it('opens a result\'s full response in the API console\'s viewer', async () => {
    const { page } = harness;
    const results = page.getByLabel('Results', { exact: true });
    // The previous run's results first go, so the 200 waited for below can only be this run's.
    await page.getByRole('button', { name: 'Clear results' }).click();
    expect(await results.count()).toBe(0);
    await page.getByLabel('Path').fill('/api/tickets');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const answered = results.getByRole('article').nth(0);
    await answered.getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const label = (await answered.getByRole('heading').textContent())!;
    await answered.getByRole('button', { name: `Open ${label}'s response in the API console` }).click();
    await page.getByRole('heading', { name: new RegExp(`API console: ${label.replace(' on ', ' on\\s*')}`) }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Path').inputValue()).toBe('/api/tickets');
    await page.getByRole('status', { name: 'Response status' }).getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('region', { name: 'Response body' }).locator('.json-line').first().waitFor({ timeout: UI_TIMEOUT });
    // Back on Runs, the results are still there.
    await tool('Runs').click();
    expect(await results.getByRole('article').count()).toBe(2);
  });
});
