// A big answer is shown while it arrives: api.send answers with the first screenful while the rest of
// the body is still on its way (a loopback proxy in front of the real sandbox holds it back until the
// test releases it: no timing involved), lines printed so far can be read, search waits for the end,
// and the kept answer is completed once the body is in, cancelled or cut.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiSendInput } from '../../../electron/common/contract';
import type { ApiSendResult } from '../../../electron/common/tools/tool-results';
import { createToolsHarness, type ToolsHarness } from './tools-harness';
import { startDrippingProxy, type DrippingProxy } from '../../fakes/dripping-proxy';

let h: ToolsHarness | undefined;
let proxy: DrippingProxy | undefined;

afterEach(async () => {
  proxy?.release();
  await proxy?.close();
  await h?.close();
  proxy = undefined;
  h = undefined;
});

/** As the console sends: answered once the first screenful is printed. */
const get = (installId: string, path: string, query: [string, string][] = []): ApiSendInput => ({ installId, method: 'GET', path, query, headers: [], body: null, stream: true });

/** A console whose account answers through the dripping proxy. */
async function consoleThroughProxy(): Promise<{ h: ToolsHarness; proxy: DrippingProxy; installId: string }> {
  h = await createToolsHarness();
  const installId = await h.connect('acme');
  proxy = await startDrippingProxy(h.sandbox.baseUrlFor('acme'), 'acme');
  const baseUrl = proxy.baseUrl;
  await h.vault.update((draft) => {
    draft.accounts.find((account) => account.subdomain === 'acme')!.customBaseUrl = baseUrl;
  });
  return { h, proxy, installId };
}

async function untilComplete(tools: ToolsHarness['tools'], responseId: string): Promise<ApiSendResult> {
  for (;;) {
    const progress = await tools['api.responseProgress']({ responseId, waitMs: 1000 });
    if (!progress.receiving) return progress;
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a streamed answer', () => {
  it('shows the first lines of the sandbox\'s big answer before its body ends, then the whole of it', async () => {
    const { h, proxy, installId } = await consoleThroughProxy();
    proxy.plan({ holdAfter: 96 * 1024 });
    const sending = h.tools['api.send'](get(installId, '/api/sandbox/large', [['size_mb', '3']]));
    const held = await proxy.holding();
    const sent = await sending;
    // The proxy is still holding most of the body: these lines came from its first 96 KB.
    expect(proxy.ended()).toBe(false);
    expect(held.total).toBeGreaterThan(3_000_000);
    expect(sent.receiving).toBe(true);
    expect(sent.status).toBe(200);
    expect(sent.isJson).toBe(true);
    expect(sent.firstLines.slice(0, 3)).toEqual(['{', '  "object": "list",', '  "uri": "/api/sandbox/large",']);
    expect(sent.firstLines).toContain('      "subject": "[fake] Benchmark ticket 1",');
    expect(sent.totalLines).toBeGreaterThan(200);
    expect(sent.sizeBytes).toBeLessThanOrEqual(held.sent);

    // Lines printed so far can be read; the count says how far it has got.
    const sofar = await h.tools['api.responseProgress']({ responseId: sent.responseId });
    expect(sofar.receiving).toBe(true);
    const early = await h.tools['api.responseLines']({ responseId: sent.responseId, start: 200, count: 100 });
    expect(early.lines.length).toBe(100);
    expect(early.totalLines).toBeLessThan(100_000);

    // Search waits for the whole body.
    let searched = false;
    const search = h.tools['api.responseSearch']({ responseId: sent.responseId, query: 'Benchmark ticket 7000"', limit: 5 }).then((found) => {
      searched = true;
      return found;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(searched).toBe(false);

    proxy.release();
    const whole = await untilComplete(h.tools, sent.responseId);
    expect(whole.receiving).toBe(false);
    expect(whole.cut).toBeNull();
    expect(whole.sizeBytes).toBe(held.total);
    // The same lines JSON.stringify(…, null, 2) prints, all of them.
    const direct = await fetch(`${h.sandbox.baseUrlFor('acme')}/api/sandbox/large?size_mb=3`, { headers: { authorization: `Bearer ${h.vault.data().installs[0]!.accessToken}` } });
    const expected = JSON.stringify(await direct.json(), null, 2).split('\n');
    expect(whole.totalLines).toBe(expected.length);
    expect(whole.nextCursor).toBeNull();
    const tail = await h.tools['api.responseLines']({ responseId: sent.responseId, start: expected.length - 5, count: 5 });
    expect(tail.lines).toEqual(expected.slice(-5));
    const found = await search;
    expect(found.lines).toHaveLength(1);
    expect(expected[found.lines[0]!]).toContain('Benchmark ticket 7000"');
    // One activity entry, once the body has ended.
    const entries = h.vault.entries.filter((entry) => entry.kind === 'api' && entry.url.includes('/large'));
    expect(entries).toHaveLength(1);
    // Redacted as every entry is, with the start of the body only.
    expect(entries[0]!.requestHeaders.authorization).toMatch(/^Bearer \[redacted \d+ chars\]$/);
    expect(entries[0]!.responseBody!.startsWith('{"object":"list"')).toBe(true);
    expect(entries[0]!.responseBody!.length).toBeLessThan(100_000);
    for (const secret of h.secrets()) expect(JSON.stringify(entries[0])).not.toContain(secret);
  });

  it('without `stream` (the CLI, scripts), api.send answers once the whole body is in', async () => {
    const { h, proxy, installId } = await consoleThroughProxy();
    proxy.plan({ holdAfter: 96 * 1024 });
    let answered = false;
    const sending = h.tools['api.send']({ ...get(installId, '/api/sandbox/large', [['size_mb', '1']]), stream: false }).then((result) => {
      answered = true;
      return result;
    });
    await proxy.holding();
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    proxy.release();
    const whole = await sending;
    expect(whole).toMatchObject({ receiving: false, cut: null, isJson: true });
    expect(whole.totalLines).toBeGreaterThan(20_000);
    expect((await h.tools['api.response']({ responseId: whole.responseId })).input).not.toHaveProperty('stream');
  });

  it('a small answer (Content-Length up to 1 MB) is answered whole even when asked to stream', async () => {
    const { h, installId } = await consoleThroughProxy();
    const small = await h.tools['api.send'](get(installId, '/api/tickets', [['limit', '30']]));
    expect(small.totalLines).toBeGreaterThan(200);
    expect(small).toMatchObject({ receiving: false, cut: null, isJson: true });
    expect(small.nextCursor).toEqual(expect.any(String));
  });

  it('keeps numbers byte-exact when a number is split across chunks and held mid-way', async () => {
    const { h, proxy, installId } = await consoleThroughProxy();
    const pad = Array.from({ length: 300 }, (_, i) => `{"n":${i}.0}`).join(',');
    const text = `{"ratio":1.0,"pad":[${pad}],"big":12345678901234567890,"tail":-0.50e+2}`;
    proxy.plan({ holdAfter: text.indexOf('1234567890123') + 6, body: { bytes: bytes(text), contentType: 'application/json' }, pieceBytes: 7, chunked: true });
    const sent = await h.tools['api.send'](get(installId, '/api/tickets'));
    await proxy.holding();
    expect(sent.receiving).toBe(true);
    expect(sent.firstLines[1]).toBe('  "ratio": 1.0,');
    expect(sent.firstLines[4]).toBe('      "n": 0.0');
    // While held in the middle of the number, no part of it is printed.
    const sofar = await h.tools['api.responseLines']({ responseId: sent.responseId, start: 0, count: 10_000 });
    expect(sofar.lines.join('\n')).not.toContain('123456');
    proxy.release();
    const whole = await untilComplete(h.tools, sent.responseId);
    const { lines } = await h.tools['api.responseLines']({ responseId: sent.responseId, start: 0, count: whole.totalLines });
    expect(lines.join('\n')).toBe(JSON.stringify(JSON.parse(text), null, 2).replace('"ratio": 1', '"ratio": 1.0').replace(/"n": (\d+)\n/g, '"n": $1.0\n').replace('"big": 12345678901234567000', '"big": 12345678901234567890').replace('"tail": -50', '"tail": -0.50e+2'));
    expect(lines).toContain('  "big": 12345678901234567890,');
    expect(lines).toContain('  "tail": -0.50e+2');
  });

  it('cancel mid-stream keeps what came, pretty up to the cut', async () => {
    const { h, proxy, installId } = await consoleThroughProxy();
    proxy.plan({ holdAfter: 64 * 1024 });
    const sent = await h.tools['api.send'](get(installId, '/api/sandbox/large', [['size_mb', '2']]));
    const held = await proxy.holding();
    expect(sent.receiving).toBe(true);
    expect(await h.tools['api.responseCancel']({ responseId: sent.responseId })).toEqual({ cancelled: true });
    const kept = await h.tools['api.responseProgress']({ responseId: sent.responseId });
    expect(kept.receiving).toBe(false);
    expect(kept.cut).toBe('cancelled');
    expect(kept.sizeBytes).toBe(held.sent);
    // What came, printed as far as its last complete token (the sandbox's answer is compact JSON).
    expect(kept.isJson).toBe(true);
    expect(kept.firstLines.slice(0, 2)).toEqual(['{', '  "object": "list",']);
    expect(kept.totalLines).toBeGreaterThan(1000);
    const { lines } = await h.tools['api.responseLines']({ responseId: sent.responseId, start: kept.totalLines - 3, count: 3 });
    expect(lines.join('\n')).not.toMatch(/[}\]]\s*$/);
    expect(kept.hint).toBeNull();
    // A second cancel has nothing to stop.
    expect(await h.tools['api.responseCancel']({ responseId: sent.responseId })).toEqual({ cancelled: false });
    const entry = h.vault.entries.filter((e) => e.kind === 'api').at(-1)!;
    expect(entry.error?.message).toContain('cancelled');
  });

  it('a body cut by the network is kept and says why', async () => {
    const { h, proxy, installId } = await consoleThroughProxy();
    proxy.plan({ holdAfter: 64 * 1024 });
    const sent = await h.tools['api.send'](get(installId, '/api/sandbox/large', [['size_mb', '2']]));
    await proxy.holding();
    proxy.cut();
    const kept = await untilComplete(h.tools, sent.responseId);
    expect(kept.cut).toMatch(/connection|terminated|socket/i);
    expect(kept.isJson).toBe(true);
    expect(kept.totalLines).toBeGreaterThan(1000);
  });

  it('an answer that is not JSON streams as text lines; one that breaks JSON after its first screen turns to text at the end', async () => {
    const { h, proxy, installId } = await consoleThroughProxy();
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i + 1} of a log`).join('\n') + '\n';
    proxy.plan({ holdAfter: 16 * 1024, body: { bytes: bytes(text), contentType: 'text/plain' }, chunked: true });
    const sent = await h.tools['api.send'](get(installId, '/api/tickets'));
    await proxy.holding();
    expect(sent).toMatchObject({ receiving: true, isJson: false });
    expect(sent.firstLines.slice(0, 2)).toEqual(['line 1 of a log', 'line 2 of a log']);
    proxy.release();
    const whole = await untilComplete(h.tools, sent.responseId);
    expect(whole).toMatchObject({ isJson: false, totalLines: 20_000, cut: null });
    expect((await h.tools['api.responseLines']({ responseId: sent.responseId, start: 19_999, count: 5 })).lines).toEqual(['line 20000 of a log']);

    // Pretty while it looks like JSON, raw once it turns out not to be.
    const broken = `{"data":[${Array.from({ length: 400 }, (_, i) => `{"id":${i}}`).join(',')}] oops`;
    proxy.plan({ holdAfter: broken.indexOf(' oops'), body: { bytes: bytes(broken), contentType: 'application/json' }, chunked: true });
    const second = await h.tools['api.send'](get(installId, '/api/tickets'));
    await proxy.holding();
    expect(second).toMatchObject({ receiving: true, isJson: true });
    expect(second.firstLines.slice(0, 3)).toEqual(['{', '  "data": [', '    {']);
    proxy.release();
    const swapped = await untilComplete(h.tools, second.responseId);
    expect(swapped).toMatchObject({ isJson: false, totalLines: 1, firstLines: [broken] });
  });
});
