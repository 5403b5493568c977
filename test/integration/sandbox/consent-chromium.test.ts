// The consent page in a real browser with JavaScript off: the form alone must carry the decision,
// its controls must have the accessible names other tests click by, and the page's CSP must not
// stop the redirect to a loopback callback.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeUrl, exchangeCode, startWorld, type World } from './helpers';

let world: World;
let browser: Browser;
beforeAll(async () => {
  world = await startWorld();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('consent page in Chromium (no JavaScript)', () => {
  it('approves as the chosen user and lands on the loopback callback with a working code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(authorizeUrl(world, 'acme', { state: 'browser-state' }));
      expect(await page.getByText('Local sandbox — fake data').count()).toBe(1);
      await page.getByLabel('User').selectOption('3');
      await Promise.all([page.waitForURL((url) => url.pathname === '/callback'), page.getByRole('button', { name: 'Approve' }).click()]);
      const landed = new URL(page.url());
      expect(landed.searchParams.get('state')).toBe('browser-state');
      expect(await page.textContent('body')).toContain('connected');
      const answer = await exchangeCode(world, 'acme', landed.searchParams.get('code') ?? '');
      expect(answer.status).toBe(200);
      expect(JSON.parse(Buffer.from(String(answer.body.access_token).split('.')[1] ?? '', 'base64url').toString()).sub).toMatch(/-3$/);
    } finally {
      await context.close();
    }
  });

  it('lets the tester approve as a user of any role; both tokens carry that user as sub', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(authorizeUrl(world, 'acme'));
      const options = await page.getByLabel('User').locator('option').allTextContents();
      expect(options.map((o) => o.split(' — ')[1]?.split(' ')[0])).toEqual(['admin', 'agent', 'lite-agent', 'observer-agent', 'basic-agent']);
      await page.getByLabel('User').selectOption({ label: 'Olive Observer (fake) — observer-agent (id 4)' });
      await Promise.all([page.waitForURL((url) => url.pathname === '/callback'), page.getByRole('button', { name: 'Approve' }).click()]);
      const answer = await exchangeCode(world, 'acme', new URL(page.url()).searchParams.get('code') ?? '');
      const claims = (token: unknown) => JSON.parse(Buffer.from(String(token).split('.')[1] ?? '', 'base64url').toString()) as { sub: string; email?: string };
      expect(claims(answer.body.access_token).sub).toMatch(/^\d+-4$/);
      expect(claims(answer.body.id_token)).toMatchObject({ sub: claims(answer.body.access_token).sub, email: 'olive.observer@acme.example' });
    } finally {
      await context.close();
    }
  });

  it('denies and lands on the callback with access_denied', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(authorizeUrl(world, 'acme'));
      await Promise.all([page.waitForURL((url) => url.pathname === '/callback'), page.getByRole('button', { name: 'Deny' }).click()]);
      expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    } finally {
      await context.close();
    }
  });
});
