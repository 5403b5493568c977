import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_BODY, redactBody, redactHeaders, redactParams, redactUrl, scrubText } from '../../../electron/backend/activity/redact';
import { toRedactedEntry } from '../../../electron/backend/activity/recorder';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIxMjMiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

describe('redactUrl', () => {
  it('redacts code, state and nonce in the query and keeps the rest readable', () => {
    const out = redactUrl('http://127.0.0.1:8080/callback?account=acme&code=abc123def456&state=S7a8b9c0d1e2f3&nonce=n0nc3v4lu3');
    expect(out).toBe('http://127.0.0.1:8080/callback?account=acme&code=[redacted 12 chars]&state=[redacted 14 chars]&nonce=[redacted 10 chars]');
  });

  it('redacts tokens in query and fragment, and drops userinfo', () => {
    const out = redactUrl(`https://user:pw@acme.gorgias.com/x?access_token=${JWT}#id_token=${JWT}&token_type=Bearer`);
    expect(out).not.toContain(JWT);
    expect(out).not.toContain('pw');
    expect(out).toContain('token_type=Bearer');
    expect(out).toContain(`access_token=[redacted ${JWT.length} chars]`);
  });

  it('matches keys case-insensitively and after percent-decoding', () => {
    expect(redactUrl('https://h/x?CODE=secretvalue1&%63lient_secret=shh-secret')).toBe('https://h/x?CODE=[redacted 12 chars]&%63lient_secret=[redacted 10 chars]');
  });

  it('keeps the redirect_uri and scope, which are not secrets', () => {
    const out = redactUrl('https://acme.gorgias.com/oauth/authorize?response_type=code&client_id=cid&scope=openid%20offline&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback&state=abcdefghij');
    expect(out).toContain('redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback');
    expect(out).toContain('scope=openid%20offline');
    expect(out).toContain('client_id=cid');
  });

  it('scrubs literal secrets even in the path', () => {
    expect(redactUrl('https://h/p/supersecretvalue/q', ['supersecretvalue'])).toBe('https://h/p/[redacted 16 chars]/q');
  });
});

describe('redactHeaders', () => {
  it('keeps the auth scheme and the length, hides the credentials', () => {
    const out = redactHeaders({ Authorization: 'Basic Y2lkOnNlY3JldA==', Cookie: 'sid=abc', 'Set-Cookie': 'a=b; HttpOnly', 'Content-Type': 'application/json' });
    expect(out).toEqual({
      authorization: 'Basic [redacted 16 chars]',
      cookie: '[redacted 7 chars]',
      'set-cookie': '[redacted 13 chars]',
      'content-type': 'application/json',
    });
  });

  it('redacts a Bearer token', () => {
    expect(redactHeaders({ authorization: `Bearer ${JWT}` }).authorization).toBe(`Bearer [redacted ${JWT.length} chars]`);
  });

  it('scrubs secrets echoed in other headers', () => {
    expect(redactHeaders({ 'x-debug': 'client secret was my-client-secret' }, ['my-client-secret'])['x-debug']).toBe('client secret was [redacted 16 chars]');
  });
});

describe('redactBody', () => {
  it('redacts form bodies by key', () => {
    expect(redactBody('grant_type=authorization_code&code=c0de1234&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&client_id=cid&client_secret=s3cr3t', 'application/x-www-form-urlencoded')).toBe(
      'grant_type=authorization_code&code=[redacted 8 chars]&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&client_id=cid&client_secret=[redacted 6 chars]',
    );
    expect(redactBody('grant_type=refresh_token&refresh_token=r3fr3sh-token', 'application/x-www-form-urlencoded')).toBe('grant_type=refresh_token&refresh_token=[redacted 13 chars]');
    expect(redactBody('token=r3fr3sh-token', 'application/x-www-form-urlencoded')).toBe('token=[redacted 13 chars]');
  });

  it('redacts JSON token answers by key, at any depth, keeping other fields', () => {
    const body = JSON.stringify({ access_token: JWT, refresh_token: 'rt-123456789', id_token: JWT, expires_in: 0, token_type: 'Bearer', scope: 'openid offline', nested: [{ token: 'abcdefghi' }] });
    const out = JSON.parse(redactBody(body, 'application/json; charset=utf-8') ?? '') as Record<string, unknown>;
    expect(out).toEqual({
      access_token: `[redacted ${JWT.length} chars]`,
      refresh_token: '[redacted 12 chars]',
      id_token: `[redacted ${JWT.length} chars]`,
      expires_in: 0,
      token_type: 'Bearer',
      scope: 'openid offline',
      nested: [{ token: '[redacted 9 chars]' }],
    });
  });

  it('redacts JSON sent without a JSON content type', () => {
    expect(redactBody('{"access_token":"abcdefghijkl"}', 'text/plain')).toBe('{"access_token":"[redacted 12 chars]"}');
  });

  it('redacts broken JSON by pattern', () => {
    expect(redactBody('{"access_token": "abcdefghijkl", "scope": "x"', 'application/json')).toBe('{"access_token": "[redacted 12 chars]", "scope": "x"');
  });

  it('scrubs JWTs anywhere, e.g. quoted in an HTML error page', () => {
    const out = redactBody(`<html><body>bad token ${JWT}</body></html>`, 'text/html');
    expect(out).not.toContain(JWT);
    expect(out).toContain(`[redacted ${JWT.length} chars]`);
  });

  it('truncates long bodies and says how long they were', () => {
    const out = redactBody('x'.repeat(MAX_LOGGED_BODY + 500), 'text/plain') ?? '';
    expect(out.length).toBeLessThan(MAX_LOGGED_BODY + 200);
    expect(out).toContain(`${MAX_LOGGED_BODY + 500} chars in all`);
  });

  it('redacts secrets in a huge JSON body without parsing all of it', () => {
    const body = `{"access_token":"${'a'.repeat(40)}","data":"${'y'.repeat(MAX_LOGGED_BODY * 5)}"}`;
    const out = redactBody(body, 'application/json') ?? '';
    expect(out).toContain('"access_token":"[redacted 40 chars]"');
    expect(out).not.toContain('a'.repeat(40));
  });

  it('keeps null and empty bodies as they are', () => {
    expect(redactBody(null, null)).toBeNull();
    expect(redactBody('', 'application/json')).toBe('');
  });
});

describe('scrubText and redactParams', () => {
  it('ignores very short literal secrets (the keys cover them)', () => {
    expect(scrubText('abc is here', ['abc'])).toBe('abc is here');
  });

  it('leaves pairs without = alone', () => {
    expect(redactParams('flag&code=12345678')).toBe('flag&code=[redacted 8 chars]');
  });
});

describe('toRedactedEntry', () => {
  it('never lets a secret through any field of the entry', () => {
    const secret = 'client-secret-value-42';
    const entry = toRedactedEntry({
      kind: 'token',
      context: { appId: 'app_1', accountId: 'acc_1', installId: null },
      method: 'POST',
      url: 'https://acme.gorgias.com/oauth/token?code=abcdefgh',
      status: 200,
      durationMs: 12,
      requestHeaders: { Authorization: `Basic ${Buffer.from(`cid:${secret}`).toString('base64')}` },
      requestBody: `grant_type=authorization_code&code=abcdefgh&client_secret=${secret}`,
      requestContentType: 'application/x-www-form-urlencoded',
      responseHeaders: { 'Content-Type': 'application/json' },
      responseBody: JSON.stringify({ access_token: JWT, refresh_token: 'refresh-token-value', echo: secret }),
      secrets: [secret, 'refresh-token-value'],
    }, '2026-01-01T00:00:00.000Z');
    const text = JSON.stringify(entry);
    for (const leaked of [secret, JWT, 'refresh-token-value', 'abcdefgh', Buffer.from(`cid:${secret}`).toString('base64')]) expect(text).not.toContain(leaked);
    expect(entry.requestHeaders.authorization).toMatch(/^Basic \[redacted \d+ chars\]$/);
    expect(entry.status).toBe(200);
  });
});
