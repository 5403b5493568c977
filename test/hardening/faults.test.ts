// Faults: the backend against a sandbox with injected faults and a deliberately broken loopback
// server — connection refused, a reset in the middle of a body, a response that never ends, 500 and
// 502 HTML pages, 429 with Retry-after, a DNS failure for a real-looking subdomain (an .invalid name;
// no query is sent: fetch in tests reaches loopback only, see test/setup), JWKS down while the token endpoint works. Each gives its own
// error code (or, for the API console, its own reading), and no stored token changes.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSendResult, TokenInspection } from '../../electron/common/tools/tool-results';
import type { InstallDetail } from '../../electron/common/model';
import type { Result } from '../../electron/common/errors';
import { createFigures } from './support/figures';
import { closedPort, startFaultyServer, type FaultyServer } from './support/faulty-server';
import { watchUnhandledRejections, type UnhandledWatch } from './support/unhandled';
import { startWorld, type World } from './support/world';

const figures = createFigures('faults', 'Faults: sandbox faults and a broken loopback server', null);

let world: World;
let faulty: FaultyServer;
let watch: UnhandledWatch;
let a: { installId: string; accountId: string; sandboxUrl: string };
let b: { installId: string; accountId: string };
let appId: string;

const apiCall = (installId: string) => ({ installId, method: 'GET', path: '/api/account', query: [], headers: [], body: null });

/**
 * The token fields of the stored installs (those in `only`, when given), as a digest: these must
 * survive any fault, and a failure message must not print tokens into the CI log.
 */
function storedTokens(only?: Set<string>): { ids: Set<string>; digest: string } {
  const installs = world.storedInstalls().filter((i) => !only || only.has(i.id));
  const text = JSON.stringify(installs.map((i) => [i.id, i.accessToken, i.refreshToken, i.idToken, i.expiresAt, i.grantedScopes]));
  return { ids: new Set(installs.map((i) => i.id)), digest: createHash('sha256').update(text).digest('hex') };
}

beforeAll(async () => {
  watch = watchUnhandledRejections();
  // A short client timeout so the never-ending answers end the test quickly; loopback answers take ms.
  world = await startWorld({ httpTimeoutMs: 3_000 });
  faulty = await startFaultyServer();
  const app = await world.createApp();
  appId = app.id;
  const accountA = await world.createSandboxAccount('faultsa');
  const accountB = await world.createSandboxAccount('faultsb');
  a = { installId: (await world.connect(app.id, accountA.id)).id, accountId: accountA.id, sandboxUrl: world.sandbox.baseUrlFor('faultsa') };
  b = { installId: (await world.connect(app.id, accountB.id)).id, accountId: accountB.id };
});

afterAll(async () => {
  watch.stop();
  figures.crashes += watch.reasons.length;
  figures.write();
  world?.sandbox.setFault(null);
  await faulty?.close();
  await world?.close();
});

async function pointAccountA(baseUrl: string): Promise<void> {
  await world.must('accounts.update', { id: a.accountId, patch: { customBaseUrl: baseUrl } });
}

/** Runs a fault: the Result codes it gave, and the stored tokens must be as before. */
async function underFault<T>(name: string, run: () => Promise<T>): Promise<T> {
  const before = storedTokens();
  const outcome = await run();
  figures.faults += 1;
  // A fault may add an install (JWKS down still stores one); none that existed may change.
  const after = storedTokens(before.ids);
  if (after.digest !== before.digest || after.ids.size !== before.ids.size) figures.dataLost += 1;
  expect(after.ids.size, `${name} lost an install`).toBe(before.ids.size);
  expect(after.digest, `${name} changed a stored token`).toBe(before.digest);
  return outcome;
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

describe('faults against the sandbox and a broken loopback server', () => {
  it('connection refused: NETWORK_CONNECTION for the refresh and the API call', async () => {
    const port = await closedPort();
    await pointAccountA(`http://127.0.0.1:${port}`);
    const [refresh, send] = await underFault('refused', () => Promise.all([world.call('installs.refresh', { id: a.installId }), world.call('api.send', apiCall(a.installId))]));
    expect(codeOf(refresh)).toBe('NETWORK_CONNECTION');
    expect(codeOf(send)).toBe('NETWORK_CONNECTION');
    figures.cases += 2;
    figures.note('connection refused → NETWORK_CONNECTION (refresh, API call)');
  });

  it('reset in the middle of the body: NETWORK_CONNECTION, nothing half-read is stored', async () => {
    await pointAccountA(faulty.baseUrl('reset-mid-body'));
    const [refresh, send] = await underFault('reset', () => Promise.all([world.call('installs.refresh', { id: a.installId }), world.call('api.send', apiCall(a.installId))]));
    expect(codeOf(refresh)).toBe('NETWORK_CONNECTION');
    expect(codeOf(send)).toBe('NETWORK_CONNECTION');
    figures.cases += 2;
    figures.note('reset mid-body → NETWORK_CONNECTION (refresh, API call)');
  });

  it('500 and 502 with an HTML body: HTML_RESPONSE for the refresh, a "web page" hint in the console', async () => {
    for (const fault of ['html-500', 'html-502'] as const) {
      await pointAccountA(faulty.baseUrl(fault));
      const [refresh, send] = await underFault(fault, () => Promise.all([world.call('installs.refresh', { id: a.installId }), world.call<ApiSendResult>('api.send', apiCall(a.installId))]));
      expect(codeOf(refresh)).toBe('HTML_RESPONSE');
      expect(send.ok).toBe(true);
      if (!send.ok) return;
      expect(send.value.status).toBe(fault === 'html-500' ? 500 : 502);
      expect(send.value.hint).toMatch(/web page/);
      figures.cases += 2;
    }
    figures.note('500/502 HTML → HTML_RESPONSE (refresh); the console shows the status with a "web page, not JSON" hint');
  });

  it('429 with Retry-after: the console reads the wait; the token endpoint answer is RATE_LIMITED with the wait', async () => {
    await pointAccountA(faulty.baseUrl('rate-limited'));
    const [refresh, send] = await underFault('429', () => Promise.all([world.call('installs.refresh', { id: a.installId }), world.call<ApiSendResult>('api.send', apiCall(a.installId))]));
    expect(send.ok).toBe(true);
    if (send.ok) {
      expect(send.value.status).toBe(429);
      expect(send.value.retryAfterSeconds).toBe(7);
      expect(send.value.hint).toMatch(/Rate limited: wait 7 s/);
    }
    expect(refresh.ok).toBe(false);
    if (!refresh.ok) {
      expect(refresh.error.code).toBe('RATE_LIMITED');
      expect(refresh.error.message).toContain('Try again in 7 s');
    }
    figures.cases += 2;
    figures.note('429 + Retry-after: 7 → console status 429, retryAfterSeconds 7, "Rate limited: wait 7 s"; refresh → RATE_LIMITED "Try again in 7 s"');
  });

  it('the sandbox\'s own rate limit: a 429 with Retry-after and the limit headers, read by the console', async () => {
    // A second sandbox with a tiny bucket (4 API calls per minute per account).
    const strict = await startWorld({ rateLimit: { requests: 4, windowMs: 60_000 } });
    try {
      const app = await strict.createApp();
      const account = await strict.createSandboxAccount('ratelimited');
      const install = await strict.connect(app.id, account.id);
      const before = JSON.stringify(strict.storedInstalls());
      const answers: ApiSendResult[] = [];
      for (let n = 0; n < 6; n += 1) answers.push(await strict.must<ApiSendResult>('api.send', apiCall(install.id)));
      figures.faults += 1;
      figures.cases += answers.length;
      const limited = answers.filter((answer) => answer.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      for (const answer of limited) {
        expect(answer.retryAfterSeconds).toBeGreaterThan(0);
        expect(answer.hint).toMatch(/Rate limited: wait \d+ s/);
      }
      expect(answers[0]!.rateLimit).not.toBeNull();
      expect(JSON.stringify(strict.storedInstalls())).toBe(before);
      figures.note(`sandbox rate limit (4/min): ${limited.length} of 6 calls answered 429 with Retry-after ${limited[0]!.retryAfterSeconds} s, read by the console; install unchanged`);
    } finally {
      await strict.close();
    }
  });

  it('DNS failure for a real-looking subdomain (acme.gorgias.invalid): NETWORK_DNS', async () => {
    await pointAccountA('https://acme.gorgias.invalid');
    const [refresh, send] = await underFault('dns', () => Promise.all([world.call('installs.refresh', { id: a.installId }), world.call('api.send', apiCall(a.installId))]));
    expect(codeOf(refresh)).toBe('NETWORK_DNS');
    expect(codeOf(send)).toBe('NETWORK_DNS');
    if (!refresh.ok) expect(refresh.error.message).toContain('acme.gorgias.invalid');
    figures.cases += 2;
    figures.note('https://acme.gorgias.invalid → NETWORK_DNS (refresh, API call)');
  });

  it('sandbox token endpoint answering an HTML 502 page or a 500 JSON error', async () => {
    world.sandbox.setFault('token-html');
    const html = await underFault('token-html', () => world.call('installs.refresh', { id: b.installId }));
    world.sandbox.setFault('token-500-json');
    const json = await underFault('token-500-json', () => world.call('installs.refresh', { id: b.installId }));
    world.sandbox.setFault(null);
    expect(codeOf(html)).toBe('HTML_RESPONSE');
    expect(codeOf(json)).toBe('OAUTH_ERROR');
    if (!json.ok) expect(json.error.message).toContain('500');
    figures.cases += 2;
    figures.note('sandbox token-html → HTML_RESPONSE; token-500-json → OAUTH_ERROR "HTTP 500"');
  });

  it('a response that never ends and a token endpoint that never answers: NETWORK_TIMEOUT', async () => {
    await pointAccountA(faulty.baseUrl('never-ends'));
    world.sandbox.setFault('slow-token');
    // Both wait for the client's own timeout (3 s here); run together so the suite waits once.
    const [stalled, silent] = await underFault('timeouts', () => Promise.all([world.call('installs.refresh', { id: a.installId }), world.call('installs.refresh', { id: b.installId })]));
    world.sandbox.setFault(null);
    expect(codeOf(stalled)).toBe('NETWORK_TIMEOUT');
    expect(codeOf(silent)).toBe('NETWORK_TIMEOUT');
    figures.faults += 1;
    figures.cases += 2;
    figures.note('body that never ends, sandbox slow-token → NETWORK_TIMEOUT (after the client timeout, 3 s in this suite, 15 s by default)');
  }, 20_000);

  it('JWKS down while the token endpoint works: the install is stored with the signature "unchecked", and said so', async () => {
    world.sandbox.setFault('jwks-down');
    const account = await world.createSandboxAccount('faultsjwks');
    const install = await underFault('jwks-down (existing installs)', () => world.connect(appId, account.id));
    const detail = await world.must<InstallDetail>('installs.get', { id: install.id });
    const signature = detail.checks.find((check) => /signature/i.test(check.id) || /signature/i.test(check.label));
    expect(signature?.outcome).toBe('unchecked');
    expect(signature?.detail).toMatch(/Not verified/);
    const idToken = await world.must<{ token: string }>('installs.reveal', { id: install.id, token: 'id' });
    const inspected = await world.must<TokenInspection>('inspector.inspect', { token: idToken.token });
    expect(inspected.signature.outcome).toBe('unchecked');
    world.sandbox.setFault(null);
    figures.cases += 2;
    figures.note('jwks-down → flow stored with id_token signature "unchecked" (not a silent pass), inspector "unchecked"');
  });

  it('recovers once the faults are gone: refresh and API calls work again on both installs', async () => {
    await pointAccountA(a.sandboxUrl);
    for (const id of [a.installId, b.installId]) {
      expect(codeOf(await world.call('installs.refresh', { id }))).toBe('ok');
      const send = await world.call<ApiSendResult>('api.send', apiCall(id));
      expect(send.ok && send.value.status).toBe(200);
    }
    expect(watch.reasons).toEqual([]);
    figures.note('after the faults: refresh and GET /api/account succeed on both installs');
  });
});
