// The whole pipeline through the UI, as a user would: add an app (with a recognisable client
// secret) and an account on the first screen, restart the backend on the same data folder, find
// both again. The secret must never come back: not in anything the page received over the bridge,
// not in the page's HTML or its inputs, and not in clear in the data folder.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { SECRET } from './inputs';

const APP_NAME = 'Pipeline app';
const ACCOUNT_LABEL = 'Pipeline QA';
const UI_TIMEOUT = 10_000; // per wait; the harness uses the same default for every action

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await harness?.close();
  await closeSharedBrowser();
});

/** An entry of one of the first screen's lists that shows this text. */
const listEntry = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text }).first();

async function everythingThePageShows(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].map((element) => (element as HTMLInputElement).value),
  );
  return `${await page.content()}\n${values.join('\n')}`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('first screen: apps and accounts through the UI', () => {
  it('adds an app and an account, keeps them across a backend restart, never shows the secret again', async () => {
    const { page } = harness;

    await page.getByRole('button', { name: 'Add app' }).click();
    await page.getByLabel('Name', { exact: true }).fill(APP_NAME);
    await page.getByLabel('Client ID', { exact: true }).fill('pipeline-client');
    await page.getByLabel('Client secret', { exact: true }).fill(SECRET);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await listEntry(page, APP_NAME).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Subdomain', { exact: true }).fill('pipeline-qa');
    await page.getByLabel('Label', { exact: true }).fill(ACCOUNT_LABEL);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await listEntry(page, ACCOUNT_LABEL).waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    // The secret really went in (so the checks below could fail), and only main holds it.
    const stored = harness.backend.vault.data().apps.find((app) => app.name === APP_NAME);
    expect(stored?.clientSecret).toBe(SECRET);
    expect(await everythingThePageShows(page)).not.toContain(SECRET);

    await harness.restartBackend();
    await listEntry(page, APP_NAME).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await listEntry(page, ACCOUNT_LABEL).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    expect(harness.backend.vault.data().apps.find((app) => app.name === APP_NAME)?.clientSecret).toBe(SECRET);
    expect(harness.backend.vault.data().accounts.find((account) => account.label === ACCOUNT_LABEL)?.subdomain).toBe('pipeline-qa');

    // Open the saved app again: the form says a secret is set and shows nothing of it.
    await listEntry(page, APP_NAME).getByRole('button').first().click();
    await page.getByText('A secret is set.').waitFor({ state: 'visible', timeout: UI_TIMEOUT });

    expect(harness.received.some((item) => item.kind === 'result' && item.method === 'apps.create')).toBe(true);
    expect(harness.receivedText()).not.toContain(SECRET);
    expect(await everythingThePageShows(page)).not.toContain(SECRET);
    for (const file of await filesUnder(harness.dataDir)) {
      expect((await readFile(file)).includes(SECRET), file).toBe(false);
    }
    expect(harness.pageErrors).toEqual([]);
  });
});
