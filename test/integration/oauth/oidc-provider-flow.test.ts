// The full flow against panva's oidc-provider configured like Gorgias, with its login and consent
// pages clicked through by Playwright in Debian's Chromium, playing the user's system browser.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGorgiasLikeProvider, type GorgiasLikeProvider } from '../../fakes/oidc-provider-gorgias';
import { CLIENT_ID, CLIENT_SECRET, SCOPES, createHarness, startFlow, type Harness } from './harness';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let provider: GorgiasLikeProvider;
let context: BrowserContext;
let h: Harness;

// launch() gives Chromium a fresh temporary profile of its own (it refuses --user-data-dir).
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  provider = await startGorgiasLikeProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/callback'], scopes: SCOPES });
  context = await browser.newContext();
});

afterEach(async () => {
  await context.close();
  await h?.close();
  await provider.close();
});

/** Signs in on oidc-provider's dev login page and presses Continue on its consent page. */
async function signInAndConsent(page: Page, authorizeUrl: string): Promise<string> {
  await page.goto(authorizeUrl);
  await page.fill('input[name="login"]', 'user-42');
  await page.fill('input[name="password"]', 'any password');
  await page.click('button[type="submit"]');
  await page.waitForSelector('text=Continue');
  await page.click('button:has-text("Continue")');
  await page.waitForURL((url) => url.pathname === '/callback');
  return (await page.textContent('body')) ?? '';
}

describe('against oidc-provider configured like Gorgias', () => {
  it('login and consent in Chromium → stored install; the checks run against a standard provider', async () => {
    h = await createHarness({ baseUrl: () => provider.issuer });
    const flow = await startFlow(h);
    const page = await context.newPage();
    const callbackHeaders: Array<Record<string, string>> = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/callback') callbackHeaders.push(response.headers());
    });
    const text = await signInAndConsent(page, flow.authorizeUrl);
    expect(text).toContain('Connected');
    // The browser got the workbench's strict page, with nothing to leak the code through a Referer.
    expect(callbackHeaders[0]?.['content-security-policy']).toContain("default-src 'none'");
    expect(callbackHeaders[0]?.['referrer-policy']).toBe('no-referrer');
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.step).toBe('stored');
    const install = h.vault.data().installs[0]!;
    const outcome = Object.fromEntries(install.checks.map((c) => [c.id, c.outcome]));
    expect(outcome).toMatchObject({
      state: 'pass',
      'id_token.signature': 'pass',
      'id_token.iss': 'pass',
      'id_token.aud': 'pass',
      'id_token.nonce': 'pass',
      'id_token.exp': 'pass',
      'id_token.sub': 'pass',
      'access_token.format': 'unchecked',
      'scope.offline': 'pass',
    });
    // Discovery fell back from {base}/idp/... to {base}/.well-known/...; the signature check says which keys.
    expect(install.checks.find((c) => c.id === 'id_token.signature')?.detail).toContain(`${provider.issuer}/jwks`);
    expect(install.checks.find((c) => c.id === 'id_token.iss')?.detail).toContain('own host');
    expect(install.refreshToken).not.toBeNull();
    expect(install.expirySource).toBe('expires-in');
    const idClaims = JSON.parse(Buffer.from(install.idToken!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(idClaims.email).toBe('user-42@example.com');
  });

  it('refresh, then revoke, then refresh → TOKEN_REVOKED', async () => {
    h = await createHarness({ baseUrl: () => provider.issuer });
    const flow = await startFlow(h);
    await signInAndConsent(await context.newPage(), flow.authorizeUrl);
    const { installId } = await h.flows.waitForFlow(flow.id);
    const before = h.vault.data().installs[0]!.accessToken;
    const refreshed = await h.installs['installs.refresh']({ id: installId! });
    expect(refreshed.status).toBe('active');
    expect(h.vault.data().installs[0]!.accessToken).not.toBe(before);
    await h.installs['installs.revoke']({ id: installId! });
    await expect(h.installs['installs.refresh']({ id: installId! })).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    expect((await h.installs['installs.get']({ id: installId! })).status).toBe('revoked');
  });

  it('a wrong client secret → OAUTH_INVALID_CLIENT', async () => {
    h = await createHarness({ baseUrl: () => provider.issuer, app: { clientSecret: 'not-the-secret' } });
    const flow = await startFlow(h);
    const text = await signInAndConsent(await context.newPage(), flow.authorizeUrl);
    expect(text).toContain('Sign-in failed');
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.error?.code).toBe('OAUTH_INVALID_CLIENT');
    expect(h.vault.data().installs).toEqual([]);
  });

  it('cancelling on the provider\'s login page → OAUTH_ACCESS_DENIED', async () => {
    h = await createHarness({ baseUrl: () => provider.issuer });
    const flow = await startFlow(h);
    const page = await context.newPage();
    await page.goto(flow.authorizeUrl);
    await page.click('text=Cancel');
    await page.waitForURL((url) => url.pathname === '/callback');
    expect(await page.textContent('body')).toContain('Consent denied');
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.error?.code).toBe('OAUTH_ACCESS_DENIED');
    expect(done.error?.message).toContain('End-User aborted interaction');
  });
});
