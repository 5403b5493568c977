// The authorization-code flow against the sandbox, by hand, over real HTTP on 127.0.0.1.
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  api,
  authorizeUrl,
  basicAuth,
  connect,
  exchangeCode,
  obtainCode,
  pkcePair,
  postForm,
  startWorld,
  type World,
} from './helpers';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.close();
});

const tokenUrl = (sub = 'acme') => `${world.sandbox.baseUrlFor(sub)}/oauth/token`;
const expectedAtHash = (token: string) => createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url');

async function verifyIdToken(idToken: string, sub = 'acme') {
  const discovery = (await (await fetch(`${world.sandbox.baseUrlFor(sub)}/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
  const jwks = createRemoteJWKSet(new URL(String(discovery.jwks_uri)));
  return { discovery, ...(await jwtVerify(idToken, jwks, { issuer: String(discovery.issuer), audience: CLIENT_ID })) };
}

describe('authorization code flow', () => {
  it('consents, exchanges the code and returns Gorgias-shaped tokens', async () => {
    world.sandbox.setQuirks({ numericSub: true, expiresIn: 0 });
    const outcome = await consentInSandbox(authorizeUrl(world, 'acme'), { userId: 2 });
    expect(outcome.callbackStatus).toBe(200);
    expect(outcome.callbackBody).toBe('connected');
    const redirected = new URL(outcome.redirectedTo);
    expect(redirected.searchParams.get('state')).toBe('state-123');
    const code = redirected.searchParams.get('code');
    expect(code).toBeTruthy();

    const answer = await exchangeCode(world, 'acme', code ?? '');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 0 });
    expect(typeof answer.body.refresh_token).toBe('string');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const accessToken = String(answer.body.access_token);

    const header = decodeProtectedHeader(accessToken);
    expect(header.alg).toBe('RS256');
    expect(typeof header.kid).toBe('string');
    const claims = decodeJwt(accessToken);
    const base = world.sandbox.baseUrlFor('acme');
    expect(claims.iss).toBe(`${base}/idp`);
    expect(claims.aud).toBe(`${base}/api`);
    expect(claims.sub).toMatch(/^\d+-2$/);
    expect(claims.azp).toBe(CLIENT_ID);
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp).toBe((claims.iat ?? 0) + 86400);
    expect(typeof claims.auth_time).toBe('number');
    expect(claims.scope).toBe(String(answer.body.scope));

    const idToken = String(answer.body.id_token);
    expect(decodeProtectedHeader(idToken).kid).toBeUndefined();
    const { payload, discovery } = await verifyIdToken(idToken);
    expect(discovery).toMatchObject({
      issuer: `${base}/idp`,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      revocation_endpoint: `${base}/oauth/revoke`,
      jwks_uri: `${base}/idp/jwks`,
      response_types_supported: ['code'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(payload.aud).toEqual([CLIENT_ID]);
    expect(payload.sub).toBe(2);
    expect(payload.nonce).toBe('nonce-456');
    expect(payload.at_hash).toBe(expectedAtHash(accessToken));
    expect(payload.email).toBe('ada.agent@acme.example');
    expect(String(payload.name)).toContain('Ada');

    const me = await api(world, 'acme', '/api/users/0', accessToken);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(2);
  });

  it('puts a string sub in the id_token when the numericSub quirk is off, and honours expiresIn 86400', async () => {
    world.sandbox.setQuirks({ numericSub: false, expiresIn: 86400 });
    try {
      const tokens = await connect(world, 'acme', {}, 1);
      expect(tokens.expires_in).toBe(86400);
      const { payload } = await verifyIdToken(tokens.id_token ?? '');
      expect(payload.sub).toBe(decodeJwt(tokens.access_token).sub);
      expect(payload.sub).toMatch(/^\d+-1$/);
    } finally {
      world.sandbox.setQuirks({ numericSub: true, expiresIn: 0 });
    }
  });

  it("defaults to today's Gorgias; the issuerWithoutIdp quirk moves iss and discovery to the account URL", async () => {
    const fresh = await startWorld();
    try {
      expect(fresh.sandbox.quirks).toEqual({ expiresIn: 86400, numericSub: false, issuerWithoutIdp: false, rotateRefreshTokens: false });
      const base = fresh.sandbox.baseUrlFor('acme');
      const today = await connect(fresh, 'acme', {}, 1);
      expect(today.expires_in).toBe(86400);
      expect(decodeJwt(today.id_token ?? '')).toMatchObject({ iss: `${base}/idp`, sub: expect.stringMatching(/^\d+-1$/) });
      expect((await fetch(`${base}/.well-known/openid-configuration`)).status).toBe(404);

      fresh.sandbox.setQuirks({ issuerWithoutIdp: true });
      const old = await connect(fresh, 'acme', {}, 1);
      expect(decodeJwt(old.access_token).iss).toBe(base);
      expect(decodeJwt(old.id_token ?? '').iss).toBe(base);
      const rootDiscovery = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
      expect(rootDiscovery).toMatchObject({ issuer: base, jwks_uri: `${base}/idp/jwks` });
      // Tokens of either style keep working on the API across the switch.
      expect((await api(fresh, 'acme', '/api/account', old.access_token)).status).toBe(200);
      expect((await api(fresh, 'acme', '/api/account', today.access_token)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('gives no refresh token without offline and no id_token without openid', async () => {
    const tokens = await connect(world, 'acme', { scope: 'account:read' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.scope).toBe('account:read');
  });

  it('refreshes without rotation: a new access token, no refresh token, no id_token, old refresh token still good', async () => {
    const tokens = await connect(world);
    const refresh = () => postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }, { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) });
    const first = await refresh();
    expect(first.status).toBe(200);
    expect(first.body.access_token).toBeTruthy();
    expect(first.body.access_token).not.toBe(tokens.access_token);
    expect(first.body.refresh_token).toBeUndefined();
    expect(first.body.id_token).toBeUndefined();
    const second = await refresh();
    expect(second.status).toBe(200);
    expect((await api(world, 'acme', '/api/account', String(second.body.access_token))).status).toBe(200);
  });

  it('rotates refresh tokens when the quirk is on: a new one comes back and the old one dies', async () => {
    world.sandbox.setQuirks({ rotateRefreshTokens: true });
    try {
      const tokens = await connect(world);
      const auth = { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) };
      const rotated = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }, auth);
      expect(rotated.status).toBe(200);
      expect(typeof rotated.body.refresh_token).toBe('string');
      expect(rotated.body.refresh_token).not.toBe(tokens.refresh_token);
      expect(typeof rotated.body.id_token).toBe('string');
      const old = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }, auth);
      expect(old.status).toBe(400);
      expect(old.body.error).toBe('invalid_grant');
      const next = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: String(rotated.body.refresh_token) }, auth);
      expect(next.status).toBe(200);
    } finally {
      world.sandbox.setQuirks({ rotateRefreshTokens: false });
    }
  });

  it('revoke kills the refresh token, while the access token keeps working until it expires', async () => {
    const tokens = await connect(world);
    const auth = { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) };
    const revoked = await postForm(`${world.sandbox.baseUrlFor('acme')}/oauth/revoke`, { token: tokens.refresh_token ?? '' }, auth);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({});
    const refresh = await postForm(tokenUrl(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }, auth);
    expect(refresh.status).toBe(400);
    expect(refresh.body.error).toBe('invalid_grant');
    expect((await api(world, 'acme', '/api/account', tokens.access_token)).status).toBe(200);
  });

  it('accepts client_id and client_secret in the body instead of Basic', async () => {
    const code = await obtainCode(world, 'acme');
    const answer = await postForm(tokenUrl(), {
      grant_type: 'authorization_code',
      code,
      redirect_uri: world.callback.url,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.access_token).toBeTruthy();
  });

  it('refuses a wrong secret with invalid_client', async () => {
    const code = await obtainCode(world, 'acme');
    const basic = await exchangeCode(world, 'acme', code, {});
    expect(basic.status).toBe(200);
    const code2 = await obtainCode(world, 'acme');
    const wrong = await postForm(
      tokenUrl(),
      { grant_type: 'authorization_code', code: code2, redirect_uri: world.callback.url },
      { Authorization: basicAuth(CLIENT_ID, 'not-the-secret') },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    expect(JSON.stringify(wrong.body)).not.toContain(CLIENT_SECRET);
    const body = await postForm(tokenUrl(), { grant_type: 'authorization_code', code: code2, redirect_uri: world.callback.url, client_id: CLIENT_ID, client_secret: 'nope' });
    expect(body.status).toBe(401);
    expect(body.body.error).toBe('invalid_client');
  });

  it('treats a code as single-use', async () => {
    const code = await obtainCode(world, 'acme');
    expect((await exchangeCode(world, 'acme', code)).status).toBe(200);
    const again = await exchangeCode(world, 'acme', code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a redirect_uri at the token endpoint that differs from the authorize one', async () => {
    const code = await obtainCode(world, 'acme');
    const answer = await exchangeCode(world, 'acme', code, { redirect_uri: `${world.callback.url}?account=acme` });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_grant');
  });

  it('refuses a code on another account', async () => {
    const code = await obtainCode(world, 'acme');
    const answer = await exchangeCode(world, 'globex', code);
    expect(answer.body.error).toBe('invalid_grant');
  });

  it('expires codes after 60 seconds (injected clock)', async () => {
    let now = Date.now();
    const timed = await startWorld({ clock: { now: () => now } });
    try {
      const code = await obtainCode(timed, 'acme');
      now += 61_000;
      const answer = await exchangeCode(timed, 'acme', code);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_grant');
    } finally {
      await timed.close();
    }
  });

  it('answers unsupported_grant_type and invalid_request', async () => {
    const auth = { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) };
    expect((await postForm(tokenUrl(), { grant_type: 'client_credentials' }, auth)).body.error).toBe('unsupported_grant_type');
    expect((await postForm(tokenUrl(), {}, auth)).body.error).toBe('invalid_request');
    expect((await postForm(tokenUrl(), { grant_type: 'authorization_code' }, auth)).body.error).toBe('invalid_request');
  });

  it('redirects a denied consent with access_denied and the state', async () => {
    const outcome = await consentInSandbox(authorizeUrl(world, 'acme', { state: 'deny-state' }), { approve: false });
    const url = new URL(outcome.redirectedTo);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('error_description')).toBeTruthy();
    expect(url.searchParams.get('state')).toBe('deny-state');
    expect(url.searchParams.get('code')).toBeNull();
    expect(outcome.callbackBody).toBe('error:access_denied');
  });

  it('redirects an unknown scope (offline_access) with invalid_scope', async () => {
    const res = await fetch(authorizeUrl(world, 'acme', { scope: 'openid offline_access' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('shows an HTML error page, never a redirect, for an unknown client or an unregistered redirect_uri', async () => {
    for (const url of [
      authorizeUrl(world, 'acme', { clientId: 'nobody' }),
      authorizeUrl(world, 'acme', { redirectUri: 'https://evil.example/cb' }),
      authorizeUrl(world, 'acme', { redirectUri: 'http://localhost:9/callback' }),
      authorizeUrl(world, 'acme', { redirectUri: `${world.callback.url}/extra` }),
    ]) {
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });

  it('matches a registered non-loopback redirect exactly', async () => {
    const res = await fetch(authorizeUrl(world, 'acme', { redirectUri: 'https://relay.example/gorgias' }), { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Local sandbox — fake data');
    expect(html).toContain('tickets:read');
    expect(html).toMatch(/<label for="user_id">User<\/label>/);
    expect(html).not.toContain('<script');
  });

  it('checks PKCE when a challenge was sent', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await obtainCode(world, 'acme', { codeChallenge: challenge });
    const wrong = await exchangeCode(world, 'acme', code, { code_verifier: pkcePair().verifier });
    expect(wrong.body.error).toBe('invalid_grant');
    const code2 = await obtainCode(world, 'acme', { codeChallenge: challenge });
    const right = await exchangeCode(world, 'acme', code2, { code_verifier: verifier });
    expect(right.status).toBe(200);
  });

  it('refuses a consent transaction used twice', async () => {
    const page = await (await fetch(authorizeUrl(world, 'acme'))).text();
    const tx = /name="transaction_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const post = () =>
      fetch(`${world.sandbox.baseUrlFor('acme')}/oauth/authorize/decision`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ transaction_id: tx, decision: 'approve', user_id: '1' }).toString(),
      });
    expect((await post()).status).toBe(302);
    expect((await post()).status).toBe(400);
  });
});
