// Each run result keeps its own answer in main's response store: the console opens it by id, with
// its status and headers, and nothing is sent again.
import { afterEach, describe, expect, it } from 'vitest';
import { createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;

afterEach(async () => {
  await h?.close();
});

describe('runs.across keeps each answer', () => {
  it('opens each result\'s own body, status and headers by responseId, without a request', async () => {
    h = await createToolsHarness({ subdomains: ['acme', 'beta'] });
    const acme = await h.connect('acme');
    const beta = await h.connect('beta', { userId: 2 });
    h.sandbox.removeUser('beta', 2);
    const request = { method: 'GET' as const, path: '/api/account', query: [], headers: [], body: null };
    const { results } = await h.tools['runs.across']({ installIds: [acme, beta], request });
    const [ok, failed] = results;
    expect(ok!.responseId).not.toBeNull();
    expect(failed!.responseId).not.toBeNull();
    expect(ok!.responseId).not.toBe(failed!.responseId);
    const sentBefore = h.vault.entries.filter((e) => e.kind === 'api').length;

    const kept = await h.tools['api.response']({ responseId: ok!.responseId! });
    expect(kept.result.status).toBe(200);
    expect(kept.result.headers['content-type']).toContain('json');
    expect(kept.input).toMatchObject({ installId: acme, method: 'GET', path: '/api/account' });
    const { lines } = await h.tools['api.responseLines']({ responseId: ok!.responseId!, start: 0, count: kept.result.totalLines });
    expect(lines.join('\n')).toContain('"domain": "acme"');

    const keptFailure = await h.tools['api.response']({ responseId: failed!.responseId! });
    expect(keptFailure.result.status).toBe(401);
    expect(keptFailure.input.installId).toBe(beta);
    // Opening answers sent nothing.
    expect(h.vault.entries.filter((e) => e.kind === 'api')).toHaveLength(sentBefore);
  });

  it('an unknown response is NOT_FOUND with words', async () => {
    h = await createToolsHarness({ subdomains: ['acme'] });
    await expect(h.tools['api.response']({ responseId: 'resp_gone' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
