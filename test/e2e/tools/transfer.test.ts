// Import / export in real Chromium: export without and with secrets (encrypted under a
// passphrase), then import shows what will change before applying it, and round-trips; a wrong or
// missing passphrase and a non-export are refused with the text kept. Each test has its own window
// and vault: an import test makes its export through the backend, not by reading another test's.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { unnamedControls } from '../ui/ui-steps';
import { UI_TIMEOUT, waitFor } from './tools-steps';

const SECRET = 'partner-app-client-secret-0123456789';
const PASSPHRASE = 'correct horse battery';

let harness: Harness;

beforeEach(async () => {
  harness = await startHarness({ viewport: { width: 1280, height: 1000 } });
  await harness.backend['apps.create']({
    name: 'Partner app',
    clientId: 'partner-app-client',
    clientSecret: SECRET,
    scopes: ['openid', 'offline', 'tickets:read'],
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
    clientAuth: 'basic',
    pkce: true,
  });
  await harness.page.getByRole('list', { name: 'Apps' }).getByText('Partner app').waitFor({ timeout: UI_TIMEOUT });
  await harness.page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Import / export' }).click();
  await harness.page.getByRole('heading', { name: 'Import / export' }).waitFor();
});
afterEach(async () => {
  await harness?.close();
});
afterAll(closeSharedBrowser);

/** An export with the client secrets encrypted under PASSPHRASE, made by the backend. */
async function exportWithSecrets(): Promise<string> {
  return (await harness.backend['transfer.export']({ includeSecrets: true, passphrase: PASSPHRASE })).text;
}

const exported = () => harness.page.getByLabel('Exported JSON');

describe('export', () => {
  it('exports apps and accounts without secrets, with Copy', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('status').getByText(/^\d+ apps and \d+ accounts, no secrets\.$/).waitFor({ timeout: UI_TIMEOUT });
    const text = (await exported().textContent())!;
    expect(JSON.parse(text)).toMatchObject({ format: 'gorgias-oauth-workbench/export' });
    expect(text).toContain('partner-app-client');
    expect(text).not.toContain(SECRET);
    const copies = harness.clipboard.length;
    await page.getByRole('button', { name: 'Copy the export' }).click();
    await waitFor(() => harness.clipboard.length > copies, 'main to copy the export');
    expect(harness.clipboard.at(-1)).toBe(text);
  });

  it('exports the secrets encrypted under a passphrase, and downloads the file', async () => {
    const { page } = harness;
    await page.getByRole('checkbox', { name: /Include the client secrets/ }).check();
    await page.getByLabel('Export passphrase').fill('short');
    await page.getByText('Export is off: The passphrase needs at least 8 characters.').waitFor();
    expect(await page.getByRole('button', { name: 'Export', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('Export passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('status').getByText(/client secrets encrypted\.$/).waitFor({ timeout: UI_TIMEOUT });
    const withSecrets = (await exported().textContent())!;
    expect(JSON.parse(withSecrets)).toMatchObject({ format: 'gorgias-oauth-workbench/export' });
    expect(withSecrets).not.toContain(SECRET);
    expect(withSecrets).not.toContain(PASSPHRASE);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('workbench-export.json');
    expect(await readFile((await download.path())!, 'utf8')).toBe(withSecrets);
    expect(await unnamedControls(page)).toEqual([]);
  });
});

describe('import', () => {
  it('refuses a wrong passphrase, a missing one and a non-export, keeping the text', async () => {
    const { page } = harness;
    const withSecrets = await exportWithSecrets();
    const box = page.getByLabel('Import JSON');
    await box.fill('{"not": "an export"}');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').waitFor({ timeout: UI_TIMEOUT });

    await box.fill(withSecrets);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').getByText('This export holds encrypted secrets: enter its passphrase.').waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Import passphrase').fill('wrong passphrase');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').getByText('Check the passphrase (it is case-sensitive) and try again.').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    expect(await box.inputValue()).toBe(withSecrets);
  });

  it('previews what will change, then applies it: the export round-trips', async () => {
    const { page } = harness;
    const withSecrets = await exportWithSecrets();
    // Change the vault after the export: the app gone, an account relabelled.
    const data = harness.backend.vault.data();
    const app = data.apps.find((candidate) => candidate.clientId === 'partner-app-client')!;
    const account = data.accounts.find((candidate) => candidate.builtInSandbox)!;
    await harness.backend['apps.delete']({ id: app.id });
    await harness.backend['accounts.update']({ id: account.id, patch: { label: 'Renamed sandbox' } });

    await page.getByLabel('Import JSON').fill(withSecrets);
    await page.getByLabel('Import passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Preview' }).click();
    const table = page.getByRole('table', { name: 'What the import would change' });
    await table.waitFor({ timeout: UI_TIMEOUT });
    await table.getByRole('row', { name: /^app Partner app new/ }).waitFor();
    await table.getByRole('row', { name: /^account .*updated label/ }).waitFor();
    await page.getByRole('status').getByText(/^Would change: 1 new, 1 updated, \d+ unchanged \(client secrets included\)\.$/).waitFor();
    expect(harness.backend.vault.data().apps.some((candidate) => candidate.clientId === 'partner-app-client')).toBe(false);

    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').filter({ hasText: /^Imported: 1 new, 1 updated, \d+ unchanged\.$/ }).first().waitFor({ timeout: UI_TIMEOUT });
    const after = harness.backend.vault.data();
    expect(after.apps.find((candidate) => candidate.clientId === 'partner-app-client')?.clientSecret).toBe(SECRET);
    expect(after.accounts.find((candidate) => candidate.builtInSandbox)?.label).toBe('Local sandbox');
    await page.getByRole('list', { name: 'Apps' }).getByText('Partner app').waitFor({ timeout: UI_TIMEOUT });
    expect(harness.receivedText()).not.toContain(SECRET);
    expect(harness.pageErrors).toEqual([]);
  });
});
