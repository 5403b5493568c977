// M1 in a real browser: a page on another origin (http://localhost:…, another site than 127.0.0.1)
// fires an <img>, a no-cors fetch and auto-submitted forms at the workbench's loopback server and
// sandbox while the App URL is on. None of it may create an account, start a flow or reach a route.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createRecordingPorts } from '../../fakes/recording-ports';
import { partnerAppInput } from '../../fakes/partner-app-input';

let dataDir: string;
let backend: Backend;
let browser: Browser;
let attacker: Server;
let attackerOrigin: string;
let entryUrl: string;
let sandboxOrigin: string;

function attackerPage(path: string): string {
  if (path === '/img-and-fetch') {
    return `<!doctype html><title>cat pictures</title>
<img id="pic" src="${entryUrl}?account=imgshop">
<img id="pic2" src="${entryUrl}?account=shop">
<script>
  window.done = 0;
  const mark = () => { window.done += 1; };
  document.getElementById('pic').onerror = mark; document.getElementById('pic').onload = mark;
  document.getElementById('pic2').onerror = mark; document.getElementById('pic2').onload = mark;
  fetch('${entryUrl}?account=fetchshop', { mode: 'no-cors' }).then(mark, mark);
</script>`;
  }
  const action = path === '/post-install' ? `${entryUrl}?account=formshop` : `${sandboxOrigin}/acme/oauth/authorize/decision`;
  return `<!doctype html><title>win a prize</title>
<form id="f" method="post" action="${action}"><input name="transaction" value="x"><input name="decision" value="approve"></form>
<script>document.getElementById('f').submit();</script>`;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-local-chromium-'));
  backend = await createBackend({ dataDir, ports: createRecordingPorts().ports, sandboxPort: 0 });
  const app = await backend['apps.create'](partnerAppInput());
  await backend['accounts.create']({ subdomain: 'shop', label: 'Shop', kind: 'production', notes: '', customBaseUrl: null });
  accountsBefore = await subdomains();
  entryUrl = (await backend['flows.installEntry']({ appId: app.id, enabled: true })).url!;
  const sandbox = await backend.sandbox.ensureStarted();
  sandbox.addAccount('acme');
  sandboxOrigin = sandbox.origin;
  attacker = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackerPage(req.url ?? '/'));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  // localhost and 127.0.0.1 are different sites to the browser: this page is "another website".
  attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await backend?.close();
  await rm(dataDir, { recursive: true, force: true });
});

let accountsBefore: string[];
const subdomains = async () => (await backend['accounts.list'](undefined)).map((a) => a.subdomain).sort();
const nothingHappened = async () => {
  expect(await subdomains()).toEqual(accountsBefore);
  expect(await backend['flows.installConfirmations'](undefined)).toEqual([]);
  expect(await backend['flows.list'](undefined)).toEqual([]);
};

it('a cross-site <img> and no-cors fetch of /oauth/install are refused: no account, no confirmation, no flow', async () => {
  const page = await browser.newPage();
  try {
    const statuses: number[] = [];
    const blocked: string[] = [];
    // An <img> answered with an HTML page is dropped by the browser after the answer arrived
    // (Opaque Response Blocking): proof the request reached the server, which must have refused it.
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(entryUrl) && request.failure()?.errorText === 'net::ERR_BLOCKED_BY_ORB') blocked.push(request.url());
    });
    page.on('response', (response) => {
      if (response.url().startsWith(entryUrl)) statuses.push(response.status());
    });
    await page.goto(`${attackerOrigin}/img-and-fetch`);
    await page.waitForFunction(() => (window as unknown as { done: number }).done === 3);
    // The no-cors fetch's status is opaque to the page, not to the browser: it was refused.
    expect(statuses).toEqual([403]);
    expect(blocked.sort()).toEqual([`${entryUrl}?account=imgshop`, `${entryUrl}?account=shop`]);
    await nothingHappened();
  } finally {
    await page.close();
  }
});

it('cross-site form POSTs to the App URL and to the sandbox\'s consent decision are refused', async () => {
  const page = await browser.newPage();
  try {
    for (const [path, target] of [['/post-install', entryUrl], ['/post-decision', `${sandboxOrigin}/acme/oauth/authorize/decision`]] as const) {
      const landed = page.waitForResponse((response) => response.url().startsWith(target) && response.request().method() === 'POST');
      await page.goto(`${attackerOrigin}${path}`);
      const response = await landed;
      expect(response.status()).toBe(403);
      await page.waitForLoadState();
    }
    await nothingHappened();
  } finally {
    await page.close();
  }
});
