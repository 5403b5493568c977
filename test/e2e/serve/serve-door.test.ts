// The browser door: the BUILT CLI's `serve` as a child process, the built renderer in headless
// Chromium talking to it over HTTP. A newcomer's journey (connect, the install view, the API console,
// Copy through the browser's clipboard), then everything the guard must refuse.
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVING_BROWSER, spawnCli, tempDataDir, waitForOutput } from '../../cli/cli-process';
import { withVault } from '../../cli/vault-setup';
import { closeSharedBrowser, launchBrowser } from '../harness';

const UI_TIMEOUT = 15_000;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let child: ChildProcess;
let link: string;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** Every answer of the contract over HTTP the page received. */
const answers: string[] = [];

beforeAll(async () => {
  data = await tempDataDir();
  child = spawnCli(['serve', '--no-open'], { env: { WORKBENCH_DATA_DIR: data.dir, WORKBENCH_PASSPHRASE: 'correct horse battery', WORKBENCH_BROWSER: APPROVING_BROWSER } });
  link = (await waitForOutput(child.stdout!, /\n/)).trim();
  origin = new URL(link).origin;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  context.setDefaultTimeout(UI_TIMEOUT);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/invoke/')) void response.text().then((text) => answers.push(text), () => undefined);
  });
});
afterAll(async () => {
  await context?.close();
  await closeSharedBrowser();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
  await data?.remove();
});

describe('serve in the browser', () => {
  it('trades the link\'s token for a cookie and drops it from the address bar', async () => {
    await page.goto(link);
    expect(page.url()).toBe(`${origin}/`);
    const cookies = await context.cookies(origin);
    expect(cookies).toEqual([expect.objectContaining({ name: 'workbench_session', httpOnly: true, sameSite: 'Strict' })]);
    expect(cookies[0]!.value).not.toBe(new URL(link).searchParams.get('token'));
    expect(await page.title()).toContain('(browser)');
  });

  it('lets the browser keep the bundle\'s hashed files, never the page or an answer', async () => {
    const assets = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src*="/assets/"], link[href*="/assets/"], script[src*="/workbench-bridge-"]')).map((element) => ('src' in element && element.src) || (element as HTMLLinkElement).href));
    expect(assets.length).toBeGreaterThan(1);
    // The bridge too, at an address named by its content (a new build, a new address).
    expect(assets.some((asset) => /\/workbench-bridge-[0-9a-f]{12}\.js$/.test(asset))).toBe(true);
    expect((await context.request.get(`${origin}/workbench-bridge.js`)).status()).toBe(404);
    for (const asset of assets) {
      const answer = await context.request.get(asset);
      expect(answer.status()).toBe(200);
      expect(answer.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
    }
    const index = await context.request.get(`${origin}/`);
    expect(index.headers()['cache-control']).toBe('no-store');
    const call = await context.request.post(`${origin}/api/invoke/vault.status`, { headers: { 'X-Workbench-Door': 'browser', 'Content-Type': 'application/json' }, data: { input: null } });
    expect(call.headers()['cache-control']).toBe('no-store');
    expect(((await call.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('connects the demo app: the consent is approved in the "system browser", the install view shows it', async () => {
    await page.getByRole('list', { name: 'Accounts' }).getByText('Local sandbox').waitFor();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('heading', { name: /Demo app on Local sandbox/ }).waitFor();
    await page.locator('.panel__header .status--active').waitFor();
    expect(await page.getByRole('list', { name: 'Checks' }).getByText('pass', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('Copy uses the browser\'s clipboard and says so', async () => {
    await page.getByRole('button', { name: 'Reveal access token' }).click();
    const token = (await page.getByLabel('access token value').textContent())!;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await page.getByRole('button', { name: 'Copy access token' }).click();
    await page.getByText(/browser's clipboard/).first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  });

  it('sends an API call from the console over the HTTP channel', async () => {
    await page.getByRole('button', { name: 'API console' }).click();
    await page.getByRole('heading', { name: /API console: Demo app on Local sandbox/ }).waitFor();
    const endpoint = page.getByLabel('Endpoint');
    const value = await endpoint.locator('option', { hasText: 'GET /api/tickets · tickets:read · List tickets' }).getAttribute('value');
    await endpoint.selectOption(value!);
    await page.getByLabel('Query').fill('limit=5');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('status', { name: 'Response status' }).getByText('200', { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('serve refuses', () => {
  const invoke = (headers: Record<string, string>, body = '{"input":null}') =>
    fetch(`${origin}/api/invoke/apps.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Workbench-Door': 'browser', ...headers }, body });

  it('calls with no session, a wrong one, another Host, or a foreign Origin', async () => {
    const [session] = await context.cookies(origin);
    const cookie = `workbench_session=${session!.value}`;
    expect((await invoke({ Cookie: cookie })).status).toBe(200);
    expect((await invoke({})).status).toBe(403);
    expect((await invoke({ Cookie: 'workbench_session=wrong' })).status).toBe(403);
    expect((await invoke({ Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke({ Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await invoke({ Cookie: cookie, 'X-Workbench-Door': '' })).status).toBe(403);
    expect((await fetch(`${origin}/`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/api/events`)).status).toBe(403);
  });

  it('a DNS-rebinding page: Host evil.example is refused (421), cookie or not', async () => {
    const { request } = await import('node:http');
    const [session] = await context.cookies(origin);
    const status = await new Promise<number>((resolve, reject) => {
      const call = request(`${origin}/`, { headers: { Host: `evil.example:${new URL(origin).port}`, Cookie: `workbench_session=${session!.value}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.once('error', reject);
      call.end();
    });
    expect(status).toBe(421);
  });

  it('a cross-site form POST from another site\'s page', async () => {
    const evil = await context.newPage();
    await evil.setContent(`<form method="POST" action="${origin}/api/invoke/apps.delete" enctype="text/plain"><input name='{"input":{"id":"x"},"a":"' value='"}'></form>`);
    const [answer] = await Promise.all([evil.waitForResponse((response) => response.url().startsWith(origin)), evil.locator('form').evaluate((form: HTMLFormElement) => form.submit())]);
    expect(answer.status()).toBe(403);
    await evil.close();
    // The apps are all still there.
    expect(await page.evaluate(async () => ((await (globalThis as unknown as { workbench: { invoke(method: string): Promise<{ ok: boolean; value: unknown[] }> } }).workbench.invoke('apps.list')).value.length))).toBe(1);
  });

  it('the token in a later URL: the link worked once, never again', async () => {
    const other = await browser.newContext();
    const later = await other.newPage();
    const response = await later.goto(link);
    expect(response?.status()).toBe(403);
    expect(await later.textContent('body')).toContain('not valid (any more)');
    expect(await other.cookies(origin)).toEqual([]);
    await other.close();
  });

  it('Ctrl+C stops the server and closes the vault', async () => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Stopped; the vault is closed.');
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('the page never received the client secret, the refresh token or the id_token (the same secret rules as the window)', async () => {
    expect(answers.length).toBeGreaterThan(10);
    const seen = answers.join('\n');
    await withVault(data.dir, 'correct horse battery', async (backend) => {
      const stored = backend.vault.data();
      const install = stored.installs[0]!;
      const secrets = [stored.apps[0]!.clientSecret, install.refreshToken!, install.idToken!];
      for (const secret of secrets) expect(secret.length).toBeGreaterThan(10);
      for (const secret of secrets) expect(seen).not.toContain(secret);
    });
  });
});
