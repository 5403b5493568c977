// A big answer in the console while it is still arriving, in real Chromium: a loopback proxy in
// front of the built-in sandbox holds the body back after its first 96 KB (no timing: the test
// releases it), so the console must show the first lines and "still receiving…" before the body
// ends, then the complete line count once it is in. Screenshots in /tmp/ux/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { startDrippingProxy, type DrippingProxy } from '../../fakes/dripping-proxy';
import { UI_TIMEOUT, connectFirstInstall } from './tools-steps';

let harness: Harness;
let proxy: DrippingProxy;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1280, height: 900 } });
  await connectFirstInstall(harness);
  const install = harness.backend.vault.data().installs[0]!;
  const account = harness.backend.vault.data().accounts.find((candidate) => candidate.id === install.accountId)!;
  const info = await harness.backend['system.info'](undefined);
  proxy = await startDrippingProxy(`${info.sandboxBaseUrl}/${account.subdomain}`, account.subdomain);
  // The account now answers through the proxy (a custom base URL; the token stays the sandbox's).
  await harness.backend.vault.update((draft) => {
    const stored = draft.accounts.find((candidate) => candidate.id === account.id)!;
    stored.builtInSandbox = false;
    stored.customBaseUrl = proxy.baseUrl;
  });
  await harness.page.getByRole('button', { name: 'API console' }).click();
  await harness.page.getByRole('heading', { name: /API console: Demo app on/ }).waitFor({ timeout: UI_TIMEOUT });
  mkdirSync('/tmp/ux', { recursive: true });
});
afterAll(async () => {
  proxy?.release();
  await proxy?.close();
  await harness?.close();
  await closeSharedBrowser();
});

describe('a big answer while it arrives', () => {
  it('shows the first lines and "still receiving…", then the complete line count', async () => {
    const { page } = harness;
    proxy.plan({ holdAfter: 96 * 1024 });
    await page.getByLabel('Path').fill('/api/sandbox/large');
    await page.getByLabel('Query').fill('size_mb=3');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const held = await proxy.holding();
    const body = page.getByRole('region', { name: 'Response body' });
    await body.getByText('"subject": "[fake] Benchmark ticket 1"').waitFor({ timeout: UI_TIMEOUT });
    const total = page.locator('.json-view__total');
    await total.getByText('still receiving…').waitFor({ timeout: UI_TIMEOUT });
    // Shown while the proxy still holds all but the first 96 KB of a 3 MB body.
    expect(proxy.ended()).toBe(false);
    expect(held.total).toBeGreaterThan(3_000_000);
    expect(await page.getByRole('button', { name: 'Find' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Stop receiving' }).waitFor();
    await page.screenshot({ path: '/tmp/ux/console-still-receiving.png' });

    proxy.release();
    await total.getByText(/^[\d,]+ lines$/).waitFor({ timeout: 30_000 });
    const count = Number((await total.textContent())!.replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(50_000);
    expect(await page.getByRole('button', { name: 'Stop receiving' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/ux/console-received.png' });
    // The last line is reachable and search works now.
    await body.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await body.locator(`.json-line[data-line="${count}"] .json-line__text`).getByText('}', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Search the body').fill('Benchmark ticket 1234"');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('status').getByText('Match 1 of 1', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('Stop receiving keeps what came, pretty up to the cut, and says so', async () => {
    const { page } = harness;
    proxy.plan({ holdAfter: 96 * 1024 });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await proxy.holding();
    await page.locator('.json-view__total').getByText('still receiving…').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Stop receiving' }).click();
    await page.getByText('Stopped by you: what came is shown, up to where it stopped.').waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.json-view__total').getByText(/^[\d,]+ lines$/).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('region', { name: 'Response body' }).getByText('"subject": "[fake] Benchmark ticket 1"').waitFor({ timeout: UI_TIMEOUT });
    await page.screenshot({ path: '/tmp/ux/console-stopped.png' });
  });
});
