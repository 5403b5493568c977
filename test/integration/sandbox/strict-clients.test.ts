// Strict relying parties against the built-in sandbox, over real HTTP: openid-client 6 and
// oauth4webapi 3 do discovery, code + PKCE, id_token validation with its signature, refresh,
// revocation and an API call in the default (today's Gorgias) style, and refuse the 2021 style's
// numeric `sub` — which is why the 2021 quirks are a switch, not the default (docs/sandbox.md).
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GORGIAS_2021_QUIRKS, startSandbox } from '../../../electron/backend/sandbox/index';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { CLIENT_ID, CLIENT_SECRET, startWorld, type World } from './helpers';

const SCOPE = 'openid email profile offline account:read users:read';
let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.close();
});

async function discover(issuer: string): Promise<client.Configuration> {
  // enableNonRepudiationChecks: the id_token's RS256 signature is checked against the sandbox's JWKS.
  return client.discovery(new URL(issuer), CLIENT_ID, undefined, client.ClientSecretBasic(CLIENT_SECRET), {
    execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks],
  });
}

/** Authorize with PKCE, nonce and state, consent as `userId` in the sandbox, return the landed URL. */
async function authorize(config: client.Configuration, userId: number) {
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: world.callback.url,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
  });
  const outcome = await consentInSandbox(url.toString(), { userId });
  return { landed: new URL(outcome.redirectedTo), checks: { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state, idTokenExpected: true } };
}

describe('openid-client 6 against the sandbox (default style: today\'s Gorgias)', () => {
  it('discovers, exchanges a code with PKCE, validates the signed id_token, refreshes, calls the API and revokes', async () => {
    const base = world.sandbox.baseUrlFor('acme');
    const config = await discover(`${base}/idp`);
    expect(config.serverMetadata().issuer).toBe(`${base}/idp`);

    const { landed, checks } = await authorize(config, 2);
    const tokens = await client.authorizationCodeGrant(config, landed, checks);
    // The library checked iss, aud, exp, iat, nonce and the RS256 signature against the JWKS.
    const claims = tokens.claims();
    expect(claims?.sub).toMatch(/^\d+-2$/);
    expect(claims?.email).toBe('ada.agent@acme.example');
    expect(tokens.expires_in).toBe(86400);
    expect(tokens.refresh_token).toBeTruthy();

    const me = await client.fetchProtectedResource(config, tokens.access_token, new URL(`${base}/api/users/0`), 'GET');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: number }).id).toBe(2);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeUndefined();

    await client.tokenRevocation(config, tokens.refresh_token ?? '');
    await expect(client.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_grant' });
    // Revoking does not kill the stateless access token (Gorgias's behaviour).
    expect((await client.fetchProtectedResource(config, refreshed.access_token, new URL(`${base}/api/account`), 'GET')).status).toBe(200);
  });

  it('refuses the 2021 style, as expected: its numeric id_token sub is not an OIDC string', async () => {
    world.sandbox.setQuirks(GORGIAS_2021_QUIRKS);
    try {
      const base = world.sandbox.baseUrlFor('acme');
      // In the 2021 style the issuer is the account URL itself; discovery is served there.
      const config = await discover(base);
      expect(config.serverMetadata().issuer).toBe(base);
      const { landed, checks } = await authorize(config, 1);
      const refused = await client.authorizationCodeGrant(config, landed, checks).then(
        () => null,
        (error: unknown) => error as Error & { cause?: Error },
      );
      expect(refused?.message).toBe('invalid response encountered');
      expect(refused?.cause?.message).toBe('unexpected JWT "sub" (subject) claim type');
    } finally {
      world.sandbox.setQuirks({ expiresIn: 86400, numericSub: false, issuerWithoutIdp: false });
    }
  });
});

describe('oauth4webapi 3 against the sandbox', () => {
  async function setup(issuer: string) {
    const as = await oauth
      .discoveryRequest(new URL(issuer), { [oauth.allowInsecureRequests]: true })
      .then((response) => oauth.processDiscoveryResponse(new URL(issuer), response));
    const c: oauth.Client = { client_id: CLIENT_ID };
    return { as, c, auth: oauth.ClientSecretBasic(CLIENT_SECRET) };
  }

  async function codeFor(as: oauth.AuthorizationServer, userId: number) {
    const verifier = oauth.generateRandomCodeVerifier();
    const nonce = oauth.generateRandomNonce();
    const url = new URL(as.authorization_endpoint ?? '');
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: world.callback.url,
      scope: SCOPE,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    const outcome = await consentInSandbox(url.toString(), { userId });
    return { landed: new URL(outcome.redirectedTo), verifier, nonce };
  }

  it('validates the whole code flow with PKCE and a signed id_token in the default style', async () => {
    const base = world.sandbox.baseUrlFor('acme');
    const { as, c, auth } = await setup(`${base}/idp`);
    const { landed, verifier, nonce } = await codeFor(as, 1);
    const params = oauth.validateAuthResponse(as, c, landed, oauth.expectNoState);
    const response = await oauth.authorizationCodeGrantRequest(as, c, auth, params, world.callback.url, verifier, { [oauth.allowInsecureRequests]: true });
    const result = await oauth.processAuthorizationCodeResponse(as, c, response, { expectedNonce: nonce, requireIdToken: true });
    const claims = oauth.getValidatedIdTokenClaims(result);
    expect(claims?.sub).toMatch(/^\d+-1$/);
    // oauth4webapi checks the id_token's signature on request: against the sandbox's JWKS.
    await expect(oauth.validateApplicationLevelSignature(as, response, { [oauth.allowInsecureRequests]: true })).resolves.toBeUndefined();
    // The check can fail: against another sandbox's key, the same id_token is refused.
    const other = await startSandbox({ port: 0 });
    try {
      other.addAccount('acme');
      const wrongKeys = { ...as, jwks_uri: `${other.baseUrlFor('acme')}/idp/jwks` };
      await expect(oauth.validateApplicationLevelSignature(wrongKeys, response, { [oauth.allowInsecureRequests]: true })).rejects.toThrow();
    } finally {
      await other.close();
    }
    const api = await oauth.protectedResourceRequest(result.access_token, 'GET', new URL(`${base}/api/users/0`), undefined, undefined, { [oauth.allowInsecureRequests]: true });
    expect(api.status).toBe(200);
  });

  it('refuses the 2021 style whole token answer (numeric sub)', async () => {
    world.sandbox.setQuirks({ numericSub: true });
    try {
      const base = world.sandbox.baseUrlFor('acme');
      const { as, c, auth } = await setup(`${base}/idp`);
      const { landed, verifier, nonce } = await codeFor(as, 1);
      const params = oauth.validateAuthResponse(as, c, landed, oauth.expectNoState);
      const response = await oauth.authorizationCodeGrantRequest(as, c, auth, params, world.callback.url, verifier, { [oauth.allowInsecureRequests]: true });
      await expect(oauth.processAuthorizationCodeResponse(as, c, response, { expectedNonce: nonce, requireIdToken: true })).rejects.toThrow('unexpected JWT "sub" (subject) claim type');
    } finally {
      world.sandbox.setQuirks({ numericSub: false });
    }
  });
});
