import { describe, expect, it } from 'vitest';
import { buildCurl, shellQuote } from '../../../electron/backend/tools/api-console/curl-command';
import { checkJsonBody } from '../../../electron/backend/tools/api-console/json-body';
import { checkHeaders } from '../../../electron/backend/tools/api-console/request-headers';
import { buildRequestTarget } from '../../../electron/backend/tools/api-console/request-target';
import { hintFor, readRateLimit, readRetryAfter } from '../../../electron/backend/tools/api-console/response-meta';
import { summariseAnswer } from '../../../electron/backend/tools/runs/run-summary';
import type { WorkbenchError } from '../../../electron/common/errors';

const BASE = 'https://acme.gorgias.com';
const SANDBOX = 'http://127.0.0.1:4100/acme';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as WorkbenchError).code;
  }
  return 'none';
}

describe('request target', () => {
  it('builds URLs under the account, with the query merged', () => {
    expect(buildRequestTarget(BASE, '/api/tickets', [['limit', '2'], ['', 'ignored']])).toEqual({ url: `${BASE}/api/tickets?limit=2`, apiPath: '/api/tickets' });
    expect(buildRequestTarget(SANDBOX, 'api/tickets?cursor=x', [['limit', '2']]).url).toBe(`${SANDBOX}/api/tickets?cursor=x&limit=2`);
    expect(buildRequestTarget(SANDBOX, `${SANDBOX}/api/account`, []).apiPath).toBe('/api/account');
    expect(buildRequestTarget(BASE, '/api/tickets', [['q', 'a b&c']]).url).toBe(`${BASE}/api/tickets?q=a+b%26c`);
  });

  it('refuses anything that leaves /api/ of the account', () => {
    for (const path of [
      '/oauth/token',
      '/api',
      '/api/',
      '/api/../oauth/token',
      '/api/./account',
      '/api/%2e%2e/oauth/token',
      '/api/tickets%2f..%2f..%2foauth',
      '/api/a\\b',
      '/api/account#frag',
      'https://evil.example/api/account',
      '//evil.example/api/account',
      'https://acme.gorgias.com.evil.example/api/account',
      'http://127.0.0.1:4100/other/api/account',
      'javascript:alert(1)',
      '/api/tick ets',
      '/api/%zz',
    ]) {
      const base = path.startsWith('http://127') ? SANDBOX : BASE;
      expect(codeOf(() => buildRequestTarget(base, path, [])), path).toBe('PATH_NOT_ALLOWED');
    }
  });
});

describe('headers', () => {
  it('lower-cases names and refuses Authorization, bad names, line breaks and values over 10,000 characters', () => {
    expect(checkHeaders([['X-Trace', '1'], ['', '']])).toEqual({ 'x-trace': '1' });
    expect(checkHeaders([['X-Long', 'a'.repeat(10_000)]])['x-long']).toHaveLength(10_000);
    expect(codeOf(() => checkHeaders([['X-Long', 'a'.repeat(10_001)]]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => checkHeaders([['authorization', 'Bearer x']]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => checkHeaders([['Host', 'evil.example']]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => checkHeaders([['Bad Name', 'x']]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => checkHeaders([['X-A', 'a\r\nInjected: 1']]))).toBe('INVALID_ARGUMENT');
  });
});

describe('JSON body', () => {
  it('passes JSON, treats blank as no body, and locates errors without quoting the body', () => {
    expect(checkJsonBody('{"a":1}')).toBe('{"a":1}');
    expect(checkJsonBody('  ')).toBeNull();
    expect(checkJsonBody(null)).toBeNull();
    try {
      checkJsonBody('{\n  "secret": "s3cr3t-value",\n  oops\n}');
      throw new Error('not refused');
    } catch (error) {
      const e = error as WorkbenchError;
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(/line 3, column 3/);
      expect(e.message).not.toContain('s3cr3t');
    }
    expect(() => checkJsonBody('{"a":')).toThrow(/ends too early/);
  });
});

describe('curl', () => {
  const prepared = { method: 'POST' as const, url: `${BASE}/api/tags?x=it's`, headers: { 'x-note': "a 'quoted' value" }, body: '{"name":"it\'s"}' };

  it('quotes for a POSIX shell and keeps the token in a variable by default', () => {
    const command = buildCurl(prepared, null);
    expect(command).toBe(
      `curl -sS -X POST 'https://acme.gorgias.com/api/tags?x=it'\\''s' -H "Authorization: Bearer $GORGIAS_ACCESS_TOKEN" -H 'Accept: application/json' -H 'x-note: a '\\''quoted'\\'' value' -H 'Content-Type: application/json' --data-raw '{"name":"it'\\''s"}'`,
    );
    expect(buildCurl({ ...prepared, method: 'GET', body: null, headers: {} }, 'tok.en')).toBe(`curl -sS 'https://acme.gorgias.com/api/tags?x=it'\\''s' -H 'Authorization: Bearer tok.en' -H 'Accept: application/json'`);
    expect(shellQuote("'")).toBe(`''\\'''`);
  });
});

describe('response meta', () => {
  it('reads the rate limit and Retry-after in any casing', () => {
    expect(readRateLimit({ 'X-Gorgias-Account-Api-Call-Limit': '10/80' })).toEqual({ used: 10, limit: 80 });
    expect(readRateLimit({ 'x-gorgias-account-api-call-limit': ' 3 / 40 ' })).toEqual({ used: 3, limit: 40 });
    expect(readRateLimit({ 'x-gorgias-account-api-call-limit': 'lots' })).toBeNull();
    expect(readRetryAfter({ 'Retry-after': '7' }, 0)).toBe(7);
    expect(readRetryAfter({ 'retry-after': new Date(30_000).toUTCString() }, 0)).toBe(30);
    expect(readRetryAfter({}, 0)).toBeNull();
  });

  it('hints at the subdomain for HTML and at the removed user for that 401', () => {
    const base = { status: 200, isJson: false, contentType: 'text/html', text: '<!doctype html>', errorMessage: null, requiredScope: null, retryAfterSeconds: null };
    expect(hintFor(base)).toContain('is the subdomain');
    expect(hintFor({ ...base, status: 401, isJson: true, contentType: 'application/json', text: '{}', errorMessage: 'No user found matching the "sub" claim of the token.' })).toContain('was removed');
    expect(hintFor({ ...base, status: 200, isJson: true, contentType: 'application/json', text: '{}' })).toBeNull();
  });

  it("labels a 403's scope reading as the workbench's own, and says when it has none", () => {
    const forbidden = { status: 403, isJson: true, contentType: 'application/json', text: '{}', errorMessage: 'Forbidden.', requiredScope: 'macros:read', retryAfterSeconds: null };
    expect(hintFor(forbidden)).toContain('role of the user');
    expect(hintFor(forbidden)).toContain('the workbench reads this call as needing macros:read');
    expect(hintFor({ ...forbidden, requiredScope: null })).toContain('cannot map this path to a scope');
  });
});

describe('run summary', () => {
  it('says how many items, which object, or the error', () => {
    expect(summariseAnswer(200, '{"data":[1,2],"meta":{"next_cursor":"x"}}', 'application/json')).toBe('2 items, more pages');
    expect(summariseAnswer(200, '{"data":[1],"meta":{"next_cursor":null}}', 'application/json')).toBe('1 item');
    expect(summariseAnswer(200, '{"id":5,"object":"User","email":"a@b.c"}', 'application/json')).toBe('User #5 (a@b.c)');
    expect(summariseAnswer(403, '{"error":{"msg":"Forbidden."}}', 'application/json')).toBe('Forbidden.');
    expect(summariseAnswer(404, '<html></html>', 'text/html')).toContain('a web page');
  });
});
