// A deliberately broken server on 127.0.0.1. The first path segment picks the fault, so one server
// serves every base URL a test needs: http://127.0.0.1:PORT/<fault>/oauth/token, …/api/account.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ServerFault = 'reset-mid-body' | 'never-ends' | 'html-500' | 'html-502' | 'rate-limited';

export interface FaultyServer {
  baseUrl(fault: ServerFault): string;
  /** Requests received per fault. */
  readonly hits: Record<string, number>;
  close(): Promise<void>;
}

const PAGE = '<!doctype html><html><head><title>Error</title></head><body><h1>Something broke</h1></body></html>';

function answer(fault: ServerFault, res: ServerResponse): void {
  switch (fault) {
    case 'reset-mid-body':
      // Promise a long JSON body, send its first bytes, then cut the connection.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      res.write('{"access_token":"eyJhbGciOi');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case 'never-ends':
      // Headers and a little body, then silence: only the client's timeout ends it.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":');
      return;
    case 'html-500':
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    case 'html-502':
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(PAGE);
      return;
    case 'rate-limited':
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7', 'x-gorgias-account-api-call-limit': '80/80' });
      res.end(JSON.stringify({ error: { msg: 'Too many requests.' } }));
      return;
  }
}

export async function startFaultyServer(): Promise<FaultyServer> {
  const hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    req.resume();
    const fault = (req.url ?? '/').split('/')[1] as ServerFault;
    hits[fault] = (hits[fault] ?? 0) + 1;
    answer(fault, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: (fault) => `http://127.0.0.1:${port}/${fault}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
