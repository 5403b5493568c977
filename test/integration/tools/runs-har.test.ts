// Runs across accounts and the HAR export, against the built-in sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import { createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;

afterEach(async () => {
  await h?.close();
});

const request = (path: string) => ({ method: 'GET' as const, path, query: [['limit', '3']] as [string, string][], headers: [], body: null });

describe('runs.across', () => {
  it('runs one request over three accounts, one failing, results in the order asked', async () => {
    h = await createToolsHarness({ subdomains: ['acme', 'beta', 'gamma'] });
    const acme = await h.connect('acme');
    const beta = await h.connect('beta');
    const gamma = await h.connect('gamma', { userId: 2 });
    h.sandbox.removeUser('gamma', 2);
    const { results } = await h.tools['runs.across']({ installIds: [gamma, acme, beta], request: request('/api/tickets') });
    expect(results.map((r) => r.installId)).toEqual([gamma, acme, beta]);
    const [failed, ok1, ok2] = results;
    for (const ok of [ok1!, ok2!]) {
      expect(ok.status).toBe(200);
      expect(ok.summary).toBe('3 items, more pages');
      expect(ok.error).toBeNull();
      expect(ok.rateLimit?.limit).toBe(80);
      expect(ok.label).toMatch(/^Tools app on (acme|beta) label$/);
    }
    expect(failed!.status).toBe(401);
    expect(failed!.error?.code).toBe('API_UNAUTHORIZED');
    expect(failed!.summary).toContain('No user found matching the "sub" claim');
    // The 401 got one refresh attempt (refused too: the user is gone) and no retry storm.
    expect(h.vault.entries.filter((e) => e.kind === 'refresh' && e.installId === gamma)).toHaveLength(1);
    expect(h.vault.entries.filter((e) => e.kind === 'api' && e.installId === gamma)).toHaveLength(1);
  });

  it('an unknown install and a refused scope are rows with errors, not a failed run', async () => {
    h = await createToolsHarness({ subdomains: ['acme'] });
    const acme = await h.connect('acme');
    const { results } = await h.tools['runs.across']({ installIds: [acme, 'inst_gone'], request: request('/api/customers') });
    expect(results[0]!.error?.code).toBe('SCOPE_MISSING');
    expect(results[1]!.error?.code).toBe('NOT_FOUND');
    expect(results[1]!.status).toBeNull();
  });

  it('waits for Retry-after on a 429 and tries once more', async () => {
    h = await createToolsHarness({ subdomains: ['acme'], rateLimit: { requests: 2, windowMs: 4000 } });
    const acme = await h.connect('acme');
    // A list path: the sandbox, like Gorgias, answers 400 to `limit` on /api/account.
    const send = () => h.tools['api.send']({ installId: acme, ...request('/api/users') });
    await send();
    await send();
    const { results } = await h.tools['runs.across']({ installIds: [acme], request: request('/api/users') });
    expect(results[0]!.retriedAfter429).toBe(true);
    expect(results[0]!.status).toBe(200);
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(h.vault.entries.filter((e) => e.kind === 'api').map((e) => e.status)).toEqual([200, 200, 429, 200]);
  });
});

describe('activity.exportHar', () => {
  it('exports the flow and the calls as HAR 1.2 with no secret in it', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.tools['api.send']({ installId, ...request('/api/tickets') });
    await h.installs['installs.refresh']({ id: installId });
    await h.tools['api.send']({ installId, ...request('/api/users/0') });
    const { har, entries, fileName } = await h.tools['activity.exportHar']({ filter: {} });
    expect(fileName).toMatch(/\.har$/);
    const parsed = JSON.parse(har);
    expect(parsed.log.version).toBe('1.2');
    expect(parsed.log.creator).toEqual({ name: 'Gorgias OAuth Workbench', version: '9.9.9-test' });
    expect(parsed.log.entries).toHaveLength(entries);
    const kinds = parsed.log.entries.map((e: { _workbench: { kind: string } }) => e._workbench.kind);
    for (const kind of ['authorize', 'callback', 'token', 'refresh', 'api']) expect(kinds).toContain(kind);
    // Oldest first, every entry with HAR's required fields.
    const times = parsed.log.entries.map((e: { startedDateTime: string }) => Date.parse(e.startedDateTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const entry of parsed.log.entries) {
      expect(entry).toMatchObject({ startedDateTime: expect.any(String), time: expect.any(Number), cache: {}, timings: { send: expect.any(Number), wait: expect.any(Number), receive: expect.any(Number) } });
      expect(entry.request).toMatchObject({ method: expect.any(String), url: expect.any(String), httpVersion: expect.any(String), cookies: [], headers: expect.any(Array), queryString: expect.any(Array), headersSize: -1, bodySize: expect.any(Number) });
      expect(entry.response).toMatchObject({ status: expect.any(Number), statusText: expect.any(String), content: { size: expect.any(Number), mimeType: expect.any(String) }, redirectURL: expect.any(String) });
    }
    const secrets = h.secrets();
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) {
      expect(har).not.toContain(secret);
      expect(har).not.toContain(encodeURIComponent(secret));
    }
    const api = parsed.log.entries.find((e: { _workbench: { kind: string } }) => e._workbench.kind === 'api');
    expect(api.request.headers.find((x: { name: string }) => x.name === 'authorization').value).toMatch(/^Bearer \[redacted/);
  });

  it('filters by install and kind', async () => {
    h = await createToolsHarness();
    const installId = await h.connect('acme');
    await h.tools['api.send']({ installId, ...request('/api/account') });
    const { har } = await h.tools['activity.exportHar']({ filter: { installId, kind: 'api' } });
    const parsed = JSON.parse(har);
    expect(parsed.log.entries).toHaveLength(1);
    expect(parsed.log.entries[0].request.url).toContain('/api/account');
  });
});
