// The full flow against the built-in sandbox, in both of Gorgias's quirk settings, plus refresh,
// revoke and the install entry. Real HTTP on 127.0.0.1 throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/backend/sandbox';
import { WorkbenchError } from '../../../electron/common/errors';
import type { InstallConfirmation, SandboxQuirks } from '../../../electron/common/model';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { navigate, nextEvent } from '../security/local-http';
import { CLIENT_ID, CLIENT_SECRET, createHarness, startFlow, type Harness } from './harness';

let sandbox: Sandbox;
let h: Harness;

async function setUp(quirks: Partial<SandboxQuirks>, app: Parameters<typeof createHarness>[0]['app'] = {}) {
  sandbox = await startSandbox({ port: 0, quirks });
  sandbox.addAccount('acme');
  sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/callback', 'https://partner.example/landing'] });
  h = await createHarness({ baseUrl: (sub) => sandbox.baseUrlFor(sub), app, onNewSubdomain: (sub) => sandbox.addAccount(sub) });
}

async function connect(): Promise<{ flowId: string; installId: string }> {
  const flow = await startFlow(h);
  const outcome = await consentInSandbox(flow.authorizeUrl);
  expect(outcome.callbackStatus).toBe(200);
  const done = await h.flows.waitForFlow(flow.id);
  expect(done.error).toBeNull();
  expect(done.step).toBe('stored');
  return { flowId: flow.id, installId: done.installId ?? '' };
}

afterEach(async () => {
  await h?.close();
  await sandbox?.close();
});

describe('full flow against the sandbox', () => {
  it('Gorgias docs quirks (expires_in 0, numeric sub): stored, with warnings, not failures', async () => {
    await setUp({ expiresIn: 0, numericSub: true });
    const { flowId, installId } = await connect();
    expect(h.progress(flowId)).toEqual(['started', 'browser-opened', 'callback-received', 'exchanging', 'verifying', 'stored']);
    expect(h.opened).toHaveLength(1);
    const detail = await h.installs['installs.get']({ id: installId });
    const outcome = Object.fromEntries(detail.checks.map((c) => [c.id, c.outcome]));
    expect(outcome).toMatchObject({
      state: 'pass',
      'id_token.signature': 'pass',
      'id_token.iss': 'pass',
      'id_token.aud': 'pass',
      'id_token.nonce': 'pass',
      'id_token.at_hash': 'pass',
      'id_token.sub': 'warn',
      'token.expires_in': 'warn',
      'access_token.aud': 'pass',
      'access_token.azp': 'pass',
      'scope.offline': 'pass',
    });
    expect(detail.status).toBe('active');
    expect(detail.expirySource).toBe('jwt-exp');
    expect(detail.expiresInAnswered).toBe(0);
    expect(detail.hasRefreshToken).toBe(true);
    expect(detail.tokens.access.format).toBe('jwt');
    expect(detail.tokens.access.masked).toMatch(/^.{8}….{4}$/);
    expect(typeof detail.idTokenJwt?.claims.sub).toBe('number');
    // One install for app × account, stored in the vault.
    expect(h.vault.data().installs).toHaveLength(1);
    expect(h.events.some((e) => e.event === 'installs.changed')).toBe(true);
  });

  it('2026 quirks (expires_in 86400, string sub): every id_token check passes', async () => {
    await setUp({ expiresIn: 86400, numericSub: false });
    const { installId } = await connect();
    const detail = await h.installs['installs.get']({ id: installId });
    const outcome = Object.fromEntries(detail.checks.map((c) => [c.id, c.outcome]));
    expect(outcome['id_token.sub']).toBe('pass');
    expect(outcome['token.expires_in']).toBe('pass');
    expect(detail.checks.filter((c) => c.id.startsWith('id_token.') && c.outcome !== 'pass')).toEqual([]);
  });

  it('records every exchange in the activity log with no secret in it', async () => {
    await setUp({});
    const { installId } = await connect();
    const kinds = new Set(h.vault.entries.map((e) => e.kind));
    for (const kind of ['authorize', 'callback', 'token', 'discovery', 'jwks']) expect(kinds).toContain(kind);
    const install = h.vault.data().installs.find((i) => i.id === installId)!;
    const log = JSON.stringify(h.vault.entries);
    for (const secret of [CLIENT_SECRET, install.accessToken, install.refreshToken!, install.idToken!]) expect(log).not.toContain(secret);
    const token = h.vault.entries.find((e) => e.kind === 'token')!;
    expect(token.requestHeaders.authorization).toMatch(/^Basic \[redacted \d+ chars\]$/);
    expect(token.requestBody).toMatch(/code=\[redacted \d+ chars\]/);
    expect(token.status).toBe(200);
  });

  it('connecting again replaces the install for the same app × account', async () => {
    await setUp({});
    const first = await connect();
    const before = h.vault.data().installs[0]!.accessToken;
    const second = await connect();
    expect(second.installId).toBe(first.installId);
    expect(h.vault.data().installs).toHaveLength(1);
    expect(h.vault.data().installs[0]!.accessToken).not.toBe(before);
  });

  it('client secret in the body works as the alternative client-auth method', async () => {
    await setUp({}, { clientAuth: 'body' });
    await connect();
    const token = h.requests.find((r) => r.url.endsWith('/oauth/token'))!;
    expect(token.body).toContain('client_secret=');
  });

  it('PKCE on: the sandbox checks the S256 verifier', async () => {
    await setUp({}, { pkce: true });
    const flow = await startFlow(h);
    expect(new URL(flow.authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    await consentInSandbox(flow.authorizeUrl);
    expect((await h.flows.waitForFlow(flow.id)).step).toBe('stored');
  });

  it('carries ?account= in the redirect URL when the app asks', async () => {
    await setUp({}, { redirect: { includeAccountParam: true } });
    sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/callback?account=acme'] });
    const flow = await startFlow(h);
    expect(new URL(flow.redirectUri).searchParams.get('account')).toBe('acme');
    const outcome = await consentInSandbox(flow.authorizeUrl);
    expect(outcome.callbackStatus).toBe(200);
    expect((await h.flows.waitForFlow(flow.id)).step).toBe('stored');
  });
});

describe('key selection (OpenID Connect Core §10.1)', () => {
  it('an id_token with no kid, and a key set with two fitting RSA keys: verified with the right one, stored', async () => {
    await setUp({});
    sandbox.setFault('jwks-two-keys');
    const { installId } = await connect();
    const signature = (await h.installs['installs.get']({ id: installId })).checks.find((c) => c.id === 'id_token.signature');
    expect(signature?.outcome).toBe('pass');
    expect(signature?.detail).toMatch(/the token names no key \(no kid\), so the 2 keys that fit RS256 were tried and key 2 verified it/);
  });
});

describe('refresh and revoke', () => {
  it('20 concurrent refreshes share one token request and keep the refresh token', async () => {
    await setUp({ rotateRefreshTokens: false });
    const { installId } = await connect();
    const before = structuredClone(h.vault.data().installs[0]!);
    const countRefreshes = () => h.requests.filter((r) => r.url.endsWith('/oauth/token') && r.body.includes('grant_type=refresh_token')).length;
    expect(countRefreshes()).toBe(0);
    const results = await Promise.all(Array.from({ length: 20 }, () => h.installs['installs.refresh']({ id: installId })));
    expect(countRefreshes()).toBe(1);
    expect(new Set(results.map((r) => r.refreshedAt)).size).toBe(1);
    const after = h.vault.data().installs[0]!;
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.idToken).toBe(before.idToken);
    // The next refresh is a new request (single flight, not a cache).
    await h.installs['installs.refresh']({ id: installId });
    expect(countRefreshes()).toBe(2);
  });

  it('takes the new refresh token when one comes back (rotation on)', async () => {
    await setUp({ rotateRefreshTokens: true });
    const { installId } = await connect();
    const before = h.vault.data().installs[0]!.refreshToken;
    await h.installs['installs.refresh']({ id: installId });
    const after = h.vault.data().installs[0]!.refreshToken;
    expect(after).not.toBe(before);
    // And the new one works.
    await h.installs['installs.refresh']({ id: installId });
  });

  it('getFreshAccessToken refreshes only when the token is about to expire', async () => {
    await setUp({});
    const { installId } = await connect();
    const stored = h.vault.data().installs[0]!.accessToken;
    expect(await h.refresher.getFreshAccessToken(installId, { minValidityMs: 60_000 })).toBe(stored);
    const fresh = await h.refresher.getFreshAccessToken(installId, { minValidityMs: 48 * 3600_000 });
    expect(fresh).not.toBe(stored);
  });

  it('revoke, then refresh → TOKEN_REVOKED, status revoked, access token valid until exp', async () => {
    await setUp({});
    const { installId } = await connect();
    const revoked = await h.installs['installs.revoke']({ id: installId });
    expect(revoked.status).toBe('revoked');
    const note = revoked.checks.find((c) => c.id === 'install.revoked');
    expect(note?.detail).toContain(`stays valid until ${revoked.expiresAt}`);
    const revokeRequest = h.requests.find((r) => r.url.endsWith('/oauth/revoke'))!;
    expect(revokeRequest.body).toMatch(/^token=/);
    const error = await h.installs['installs.refresh']({ id: installId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('TOKEN_REVOKED');
    const after = await h.installs['installs.get']({ id: installId });
    expect(after.status).toBe('revoked');
    expect(after.lastError?.code).toBe('TOKEN_REVOKED');
  });

  it('a server that ignores the revoke: the refresh succeeds, the revoke is kept and the finding recorded', async () => {
    await setUp({});
    const { installId } = await connect();
    sandbox.setFault('revoke-ignored');
    const revoked = await h.installs['installs.revoke']({ id: installId });
    sandbox.setFault(null);
    const refreshed = await h.installs['installs.refresh']({ id: installId });
    expect(refreshed.revokedAt).toBe(revoked.revokedAt);
    expect(refreshed.status).toBe('revoked');
    const finding = refreshed.checks.find((c) => c.id === 'install.revoke-ignored');
    expect(finding?.outcome).toBe('fail');
    expect(finding?.detail).toContain(`after it was revoked at ${revoked.revokedAt}`);
    const notice = h.events.filter((e) => e.event === 'notice').at(-1)?.payload as { level: string; message: string };
    expect(notice).toMatchObject({ level: 'warning' });
    expect(notice.message).toContain('the revoke did not take effect');
  });

  it('reveal, copy and forget', async () => {
    await setUp({});
    const { installId } = await connect();
    const install = h.vault.data().installs[0]!;
    expect((await h.installs['installs.reveal']({ id: installId, token: 'refresh' })).token).toBe(install.refreshToken);
    await h.installs['installs.copy']({ id: installId, token: 'access' });
    expect(h.clipboard).toEqual([install.accessToken]);
    const list = await h.installs['installs.list'](undefined);
    expect(JSON.stringify(list)).not.toContain(install.accessToken);
    await h.installs['installs.forget']({ id: installId });
    expect(h.vault.data().installs).toEqual([]);
    await expect(h.installs['installs.get']({ id: installId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('other redirect modes and the install entry', () => {
  it('paste mode: a wrong address is refused without consuming the flow, the right one completes it', async () => {
    await setUp({}, { redirect: { mode: 'paste', pasteUrl: 'https://partner.example/landing' } });
    const flow = await startFlow(h);
    expect(flow.step).toBe('waiting-for-paste');
    expect(await h.flows.listeningPorts()).toEqual([]);
    const outcome = await consentInSandbox(flow.authorizeUrl);
    expect(outcome.callbackStatus).toBe(0);
    const landed = new URL(outcome.redirectedTo);
    const elsewhere = `https://partner.example/other${landed.search}`;
    await expect(h.flows['flows.paste']({ flowId: flow.id, url: elsewhere })).rejects.toMatchObject({ code: 'OAUTH_REDIRECT_MISMATCH' });
    const forged = new URL(landed);
    forged.searchParams.set('state', 'forged-state');
    await expect(h.flows['flows.paste']({ flowId: flow.id, url: forged.toString() })).rejects.toMatchObject({ code: 'OAUTH_STATE_MISMATCH' });
    await expect(h.flows['flows.paste']({ flowId: flow.id, url: 'not a url' })).rejects.toMatchObject({ code: 'INVALID_URL' });
    const done = await h.flows['flows.paste']({ flowId: flow.id, url: outcome.redirectedTo });
    expect(done.step).toBe('stored');
    await expect(h.flows['flows.paste']({ flowId: flow.id, url: outcome.redirectedTo })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('GET /oauth/install?account= starts a flow for a new account, once the user confirms it, and redirects to authorize', async () => {
    await setUp({});
    const entry = await h.flows.serveInstallEntry(h.app.id);
    const asked = nextEvent<InstallConfirmation[]>((l) => h.deps.events.subscribe(l), 'flow.installConfirmations', (list) => list.length === 1);
    const answer = navigate(`${entry.url}?account=newshop`);
    const [waiting] = await asked;
    expect(waiting).toMatchObject({ appId: h.app.id, subdomain: 'newshop' });
    expect(h.vault.data().accounts.some((a) => a.subdomain === 'newshop')).toBe(false);
    await h.flows['flows.confirmInstall']({ id: waiting!.id, accept: true });
    const response = await answer;
    expect(response.status).toBe(302);
    const location = String(response.headers.location ?? '');
    expect(location.startsWith(`${sandbox.baseUrlFor('newshop')}/oauth/authorize?`)).toBe(true);
    expect(h.opened).toEqual([]);
    const outcome = await consentInSandbox(location);
    expect(outcome.callbackStatus).toBe(200);
    const account = h.vault.data().accounts.find((a) => a.subdomain === 'newshop');
    expect(account).toBeDefined();
    expect(h.vault.data().installs.map((i) => i.accountId)).toEqual([account!.id]);
    const bad = await navigate(`${entry.url}?account=not_a..label`);
    expect(bad.status).toBe(400);
    await entry.release();
  });
});
