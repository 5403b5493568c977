// Relay mode out of the box (issue 14, point 1): a new relay app hands the user a relay page made
// for it (its port and path baked in). Saved from the app form as is, served by a local HTTP server
// standing in for the partner's https domain, it carries the consent back to the workbench and the
// connect completes, with nothing edited by hand.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, waitFor } from '../ui/ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

const RELAY_URL = 'https://partner.example/gorgias-relay.html';
let partnerSite: Server | null = null;
let relayPagesServed = 0;
afterAll(async () => {
  await new Promise<void>((resolve) => (partnerSite ? partnerSite.close(() => resolve()) : resolve()));
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('relay mode', () => {
  it('shows the URL to register before Save, then hands out a relay page made for the app', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Add app' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Relay app');
    await page.getByLabel('Client ID', { exact: true }).fill('relay-client');
    await page.getByLabel('Client secret', { exact: true }).fill('relay-secret-value-123');
    await page.getByLabel('Redirect mode', { exact: true }).selectOption('relay');
    const port = await freePort();
    await page.getByLabel('Port', { exact: true }).fill(String(port));
    await page.getByLabel('Relay URL', { exact: true }).fill(RELAY_URL);
    // Before Save: the URL to register, with Copy, and the three hosting steps.
    await page.getByLabel('Redirect URI to register').getByText(RELAY_URL, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const steps = page.getByRole('group', { name: 'Relay page for this app' });
    await steps.getByText(`it forwards to http://127.0.0.1:${port}/callback`, { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await steps.getByText('Save the app to get its relay page.').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Relay app' }).waitFor({ timeout: UI_TIMEOUT });

    // Copy and Save hand out the same page, made for this app.
    await page.getByRole('button', { name: 'Copy relay page' }).click();
    await waitFor(() => (harness.clipboard.at(-1) ?? '').includes('<!doctype html>'), 'the relay page on the clipboard');
    const copied = harness.clipboard.at(-1)!;
    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save relay page…' }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('gorgias-relay.html');
    const saved = await readFile((await download.path())!, 'utf8');
    expect(saved).toBe(copied);
    expect(saved).toContain(`'http://127.0.0.1:${port}/callback'`);
    expect(saved).not.toMatch(/#port=|location\.hash/);

    // The partner's domain: a plain static server answering the saved file at the relay path.
    partnerSite = createServer((request, response) => {
      if (new URL(request.url ?? '/', 'http://x').pathname !== '/gorgias-relay.html') return void response.writeHead(404).end();
      relayPagesServed += 1;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(saved);
    });
    await new Promise<void>((resolve) => partnerSite!.listen(0, '127.0.0.1', resolve));
    const partnerOrigin = `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}`;

    // Connect through it: the sandbox sends the user's browser to the relay URL, which the browser
    // reaches on the partner's server (its https name routed to that local server).
    const opened = harness.openedUrls.length;
    await page.getByRole('button', { name: 'Installs', exact: true }).click();
    await page.getByRole('button', { name: 'Relay app on Local sandbox: not connected, connect' }).click();
    await waitFor(() => harness.openedUrls.length > opened, 'the consent page to open');
    const userContext = await harness.browser.newContext();
    try {
      await userContext.route('https://partner.example/**', async (route) => {
        const upstream = new URL(route.request().url());
        const answer = await fetch(`${partnerOrigin}${upstream.pathname}${upstream.search}`);
        await route.fulfill({ status: answer.status, headers: Object.fromEntries(answer.headers), body: await answer.text() });
      });
      const browser = await userContext.newPage();
      await browser.goto(harness.openedUrls.at(-1)!);
      await browser.getByRole('button', { name: 'Approve' }).click();
      await browser.getByText('The workbench received the authorization and stored the install.').waitFor({ timeout: UI_TIMEOUT });
      const landed = new URL(browser.url());
      expect(relayPagesServed).toBe(1);
      expect(`${landed.host}${landed.pathname}`).toBe(`127.0.0.1:${port}/callback`);
      await page.getByRole('heading', { name: /Relay app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.panel__header .status--active').waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await userContext.close();
    }
    expect(harness.backend.vault.data().installs.some((install) => harness.backend.vault.data().apps.find((app) => app.id === install.appId)?.name === 'Relay app')).toBe(true);
  });
});
