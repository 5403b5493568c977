// The vault's screens on a machine with no real OS key protection (Linux basic_text): the setup
// screen, a passphrase, the locked screen after a restart (a wrong passphrase said so, the right one
// opens), weak protection's standing warning, and a vault file that could not be read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { createFakeKeyProtector } from '../../fakes/fake-key-protector';
import { UI_TIMEOUT } from './ui-steps';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});
afterAll(async () => {
  await closeSharedBrowser();
});

const weakKeychain = () => createFakeKeyProtector({ level: 'weak', backend: 'basic_text' });

describe('vault screens', () => {
  it('sets a passphrase on first start, then asks for it after a restart', async () => {
    harness = await startHarness({ keyProtector: weakKeychain() });
    const { page } = harness;
    await page.getByRole('heading', { name: 'Protect your vault' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByText(/basic_text/).waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('correct horse batterz');
    await page.getByText('The two passphrases differ.', { exact: true }).first().waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Use this passphrase' }).click();
    await page.getByRole('button', { name: 'Vault: Passphrase' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('list', { name: 'Apps' }).getByText('Demo app').waitFor({ timeout: UI_TIMEOUT });

    await harness.restartBackend();
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/Wrong passphrase/).waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.status().state).toBe('locked');

    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('list', { name: 'Apps' }).getByText('Demo app').waitFor({ timeout: UI_TIMEOUT });
    expect(harness.backend.vault.status().state).toBe('ready');
    expect(harness.receivedText()).not.toContain('correct horse battery');
    expect(harness.pageErrors).toEqual([]);
  });

  it('changing the passphrase asks for the current one, and the new one opens the vault', async () => {
    harness = await startHarness({ keyProtector: weakKeychain() });
    const { page } = harness;
    await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Use this passphrase' }).click();
    await page.getByRole('button', { name: 'Vault: Passphrase' }).click();
    await page.getByRole('heading', { name: 'Change the passphrase' }).waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText(/Enter the current passphrase/).waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Current passphrase', { exact: true }).fill('not it at all');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText(/Wrong passphrase|does not open the vault/).first().waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Current passphrase', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    // The key is re-wrapped (scrypt) while the button says so; then no error is left.
    await page.getByRole('button', { name: 'Saving…' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Change passphrase' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByText(/Enter the current passphrase|Wrong passphrase|does not open the vault/).count()).toBe(0);

    await harness.restartBackend();
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Passphrase', { exact: true }).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(harness.backend.vault.status().state).toBe('ready');
    expect(harness.receivedText()).not.toContain('a brand new passphrase');
    expect(harness.pageErrors).toEqual([]);
  });

  it('accepting weak protection leaves a standing warning', async () => {
    harness = await startHarness({ keyProtector: weakKeychain() });
    const { page } = harness;
    await page.getByRole('button', { name: 'Accept weak protection' }).click();
    const warning = page.getByRole('note', { name: 'Weak vault protection' });
    await warning.waitFor({ timeout: UI_TIMEOUT });
    // It stays whatever the screen.
    await page.getByRole('button', { name: 'Add app' }).click();
    await page.getByLabel('Client ID', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await warning.isVisible()).toBe(true);
    expect(harness.backend.vault.status().protection).toBe('weak');
  });

  it('says when an unreadable vault was moved aside, until dismissed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'workbench-ui-recovered-'));
    try {
      harness = await startHarness({ dataDir, keyProtector: createFakeKeyProtector({ level: 'strong' }) });
      await harness.page.getByRole('list', { name: 'Apps' }).getByText('Demo app').waitFor({ timeout: UI_TIMEOUT });
      await harness.close();
      await writeFile(join(dataDir, 'vault.json'), 'this is not a vault at all\n');

      harness = await startHarness({ dataDir, keyProtector: createFakeKeyProtector({ level: 'strong' }) });
      const { page } = harness;
      const notice = page.getByRole('note', { name: 'Vault recovered' });
      await notice.waitFor({ timeout: UI_TIMEOUT });
      const movedTo = harness.backend.vault.status().recovered!.movedTo;
      expect(await notice.textContent()).toContain(movedTo);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await notice.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      expect(harness.backend.vault.status().recovered).toBeNull();
    } finally {
      await harness?.close();
      harness = undefined;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
