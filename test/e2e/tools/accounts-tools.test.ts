// The tools that look across installs, in real Chromium against the real backend and the built-in
// sandbox: a run over three accounts with one failing, the activity timeline and its HAR export,
// diagnostics on a healthy and a revoked install, and the token inspector.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { everythingThePageShows, unnamedControls } from '../ui/ui-steps';
import { UI_TIMEOUT, addSandboxAccountAndConnect, connectFirstInstall, openInstall, vaultSecrets, waitFor } from './tools-steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1400, height: 1000 } });
  await connectFirstInstall(harness);
  // The second account's install carries a 2021-style id_token (numeric sub) for the inspector test.
  await harness.backend['sandbox.setQuirks']({ numericSub: true });
  await addSandboxAccountAndConnect(harness, 'second', 'Second sandbox');
  await harness.backend['sandbox.setQuirks']({ numericSub: false });
  await addSandboxAccountAndConnect(harness, 'third', 'Third sandbox');
}, 60_000);
afterAll(async () => {
  await harness?.close();
  await closeSharedBrowser();
});

const tool = (name: string) => harness.page.getByRole('list', { name: 'Tools' }).getByRole('button', { name, exact: true });

describe('runs across accounts', () => {
  it('runs one request over three accounts, one failing, side by side', async () => {
    const { page } = harness;
    // The third account now points at a closed port: its install fails, the others answer.
    const third = harness.backend.vault.data().accounts.find((account) => account.subdomain === 'third')!;
    await harness.backend['accounts.update']({ id: third.id, patch: { builtInSandbox: false, customBaseUrl: 'http://127.0.0.1:9' } });

    await tool('Runs').click();
    await page.getByRole('heading', { name: 'Run across accounts' }).waitFor();
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    for (const label of ['Local sandbox', 'Second sandbox', 'Third sandbox']) await page.getByRole('checkbox', { name: new RegExp(`^Demo app on ${label}`) }).check();
    await page.getByLabel('Path').fill('/api/users/0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const results = page.getByLabel('Results');
    await results.getByRole('article').nth(2).waitFor({ timeout: UI_TIMEOUT });
    const local = results.getByRole('article', { name: 'Demo app on Local sandbox' });
    const second = results.getByRole('article', { name: 'Demo app on Second sandbox' });
    const failed = results.getByRole('article', { name: 'Demo app on Third sandbox' });
    expect(await local.locator('.run-result__status').textContent()).toBe('200');
    expect(await second.locator('.run-result__status').textContent()).toBe('200');
    expect(await local.locator('.run-result__summary').textContent()).toMatch(/#\d+ \(.+\)/);
    expect(await failed.locator('.run-result__status').textContent()).toBe('no answer');
    expect(await failed.locator('.error-message__text').textContent()).toMatch(/^NETWORK_CONNECTION: /);
    expect(await failed.getAttribute('class')).toContain('run-result--failed');
    expect(await unnamedControls(page)).toEqual([]);
  });
});

describe('activity timeline', () => {
  it('shows the flow and the calls newest first, filters by kind, and details one exchange', async () => {
    const { page } = harness;
    await tool('Activity').click();
    const list = page.getByRole('list', { name: 'Exchanges' });
    await list.getByRole('button').first().waitFor({ timeout: UI_TIMEOUT });
    for (const kind of ['authorize', 'callback', 'token', 'api']) {
      expect(await list.getByRole('button', { name: new RegExp(`^${kind} `) }).count(), kind).toBeGreaterThan(0);
    }
    // Newest first: the run's calls come before the first flow's authorize redirect.
    const names = await list.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    expect(names.findIndex((name) => name.startsWith('api '))).toBeLessThan(names.findLastIndex((name) => name.startsWith('authorize ')));

    await page.getByLabel('Kind').selectOption('token');
    await page.getByRole('status').getByText(/^\d+ of \d+ exchanges, newest first$/).waitFor();
    await list.getByRole('button').first().waitFor();
    const tokenNames = await list.getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    expect(tokenNames.length).toBeGreaterThanOrEqual(3);
    expect(tokenNames.every((name) => name.startsWith('token POST '))).toBe(true);

    await list.getByRole('button').first().click();
    const detail = page.getByRole('region', { name: 'Exchange detail' });
    await detail.getByRole('table', { name: 'Request headers' }).waitFor();
    await detail.getByRole('table', { name: 'Response headers' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    const shown = await everythingThePageShows(page);
    for (const secret of vaultSecrets(harness)) expect(shown).not.toContain(secret);
  });

  it('refreshes when new exchanges are logged', async () => {
    const { page } = harness;
    await page.getByLabel('Kind').selectOption('api');
    const list = page.getByRole('list', { name: 'Exchanges' });
    await list.getByRole('button').first().waitFor();
    const before = await list.getByRole('button').count();
    const installId = harness.backend.vault.data().installs[0]!.id;
    await harness.backend['api.send']({ installId, method: 'GET', path: '/api/tags', query: [], headers: [], body: null });
    await list.getByRole('button', { name: /^api GET \S+\/api\/tags / }).first().waitFor({ timeout: UI_TIMEOUT });
    expect(await list.getByRole('button').count()).toBe(before + 1);
  });

  it('exports every exchange as HAR 1.2 with no secret in it', async () => {
    const { page } = harness;
    await page.getByLabel('Kind').selectOption('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HAR' }).click()]);
    expect(download.suggestedFilename()).toBe('workbench.har');
    const text = await readFile((await download.path())!, 'utf8');
    const har = JSON.parse(text) as { log: { version: string; creator: { name: string }; entries: Array<{ request: { method: string; url: string }; response: { status: number } }> } };
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('Gorgias OAuth Workbench');
    expect(har.log.entries.length).toBe(harness.backend.vault.activity.list({ limit: 1000 }).total);
    expect(har.log.entries.some((entry) => entry.request.url.includes('/api/users/0') && entry.response.status === 200)).toBe(true);
    expect(har.log.entries.some((entry) => entry.request.url.includes('/oauth/token'))).toBe(true);
    const secrets = vaultSecrets(harness);
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('diagnostics', () => {
  it('finds nothing wrong with a healthy install, and copies a report without secrets', async () => {
    const { page } = harness;
    await openInstall(page, 'Second sandbox');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('heading', { name: 'What is wrong with this install?' }).waitFor();
    const checks = page.getByRole('list', { name: 'Diagnostics' });
    await checks.getByRole('listitem').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await checks.locator('.check--fail').count()).toBe(0);
    // Opening changes nothing: the refresh is tried only from its own button.
    expect(await checks.locator('[data-check="refresh"] .check__word').textContent()).toBe('could not check');
    expect(await checks.locator('[data-check="api.account"] .check__word').textContent()).toBe('pass');
    await page.getByRole('button', { name: 'Try a real refresh (renews the access token)' }).click();
    await checks.locator('[data-check="refresh"]').getByText('pass', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.overall').filter({ hasText: /^(Nothing wrong found\.|Works, with warnings\.)$/ }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);

    const copies = harness.clipboard.length;
    await page.getByRole('button', { name: 'Copy report' }).click();
    await waitFor(() => harness.clipboard.length > copies, 'main to copy the report');
    const report = harness.clipboard.at(-1)!;
    expect(report).toContain('Second sandbox');
    for (const secret of vaultSecrets(harness)) expect(report).not.toContain(secret);
  });

  it('says once that a revoked install was revoked here, with the fix', async () => {
    const { page } = harness;
    await openInstall(page, 'Local sandbox');
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('dialog', { name: 'Revoke this install?' }).getByRole('button', { name: 'Revoke tokens' }).click();
    await page.locator('.panel__header .status--revoked').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const revoked = page.getByRole('list', { name: 'Diagnostics' }).locator('[data-check="install.revoked"]');
    await revoked.waitFor({ timeout: UI_TIMEOUT });
    expect(await revoked.locator('.check__word').textContent()).toBe('fail');
    expect(await revoked.locator('.check__fix').textContent()).toMatch(/^Fix: .*(reconnect|connect .* again)/i);
    expect(await page.locator('.overall').textContent()).toMatch(/^Something is wrong\. Cause: Revoked here at /);
  });
});

describe('token inspector', () => {
  async function inspect(token: string) {
    const { page } = harness;
    await tool('Inspector').click();
    await page.getByRole('textbox', { name: 'Token' }).fill(token);
    await page.getByRole('button', { name: 'Inspect', exact: true }).click();
    return page.getByRole('region', { name: 'Inspection' });
  }

  async function revealed(label: string, kind: 'access' | 'id'): Promise<string> {
    const { page } = harness;
    await openInstall(page, label);
    await page.getByRole('button', { name: `Reveal ${kind} token` }).click();
    const value = page.getByLabel(`${kind} token value`);
    await value.waitFor({ timeout: UI_TIMEOUT });
    return (await value.textContent())!;
  }

  it('decodes a revealed sandbox access token and verifies it against the account keys', async () => {
    const token = await revealed('Second sandbox', 'access');
    const result = await inspect(token);
    await result.getByRole('status').getByText(/^JWT: /).waitFor({ timeout: UI_TIMEOUT });
    await result.getByRole('group', { name: 'Signature' }).getByText('Signature verified', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await result.getByRole('table', { name: 'Claims' }).getByRole('row', { name: /^exp / }).waitFor();
    expect(await result.getByRole('list', { name: 'Readings' }).textContent()).toMatch(/access token/i);
    expect(await harness.page.getByRole('table', { name: 'Known to the workbench' }).textContent()).toContain('Second sandbox');
  });

  it('says a garbage string is not a token, without a crash', async () => {
    const result = await inspect('this is not a token at all!!');
    await result.getByRole('status').getByText(/^invalid: /).waitFor({ timeout: UI_TIMEOUT });
    expect(await result.getByRole('table').count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });

  it('warns about the numeric sub of a sandbox id_token', async () => {
    const token = await revealed('Second sandbox', 'id');
    const result = await inspect(token);
    await result.getByRole('status').getByText(/^JWT: /).waitFor({ timeout: UI_TIMEOUT });
    await result.getByRole('list', { name: 'Readings' }).getByText(/sub is the number/).waitFor();
    expect(await unnamedControls(harness.page)).toEqual([]);
    // Nothing pasted is stored: the vault holds no more than before, and the box empties on Clear.
    await harness.page.getByRole('button', { name: 'Clear' }).click();
    expect(await harness.page.getByRole('textbox', { name: 'Token' }).inputValue()).toBe('');
  });
});
