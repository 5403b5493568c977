// The test network guard (test/setup/no-network.ts, loaded before every test file) refuses every
// way out of the machine and lets loopback through.
import dns, { lookup as importedLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../setup/no-network';

let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('local'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = (start: (onError: (error: NodeJS.ErrnoException) => void) => void) =>
  new Promise<NodeJS.ErrnoException>((resolve) => start(resolve));

describe('the test network guard', () => {
  it('knows loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1', undefined]) expect(isLoopbackHost(host), String(host)).toBe(true);
    for (const host of ['example.com', '10.0.0.1', '192.168.1.1', '8.8.8.8', '::ffff:8.8.8.8', '128.0.0.1', 'localhost.example.com']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses fetch, http, https, net and tls to any other host, before any DNS query', async () => {
    await expect(fetch('https://example.com/')).rejects.toMatchObject({ cause: { code: 'ENOTFOUND' } });
    const viaHttp = await failure((onError) => http.get('http://example.com/').on('error', onError));
    const viaHttps = await failure((onError) => https.get('https://93.184.216.34/').on('error', onError));
    const viaNet = await failure((onError) => net.connect(80, '10.0.0.1').on('error', onError));
    const viaTls = await failure((onError) => tls.connect({ host: '1.1.1.1', port: 443 }).on('error', onError));
    for (const error of [viaHttp, viaHttps, viaNet, viaTls]) {
      expect(error.code).toBe('ECONNREFUSED');
      expect(error.message).toContain('tests are offline');
    }
  });

  it('refuses DNS look-ups of outside names, whichever way they are imported', async () => {
    await expect(dns.promises.lookup('example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(dns.promises.resolve4('example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    const viaCallback = await failure((onError) => importedLookup('example.com', (error) => error && onError(error)));
    expect(viaCallback.code).toBe('ENOTFOUND');
  });

  it('lets loopback through', async () => {
    await expect(fetch(`http://127.0.0.1:${port}/`).then((r) => r.text())).resolves.toBe('local');
    const body = await new Promise<string>((resolve, reject) =>
      http.get(`http://localhost:${port}/`, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      }).on('error', reject),
    );
    expect(body).toBe('local');
    await expect(dns.promises.lookup('localhost')).resolves.toMatchObject({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
  });
});
