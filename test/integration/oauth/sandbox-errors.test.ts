// Every error code of the flow, provoked for real against the sandbox (or a closed port), and the
// promise that a failed flow changes no stored install.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/backend/sandbox';
import type { FlowView } from '../../../electron/common/model';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { CLIENT_ID, CLIENT_SECRET, createHarness, startFlow, type Harness } from './harness';

let sandbox: Sandbox;
let h: Harness;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  sandbox.addAccount('acme');
  sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/callback'] });
});

afterEach(async () => {
  await h?.close();
  await sandbox.close();
});

/** Connects once so an install exists; returns a snapshot of the stored installs. */
async function connectOnce(): Promise<string> {
  const flow = await startFlow(h);
  await consentInSandbox(flow.authorizeUrl);
  expect((await h.flows.waitForFlow(flow.id)).step).toBe('stored');
  return JSON.stringify(h.vault.data().installs);
}

async function failedFlow(prepare?: () => void, consent: { approve?: boolean } = {}): Promise<{ flow: FlowView; callback: { status: number; body: string } }> {
  const flow = await startFlow(h);
  prepare?.();
  const outcome = await consentInSandbox(flow.authorizeUrl, consent);
  const done = await h.flows.waitForFlow(flow.id);
  expect(done.step).toBe('failed');
  return { flow: done, callback: { status: outcome.callbackStatus, body: outcome.callbackBody } };
}

async function withSandbox(patch: Parameters<typeof createHarness>[0] = { baseUrl: (sub) => sandbox.baseUrlFor(sub) }): Promise<Harness> {
  return createHarness(patch);
}

describe('errors a person can act on', () => {
  it('wrong client secret → OAUTH_INVALID_CLIENT, and the stored install is untouched', async () => {
    h = await withSandbox();
    const before = await connectOnce();
    const writes = h.vault.writes;
    const { flow, callback } = await failedFlow(() => {
      sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: 'rotated-secret-on-the-server', redirectUris: ['http://127.0.0.1/callback'] });
    });
    expect(flow.error?.code).toBe('OAUTH_INVALID_CLIENT');
    expect(flow.error?.message).toContain('check client id and secret, and the client-auth method');
    expect(callback.status).toBe(400);
    expect(callback.body).toContain('Sign-in failed');
    expect(JSON.stringify(h.vault.data().installs)).toBe(before);
    expect(h.vault.writes).toBe(writes);
  });

  it('a replayed code → OAUTH_INVALID_GRANT naming the redirect URL sent', async () => {
    h = await withSandbox();
    const first = await startFlow(h);
    const outcome = await consentInSandbox(first.authorizeUrl);
    await h.flows.waitForFlow(first.id);
    const usedCode = new URL(outcome.redirectedTo).searchParams.get('code')!;
    const second = await startFlow(h);
    const state = new URL(second.authorizeUrl).searchParams.get('state')!;
    const replay = new URL(second.redirectUri);
    replay.searchParams.set('code', usedCode);
    replay.searchParams.set('state', state);
    const response = await fetch(replay);
    expect(response.status).toBe(400);
    const done = await h.flows.waitForFlow(second.id);
    expect(done.error?.code).toBe('OAUTH_INVALID_GRANT');
    expect(done.error?.message).toContain(`Sent redirect_uri: ${second.redirectUri}`);
  });

  it('a different redirect_uri at the token endpoint → OAUTH_REDIRECT_MISMATCH naming what was sent', async () => {
    h = await withSandbox();
    const flow = await startFlow(h);
    // Approve in the sandbox but stop at the redirect: the code stays unused.
    const { code } = await consentWithoutCallback(flow.authorizeUrl);
    await h.flows['flows.cancel']({ flowId: flow.id });
    expect(code.length).toBeGreaterThan(10);
    const error = await h.core.tokens
      .exchangeCode({ baseUrl: sandbox.baseUrlFor('acme'), credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, method: 'basic' }, code, redirectUri: 'http://127.0.0.1:1/elsewhere', context: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OAUTH_REDIRECT_MISMATCH' });
    expect((error as Error).message).toContain('Sent: http://127.0.0.1:1/elsewhere');
  });

  it('denied consent → OAUTH_ACCESS_DENIED with the server\'s words; the browser gets a 403 page', async () => {
    h = await withSandbox();
    const { flow, callback } = await failedFlow(undefined, { approve: false });
    expect(flow.error?.code).toBe('OAUTH_ACCESS_DENIED');
    expect(flow.error?.message).toContain('The user denied the authorization request.');
    expect(callback.status).toBe(403);
    expect(h.vault.data().installs).toEqual([]);
  });

  it('no callback in time → FLOW_TIMEOUT, and the loopback server stops', async () => {
    h = await withSandbox({ baseUrl: (sub) => sandbox.baseUrlFor(sub), flowTimeoutMs: 300 });
    const flow = await startFlow(h);
    expect(await h.flows.listeningPorts()).toHaveLength(1);
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.step).toBe('failed');
    expect(done.error?.code).toBe('FLOW_TIMEOUT');
    expect(await h.flows.listeningPorts()).toEqual([]);
  });

  it('cancel → FLOW_CANCELLED; a late callback is refused', async () => {
    h = await withSandbox();
    const flow = await startFlow(h);
    const other = await startFlow(h);
    const cancelled = await h.flows['flows.cancel']({ flowId: flow.id });
    expect(cancelled.step).toBe('cancelled');
    expect(cancelled.error?.code).toBe('FLOW_CANCELLED');
    expect(h.progress(flow.id)).toEqual(['started', 'browser-opened', 'cancelled']);
    // The late callback for the cancelled flow reaches the server (kept up by the other flow) and is refused.
    const late = new URL(flow.redirectUri);
    late.searchParams.set('code', 'c');
    late.searchParams.set('state', new URL(flow.authorizeUrl).searchParams.get('state')!);
    expect(other.redirectUri.startsWith(`${new URL(flow.redirectUri).origin}/`)).toBe(true);
    const response = await fetch(late);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown or used sign-in');
    await expect(h.flows['flows.cancel']({ flowId: 'flow_nope' })).rejects.toMatchObject({ code: 'FLOW_NOT_FOUND' });
    await consentInSandbox(other.authorizeUrl);
    expect((await h.flows.waitForFlow(other.id)).step).toBe('stored');
  });

  it('a token endpoint that refuses connections → NETWORK_CONNECTION', async () => {
    const closed = await freePort();
    h = await withSandbox({ baseUrl: () => `http://127.0.0.1:${closed}/acme` });
    const flow = await startFlow(h);
    const state = new URL(flow.authorizeUrl).searchParams.get('state')!;
    const callback = new URL(flow.redirectUri);
    callback.searchParams.set('code', 'some-code');
    callback.searchParams.set('state', state);
    expect((await fetch(callback)).status).toBe(400);
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.error?.code).toBe('NETWORK_CONNECTION');
    expect(done.error?.message).toContain('ECONNREFUSED');
  });

  it('a token endpoint that never answers → NETWORK_TIMEOUT', async () => {
    h = await withSandbox({ baseUrl: (sub) => sandbox.baseUrlFor(sub), httpTimeoutMs: 400 });
    const { flow } = await failedFlow(() => sandbox.setFault('slow-token'));
    expect(flow.error?.code).toBe('NETWORK_TIMEOUT');
    const entry = h.vault.entries.find((e) => e.kind === 'token');
    expect(entry?.error?.code).toBe('NETWORK_TIMEOUT');
    expect(entry?.status).toBeNull();
  });

  it('an HTML answer from the token endpoint → HTML_RESPONSE with the subdomain hint', async () => {
    h = await withSandbox();
    const { flow } = await failedFlow(() => sandbox.setFault('token-html'));
    expect(flow.error?.code).toBe('HTML_RESPONSE');
    expect(flow.error?.message).toContain('is the subdomain right?');
    expect(h.vault.data().installs).toEqual([]);
  });

  it('a JSON 500 without an OAuth error → OAUTH_ERROR with the status', async () => {
    h = await withSandbox();
    const { flow } = await failedFlow(() => sandbox.setFault('token-500-json'));
    expect(flow.error?.code).toBe('OAUTH_ERROR');
    expect(flow.error?.message).toContain('500');
  });

  it('JWKS down → stored, with the signature "unchecked" (not verified)', async () => {
    h = await withSandbox();
    const flow = await startFlow(h);
    sandbox.setFault('jwks-down');
    await consentInSandbox(flow.authorizeUrl);
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.step).toBe('stored');
    const signature = h.vault.data().installs[0]!.checks.find((c) => c.id === 'id_token.signature');
    expect(signature?.outcome).toBe('unchecked');
    expect(signature?.detail).toMatch(/^Not verified/);
  });

  it('an id_token that fails a check → OAUTH_ID_TOKEN_INVALID naming the claim; nothing stored', async () => {
    h = await withSandbox();
    const before = await connectOnce();
    const writes = h.vault.writes;
    // This computer's clock is two days ahead: the fresh id_token looks expired.
    h.setClockOffset(2 * 24 * 3600_000);
    const { flow, callback } = await failedFlow();
    expect(flow.error?.code).toBe('OAUTH_ID_TOKEN_INVALID');
    expect(flow.error?.message).toContain('exp (expiry)');
    expect(flow.error?.message).toContain('Nothing was stored');
    expect(flow.error?.failedChecks.map((c) => [c.id, c.claim])).toEqual([['id_token.exp', 'exp']]);
    expect(callback.body).toContain('Sign-in failed');
    expect(JSON.stringify(h.vault.data().installs)).toBe(before);
    expect(h.vault.writes).toBe(writes);
  });

  it('a failed flow carries its failed checks as data: claim, expected, actual', async () => {
    h = await withSandbox();
    const flow = await startFlow(h);
    sandbox.setFault('id-token-wrong-nonce');
    await consentInSandbox(flow.authorizeUrl);
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.error?.code).toBe('OAUTH_ID_TOKEN_INVALID');
    const sent = new URL(flow.authorizeUrl).searchParams.get('nonce')!;
    expect(done.error?.failedChecks).toEqual([
      {
        id: 'id_token.nonce',
        label: 'nonce',
        claim: 'nonce',
        expected: `${sent.slice(0, 6)}…${sent.slice(-4)}`,
        actual: `${sent.slice(0, 6)}…ours`,
        detail: expect.stringContaining('differs from the one this flow sent'),
      },
    ]);
    // The event the renderer receives carries the same data.
    const pushed = h.events.filter((e) => e.event === 'flow.progress').map((e) => e.payload as FlowView).find((v) => v.id === flow.id && v.step === 'failed');
    expect(pushed?.error?.failedChecks.map((c) => c.claim)).toEqual(['nonce']);
    expect(h.vault.data().installs).toEqual([]);
  });

  it('a wrong subdomain (sandbox answers a 404 web page) → HTML_RESPONSE', async () => {
    h = await withSandbox({ baseUrl: () => sandbox.baseUrlFor('nosuchshop') });
    const flow = await startFlow(h);
    const state = new URL(flow.authorizeUrl).searchParams.get('state')!;
    const callback = new URL(flow.redirectUri);
    callback.searchParams.set('code', 'x');
    callback.searchParams.set('state', state);
    await fetch(callback);
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.error?.code).toBe('HTML_RESPONSE');
  });
});

/** Approves consent but stops at the redirect (does not call the loopback): returns the code. */
async function consentWithoutCallback(authorizeUrl: string): Promise<{ code: string }> {
  const page = await fetch(authorizeUrl).then((r) => r.text());
  const action = /<form\b[^>]*action="([^"]*)"/i.exec(page)?.[1] ?? '';
  const fields = new URLSearchParams();
  for (const input of page.match(/<input\b[^>]*>/gi) ?? []) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1] ?? '';
    if (name && /type="hidden"/.test(input)) fields.set(name, value.replace(/&amp;/g, '&'));
  }
  const button = /<button\b([^>]*)>\s*Approve\s*<\/button>/i.exec(page)?.[1] ?? '';
  const buttonName = /\bname="([^"]*)"/.exec(button)?.[1];
  if (buttonName) fields.set(buttonName, /\bvalue="([^"]*)"/.exec(button)?.[1] ?? '');
  const select = /<select\b[^>]*\bname="([^"]*)"/i.exec(page)?.[1];
  if (select) fields.set(select, /<option\b[^>]*value="([^"]*)"/i.exec(page)?.[1] ?? '');
  const decision = await fetch(new URL(action.replace(/&amp;/g, '&'), authorizeUrl), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
  const location = new URL(decision.headers.get('location') ?? '');
  return { code: location.searchParams.get('code') ?? '' };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
