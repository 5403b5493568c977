// The HTTP client's body handling as the API console relies on it: the byte count comes from the
// bytes read, and a JSON body is parsed only when (and once) a caller reads `json`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../electron/backend/http/http-client';

const bodies: Record<string, { type: string; body: Buffer }> = {
  '/json': { type: 'application/json; charset=utf-8', body: Buffer.from('{"name":"Zoë ☃","n":[1,2]}', 'utf8') },
  '/bom': { type: 'application/json', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]) },
  '/broken': { type: 'application/json', body: Buffer.from('{"cut":') },
  '/text': { type: 'text/plain', body: Buffer.from('{"looks":"like json"}') },
  '/bad-utf8': { type: 'text/plain', body: Buffer.from([0x61, 0xff, 0x62]) },
};

let server: Server;
let base = '';
let client: HttpClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const found = bodies[req.url ?? ''];
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createHttpClient({ fetch: globalThis.fetch.bind(globalThis), clock: { now: () => Date.now() }, activity: { record: async () => undefined }, timeoutMs: 5_000 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.restoreAllMocks());

const get = (path: string) => client.request({ method: 'GET', url: `${base}${path}`, kind: 'api', context: {} });

describe('http client body', () => {
  it('counts the bytes read and decodes UTF-8 as response.text() does', async () => {
    const json = await get('/json');
    expect(json.sizeBytes).toBe(bodies['/json']!.body.length);
    expect(json.sizeBytes).toBe(Buffer.byteLength(json.text, 'utf8'));
    expect(json.text).toBe('{"name":"Zoë ☃","n":[1,2]}');
    const bom = await get('/bom');
    expect(bom.text).toBe('{"a":1}');
    expect(bom.sizeBytes).toBe(10);
    expect(bom.json).toEqual({ a: 1 });
    const bad = await get('/bad-utf8');
    expect(bad.text).toBe('a\uFFFDb');
    expect(bad.sizeBytes).toBe(3);
  });

  it('parses a JSON body on first read of `json`, once, and not at all when nobody reads it', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    const response = await get('/json');
    expect(parse).not.toHaveBeenCalled();
    expect(response.json).toEqual({ name: 'Zoë ☃', n: [1, 2] });
    expect(response.json).toBe(response.json);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('leaves `json` undefined for broken JSON and for bodies that are not JSON by content type', async () => {
    const broken = await get('/broken');
    expect(broken.text).toBe('{"cut":');
    expect(broken.json).toBeUndefined();
    const text = await get('/text');
    expect(text.json).toBeUndefined();
    expect('json' in text).toBe(false);
  });
});
