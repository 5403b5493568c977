// Refreshes the screenshots in docs/screenshots/ (used by the README and docs/ui.md): the built
// renderer in headless Chromium, light then dark theme (name-dark.png), driven through the e2e harness against a real backend
// and the built-in sandbox, so the pictures show the product as it is.
//
//   npx tsx scripts/screenshots.ts            builds the renderer first
//   npx tsx scripts/screenshots.ts --no-build uses the existing dist/
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeSharedBrowser, startHarness } from '../test/e2e/harness';
import { createFakeKeyProtector } from '../test/fakes/fake-key-protector';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'screenshots');
const TIMEOUT = 15_000;

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  await mkdir(outDir, { recursive: true });
  try {
    // Light keeps the README's names; dark gets a "-dark" suffix.
    await shootAll('light', '');
    await shootAll('dark', '-dark');
    await shootSettings('light', '');
    await shootSettings('dark', '-dark');
  } finally {
    await closeSharedBrowser();
  }
}

async function shootAll(colorScheme: 'light' | 'dark', suffix: string): Promise<void> {
  const harness = await startHarness({ viewport: { width: 1280, height: 800 }, colorScheme });
  const { page } = harness;
  const shoot = async (name: string) => {
    // Toasts of earlier steps would cover the screen: dismissed, as a person would.
    for (const close of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await close.click().catch(() => undefined);
    await page.screenshot({ path: join(outDir, `${name}${suffix}.png`) });
    console.warn(`wrote docs/screenshots/${name}${suffix}.png`);
  };
  const waitForOpened = async (count: number) => {
    while (harness.openedUrls.length <= count) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  try {
    // 1. First run: the local sandbox, the demo app, one Connect.
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: TIMEOUT });
    await shoot('first-run');

    // 2. The app form (the demo app: the redirect and the URL to register, then the scopes).
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Demo app' }).click();
    await page.getByText('A secret is set.').waitFor({ timeout: TIMEOUT });
    await shoot('app-form');

    // 3. A new app in relay mode: the relay page made for it, to save or copy, with the hosting steps.
    await page.getByRole('button', { name: 'Add app' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Partner app');
    await page.getByLabel('Client ID', { exact: true }).fill('partner-client-id');
    await page.getByLabel('Client secret', { exact: true }).fill('partner-client-secret');
    await page.getByLabel('Redirect mode', { exact: true }).selectOption('relay');
    await page.getByLabel('Relay URL', { exact: true }).fill('https://partner.example/gorgias-relay.html');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Copy relay page' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('group', { name: 'Relay page for this app' }).scrollIntoViewIfNeeded();
    await shoot('relay-page');

    // 4. The connect flow, waiting for the consent in the system browser.
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: 'Demo app on Local sandbox: not connected, connect' }).click();
    await page.getByRole('list', { name: 'Flow steps' }).waitFor({ timeout: TIMEOUT });
    await waitForOpened(0);
    await shoot('connect-flow');

    // 5. The install, once the consent is approved in the "system browser": the checks summary on top.
    const consent = await harness.systemBrowser();
    await consent.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('region', { name: 'Checks summary' }).waitFor({ timeout: TIMEOUT });
    await page.getByText(/Connected Demo app/).waitFor({ timeout: TIMEOUT }).catch(() => undefined);
    await shoot('install-view');
    await shoot('checks-summary');

    // 5b. A second user of the same app × account: "Connect as another user", the observer approves.
    const beforeSecondUser = harness.openedUrls.length;
    await page.getByRole('button', { name: 'Connect as another user' }).click();
    await waitForOpened(beforeSecondUser);
    const observer = await harness.systemBrowser();
    await observer.getByLabel('User').selectOption({ label: 'Olive Observer (fake) — observer-agent (id 4)' });
    await observer.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/Approved by\s*Olive Observer \(fake\)/).waitFor({ timeout: TIMEOUT });

    // 6. The API console on that install: a paginated GET; the form folds so the answer is in view.
    await page.getByRole('button', { name: 'API console' }).click();
    const endpoint = page.getByLabel('Endpoint');
    const tickets = await endpoint.locator('option', { hasText: 'GET /api/tickets ·' }).first().getAttribute('value');
    if (tickets) await endpoint.selectOption(tickets);
    await page.getByLabel('Query').fill('limit=5');
    await page.getByLabel('Query').press('Control+Enter');
    await page.getByRole('region', { name: 'Response body' }).locator('.json-line').first().waitFor({ timeout: TIMEOUT });
    await shoot('api-console');

    // 7. Diagnostics: "What is wrong with this install?" (read-only on opening).
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: /^Demo app on Local sandbox: .*open install/ }).click();
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('list', { name: 'Diagnostics' }).locator('[data-check="refresh"]').waitFor({ timeout: TIMEOUT });
    await shoot('diagnostics');

    // 8. Runs: the same request over two installs, results side by side.
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByLabel('Subdomain').fill('second');
    await form.getByLabel('Label').fill('Second sandbox');
    await form.getByRole('checkbox', { name: 'Use the built-in sandbox' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Accounts' }).getByText('Second sandbox').waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    const opened = harness.openedUrls.length;
    await page.getByRole('button', { name: 'Demo app on Second sandbox: not connected, connect' }).click();
    await waitForOpened(opened);
    const second = await harness.systemBrowser();
    await second.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('region', { name: 'Checks summary' }).waitFor({ timeout: TIMEOUT });

    // 9. The grid: two users of the demo app on the local sandbox, one on the second account.
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('list', { name: 'Users of Demo app on Local sandbox' }).waitFor({ timeout: TIMEOUT });
    await shoot('grid');

    // 10. Runs: GET /api/account over the three installs, side by side, where the bodies differ.
    await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Runs' }).click();
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByLabel('Path').fill('/api/account');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.getByLabel('Results', { exact: true });
    await results.getByRole('article').nth(2).getByText(/^Body (differs from line \d+:|same)/i).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Clear results' }).evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await shoot('runs');

    // 11. A result's own answer in the console, read-only (not sent again).
    await results.getByRole('article').nth(2).getByRole('button', { name: /^Open .*'s response in the API console$/ }).click();
    await page.getByRole('region', { name: 'Response body' }).locator('.json-line').first().waitFor({ timeout: TIMEOUT });
    await shoot('runs-open-response');
  } finally {
    await harness.close();
  }
}

// 9. Settings on a passphrase vault (the one kind that can lock), at 1024 px.
async function shootSettings(colorScheme: 'light' | 'dark', suffix: string): Promise<void> {
  const harness = await startHarness({ viewport: { width: 1024, height: 800 }, colorScheme, keyProtector: createFakeKeyProtector({ level: 'weak', backend: 'basic_text' }) });
  const { page } = harness;
  try {
    await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Use this passphrase' }).click();
    await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Lock the vault when idle', { exact: true }).check();
    await page.getByLabel('Minutes idle before locking', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Save auto-lock' }).click();
    await page.getByText('Now: the vault locks after 15 minutes idle.').waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(outDir, `settings${suffix}.png`) });
    console.warn(`wrote docs/screenshots/settings${suffix}.png`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
