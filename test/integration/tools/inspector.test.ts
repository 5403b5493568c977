// The token inspector on real sandbox tokens, a garbage string and a numeric-sub id_token.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;

afterEach(async () => {
  await h?.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('inspector.inspect', () => {
  it('reads a sandbox access token: its account, its app, verified against the account keys', async () => {
    h = await createToolsHarness();
    await h.connect('acme');
    const install = h.vault.data().installs[0]!;
    const result = await h.tools['inspector.inspect']({ token: `Bearer ${install.accessToken}` });
    expect(result.kind).toBe('jwt');
    expect(result.account?.id).toBe('acc_acme');
    expect(result.app?.clientId).toBe(CLIENT_ID);
    expect(result.signature.outcome).toBe('pass');
    expect(result.readings.map((r) => r.text).join('\n')).toContain('An access token for the account acme label');
    expect(result.times.map((t) => t.claim)).toEqual(expect.arrayContaining(['iat', 'exp']));
    expect(result.times.find((t) => t.claim === 'exp')!.relative).toMatch(/^in (23 h|1 d)/);
    // Nothing stored: the vault was not written and the inspector keeps no list.
    const writes = h.vault.writes;
    await h.tools['inspector.inspect']({ token: install.accessToken });
    expect(h.vault.writes).toBe(writes);
  });

  it('reads a numeric-sub id_token as the app\'s id_token, with a warning', async () => {
    h = await createToolsHarness();
    // The 2021 style: today's default gives a string sub.
    h.sandbox.setQuirks({ numericSub: true });
    await h.connect('acme');
    const install = h.vault.data().installs[0]!;
    const result = await h.tools['inspector.inspect']({ token: install.idToken! });
    expect(result.kind).toBe('jwt');
    expect(typeof result.claims?.sub).toBe('number');
    const texts = result.readings.map((r) => `${r.level}: ${r.text}`);
    expect(texts.some((t) => t.startsWith('info: An id_token of the app "Tools app"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('warn: sub is the number'))).toBe(true);
    expect(result.signature.outcome).toBe('pass');
  });

  it('verifies an id_token with no kid when the account publishes two RSA keys (OpenID Connect Core §10.1), naming the key', async () => {
    h = await createToolsHarness();
    h.sandbox.setFault('jwks-two-keys');
    await h.connect('acme');
    const install = h.vault.data().installs[0]!;
    const result = await h.tools['inspector.inspect']({ token: install.idToken! });
    expect(result.signature.outcome).toBe('pass');
    expect(result.signature.detail).toContain('the token names no key (no kid), so the 2 keys that fit RS256 were tried and key 2 verified it');
  });

  it('shares one key fetch: concurrent inspections fetch the keys once, and made-up kids refetch at most once per cooldown', async () => {
    h = await createToolsHarness();
    await h.connect('acme');
    const install = h.vault.data().installs[0]!;
    const jwksFetches = () => h.vault.activity.list({ kind: 'jwks', limit: 1000 }).entries.length;
    const before = jwksFetches();
    // The flow fetched the keys; the inspector reuses that set (one core, one key cache).
    const results = await Promise.all(Array.from({ length: 10 }, () => h.tools['inspector.inspect']({ token: install.accessToken })));
    expect(results.every((r) => r.signature.outcome === 'pass')).toBe(true);
    expect(jwksFetches()).toBe(before);
    const [header, payload, signature] = install.accessToken.split('.');
    const withKid = (kid: string) => `${b64({ ...JSON.parse(Buffer.from(header!, 'base64url').toString()), kid })}.${payload}.${signature}`;
    const first = await h.tools['inspector.inspect']({ token: withKid('made-up-1') });
    expect(first.signature.outcome).toBe('fail');
    expect(first.signature.detail).toContain('No key with kid "made-up-1"');
    // Within the cooldown (30 s since the flow's fetch) the set is not fetched again, however many unknown kids arrive.
    await Promise.all(['made-up-2', 'made-up-3', 'made-up-4'].map((kid) => h.tools['inspector.inspect']({ token: withKid(kid) })));
    expect(jwksFetches()).toBe(before);
    // After it, an unknown kid refetches once (a key rotation is possible), shared by concurrent callers.
    h.advance(31_000);
    await Promise.all(['made-up-5', 'made-up-6'].map((kid) => h.tools['inspector.inspect']({ token: withKid(kid) })));
    expect(jwksFetches()).toBe(before + 1);
    // Once the cached set is stale (10 min), ten concurrent inspections share one fetch.
    h.advance(11 * 60_000);
    await Promise.all(Array.from({ length: 10 }, () => h.tools['inspector.inspect']({ token: install.accessToken })));
    expect(jwksFetches()).toBe(before + 2);
  });

  it('fails a tampered token, leaves an unknown issuer unverified, calls a refresh token opaque and garbage garbage', async () => {
    h = await createToolsHarness();
    await h.connect('acme');
    const install = h.vault.data().installs[0]!;
    const [header, payload, signature] = install.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = `${header}.${b64({ ...claims, scope: `${claims.scope} tickets:write` })}.${signature}`;
    const bad = await h.tools['inspector.inspect']({ token: tampered });
    expect(bad.signature.outcome).toBe('fail');
    expect(bad.readings[0]!.level).toBe('error');

    const foreign = `${b64({ alg: 'RS256' })}.${b64({ iss: 'https://elsewhere.example', sub: 'x', exp: 1 })}.c2ln`;
    const unknown = await h.tools['inspector.inspect']({ token: foreign });
    expect(unknown.signature.outcome).toBe('unchecked');
    expect(unknown.account).toBeNull();
    expect(unknown.readings.some((r) => r.level === 'error' && r.text.startsWith('Expired'))).toBe(true);

    const opaque = await h.tools['inspector.inspect']({ token: install.refreshToken! });
    expect(opaque.kind).toBe('opaque');
    expect(opaque.summary).toContain('opaque');

    const garbage = await h.tools['inspector.inspect']({ token: 'hello, this is not a token!' });
    expect(garbage.kind).toBe('invalid');
    expect(garbage.summary).toMatch(/not a token/);
    const cut = await h.tools['inspector.inspect']({ token: 'eyJhbGciOi.eyJzdWIi.abc' });
    expect(cut.kind).toBe('invalid');
    expect(cut.summary).toContain('cut or altered');
    expect((await h.tools['inspector.inspect']({ token: '   ' })).kind).toBe('empty');
  });
});
