// The relay page the backend makes for an app, in real Chromium: the sandbox sends the browser to
// it (standing in for the partner's https host), its script forwards the query to the workbench's
// loopback server, and the flow completes. Also: no fragment can redirect it elsewhere, and what it
// says with JavaScript off.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { relayPageFor } from '../../../electron/backend/apps/relay-page';
import { startSandbox, type Sandbox } from '../../../electron/backend/sandbox';
import { CLIENT_ID, CLIENT_SECRET, createHarness, startFlow, type Harness } from './harness';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let sandbox: Sandbox;
let relayHost: Server;
let relayOrigin: string;
let appPort: number;
let h: Harness;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  appPort = await freePort();
  // Made for this app's port and path: hosted as is, nothing to edit.
  const configured = relayPageFor('Relay app', { mode: 'relay', port: appPort, path: '/callback', relayUrl: 'https://example.com/relay.html', pasteUrl: '', includeAccountParam: false }).html;
  relayHost = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/relay.html') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(configured);
  });
  await new Promise<void>((resolve) => relayHost.listen(0, '127.0.0.1', resolve));
  relayOrigin = `http://127.0.0.1:${(relayHost.address() as AddressInfo).port}`;
  sandbox = await startSandbox({ port: 0 });
  sandbox.addAccount('acme');
  sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [`${relayOrigin}/relay.html`] });
  h = await createHarness({ baseUrl: (sub) => sandbox.baseUrlFor(sub), app: { redirect: { mode: 'relay', relayUrl: `${relayOrigin}/relay.html`, port: appPort, path: '/callback' } } });
});

afterEach(async () => {
  await h.close();
  await sandbox.close();
  await new Promise<void>((resolve) => {
    relayHost.close(() => resolve());
    relayHost.closeAllConnections();
  });
});

describe('relay page', () => {
  it('forwards the callback from the registered relay URL to the loopback server', async () => {
    const flow = await startFlow(h);
    expect(flow.redirectUri).toBe(`${relayOrigin}/relay.html`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(flow.authorizeUrl);
    await page.click('button:has-text("Approve")');
    await page.waitForURL((url) => url.port === String(appPort) && url.pathname === '/callback');
    expect(await page.textContent('body')).toContain('Connected');
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.step).toBe('stored');
    await context.close();
  });

  it('ignores a fragment naming another port, and explains itself with no query', async () => {
    const flow = await startFlow(h);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${relayOrigin}/relay.html`);
    expect(await page.textContent('#status')).toContain('Nothing to forward');
    expect(await page.textContent('#status')).toContain(`http://127.0.0.1:${appPort}/callback`);
    await page.goto(`${relayOrigin}/relay.html?code=c&state=not-a-real-state#port=80&path=/x`);
    await page.waitForURL((url) => url.port === String(appPort) && url.pathname === '/callback');
    expect(await page.textContent('body')).toContain('Unknown or used sign-in');
    await h.flows['flows.cancel']({ flowId: flow.id });
    await context.close();
  });

  it('with JavaScript off, says what to do instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${relayOrigin}/relay.html?code=c&state=s`);
    expect(await page.textContent('body')).toContain('JavaScript is off');
    expect(new URL(page.url()).port).not.toBe(String(appPort));
    await context.close();
  });
});
