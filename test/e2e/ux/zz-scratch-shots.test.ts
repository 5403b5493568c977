import { afterAll, it } from 'vitest';
import { closeSharedBrowser, startHarness } from '../harness';
afterAll(() => closeSharedBrowser());
for (const [width, scheme] of [[1024, 'light'], [1280, 'dark']] as const) {
  it(`app form ${width} ${scheme}`, async () => {
    const h = await startHarness({ viewport: { width, height: 800 }, colorScheme: scheme });
    const { page } = h;
    await page.getByRole('button', { name: 'Add app' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Relay app');
    await page.getByLabel('Client ID', { exact: true }).fill('relay-client');
    await page.getByLabel('Redirect mode', { exact: true }).selectOption('relay');
    await page.getByLabel('Relay URL', { exact: true }).fill('https://partner.example/gorgias-relay.html');
    await page.screenshot({ path: `/tmp/ux/app-form-${width}-${scheme}.png` });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Copy relay page' }).waitFor();
    await page.screenshot({ path: `/tmp/ux/app-form-saved-${width}-${scheme}.png` });
    await h.close();
  }, 60_000);
}
