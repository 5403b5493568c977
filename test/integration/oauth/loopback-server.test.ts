// The loopback server on real sockets: Host check, known paths only, single-use state that a bad
// request cannot consume, error parameters, oversize parameters, port in use, and stopping when idle.
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/backend/sandbox';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { CLIENT_ID, CLIENT_SECRET, createHarness, startFlow, type Harness } from './harness';

let sandbox: Sandbox;
let h: Harness;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  sandbox.addAccount('acme');
  sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/callback'] });
  h = await createHarness({ baseUrl: (sub) => sandbox.baseUrlFor(sub) });
});

afterEach(async () => {
  await h.close();
  await sandbox.close();
});

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const portOf = (uri: string): number => Number(new URL(uri).port);
const stateOf = (authorizeUrl: string): string => new URL(authorizeUrl).searchParams.get('state')!;

describe('loopback server', () => {
  it('binds 127.0.0.1 on a free port when the app says 0, and answers with a strict page', async () => {
    const flow = await startFlow(h);
    const port = portOf(flow.redirectUri);
    expect(port).toBeGreaterThan(0);
    const page = await get(port, '/callback?state=nope&code=x');
    expect(page.status).toBe(400);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).not.toContain('<script');
  });

  it('refuses a Host header other than its own address (421), accepts localhost:port', async () => {
    const flow = await startFlow(h);
    const port = portOf(flow.redirectUri);
    expect((await get(port, '/callback', { host: `evil.example:${port}` })).status).toBe(421);
    expect((await get(port, '/callback', { host: '127.0.0.1:1' })).status).toBe(421);
    // Right host, unknown state: a 400 of a different kind.
    const local = await get(port, '/callback?state=x', { host: `localhost:${port}` });
    expect(local.status).toBe(400);
    expect(local.body).toContain('Unknown or used sign-in');
  });

  it('answers only known paths (404) and only GET (405)', async () => {
    const flow = await startFlow(h);
    const port = portOf(flow.redirectUri);
    expect((await get(port, '/')).status).toBe(404);
    expect((await get(port, '/callback/../admin')).status).toBe(404);
    expect((await get(port, '/favicon.ico')).status).toBe(404);
    // A target that URL parsing would read as another host is refused, not crashed on.
    expect((await get(port, '/\\\\evil.example?state=x')).status).toBeLessThan(500);
    expect((await get(port, '//evil.example/callback?state=x')).status).toBe(404);
    expect((await get(port, '/callback', {}, 'POST')).status).toBe(405);
    expect((await get(port, `/callback?state=${stateOf(flow.authorizeUrl)}&code=x`, {}, 'HEAD')).status).toBe(405);
    expect((await h.flows['flows.list'](undefined)).find((f) => f.id === flow.id)?.step).toBe('browser-opened');
  });

  it('unknown, repeated, missing and oversize states are refused without consuming the flow', async () => {
    const flow = await startFlow(h);
    const port = portOf(flow.redirectUri);
    const state = stateOf(flow.authorizeUrl);
    for (const path of [
      '/callback?code=abc',
      '/callback?code=abc&state=unknown',
      `/callback?code=abc&state=${state}&state=${state}`,
      `/callback?code=abc&code=def&state=${state}`,
      `/callback?code=abc&state=${'s'.repeat(10_000)}`,
    ]) {
      expect((await get(port, path)).status).toBe(400);
    }
    expect((await h.flows['flows.list'](undefined)).find((f) => f.id === flow.id)?.step).toBe('browser-opened');
    // The real callback still completes the flow.
    const outcome = await consentInSandbox(flow.authorizeUrl);
    expect(outcome.callbackStatus).toBe(200);
    expect(outcome.callbackBody).toContain('Connected');
    expect((await h.flows.waitForFlow(flow.id)).step).toBe('stored');
  });

  it('a used state is refused the second time', async () => {
    const keepAlive = await startFlow(h);
    const flow = await startFlow(h);
    const outcome = await consentInSandbox(flow.authorizeUrl);
    expect(outcome.callbackStatus).toBe(200);
    const again = await fetch(outcome.redirectedTo);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Unknown or used sign-in');
    expect(h.vault.data().installs).toHaveLength(1);
    await h.flows['flows.cancel']({ flowId: keepAlive.id });
  });

  it('error parameters fail the flow with the server\'s words; 10 KB of them are cut, not crashed on', async () => {
    const flow = await startFlow(h);
    const port = portOf(flow.redirectUri);
    const long = 'x'.repeat(5_000); // two of them: 10 KB of parameters
    const page = await get(port, `/callback?state=${stateOf(flow.authorizeUrl)}&error=temporarily_unavailable&error_description=${long}&junk=${long}`);
    expect(page.status).toBe(400);
    expect(page.body.length).toBeLessThan(3000);
    const done = await h.flows.waitForFlow(flow.id);
    expect(done.error?.code).toBe('OAUTH_ERROR');
    expect(done.error?.message).toContain('temporarily_unavailable');
    expect(done.error!.message.length).toBeLessThan(800);
  });

  it('a callback with neither code nor error fails the flow plainly', async () => {
    const flow = await startFlow(h);
    const page = await get(portOf(flow.redirectUri), `/callback?state=${stateOf(flow.authorizeUrl)}`);
    expect(page.status).toBe(400);
    expect((await h.flows.waitForFlow(flow.id)).error?.code).toBe('OAUTH_ERROR');
  });

  it('shares one server per port between flows and stops it when no flow needs it', async () => {
    const a = await startFlow(h);
    const b = await startFlow(h);
    expect(portOf(a.redirectUri)).toBe(portOf(b.redirectUri));
    expect(await h.flows.listeningPorts()).toEqual([portOf(a.redirectUri)]);
    await h.flows['flows.cancel']({ flowId: a.id });
    expect(await h.flows.listeningPorts()).toHaveLength(1);
    await consentInSandbox(b.authorizeUrl);
    await h.flows.waitForFlow(b.id);
    expect(await h.flows.listeningPorts()).toEqual([]);
    await expect(waitUntilRefused(portOf(b.redirectUri))).resolves.toBe('ECONNREFUSED');
  });

  it('port in use → PORT_IN_USE naming the port; nothing is left pending', async () => {
    const blocker = await occupy();
    const port = (blocker.address() as { port: number }).port;
    await h.vault.update((draft) => {
      draft.apps[0]!.redirect.port = port;
    });
    const error = await startFlow(h).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PORT_IN_USE', details: { port } });
    expect((error as Error).message).toContain(String(port));
    expect(await h.flows['flows.list'](undefined)).toEqual([]);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('a fixed port is used as configured and is reusable after the flow ends', async () => {
    const blocker = await occupy();
    const port = (blocker.address() as { port: number }).port;
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await h.vault.update((draft) => {
      draft.apps[0]!.redirect.port = port;
    });
    const first = await startFlow(h);
    expect(first.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    await h.flows['flows.cancel']({ flowId: first.id });
    const second = await startFlow(h);
    expect(second.redirectUri).toBe(first.redirectUri);
    await consentInSandbox(second.authorizeUrl);
    expect((await h.flows.waitForFlow(second.id)).step).toBe('stored');
  });
});

function occupy(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The server closes right after its last answer; poll (bounded) until the port refuses. */
async function waitUntilRefused(port: number): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const code = await get(port, '/').then(() => 'open', (error: NodeJS.ErrnoException) => error.code ?? 'error');
    if (code !== 'open') return code;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'still open';
}
