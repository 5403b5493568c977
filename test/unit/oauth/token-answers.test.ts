import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/common/errors';
import { expectJson } from '../../../electron/backend/http/expect-json';
import type { HttpResponse } from '../../../electron/backend/http/http-client';
import { mapNetworkError } from '../../../electron/backend/http/network-errors';
import { mapAuthorizeError } from '../../../electron/backend/oauth/oauth-errors';
import { readTokenAnswer } from '../../../electron/backend/oauth/token-response';
import { parseCallbackParams } from '../../../electron/backend/oauth/callback-params';
import { maskToken } from '../../../electron/backend/installs/masked-token';

function answer(status: number, text: string, contentType = 'application/json'): HttpResponse {
  const response: HttpResponse = { status, headers: { 'content-type': contentType }, text, durationMs: 1, host: 'acme.gorgias.com' };
  if (contentType.includes('json')) {
    try {
      response.json = JSON.parse(text) as unknown;
    } catch {
      // as the client does: left undefined
    }
  }
  return response;
}

function errorOf(run: () => unknown): WorkbenchError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('did not throw');
}
const codeOf = (run: () => unknown): string => errorOf(run).code;

const ctx = { redirectUri: 'http://127.0.0.1:8723/callback', registeredRedirectUri: 'http://127.0.0.1:8723/callback' };

describe('token answers', () => {
  it('reads a Gorgias answer (expires_in 0, no refresh rotation fields)', () => {
    const set = readTokenAnswer(answer(200, JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 0, refresh_token: 'rt', id_token: 'it', scope: 'openid offline' })), 'exchange', ctx);
    expect(set).toEqual({ accessToken: 'at', tokenType: 'Bearer', expiresIn: 0, refreshToken: 'rt', idToken: 'it', scope: ['openid', 'offline'] });
  });

  it('an HTML page → HTML_RESPONSE with the subdomain hint and the status', () => {
    const error = errorOf(() => readTokenAnswer(answer(404, '<!doctype html><h1>Not found</h1>', 'text/html'), 'exchange', ctx));
    expect(error.code).toBe('HTML_RESPONSE');
    expect(error?.message).toContain('is the subdomain right?');
    expect(error?.details?.status).toBe(404);
    // HTML served with a JSON content type is still HTML.
    expect(codeOf(() => readTokenAnswer(answer(200, '<html><body>hi</body></html>'), 'exchange', ctx))).toBe('HTML_RESPONSE');
  });

  it('a 429 → RATE_LIMITED with the wait, whatever the body', () => {
    const limited = answer(429, '{"error":{"msg":"Too many requests"}}');
    limited.headers['retry-after'] = '7';
    const error = errorOf(() => readTokenAnswer(limited, 'refresh', ctx));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('Try again in 7 s');
    expect(error.details?.retryAfterSeconds).toBe(7);
    expect(codeOf(() => readTokenAnswer(answer(429, '<html>slow down</html>', 'text/html'), 'exchange', ctx))).toBe('RATE_LIMITED');
  });

  it('empty, non-JSON, non-object → BAD_RESPONSE', () => {
    expect(codeOf(() => readTokenAnswer(answer(200, ''), 'exchange', ctx))).toBe('BAD_RESPONSE');
    expect(codeOf(() => readTokenAnswer(answer(200, 'access_token=x', 'text/plain'), 'exchange', ctx))).toBe('BAD_RESPONSE');
    expect(codeOf(() => readTokenAnswer(answer(200, '[1,2]'), 'exchange', ctx))).toBe('BAD_RESPONSE');
    expect(codeOf(() => readTokenAnswer(answer(502, ''), 'exchange', ctx))).toBe('BAD_RESPONSE');
  });

  it('missing fields and wrong types → BAD_RESPONSE naming the field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ token_type: 'Bearer' }, 'access_token'],
      [{ access_token: 42 }, 'access_token'],
      [{ access_token: '' }, 'access_token'],
      [{ access_token: 'a', expires_in: 'soon' }, 'expires_in'],
      [{ access_token: 'a', expires_in: -5 }, 'expires_in'],
      [{ access_token: 'a', refresh_token: {} }, 'refresh_token'],
      [{ access_token: 'a', id_token: 7 }, 'id_token'],
      [{ access_token: 'a', scope: ['openid'] }, 'scope'],
      [{ access_token: 'a', token_type: 1 }, 'token_type'],
    ];
    for (const [body, field] of cases) {
      const error = errorOf(() => readTokenAnswer(answer(200, JSON.stringify(body)), 'exchange', ctx));
      expect(error.code).toBe('BAD_RESPONSE');
      expect(error.details?.field).toBe(field);
    }
  });

  it('accepts a numeric string expires_in and a missing token_type', () => {
    const set = readTokenAnswer(answer(200, JSON.stringify({ access_token: 'a', expires_in: '86400' })), 'refresh', {});
    expect(set.expiresIn).toBe(86400);
    expect(set.tokenType).toBe('Bearer');
  });

  it('maps OAuth errors by step', () => {
    expect(codeOf(() => readTokenAnswer(answer(401, '{"error":"invalid_client"}'), 'exchange', ctx))).toBe('OAUTH_INVALID_CLIENT');
    expect(codeOf(() => readTokenAnswer(answer(400, '{"error":"invalid_grant","error_description":"code already used"}'), 'exchange', ctx))).toBe('OAUTH_INVALID_GRANT');
    expect(codeOf(() => readTokenAnswer(answer(400, '{"error":"invalid_grant"}'), 'refresh', {}))).toBe('TOKEN_REVOKED');
    expect(codeOf(() => readTokenAnswer(answer(400, '{"error":"invalid_grant","error_description":"redirect_uri differs"}'), 'exchange', ctx))).toBe('OAUTH_REDIRECT_MISMATCH');
    expect(codeOf(() => readTokenAnswer(answer(400, '{"error":"unsupported_grant_type"}'), 'exchange', ctx))).toBe('OAUTH_ERROR');
    expect(codeOf(() => readTokenAnswer(answer(500, '{"error":{"msg":"Internal"}}'), 'exchange', ctx))).toBe('OAUTH_ERROR');
    // An error body on a 200 is still an error.
    expect(codeOf(() => readTokenAnswer(answer(200, '{"error":"invalid_client"}'), 'exchange', ctx))).toBe('OAUTH_INVALID_CLIENT');
  });

  it('invalid_grant on exchange shows the redirect URL that was sent', () => {
    const error = errorOf(() => readTokenAnswer(answer(400, '{"error":"invalid_grant"}'), 'exchange', ctx));
    expect(error.message).toContain('Sent redirect_uri: http://127.0.0.1:8723/callback');
    expect(error.message).toContain('already used');
  });

  it('invalid_client names the client-auth method', () => {
    const error = errorOf(() => readTokenAnswer(answer(401, '{"error":"invalid_client"}'), 'exchange', ctx));
    expect(error.message).toContain('check client id and secret, and the client-auth method');
  });
});

describe('authorize errors on the callback', () => {
  it('access_denied, redirect and other errors', () => {
    expect(mapAuthorizeError({ error: 'access_denied', description: 'no' }, 'r').code).toBe('OAUTH_ACCESS_DENIED');
    expect(mapAuthorizeError({ error: 'invalid_request', description: 'bad redirect_uri' }, 'r').code).toBe('OAUTH_REDIRECT_MISMATCH');
    const other = mapAuthorizeError({ error: 'invalid_scope', description: 'Unknown scope: foo' }, 'r');
    expect(other.code).toBe('OAUTH_ERROR');
    expect(other.message).toContain('Unknown scope: foo');
  });
});

describe('callback parameters', () => {
  it('refuses repeated and missing state, and oversize values', () => {
    expect(parseCallbackParams(new URLSearchParams('code=a&state=b&state=c')).ok).toBe(false);
    expect(parseCallbackParams(new URLSearchParams('code=a&code=b&state=c')).ok).toBe(false);
    expect(parseCallbackParams(new URLSearchParams('code=a')).ok).toBe(false);
    expect(parseCallbackParams(new URLSearchParams(`state=${'s'.repeat(5000)}`)).ok).toBe(false);
    expect(parseCallbackParams(new URLSearchParams('state=s&error=access_denied&error_description=no'))).toEqual({ ok: true, state: 's', code: null, error: 'access_denied', errorDescription: 'no' });
  });
});

describe('network errors', () => {
  const wrapped = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });
  it('maps DNS, refused, reset and timeouts through the cause chain', () => {
    expect(mapNetworkError(wrapped('ENOTFOUND'), 'nope.gorgias.com', 1000).code).toBe('NETWORK_DNS');
    expect(mapNetworkError(wrapped('EAI_AGAIN'), 'h', 1000).code).toBe('NETWORK_DNS');
    expect(mapNetworkError(wrapped('ECONNREFUSED'), 'h', 1000).code).toBe('NETWORK_CONNECTION');
    expect(mapNetworkError(wrapped('ECONNRESET'), 'h', 1000).code).toBe('NETWORK_CONNECTION');
    expect(mapNetworkError(new DOMException('t', 'TimeoutError'), 'h', 1000).code).toBe('NETWORK_TIMEOUT');
    const aggregate = Object.assign(new TypeError('fetch failed'), { cause: new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]) });
    expect(mapNetworkError(aggregate, 'h', 1000).code).toBe('NETWORK_CONNECTION');
  });

  it('expectJson names what it expected', () => {
    expect(() => expectJson(answer(200, 'nope', 'text/plain'), 'a discovery document')).toThrow(/a discovery document/);
  });
});

describe('masked tokens', () => {
  it('first 8 and last 4, never more', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(maskToken(token)).toEqual({ present: true, masked: 'eyJhbGci…dXJl', length: token.length, format: 'jwt' });
    expect(maskToken('short-token')).toEqual({ present: true, masked: '… (11 chars)', length: 11, format: 'opaque' });
    expect(maskToken(null).present).toBe(false);
  });
});

describe('redirects and echoed secrets', () => {
  it('a redirect from the token endpoint says where it went, without the query', () => {
    const response = answer(301, '', 'text/plain');
    response.headers.location = 'https://www.gorgias.com/login?next=code%3Dabc';
    const error = errorOf(() => readTokenAnswer(response, 'exchange', ctx));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('www.gorgias.com');
    expect(error.message).not.toContain('code');
  });

  it('a JWT echoed in an error description never reaches the message', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX2hlcmU';
    const error = errorOf(() => readTokenAnswer(answer(400, JSON.stringify({ error: 'invalid_grant', error_description: `bad token ${jwt}` })), 'refresh', {}));
    expect(error.message).not.toContain(jwt);
    expect(error.message).toContain('[redacted');
  });
});
