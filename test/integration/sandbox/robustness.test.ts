// Faults on demand, and a server that never crashes on malformed input.
import { request } from 'node:http';
import { connect as netConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, api, basicAuth, connect, postForm, startWorld, type World } from './helpers';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.close();
});

function rawHttp(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

const port = () => Number(new URL(world.sandbox.origin).port);

describe('sandbox faults', () => {
  it('token-html: the token endpoint answers a 502 HTML page', async () => {
    world.sandbox.setFault('token-html');
    try {
      const res = await fetch(`${world.sandbox.baseUrlFor('acme')}/oauth/token`, { method: 'POST', body: 'grant_type=refresh_token' });
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toContain('text/html');
    } finally {
      world.sandbox.setFault(null);
    }
  });

  it('token-500-json: a 500 with a JSON body', async () => {
    world.sandbox.setFault('token-500-json');
    try {
      const res = await postForm(`${world.sandbox.baseUrlFor('acme')}/oauth/token`, { grant_type: 'refresh_token', refresh_token: 'x' });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ error: { msg: expect.any(String) } });
    } finally {
      world.sandbox.setFault(null);
    }
  });

  it('jwks-down: discovery and JWKS answer 503, the rest still works', async () => {
    world.sandbox.setFault('jwks-down');
    try {
      expect((await fetch(`${world.sandbox.baseUrlFor('acme')}/idp/.well-known/openid-configuration`)).status).toBe(503);
      expect((await fetch(`${world.sandbox.baseUrlFor('acme')}/idp/jwks`)).status).toBe(503);
      const tokens = await connect(world, 'acme', { scope: 'account:read' });
      expect((await api(world, 'acme', '/api/account', tokens.access_token)).status).toBe(200);
    } finally {
      world.sandbox.setFault(null);
    }
    const jwks = (await (await fetch(`${world.sandbox.baseUrlFor('acme')}/idp/jwks`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('slow-token: the token endpoint holds the request until the client gives up', async () => {
    world.sandbox.setFault('slow-token');
    try {
      const controller = new AbortController();
      const pending = fetch(`${world.sandbox.baseUrlFor('acme')}/oauth/token`, { method: 'POST', body: 'x=1', signal: controller.signal });
      // Whatever else is asked meanwhile still answers.
      expect((await fetch(`${world.sandbox.origin}/`)).status).toBe(200);
      controller.abort();
      await expect(pending).rejects.toThrow();
    } finally {
      world.sandbox.setFault(null);
    }
  });

  it('slow-token: close() ends held requests instead of hanging', async () => {
    let arrived: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    const own = await startWorld({ onRequest: (method, path) => method === 'POST' && path.endsWith('/oauth/token') && arrived() });
    own.sandbox.setFault('slow-token');
    const pending = fetch(`${own.sandbox.baseUrlFor('acme')}/oauth/token`, { method: 'POST', body: 'x=1' }).then(
      () => 'answered',
      () => 'failed',
    );
    // Close only once the sandbox holds the request, so close() really has one to end.
    await held;
    await own.close();
    expect(await pending).toBe('failed');
  });
});

describe('malformed input never crashes the sandbox', () => {
  it('answers bad token requests with OAuth errors', async () => {
    const url = `${world.sandbox.baseUrlFor('acme')}/oauth/token`;
    const json = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"grant_type":' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
    for (const authorization of ['Basic !!!', 'Basic bm9jb2xvbg==', 'Basic ' + 'A'.repeat(10_000), 'Bearer abc']) {
      const res = await postForm(url, { grant_type: 'refresh_token', refresh_token: 'x' }, { Authorization: authorization });
      expect([400, 401]).toContain(res.status);
      expect(typeof res.body.error).toBe('string');
    }
    const both = await postForm(url, { grant_type: 'refresh_token', refresh_token: 'x', client_secret: CLIENT_SECRET }, { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) });
    expect(both.body.error).toBe('invalid_request');
    const badPercent = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=%E0%A4%A&code=%%%' });
    expect(badPercent.status).toBeGreaterThanOrEqual(400);
    const get = await fetch(url);
    expect(get.status).toBe(405);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const res = await fetch(`${world.sandbox.baseUrlFor('acme')}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=${'a'.repeat(1024 * 1024 + 10)}`,
    });
    expect(res.status).toBe(413);
    expect((await fetch(`${world.sandbox.origin}/`)).status).toBe(200);
  });

  it('copes with huge and odd query parameters on authorize', async () => {
    const base = `${world.sandbox.baseUrlFor('acme')}/oauth/authorize`;
    const huge = await fetch(`${base}?client_id=${'x'.repeat(3_000)}&redirect_uri=${'y'.repeat(3_000)}`, { redirect: 'manual' });
    expect(huge.status).toBe(400);
    const odd = await fetch(`${base}?client_id=%ZZ&redirect_uri=%&scope=%%`, { redirect: 'manual' });
    expect(odd.status).toBe(400);
    const longState = await fetch(
      `${base}?response_type=code&client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(world.callback.url)}&scope=openid&state=${'s'.repeat(5_000)}`,
      { redirect: 'manual' },
    );
    expect(longState.status).toBe(302);
    expect(new URL(longState.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const tooLong = await fetch(`${base}?q=${'z'.repeat(12_000)}`, { redirect: 'manual' });
    expect(tooLong.status).toBe(414);
    const overflow = await fetch(`${base}?q=${'z'.repeat(20_000)}`, { redirect: 'manual' });
    expect(overflow.status).toBe(431);
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: port(), path: '/', headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('answers garbage HTTP with 400 and keeps serving', async () => {
    const answer = await rawHttp(port(), 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toContain('400');
    const badDecision = await fetch(`${world.sandbox.baseUrlFor('acme')}/oauth/authorize/decision`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'transaction_id=nope&decision=approve',
    });
    expect(badDecision.status).toBe(400);
    const badJsonApi = await api(world, 'acme', '/api/tags', 'x', { method: 'POST', body: '\u0000\u0001' });
    expect(badJsonApi.status).toBe(401);
    expect((await fetch(`${world.sandbox.origin}/`)).status).toBe(200);
  });
});
