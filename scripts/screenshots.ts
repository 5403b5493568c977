// Refreshes the screenshots in docs/screenshots/ (used by the README and docs/ui.md): the built
// renderer in headless Chromium, light theme, driven through the e2e harness against a real backend
// and the built-in sandbox, so the pictures show the product as it is.
//
//   npx tsx scripts/screenshots.ts            builds the renderer first
//   npx tsx scripts/screenshots.ts --no-build uses the existing dist/
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeSharedBrowser, startHarness } from '../test/e2e/harness';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'screenshots');
const TIMEOUT = 15_000;

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  await mkdir(outDir, { recursive: true });
  const harness = await startHarness({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const { page } = harness;
  const shoot = async (name: string) => {
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    console.warn(`wrote docs/screenshots/${name}.png`);
  };
  try {
    // 1. First run: the local sandbox, the demo app, one Connect.
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: TIMEOUT });
    await shoot('first-run');

    // 2. The app form (the demo app: scopes, redirect, the URL to register).
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app' }).click();
    await page.getByText('A secret is set.').waitFor({ timeout: TIMEOUT });
    await shoot('app-form');

    // 3. The connect flow, waiting for the consent in the system browser.
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('list', { name: 'Flow steps' }).waitFor({ timeout: TIMEOUT });
    while (harness.openedUrls.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await shoot('connect-flow');

    // 4. The install, once the consent is approved in the "system browser".
    const consent = await harness.systemBrowser();
    await consent.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('list', { name: 'Checks' }).waitFor({ timeout: TIMEOUT });
    await page.getByText(/Connected Demo app/).waitFor({ timeout: TIMEOUT }).catch(() => undefined);
    await shoot('install-view');

    // 5. The API console on that install: a paginated GET with its rate-limit readout.
    await page.getByRole('button', { name: 'API console' }).click();
    const endpoint = page.getByLabel('Endpoint');
    const tickets = await endpoint.locator('option', { hasText: 'GET /api/tickets ·' }).first().getAttribute('value');
    if (tickets) await endpoint.selectOption(tickets);
    await page.getByLabel('Query').fill('limit=5');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Response body' }).locator('.json-line').first().waitFor({ timeout: TIMEOUT });
    await shoot('api-console');

    // 6. Diagnostics: "What is wrong with this install?"
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: /^Demo app on Local sandbox: .*open install/ }).click();
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('list', { name: 'Diagnostics' }).locator('[data-check="refresh"]').waitFor({ timeout: TIMEOUT });
    await shoot('diagnostics');
  } finally {
    await harness.close();
    await closeSharedBrowser();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
