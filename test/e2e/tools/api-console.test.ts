// The API console in real Chromium against the real backend and the built-in sandbox: a paginated
// GET with Next page, a call missing its scope (warned, then Gorgias's 403), curl copied with the
// token redacted, history re-run, bad input kept and explained, a big answer virtualised and
// searched, JSON folding (nested folds, real line numbers, search opening folds), and a 429 with
// its Retry-after countdown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { unnamedControls } from '../ui/ui-steps';
import { UI_TIMEOUT, connectFirstInstall, waitFor } from './tools-steps';

let harness: Harness;
let installId: string;
/** The backend's and the sandbox's clock; the 429 test stops it so the rate-limit bucket cannot leak. */
let stoppedAt: number | null = null;
const clock = { now: () => stoppedAt ?? Date.now() };

/** A field of the request form, opened first when the form folded after an answer. */
async function formField(label: string) {
  const toggle = harness.page.getByRole('button', { name: 'Show query, headers and body' });
  if (await toggle.count()) await toggle.click();
  return harness.page.getByLabel(label);
}

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1400, height: 1000 }, clock });
  await connectFirstInstall(harness);
  installId = harness.backend.vault.data().installs[0]!.id;
  await harness.page.getByRole('button', { name: 'API console' }).click();
  await harness.page.getByRole('heading', { name: /API console: Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
});
afterAll(async () => {
  await harness?.close();
  await closeSharedBrowser();
});

const status = () => harness.page.getByRole('status', { name: 'Response status' });

describe('API console', () => {
  it('sends a GET picked from the catalogue and pages through it with Next page', async () => {
    const { page } = harness;
    const endpoint = page.getByLabel('Endpoint');
    const value = await endpoint.locator('option', { hasText: 'GET /api/tickets · tickets:read · List tickets' }).getAttribute('value');
    await endpoint.selectOption(value!);
    expect(await page.getByLabel('Path').inputValue()).toBe('/api/tickets');
    await (await formField('Query')).fill('limit=5');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await status().getByText('200', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await status().getByText(/Rate limit \d+\/80/).waitFor();
    const body = page.getByRole('region', { name: 'Response body' });
    await body.locator('.json-line').first().waitFor();
    expect(await body.locator('.json-line__text').first().textContent()).toBe('{');

    await page.getByRole('button', { name: 'Next page' }).click();
    await waitFor(() => harness.backend.vault.activity.list({ kind: 'api', limit: 10 }).entries.some((entry) => entry.url.includes('cursor=')), 'the second page');
    expect(await (await formField('Query')).inputValue()).toMatch(/^limit=5\ncursor=\S+$/);
    await status().getByText(/cursor=/).waitFor({ timeout: UI_TIMEOUT });
    await status().getByText('200', { exact: true }).waitFor();
    const history = page.getByRole('list', { name: 'History' });
    await history.getByRole('listitem').nth(1).waitFor({ timeout: UI_TIMEOUT });
    expect(await history.getByRole('listitem').first().textContent()).toContain('cursor=');
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('re-runs a request from the history', async () => {
    const { page } = harness;
    const history = page.getByRole('list', { name: 'History' });
    const before = await history.getByRole('listitem').count();
    await page.getByRole('button', { name: 'Re-run GET /api/tickets?limit=5', exact: true }).click();
    await history.getByRole('listitem').nth(before).waitFor({ timeout: UI_TIMEOUT });
    expect(await (await formField('Query')).inputValue()).toBe('limit=5');
  });

  it('folds the "data" array and a ticket inside it, keeps real line numbers, and a search opens the folds', async () => {
    const { page } = harness;
    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('Path').fill('/api/tickets');
    await (await formField('Query')).fill('limit=5');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await status().getByText(/tickets\?limit=5$/).waitFor({ timeout: UI_TIMEOUT });
    await status().getByText('200', { exact: true }).waitFor();
    const body = page.getByRole('region', { name: 'Response body' });
    const row = (line: number) => body.locator(`.json-line[data-line="${line}"]`);
    const text = (line: number) => row(line).locator('.json-line__text').textContent();
    const totalText = await page.locator('.json-view__total').textContent();
    // {, "object", "uri", then the array: line 4; its first ticket opens on line 5.
    await row(4).waitFor({ timeout: UI_TIMEOUT });
    expect(await text(4)).toBe('  "data": [');
    expect(await text(5)).toBe('    {');
    expect(await row(3).getByRole('button').count()).toBe(0);

    // A ticket first: its lines go, the next ticket's opener follows it.
    await body.getByRole('button', { name: 'Collapse line 5', exact: true }).click();
    const ticket = body.getByRole('button', { name: 'Expand line 5', exact: true });
    await ticket.waitFor({ timeout: UI_TIMEOUT });
    expect(await ticket.getAttribute('aria-expanded')).toBe('false');
    const ticketHidden = Number((await row(5).locator('.json-line__folded').textContent())!.replace(/[^\d]/g, ''));
    expect(ticketHidden).toBeGreaterThan(3);
    expect(await row(6).count()).toBe(0);
    const afterTicket = 5 + ticketHidden + 1;
    expect(await text(afterTicket)).toBe('    {');
    expect(await body.locator('.json-line').nth(5).getAttribute('data-line')).toBe(String(afterTicket));

    // Then the whole array: every ticket line goes, "meta" comes right after the opener.
    await body.getByRole('button', { name: 'Collapse line 4', exact: true }).click();
    const data = body.getByRole('button', { name: 'Expand line 4', exact: true });
    await data.waitFor({ timeout: UI_TIMEOUT });
    const dataHidden = Number((await row(4).locator('.json-line__folded').textContent())!.replace(/[^\d]/g, ''));
    const meta = 4 + dataHidden + 1;
    const lines = body.locator('.json-line');
    expect(await lines.nth(4).getAttribute('data-line')).toBe(String(meta));
    expect(await text(meta)).toBe('  "meta": {');
    expect(await body.locator('.json-line__text').filter({ hasText: '"subject"' }).count()).toBe(0);
    expect(await page.locator('.json-view__total').textContent()).toBe(totalText);
    // The body now fits in the view: opener, meta's lines and the closing brace.
    expect(await lines.count()).toBe(4 + 1 + 4);
    expect(await text(Number(await lines.last().getAttribute('data-line')))).toBe('}');

    // Expanding the array brings its lines back, the folded ticket still folded.
    await data.click();
    await body.getByRole('button', { name: 'Collapse line 4', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await lines.nth(4).getAttribute('data-line')).toBe('5');
    expect(await lines.nth(5).getAttribute('data-line')).toBe(String(afterTicket));
    await body.getByRole('button', { name: 'Expand line 5', exact: true }).click();
    await row(6).waitFor({ timeout: UI_TIMEOUT });
    expect(await lines.nth(5).getAttribute('data-line')).toBe('6');

    // Fold both again; a search hit inside them opens every fold around it.
    await body.getByRole('button', { name: 'Collapse line 5', exact: true }).click();
    await body.getByRole('button', { name: 'Expand line 5', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await body.getByRole('button', { name: 'Collapse line 4', exact: true }).click();
    await body.getByRole('button', { name: 'Expand line 4', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Search the body').fill('"subject"');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('status').getByText(/^Match 1 of 5$/).waitFor({ timeout: UI_TIMEOUT });
    const current = body.locator('.json-line--current');
    await current.waitFor({ timeout: UI_TIMEOUT });
    const hit = Number(await current.getAttribute('data-line'));
    expect(hit).toBeGreaterThan(5);
    expect(hit).toBeLessThan(afterTicket);
    expect(await current.locator('.json-line__text').textContent()).toMatch(/^ {6}"subject": /);
    expect(await body.getByRole('button', { name: 'Collapse line 4', exact: true }).getAttribute('aria-expanded')).toBe('true');
    expect(await body.getByRole('button', { name: 'Collapse line 5', exact: true }).getAttribute('aria-expanded')).toBe('true');
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('warns about a missing scope, then shows the sandbox 403 once the user sends anyway', async () => {
    const { page } = harness;
    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('Path').fill('/api/macros');
    await (await formField('Query')).fill('');
    await page.getByRole('note').getByText('This install was not granted macros:read').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Send without the scope?' });
    await dialog.waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await status().getByText('403', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('alert').getByText(/The local sandbox says: .*lacks the scope macros:read/).waitFor();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('copies the request as curl with the token redacted unless asked', async () => {
    const { page } = harness;
    const token = harness.backend.vault.data().installs[0]!.accessToken;
    const copies = harness.clipboard.length;
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    await waitFor(() => harness.clipboard.length > copies, 'main to copy the curl command');
    const command = harness.clipboard.at(-1)!;
    expect(command).toMatch(/^curl /);
    expect(command).toContain('$GORGIAS_ACCESS_TOKEN');
    expect(command).toContain('/api/macros');
    expect(command).not.toContain(token);
    expect(harness.receivedText()).not.toContain(token);

    await page.getByRole('checkbox', { name: 'Include the real token' }).check();
    await page.getByRole('button', { name: 'Copy as curl' }).click();
    await waitFor(() => harness.clipboard.length > copies + 1, 'main to copy the revealed curl command');
    expect(harness.clipboard.at(-1)).toContain(harness.backend.vault.data().installs[0]!.accessToken);
  });

  it('explains bad input inline and keeps what was typed', async () => {
    const { page } = harness;
    const send = page.getByRole('button', { name: 'Send', exact: true });

    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill('/api/tags');
    await (await formField('Body (JSON)')).fill('{\n  "name": "x",\n  oops\n}');
    await page.locator('.field__problem').getByText(/^The body is not valid JSON \(line 3, column 3\)/).waitFor();
    expect(await send.isDisabled()).toBe(true);
    await page.getByText(/^Send is off: The body is not valid JSON/).waitFor();
    expect(await (await formField('Body (JSON)')).inputValue()).toBe('{\n  "name": "x",\n  oops\n}');

    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('Path').fill('/oauth/token');
    await page.getByText("The console only calls this account's API: the path must start with /api/.").first().waitFor();
    expect(await send.isDisabled()).toBe(true);

    // An absolute URL on another host goes to main, which refuses it: the token never leaves.
    const sent = harness.backend.vault.activity.list({ kind: 'api', limit: 1000 }).total;
    await page.getByLabel('Path').fill('https://evil.example.com/api/tickets');
    await send.click();
    await page.getByRole('alert').filter({ hasText: /only talks to this install's account/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Path').inputValue()).toBe('https://evil.example.com/api/tickets');
    expect(await (await formField('Body (JSON)')).inputValue()).toBe('{\n  "name": "x",\n  oops\n}');
    expect(harness.backend.vault.activity.list({ kind: 'api', limit: 1000 }).total).toBe(sent);
    expect(harness.pageErrors).toEqual([]);
  });

  it('shows a big answer virtualised: few lines in the page, all of them reachable and searchable', async () => {
    const { page } = harness;
    await page.getByLabel('Method').selectOption('GET');
    await (await formField('Body (JSON)')).fill('');
    await page.getByLabel('Path').fill('/api/sandbox/large');
    await (await formField('Query')).fill('size_mb=3');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await status().getByText(/sandbox\/large/).waitFor({ timeout: 30_000 });
    // Shown while it arrives; the count is complete once "still receiving…" is gone.
    await page.locator('.json-view__total').getByText(/^[\d,]+ lines$/).waitFor({ timeout: 30_000 });
    const total = Number((await page.locator('.json-view__total').textContent())!.replace(/[^\d]/g, ''));
    expect(total).toBeGreaterThan(50_000);
    const body = page.getByRole('region', { name: 'Response body' });
    const inDom = await body.locator('.json-line').count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(200);

    // The very end: scrolled there, fetched by window from main.
    await body.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await body.locator(`.json-line[data-line="${total}"]`).waitFor({ timeout: UI_TIMEOUT });
    await body.locator(`.json-line[data-line="${total}"] .json-line__text`).getByText('}', { exact: true }).waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Search the body').fill('Benchmark ticket 1234"');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('status').getByText('Match 1 of 1', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await body.locator('.json-line--current .json-line__text').getByText('"subject": "[fake] Benchmark ticket 1234"').waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Search the body').fill('"status": "open"');
    await page.getByRole('button', { name: 'Find' }).click();
    // Not "Match 1 of 1": that is the previous search's count, still shown until this one answers.
    await page.getByRole('status').getByText(/^Match 1 of (?!1$)[\d,]+$/).waitFor({ timeout: UI_TIMEOUT });
    const first = await body.locator('.json-line--current').getAttribute('data-line');
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByRole('status').getByText(/^Match 2 of /).waitFor();
    const second = await body.locator('.json-line--current').getAttribute('data-line');
    expect(Number(second)).toBeGreaterThan(Number(first));
    await page.getByRole('button', { name: 'Previous match' }).click();
    await page.getByRole('status').getByText(/^Match 1 of /).waitFor();
    expect(await body.locator('.json-line').count()).toBeLessThan(200);
  });

  it('asks before a write on a production account, then sends it with both answers', async () => {
    const { page } = harness;
    const account = harness.backend.vault.data().accounts.find((candidate) => candidate.builtInSandbox)!;
    await harness.backend['accounts.update']({ id: account.id, patch: { kind: 'production' } });
    await page.getByRole('note').getByText(/^Production account: writes change real customer data/).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill('/api/tags');
    await (await formField('Query')).fill('');
    await (await formField('Body (JSON)')).fill('{"name": "from the console"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // The demo app lacks tags:write: the scope question comes first, then the production one.
    await page.getByRole('dialog', { name: 'Send without the scope?' }).getByRole('button', { name: 'Send anyway' }).click();
    const write = page.getByRole('dialog', { name: 'Write to a production account?' });
    await write.waitFor({ timeout: UI_TIMEOUT });
    expect(await write.textContent()).toContain('POST /api/tags');
    const sent = harness.backend.vault.activity.list({ kind: 'api', limit: 1000 }).total;
    await write.getByRole('button', { name: 'Send the write' }).click();
    await status().getByText('403', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await status().getByText(/POST \S+\/api\/tags$/).waitFor();
    expect(harness.backend.vault.activity.list({ kind: 'api', limit: 1000 }).total).toBe(sent + 1);
    await harness.backend['accounts.update']({ id: account.id, patch: { kind: 'sandbox' } });
  });

  it('shows a 429 with its Retry-after counting down', async () => {
    const { page } = harness;
    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('Path').fill('/api/account');
    await (await formField('Query')).fill('');
    // Fill the account's bucket (80 requests per 20 s) straight through the backend with the clock
    // stopped, so it cannot leak: the page's own request then finds no room, whatever the load.
    stoppedAt = Date.now();
    try {
      const burst = () => Promise.all(Array.from({ length: 10 }, () => harness.backend['api.send']({ installId, method: 'GET', path: '/api/account', query: [], headers: [], body: null })));
      while (harness.backend.vault.activity.list({ kind: 'api', limit: 1 }).entries[0]?.status !== 429) await burst();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await status().getByText('429', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    } finally {
      // Time goes on from where it stopped: the bucket leaks again and the countdown can end.
      stoppedAt = null;
    }
    await status().getByText('429', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('status').getByText(/^Rate limited: retry in \d+ s \(Retry-after: \d+\)\.$/).waitFor({ timeout: UI_TIMEOUT });
    await status().getByText('Rate limit 80/80').waitFor();
    await page.getByRole('status').getByText('The rate limit has room again: you can send now.').waitFor({ timeout: UI_TIMEOUT });
  });

  it('refuses a 10,000-character header value in words, keeping the headers typed', async () => {
    const { page } = harness;
    const long = `X-Long: ${'a'.repeat(10_001)}`;
    await (await formField('Headers')).fill(long);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /10,001|10001/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await (await formField('Headers')).inputValue()).toBe(long);
    await (await formField('Headers')).fill('');
  });

  it('shows an HTML answer as text, with a hint about the address', async () => {
    const { page } = harness;
    // A login page where the API should be: the account is pointed at a server answering HTML.
    const server: Server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html>\n<html><body><h1>Log in</h1></body></html>\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const account = harness.backend.vault.data().accounts.find((candidate) => candidate.builtInSandbox)!;
      await harness.backend['accounts.update']({ id: account.id, patch: { builtInSandbox: false, customBaseUrl: `http://127.0.0.1:${port}` } });
      await page.getByLabel('Path').fill('/api/account');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await status().getByText(`http://127.0.0.1:${port}/api/account`).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('note').filter({ hasText: /^Not JSON \(text\/html/ }).waitFor();
      await page.getByRole('region', { name: 'Response body' }).locator('.json-line__text').getByText('<html><body><h1>Log in</h1></body></html>').waitFor();
      expect(harness.pageErrors).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
