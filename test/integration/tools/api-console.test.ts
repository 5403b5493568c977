// The API console against the built-in sandbox: real flows, real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/common/errors';
import type { ApiSendInput } from '../../../electron/common/contract';
import { createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;

afterEach(async () => {
  await h?.close();
});

const get = (installId: string, path: string, extra: Partial<ApiSendInput> = {}): ApiSendInput => ({ installId, method: 'GET', path, query: [], headers: [], body: null, ...extra });

async function failure(promise: Promise<unknown>): Promise<WorkbenchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchError);
    return error as WorkbenchError;
  }
  throw new Error('expected a failure');
}

describe('api.send', () => {
  it('GET a list with pagination: status, rate limit, pretty lines, next cursor, next page', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const first = await h.tools['api.send'](get(installId, '/api/tickets', { query: [['limit', '2']] }));
    expect(first.status).toBe(200);
    expect(first.isJson).toBe(true);
    expect(first.contentType).toContain('application/json');
    expect(first.rateLimit).toEqual({ used: expect.any(Number), limit: 80 });
    expect(first.retryAfterSeconds).toBe(0);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.firstLines[0]).toBe('{');
    expect(first.firstLines.some((line) => line.startsWith('  "data": ['))).toBe(true);
    expect(first.totalLines).toBeGreaterThan(first.firstLines.length - 1);
    expect(first.sizeBytes).toBeGreaterThan(0);
    expect(first.requiredScope).toBe('tickets:read');
    expect(first.url).toBe(`${h.sandbox.baseUrlFor('acme')}/api/tickets?limit=2`);

    const second = await h.tools['api.send'](get(installId, '/api/tickets', { query: [['limit', '2'], ['cursor', first.nextCursor!]] }));
    expect(second.status).toBe(200);
    const ids = async (responseId: string, total: number) => {
      const { lines } = await h.tools['api.responseLines']({ responseId, start: 0, count: total });
      return JSON.parse(lines.join('\n')).data.map((t: { id: number }) => t.id) as number[];
    };
    const firstIds = await ids(first.responseId, first.totalLines);
    const secondIds = await ids(second.responseId, second.totalLines);
    expect(firstIds).toHaveLength(2);
    expect(secondIds).toHaveLength(2);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);

    const entries = h.vault.entries.filter((e) => e.kind === 'api');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.installId).toBe(installId);
    expect(entries[0]!.requestHeaders.authorization).toMatch(/^Bearer \[redacted \d+ chars\]$/);
  });

  it('a big answer stays in main: lines and search by line number', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const sent = await h.tools['api.send'](get(installId, '/api/sandbox/large', { query: [['size_mb', '5']] }));
    expect(sent.status).toBe(200);
    expect(sent.isJson).toBe(true);
    expect(sent.firstLines.length).toBeLessThanOrEqual(200);
    let result = sent;
    while (result.receiving) result = await h.tools['api.responseProgress']({ responseId: sent.responseId, waitMs: 1000 });
    expect(result.totalLines).toBeGreaterThan(10_000);
    expect(result.sizeBytes).toBeGreaterThan(5_000_000);
    const tail = await h.tools['api.responseLines']({ responseId: result.responseId, start: result.totalLines - 3, count: 10 });
    expect(tail.lines).toHaveLength(3);
    expect(tail.lines[2]).toBe('}');
    const found = await h.tools['api.responseSearch']({ responseId: result.responseId, query: '"ID": 1', limit: 5 });
    expect(found.lines.length).toBeGreaterThan(0);
    const { lines } = await h.tools['api.responseLines']({ responseId: result.responseId, start: found.lines[0]!, count: 1 });
    expect(lines[0]!.toLowerCase()).toContain('"id": 1');
  });

  it('a missing scope is refused before sending, then sent on purpose and the 403 shown', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const refused = await failure(h.tools['api.send'](get(installId, '/api/customers')));
    expect(refused.code).toBe('SCOPE_MISSING');
    expect(refused.details?.scope).toBe('customers:read');
    expect(h.vault.entries.filter((e) => e.kind === 'api')).toHaveLength(0);

    const sent = await h.tools['api.send'](get(installId, '/api/customers', { acceptMissingScope: true }));
    expect(sent.status).toBe(403);
    expect(sent.errorMessage).toContain('customers:read');
    expect(sent.hint).toContain('customers:read');
  });

  it('a 429 carries Retry-after for the countdown', async () => {
    h = await createToolsHarness({ rateLimit: { requests: 2, windowMs: 60_000 } });
    const installId = await h.connect('acme');
    await h.tools['api.send'](get(installId, '/api/account'));
    await h.tools['api.send'](get(installId, '/api/account'));
    const limited = await h.tools['api.send'](get(installId, '/api/account'));
    expect(limited.status).toBe(429);
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.rateLimit).toEqual({ used: 2, limit: 2 });
    expect(limited.hint).toMatch(/wait \d+ s/);
  });

  it('refreshes first when the token expires within a minute', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const before = h.vault.data().installs[0]!.accessToken;
    h.advance(24 * 3600_000 - 30_000);
    const result = await h.tools['api.send'](get(installId, '/api/account'));
    expect(result.status).toBe(200);
    expect(result.refreshed).toBe(true);
    expect(h.vault.data().installs[0]!.accessToken).not.toBe(before);
    expect(h.vault.entries.filter((e) => e.kind === 'refresh')).toHaveLength(1);
  });

  it('a POST with a JSON body; a production account asks before any write', async () => {
    h = await createToolsHarness({ scopes: ['openid', 'offline', 'tags:write'], kinds: { acme: 'production' } });
    const installId = await h.connect('acme');
    const request: ApiSendInput = { installId, method: 'POST', path: '/api/tags', query: [], headers: [], body: '{"name": "vip"}' };
    const refused = await failure(h.tools['api.send'](request));
    expect(refused.code).toBe('CONFIRM_REQUIRED');
    const created = await h.tools['api.send']({ ...request, confirmWrite: true });
    expect(created.status).toBe(201);
    expect(created.firstLines.join('\n')).toContain('"name": "vip"');
  });

  it('an HTML answer is shown as text with a hint about the subdomain', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.vault.update((draft) => {
      draft.accounts[0]!.customBaseUrl = h.sandbox.baseUrlFor('no-such-account');
    });
    const result = await h.tools['api.send'](get(installId, '/api/account'));
    expect(result.status).toBe(404);
    expect(result.isJson).toBe(false);
    expect(result.hint).toContain('is the subdomain');
    expect(result.firstLines.join('\n')).toMatch(/<html|<!doctype/i);
  });

  it('history keeps recent requests per install, without the token', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.tools['api.send'](get(installId, '/api/account', { headers: [['X-Api-Key', 'my-own-key-12345']] }));
    await h.tools['api.send'](get(installId, '/api/users/0'));
    const history = await h.tools['api.history']({ installId });
    expect(history.map((e) => e.path)).toEqual(['/api/users/0', '/api/account']);
    expect(history[1]!.headers[0]![1]).toMatch(/^\[redacted/);
    expect(JSON.stringify(history)).not.toContain(h.vault.data().installs[0]!.accessToken);
  });
});

describe('bad input', () => {
  it('refuses an invalid JSON body with its position, a path outside /api/, another host, .. and a too-long header', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const post = (body: string) => h.tools['api.send']({ installId, method: 'POST', path: '/api/tags', query: [], headers: [], body, acceptMissingScope: true });
    const json = await failure(post('{\n  "name": "x",\n}'));
    expect(json.code).toBe('INVALID_ARGUMENT');
    expect(json.message).toMatch(/line 3, column 1/);

    expect((await failure(h.tools['api.send'](get(installId, '/oauth/token')))).code).toBe('PATH_NOT_ALLOWED');
    const other = await failure(h.tools['api.send'](get(installId, 'https://evil.example/api/account')));
    expect(other.code).toBe('PATH_NOT_ALLOWED');
    expect(other.message).toContain("only talks to this install's account");
    expect((await failure(h.tools['api.send'](get(installId, '//evil.example/api/account')))).code).toBe('PATH_NOT_ALLOWED');
    expect((await failure(h.tools['api.send'](get(installId, '/api/../oauth/token')))).code).toBe('PATH_NOT_ALLOWED');
    expect((await failure(h.tools['api.send'](get(installId, '/api/%2e%2e/oauth/token')))).code).toBe('PATH_NOT_ALLOWED');

    // The account's own absolute URL is fine.
    const own = await h.tools['api.send'](get(installId, `${h.sandbox.baseUrlFor('acme')}/api/account`));
    expect(own.status).toBe(200);

    const long = await failure(h.tools['api.send'](get(installId, '/api/account', { headers: [['X-Long', 'a'.repeat(10_001)]] })));
    expect(long.code).toBe('INVALID_ARGUMENT');
    expect(long.message).toContain('10,001 characters');
    const atLimit = await h.tools['api.send'](get(installId, '/api/account', { headers: [['X-Long', 'a'.repeat(10_000)]] }));
    expect(atLimit.status).toBe(200);

    const auth = await failure(h.tools['api.send'](get(installId, '/api/account', { headers: [['Authorization', 'Bearer x']] })));
    expect(auth.code).toBe('INVALID_ARGUMENT');
    // Nothing refused reached the network.
    expect(h.vault.entries.filter((e) => e.kind === 'api')).toHaveLength(2);
  });
});

describe('api.curl', () => {
  it('redacts the token unless asked to reveal it', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    const request = { installId, method: 'GET' as const, path: '/api/tickets', query: [['limit', '5']] as [string, string][], headers: [] as [string, string][], body: null };
    const token = h.vault.data().installs[0]!.accessToken;
    const redacted = await h.tools['api.curl']({ ...request, revealToken: false });
    expect(redacted.command).toContain(`'${h.sandbox.baseUrlFor('acme')}/api/tickets?limit=5'`);
    expect(redacted.command).toContain('"Authorization: Bearer $GORGIAS_ACCESS_TOKEN"');
    expect(redacted.command).not.toContain(token);
    const revealed = await h.tools['api.curl']({ ...request, revealToken: true });
    expect(revealed.command).toContain(`Authorization: Bearer ${token}`);
  });
});

describe('401 handling', () => {
  it('refreshes once after a 401 and retries the request', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    // A token the API refuses (its signature no longer matches) while the stored expiry says it is fine.
    await h.vault.update((draft) => {
      const install = draft.installs[0]!;
      install.accessToken = `${install.accessToken.slice(0, -4)}AAAA`;
    });
    const result = await h.tools['api.send'](get(installId, '/api/account'));
    expect(result.status).toBe(200);
    expect(result.refreshed).toBe(true);
    expect(h.vault.entries.filter((e) => e.kind === 'api').map((e) => e.status)).toEqual([401, 200]);
    expect(h.vault.entries.filter((e) => e.kind === 'refresh')).toHaveLength(1);
  });
});
