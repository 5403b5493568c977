// `gorgias-workbench sandbox serve` as a fake Gorgias for anyone's tests, driven by a strict
// relying-party library nobody here wrote (openid-client): discovery, code flow with PKCE, id_token
// validation including its signature, refresh, revocation, an API call. Then a clean stop.
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitForOutput } from './cli-process';
import { serveSandbox, type ServedSandbox } from './sandbox-serve-process';

const REDIRECT = 'http://127.0.0.1:9/partner/callback';
let sandbox: ServedSandbox;

beforeAll(async () => {
  sandbox = await serveSandbox(['--accounts', 'acme,beta', '--auto-approve', '--client-id', 'partner-app', '--client-secret', 'partner-secret-123', '--redirect-uri', REDIRECT]);
});
afterAll(() => sandbox?.stop());

async function discover(): Promise<oidc.Configuration> {
  const acme = sandbox.accounts.find((account) => account.subdomain === 'acme')!;
  const config = await oidc.discovery(new URL(acme.issuer), 'partner-app', 'partner-secret-123', oidc.ClientSecretBasic('partner-secret-123'), { execute: [oidc.allowInsecureRequests] });
  // Check the id_token's JWS signature against the JWKS too, not only its claims.
  oidc.enableNonRepudiationChecks(config);
  return config;
}

describe('sandbox serve, as openid-client sees it', () => {
  it('prints one base URL and discovery URL per account and the client it registered', () => {
    expect(sandbox.accounts.map((account) => account.subdomain)).toEqual(['acme', 'beta']);
    expect(sandbox.accounts[0]!.baseUrl).toBe(`${sandbox.origin}/acme`);
    expect(sandbox.accounts[1]!.discoveryUrl).toBe(`${sandbox.origin}/beta/idp/.well-known/openid-configuration`);
    expect(sandbox.client).toMatchObject({ clientId: 'partner-app', clientSecret: 'partner-secret-123', redirectUris: [REDIRECT] });
  });

  it('discovery, code flow with PKCE, a signed id_token, refresh, an API call and revocation', async () => {
    const config = await discover();
    expect(config.serverMetadata().issuer).toBe(sandbox.accounts[0]!.issuer);

    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authorize = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid email profile offline account:read',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    // --auto-approve: the authorize endpoint answers with the redirect at once, as if a person approved.
    const answer = await fetch(authorize, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const landed = new URL(answer.headers.get('location')!);
    expect(`${landed.origin}${landed.pathname}`).toBe(REDIRECT);

    const tokens = await oidc.authorizationCodeGrant(config, landed, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    expect(tokens.claims()).toMatchObject({ iss: sandbox.accounts[0]!.issuer, nonce });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);

    const account = await oidc.fetchProtectedResource(config, refreshed.access_token, new URL(`${sandbox.accounts[0]!.baseUrl}/api/account`), 'GET');
    expect(account.status).toBe(200);
    expect(await account.json()).toMatchObject({ domain: 'acme' });

    await oidc.tokenRevocation(config, tokens.refresh_token!);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('without --auto-approve a person must consent: the authorize endpoint shows the consent page', async () => {
    const manual = await serveSandbox(['--accounts', 'acme', '--client-id', 'partner-app', '--client-secret', 'partner-secret-123', '--redirect-uri', REDIRECT]);
    try {
      const url = `${manual.accounts[0]!.baseUrl}/oauth/authorize?response_type=code&client_id=partner-app&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=openid&state=s`;
      const page = await fetch(url, { redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Approve');
    } finally {
      expect(await manual.stop('SIGTERM')).toBe(0);
    }
  });

  it('tells a person how to use it, and stops cleanly on Ctrl+C', async () => {
    const child = spawnCli(['sandbox', 'serve', '--accounts', 'acme', '--style', '2021']);
    const text = await waitForOutput(child.stdout!, /Press Ctrl\+C to stop\./);
    expect(text).toMatch(/Gorgias sandbox \(2021 style\) on http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toMatch(/base URL\s+http:\/\/127\.0\.0\.1:\d+\/acme\s+\(in place of https:\/\/acme\.gorgias\.com\)/);
    expect(text).toMatch(/discovery\s+http:\/\/127\.0\.0\.1:\d+\/acme\/idp\/\.well-known\/openid-configuration/);
    expect(text).toMatch(/client id\s+workbench-demo/);
    expect(text).toMatch(/client secret\s+\S{20,}/);
    expect(text).toContain('loopback URLs match on any port');
    const stopped = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.kill('SIGINT');
    expect(await stopped).toBe(0);
    expect(stderr).toContain('Sandbox stopped.');
  });

  it('refuses a bad style or subdomain with exit 2', async () => {
    expect((await runCli(['sandbox', 'serve', '--style', '1999'])).code).toBe(2);
    const bad = await runCli(['sandbox', 'serve', '--accounts', 'Not A Subdomain!']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Not a valid sandbox subdomain');
  });
});
