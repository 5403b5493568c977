// L2 + L3: redaction by pattern. Generated secrets under generated names — JSON keys at any depth,
// headers, queries, URL-valued headers, form bodies whatever their content type — never survive;
// literal secrets of the request in flight never survive in an error's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSecretName, redactBody, redactHeaders, redactUrl, scrubError, scrubText } from '../../../electron/backend/activity/redact';
import { toRedactedEntry } from '../../../electron/backend/activity/recorder';
import { buildCurl } from '../../../electron/backend/tools/api-console/curl-command';
import { WorkbenchError } from '../../../electron/common/errors';

const RUNS = { numRuns: 300 };

/** Opaque secrets (not JWT-shaped): what no shape-based rule can spot. */
const secretValue = fc.stringMatching(/^[A-Za-z0-9._~-]{12,48}$/).map((s) => `S3c${s}`);

const CORES = ['token', 'secret', 'key', 'password', 'passphrase', 'credential', 'authorization', 'api_key', 'apiKey', 'client-secret', 'accessToken', 'refresh_token', 'x-api-key', 'X-Auth-Token', 'id_token', 'private_key'];
const EXACT = ['code', 'state', 'nonce', 'code_verifier', 'auth'];
const DESCRIPTIVE = /(type|hint|endpoint|supported|uri|uris|url|urls|method|methods|expiresin|expiresat)$/;

const separator = fc.constantFrom('', '-', '_', '.');
const affix = fc.stringMatching(/^[a-z]{0,6}$/);
/** A name by pattern: random case, random separators, random words around the secret word. */
const secretName = fc
  .oneof(
    fc.tuple(affix, separator, fc.constantFrom(...CORES), separator, affix).map(([a, s1, core, s2, b]) => `${a}${a ? s1 : ''}${core}${b ? s2 : ''}${b}`),
    fc.constantFrom(...EXACT),
  )
  .chain((name) => fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')))
  .filter((name) => !DESCRIPTIVE.test(name.toLowerCase().replace(/[^a-z0-9]/g, '')) && name.toLowerCase().replace(/[^a-z0-9]/g, '') !== 'keys');

/** An ordinary JSON document with the secret somewhere inside, at any depth. */
function nestAt(path: (string | number)[], name: string, secret: string): unknown {
  let value: unknown = { [name]: secret, note: 'ordinary' };
  for (const step of [...path].reverse()) value = typeof step === 'number' ? [1, value] : { [step]: value, other: 'x' };
  return value;
}
const jsonPath = fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,8}$/).filter((k) => !isSecretName(k)), fc.constant(0)), { maxLength: 6 });
const contentType = fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', null, 'application/octet-stream', 'application/json', 'text/html');

describe('redaction by pattern (property-based)', () => {
  it('names are normalised for case and separators', () => {
    for (const name of ['Authorization', 'api_key', 'apiKey', 'API-KEY', 'accessToken', 'refreshToken', 'secret', 'client-secret', 'X-Api-Key', 'x-custom-token', 'code', 'password']) expect(isSecretName(name)).toBe(true);
    for (const name of ['token_type', 'token_endpoint', 'expires_in', 'scope', 'keys', 'kid', 'author', 'client_id', 'redirect_uri']) expect(isSecretName(name)).toBe(false);
  });

  it('JSON keys at any depth, with any content type', () => {
    fc.assert(
      fc.property(secretName, secretValue, jsonPath, contentType, (name, secret, path, type) => {
        const out = redactBody(JSON.stringify(nestAt(path, name, secret)), type) ?? '';
        expect(out).not.toContain(secret);
        expect(out).toContain('ordinary');
      }),
      RUNS,
    );
  });

  it('headers, custom x-*-key / x-*-token headers included', () => {
    fc.assert(
      fc.property(secretName.filter((n) => /^[A-Za-z0-9-_.]+$/.test(n)), secretValue, (name, secret) => {
        const out = JSON.stringify(redactHeaders({ [name]: secret, 'Content-Type': 'application/json' }));
        expect(out).not.toContain(secret);
        expect(out).toContain('application/json');
      }),
      RUNS,
    );
  });

  it('queries and fragments of URLs, and URL-valued headers (Location)', () => {
    fc.assert(
      fc.property(secretName, secretValue, (name, secret) => {
        const url = `https://partner.example/cb?account=acme&${encodeURIComponent(name)}=${encodeURIComponent(secret)}#${encodeURIComponent(name)}=${encodeURIComponent(secret)}`;
        expect(redactUrl(url)).not.toContain(secret);
        const headers = redactHeaders({ Location: url, 'Content-Location': `/cb?${name}=${secret}`, Refresh: `0; url=/cb?${name}=${secret}` });
        expect(JSON.stringify(headers)).not.toContain(secret);
        expect(headers.location).toContain('account=acme');
      }),
      RUNS,
    );
  });

  it('form-style bodies whatever their content type', () => {
    fc.assert(
      fc.property(secretName, secretValue, contentType, fc.boolean(), (name, secret, type, first) => {
        const pair = `${encodeURIComponent(name)}=${encodeURIComponent(secret)}`;
        const body = first ? `${pair}&grant_type=refresh_token` : `grant_type=refresh_token&${pair}`;
        expect(redactBody(body, type) ?? '').not.toContain(secret);
      }),
      RUNS,
    );
  });

  it('a whole activity entry: nothing of the secret in any field', () => {
    fc.assert(
      fc.property(secretName.filter((n) => /^[A-Za-z0-9-_.]+$/.test(n)), secretValue, (name, secret) => {
        const entry = toRedactedEntry(
          {
            kind: 'api',
            context: { appId: null, accountId: null, installId: null },
            method: 'POST',
            url: `https://acme.gorgias.com/api/x?${name}=${secret}`,
            status: 302,
            durationMs: 1,
            requestHeaders: { [name]: secret },
            requestBody: JSON.stringify({ deep: [{ [name]: secret }] }),
            requestContentType: 'application/json',
            responseHeaders: { location: `http://127.0.0.1:1/cb?${name}=${secret}`, 'content-type': 'text/plain' },
            responseBody: `${name}=${secret}`,
          },
          '2026-01-01T00:00:00.000Z',
        );
        expect(JSON.stringify(entry)).not.toContain(secret);
      }),
      RUNS,
    );
  });

  it('literal secrets of the request in flight never survive in an error text, whatever surrounds them', () => {
    fc.assert(
      fc.property(secretValue, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (secret, before, after) => {
        const error = new WorkbenchError('TOKEN_REVOKED', `The server said "invalid_grant: ${before}${secret}${after}".`, { error: `bad ${secret}`, status: 400 });
        const scrubbed = scrubError(error, [secret]);
        expect(scrubbed).toBeInstanceOf(WorkbenchError);
        expect(scrubbed.code).toBe('TOKEN_REVOKED');
        expect(JSON.stringify(scrubbed.toShape())).not.toContain(secret);
        expect(scrubText(encodeURIComponent(`x ${secret} y`), [secret])).not.toContain(encodeURIComponent(secret));
      }),
      RUNS,
    );
  });

  it('copy-as-curl: secret-named headers become shell variables unless the user asks for secrets', () => {
    const prepared = { method: 'GET' as const, url: 'https://acme.gorgias.com/api/account', headers: { 'x-api-key': 'S3cKeyValue123456', 'x-trace': 'ok' }, body: null };
    const command = buildCurl(prepared, null);
    expect(command).not.toContain('S3cKeyValue123456');
    expect(command).toContain(`-H 'x-api-key: '"$X_API_KEY"`);
    expect(command).toContain(`'x-trace: ok'`);
    expect(buildCurl(prepared, 'the-token')).toContain('S3cKeyValue123456');
  });
});
