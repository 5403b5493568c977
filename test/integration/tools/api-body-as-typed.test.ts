// The API console sends the body the user typed, byte for byte: checking it as JSON must not turn
// into parsing and re-serialising it (which writes `1.0` as `1` and rounds 20-digit numbers).
// Read on the other side: the bytes the built-in sandbox received.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiSendInput } from '../../../electron/common/contract';
import { createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function sendAndReceive(body: string, headers: Array<[string, string]> = []): Promise<{ status: number; received: { contentType: string | null; body: Buffer } }> {
  const received: Array<{ path: string; contentType: string | null; body: Buffer }> = [];
  h = await createToolsHarness({ scopes: ['openid', 'offline', 'tags:write'], onApiBody: (seen) => received.push(seen) });
  const installId = await h.connect('acme');
  const input: ApiSendInput = { installId, method: 'POST', path: '/api/tags', query: [], headers, body };
  const answer = await h.tools['api.send'](input);
  expect(received.map((seen) => seen.path)).toEqual(['/api/tags']);
  return { status: answer.status, received: received[0]! };
}

describe('api.send: the body as typed', () => {
  it('sends decimals, big integers, spacing, key order and escapes exactly as typed', async () => {
    const typed = '{\n  "name": "vip",\n  "ratio": 1.0,\n  "big": 12345678901234567890,\n  "tiny": 1e-7,\n  "z": 0, "a": "\\u00e9 é"\n}\n';
    const { status, received } = await sendAndReceive(typed);
    expect(status).toBe(201);
    expect(received.body.equals(Buffer.from(typed, 'utf8'))).toBe(true);
    expect(received.body.toString('utf8')).toContain('"ratio": 1.0,');
    expect(received.body.toString('utf8')).toContain('12345678901234567890');
    expect(received.contentType).toBe('application/json');
  });

  it("keeps the user's own Content-Type header", async () => {
    const typed = '{"name":"vip","n":1.50}';
    const { received } = await sendAndReceive(typed, [['Content-Type', 'application/json; charset=utf-8']]);
    expect(received.body.toString('utf8')).toBe(typed);
    expect(received.contentType).toBe('application/json; charset=utf-8');
  });
});
