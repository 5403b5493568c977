import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, oauthEndpoint, testInstallUrl } from '../../../electron/backend/oauth/authorize-url';
import { applyClientAuth, basicAuthorization } from '../../../electron/backend/oauth/client-auth';
import { newPkcePair, pkceChallenge, randomToken } from '../../../electron/backend/oauth/random';
import { loopbackRedirectUri, redirectUriForFlow, redirectUriToRegister } from '../../../electron/backend/oauth/redirect-uri';
import type { RedirectSettings } from '../../../electron/common/model';

const redirect = (patch: Partial<RedirectSettings> = {}): { redirect: RedirectSettings } => ({
  redirect: { mode: 'loopback', port: 8723, path: '/callback', relayUrl: 'https://partner.example/relay.html', pasteUrl: 'https://oauth.pstmn.io/v1/callback', includeAccountParam: false, ...patch },
});

describe('authorize URL', () => {
  it('carries exactly the Gorgias parameters, scopes space-separated', () => {
    const url = new URL(buildAuthorizeUrl({ baseUrl: 'https://acme.gorgias.com/', clientId: 'cid 1', scopes: ['openid', 'offline', 'tickets:read'], redirectUri: 'http://127.0.0.1:8723/callback', state: 'st', nonce: 'no' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://acme.gorgias.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({ response_type: 'code', client_id: 'cid 1', scope: 'openid offline tickets:read', redirect_uri: 'http://127.0.0.1:8723/callback', state: 'st', nonce: 'no' });
  });

  it('adds the S256 challenge only with PKCE on', () => {
    const url = new URL(buildAuthorizeUrl({ baseUrl: 'http://127.0.0.1:9/acme', clientId: 'c', scopes: ['openid'], redirectUri: 'r', state: 's', nonce: 'n', pkceChallenge: 'ch' }));
    expect(url.pathname).toBe('/acme/oauth/authorize');
    expect(url.searchParams.get('code_challenge')).toBe('ch');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('builds token and revoke endpoints under the account base', () => {
    expect(oauthEndpoint('http://127.0.0.1:9/acme', 'token')).toBe('http://127.0.0.1:9/acme/oauth/token');
    expect(oauthEndpoint('https://acme.gorgias.com', 'revoke')).toBe('https://acme.gorgias.com/oauth/revoke');
  });

  it('builds the test-install link', () => {
    expect(testInstallUrl('https://acme.gorgias.com/', 'abc123')).toBe('https://acme.gorgias.com/app/settings/integrations/app/abc123?preview=true');
  });
});

describe('redirect URIs', () => {
  it('loopback: the bound port and path', () => {
    expect(loopbackRedirectUri(8723, '/callback')).toBe('http://127.0.0.1:8723/callback');
    expect(redirectUriForFlow(redirect(), 8723, 'acme')).toBe('http://127.0.0.1:8723/callback');
    expect(redirectUriForFlow(redirect({ port: 0 }), 50123, 'acme')).toBe('http://127.0.0.1:50123/callback');
  });

  it('carries ?account= when asked, in every mode', () => {
    expect(redirectUriForFlow(redirect({ includeAccountParam: true }), 8723, 'acme')).toBe('http://127.0.0.1:8723/callback?account=acme');
    expect(redirectUriForFlow(redirect({ mode: 'relay', includeAccountParam: true }), 8723, 'acme')).toBe('https://partner.example/relay.html?account=acme');
    expect(redirectUriForFlow(redirect({ mode: 'paste' }), null, 'acme')).toBe('https://oauth.pstmn.io/v1/callback');
  });

  it('says what to register for each mode', () => {
    expect(redirectUriToRegister(redirect())).toBe('http://127.0.0.1:8723/callback');
    expect(redirectUriToRegister(redirect({ mode: 'relay' }))).toBe('https://partner.example/relay.html');
    expect(redirectUriToRegister(redirect({ mode: 'paste' }))).toBe('https://oauth.pstmn.io/v1/callback');
    expect(redirectUriToRegister(redirect({ includeAccountParam: true }))).toBe('http://127.0.0.1:8723/callback?account={subdomain}');
  });

  it('port 0: a port-less loopback URL (RFC 8252 any-port) until the port is known', () => {
    expect(redirectUriToRegister(redirect({ port: 0 }))).toBe('http://127.0.0.1/callback');
    expect(redirectUriToRegister(redirect({ port: 0 }), 50123)).toBe('http://127.0.0.1:50123/callback');
  });
});

describe('state, nonce and PKCE', () => {
  it('are at least 32 random bytes, base64url, never repeating', () => {
    const values = new Set(Array.from({ length: 200 }, () => randomToken()));
    expect(values.size).toBe(200);
    for (const value of values) {
      expect(value).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      expect(Buffer.from(value, 'base64url').length).toBeGreaterThanOrEqual(32);
    }
  });

  it('computes the RFC 7636 S256 challenge (appendix B vector)', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const pair = newPkcePair();
    expect(pair.challenge).toBe(pkceChallenge(pair.verifier));
  });
});

describe('client authentication', () => {
  it('Basic: form-urlencodes id and secret before base64 (RFC 6749 §2.3.1)', () => {
    const header = basicAuthorization('my id', 'p@ss:word+1');
    expect(Buffer.from(header.slice(6), 'base64').toString()).toBe('my+id:p%40ss%3Aword%2B1');
  });

  it('Basic by default, body on request', () => {
    const basic = applyClientAuth({ clientId: 'cid', clientSecret: 'sec', method: 'basic' }, { grant_type: 'x' });
    expect(basic.form).toEqual({ grant_type: 'x' });
    expect(basic.headers.authorization).toMatch(/^Basic /);
    const body = applyClientAuth({ clientId: 'cid', clientSecret: 'sec', method: 'body' }, { grant_type: 'x' });
    expect(body.form).toEqual({ grant_type: 'x', client_id: 'cid', client_secret: 'sec' });
    expect(body.headers).toEqual({});
  });
});
