import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks, type CheckInput } from '../../../electron/backend/oauth/checks/run-checks';
import type { TokenSet } from '../../../electron/backend/oauth/token-response';
import type { CheckResult } from '../../../electron/common/model';
import { BASE, CLIENT_ID, NONCE, NOW, found, idClaims, makeKeys, resolverFor, unsigned, type TestKeys } from './jwt-helpers';

let keys: TestKeys;
let otherKeys: TestKeys;
let accessToken: string;

beforeAll(async () => {
  keys = await makeKeys();
  otherKeys = await makeKeys();
  accessToken = await keys.sign({ iss: `${BASE}/idp`, aud: `${BASE}/api`, sub: '202827-347532179', azp: CLIENT_ID, scope: 'openid offline tickets:read', iat: NOW, exp: NOW + 86400, jti: 'j1' });
});

function tokens(patch: Partial<TokenSet>): TokenSet {
  return { accessToken, tokenType: 'Bearer', expiresIn: 0, refreshToken: 'rt-1', idToken: null, scope: ['openid', 'offline', 'tickets:read'], ...patch };
}

async function check(idToken: string | null, patch: Partial<CheckInput> = {}) {
  return runChecks({
    tokens: tokens({ idToken }),
    baseUrl: BASE,
    clientId: CLIENT_ID,
    clientSecret: 'secret',
    nonce: NONCE,
    requestedScopes: ['openid', 'offline', 'tickets:read'],
    obtainedAtMs: NOW * 1000,
    skewSeconds: 120,
    keys: resolverFor(found(keys.jwks)),
    context: {},
    ...patch,
  });
}

const byId = (checks: CheckResult[], id: string): CheckResult => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
};

describe('id_token checks', () => {
  it('a good Gorgias-shaped id_token passes every check', async () => {
    const result = await check(await keys.sign(idClaims(accessToken)));
    expect(result.failures).toEqual([]);
    for (const id of ['signature', 'iss', 'aud', 'azp', 'exp', 'iat', 'nonce', 'at_hash', 'sub']) expect(byId(result.checks, `id_token.${id}`).outcome).toBe('pass');
    expect(byId(result.checks, 'id_token.iss').detail).toContain('/idp issuer');
    expect(byId(result.checks, 'id_token.aud').detail).toContain('array');
  });

  it('bad signature (signed by another key with the same kid) fails the signature', async () => {
    const result = await check(await otherKeys.sign(idClaims(accessToken)));
    expect(byId(result.checks, 'id_token.signature').outcome).toBe('fail');
    expect(result.failures.map((c) => c.id)).toEqual(['id_token.signature']);
  });

  it('no kid and two fitting keys: each is tried, the one that verifies is named; neither verifying fails', async () => {
    const both = { keys: [...otherKeys.jwks.keys.map(({ kid: _kid, ...jwk }) => jwk), ...keys.jwks.keys.map(({ kid: _kid, ...jwk }) => jwk)] };
    const signed = await keys.signWithoutKid(idClaims(accessToken));
    const passed = byId((await check(signed, { keys: resolverFor(found(both)) })).checks, 'id_token.signature');
    expect(passed.outcome).toBe('pass');
    expect(passed.detail).toContain('key 2 verified it');
    expect(passed.detail).toMatch(/key with thumbprint \S+ from/);
    const neither = byId((await check(await otherKeys.signWithoutKid(idClaims(accessToken)), { keys: resolverFor(found({ keys: [keys.jwks.keys[0]!, { ...keys.jwks.keys[0]!, kid: 'key-2' }] })) })).checks, 'id_token.signature');
    expect(neither.outcome).toBe('fail');
    expect(neither.detail).toContain('does not match any of the 2 keys that fit RS256');
  });

  it('a key id the account does not publish fails after one refetch', async () => {
    const resolver = resolverFor(found(keys.jwks));
    const result = await check(await otherKeys.sign(idClaims(accessToken), { kid: 'unknown-kid' }), { keys: resolver });
    expect(byId(result.checks, 'id_token.signature').outcome).toBe('fail');
    expect(byId(result.checks, 'id_token.signature').detail).toContain('unknown-kid');
    expect(resolver.calls).toBe(2);
  });

  it('alg none fails, and is named', async () => {
    const result = await check(unsigned(idClaims(accessToken) as Record<string, unknown>));
    const signature = byId(result.checks, 'id_token.signature');
    expect(signature.outcome).toBe('fail');
    expect(signature.detail).toContain('alg: none');
  });

  it('no published keys → signature "unchecked", not a failure', async () => {
    const result = await check(await keys.sign(idClaims(accessToken)), { keys: resolverFor({ status: 'none', reason: 'no discovery document was found' }) });
    expect(byId(result.checks, 'id_token.signature').outcome).toBe('unchecked');
    expect(byId(result.checks, 'id_token.signature').detail).toMatch(/^Not verified/);
    expect(result.failures).toEqual([]);
  });

  it('wrong nonce fails nonce (as in Gorgias\'s own docs example)', async () => {
    const result = await check(await keys.sign(idClaims(accessToken, { nonce: 'another-nonce' })));
    expect(result.failures.map((c) => c.id)).toEqual(['id_token.nonce']);
  });

  it('missing nonce fails nonce', async () => {
    const result = await check(await keys.sign(idClaims(accessToken, { nonce: undefined })));
    expect(result.failures.map((c) => c.id)).toEqual(['id_token.nonce']);
  });

  it('wrong aud fails aud; a string aud with the client id passes', async () => {
    const wrong = await check(await keys.sign(idClaims(accessToken, { aud: ['someone-else'] })));
    expect(wrong.failures.map((c) => c.id)).toEqual(['id_token.aud']);
    const asString = await check(await keys.sign(idClaims(accessToken, { aud: CLIENT_ID })));
    expect(byId(asString.checks, 'id_token.aud').outcome).toBe('pass');
  });

  it('azp other than the client id fails; several audiences without azp warn', async () => {
    const wrong = await check(await keys.sign(idClaims(accessToken, { azp: 'other' })));
    expect(wrong.failures.map((c) => c.id)).toEqual(['id_token.azp']);
    const several = await check(await keys.sign(idClaims(accessToken, { aud: [CLIENT_ID, 'x'] })));
    expect(byId(several.checks, 'id_token.azp').outcome).toBe('warn');
  });

  it('expired beyond the clock-skew allowance fails exp; within it passes', async () => {
    const expired = await check(await keys.sign(idClaims(accessToken, { exp: NOW - 121 })));
    expect(expired.failures.map((c) => c.id)).toEqual(['id_token.exp']);
    expect(byId(expired.checks, 'id_token.exp').detail).toContain('120 s');
    const withinSkew = await check(await keys.sign(idClaims(accessToken, { exp: NOW - 60 })));
    expect(byId(withinSkew.checks, 'id_token.exp').outcome).toBe('pass');
  });

  it('iat in the future beyond skew fails iat', async () => {
    const result = await check(await keys.sign(idClaims(accessToken, { iat: NOW + 600 })));
    expect(result.failures.map((c) => c.id)).toEqual(['id_token.iat']);
  });

  it('wrong iss fails; the 2021 host issuer passes and says which', async () => {
    const wrong = await check(await keys.sign(idClaims(accessToken, { iss: 'https://evil.gorgias.com/idp' })));
    expect(wrong.failures.map((c) => c.id)).toEqual(['id_token.iss']);
    const host = await check(await keys.sign(idClaims(accessToken, { iss: BASE })));
    expect(byId(host.checks, 'id_token.iss').outcome).toBe('pass');
    expect(byId(host.checks, 'id_token.iss').detail).toContain('2021');
  });

  it('bad at_hash fails at_hash; missing at_hash is unchecked', async () => {
    const bad = await check(await keys.sign(idClaims(accessToken, { at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' })));
    expect(bad.failures.map((c) => c.id)).toEqual(['id_token.at_hash']);
    const missing = await check(await keys.sign(idClaims(accessToken, { at_hash: undefined })));
    expect(byId(missing.checks, 'id_token.at_hash').outcome).toBe('unchecked');
  });

  it('numeric sub is a warning with the reason, not a failure', async () => {
    const result = await check(await keys.sign(idClaims(accessToken, { sub: 10 as unknown as string })));
    expect(byId(result.checks, 'id_token.sub').outcome).toBe('warn');
    expect(byId(result.checks, 'id_token.sub').detail).toContain('number 10');
    expect(result.failures).toEqual([]);
  });

  it('a malformed id_token fails format', async () => {
    const result = await check('not.a-jwt');
    expect(result.failures.map((c) => c.id)).toEqual(['id_token.format']);
    const garbage = await check('eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.sig');
    expect(garbage.failures.map((c) => c.id)).toEqual(['id_token.format']);
  });

  it('openid requested without an id_token warns; not requested is unchecked', async () => {
    const missing = await check(null);
    expect(byId(missing.checks, 'id_token.present').outcome).toBe('warn');
    const notAsked = await check(null, { requestedScopes: ['offline', 'tickets:read'] });
    expect(byId(notAsked.checks, 'id_token.present').outcome).toBe('unchecked');
  });
});

describe('access token checks', () => {
  it('decodes the JWT: aud {base}/api, azp, scope vs answer', async () => {
    const result = await check(null);
    expect(byId(result.checks, 'access_token.aud').outcome).toBe('pass');
    expect(byId(result.checks, 'access_token.azp').outcome).toBe('pass');
    expect(byId(result.checks, 'access_token.scope').outcome).toBe('pass');
  });

  it('warns on a different scope, aud or azp', async () => {
    const odd = await keys.sign({ aud: 'https://other/api', azp: 'x', scope: 'openid', exp: NOW + 10 });
    const result = await runChecks({ tokens: tokens({ accessToken: odd }), baseUrl: BASE, clientId: CLIENT_ID, clientSecret: 's', nonce: NONCE, requestedScopes: ['openid', 'offline', 'tickets:read'], obtainedAtMs: NOW * 1000, skewSeconds: 120, keys: resolverFor(found(keys.jwks)), context: {} });
    for (const id of ['access_token.aud', 'access_token.azp', 'access_token.scope']) expect(byId(result.checks, id).outcome).toBe('warn');
    expect(result.failures).toEqual([]);
  });

  it('an opaque access token is unchecked, not a failure', async () => {
    const result = await runChecks({ tokens: tokens({ accessToken: 'opaque-token-value', expiresIn: 3600 }), baseUrl: BASE, clientId: CLIENT_ID, clientSecret: 's', nonce: NONCE, requestedScopes: ['offline'], obtainedAtMs: NOW * 1000, skewSeconds: 120, keys: resolverFor(found(keys.jwks)), context: {} });
    expect(byId(result.checks, 'access_token.format').outcome).toBe('unchecked');
    expect(result.expirySource).toBe('expires-in');
  });
});
