// The browser door's HTTP server on 127.0.0.1: the renderer bundle, the contract over HTTP (one POST
// per method into the same dispatcher, schemas and Result envelopes as Electron's IPC) and the
// backend's events as server-sent events. Every request passes the shared local-request guard, then session-guard.ts.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../common/errors';
import { loadServedFiles, SERVE_CSP, type ServedFile } from './served-files';
import { guardLocalRequest } from '../../backend/http/local-request-guard';
import { checkApiCall, checkSession, sameSecret, SESSION_COOKIE, type GuardVerdict } from './session-guard';

export interface ServeServerOptions {
  port: number;
  distDir: string;
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ServeServer {
  /** http://127.0.0.1:PORT/?token=… : the one link that lets a browser in (once). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const MAX_BODY = 25 * 1024 * 1024;
const BASE_HEADERS = {
  'Content-Security-Policy': SERVE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra });
  response.end(body);
}

/**
 * The bundle's files under /assets/ carry a hash of their content in their name (Vite), so the
 * browser may keep them for good: a reload then reads them from its cache and runs the code it
 * compiled before (V8's code cache), instead of fetching and compiling 300 KB again. The bridge is
 * served at an address named by its content too (served-files.ts). The page and every answer stay
 * no-store. `private`: they are this user's, on this machine.
 */
const IMMUTABLE = { 'Cache-Control': 'private, max-age=31536000, immutable' };

const refuse = (response: ServerResponse, verdict: Exclude<GuardVerdict, { ok: true }>) => send(response, verdict.status, verdict.reason, 'text/plain; charset=utf-8');
const sendFile = (response: ServerResponse, file: ServedFile, extra: Record<string, string> = {}) => send(response, 200, file.body, file.contentType, extra);

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startServeServer(options: ServeServerOptions): Promise<ServeServer> {
  const files = await loadServedFiles(options.distDir);
  const token = randomBytes(24).toString('base64url');
  const sessionSecret = randomBytes(32).toString('base64url');
  let tokenUsed = false;
  let port = 0;
  const streams = new Set<ServerResponse>();
  const config = () => ({ port, sessionSecret });

  const unsubscribe = options.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Our own pages' scripts and the user's typed or clicked link only: no other site, no rebinding.
    const address = guardLocalRequest(request, { port, kind: 'same-origin' });
    if (!address.ok) return refuse(response, address);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;

    // The one-time exchange: the printed link's token becomes an HttpOnly, SameSite=Strict cookie and
    // leaves the address bar (a later URL with a token, even the right one, gets nothing).
    if (request.method === 'GET' && (path === '/' || path === '/index.html') && url.searchParams.has('token')) {
      const given = url.searchParams.get('token') ?? '';
      if (tokenUsed || !sameSecret(given, token)) return refuse(response, { ok: false, status: 403, reason: 'This link is not valid (any more): each start of `gorgias-workbench serve` prints a new one, good for one browser.' });
      tokenUsed = true;
      response.writeHead(303, { ...BASE_HEADERS, Location: '/', 'Set-Cookie': `${SESSION_COOKIE}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/` });
      return void response.end();
    }
    const session = checkSession(request, config());
    if (!session.ok) return refuse(response, session);

    if (request.method === 'POST' && path.startsWith('/api/invoke/')) {
      const api = checkApiCall(request);
      if (!api.ok) return refuse(response, api);
      let body: unknown;
      try {
        body = await readJson(request);
      } catch {
        return send(response, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The body is not JSON.' } }), 'application/json');
      }
      const input = (body as { input?: unknown } | null)?.input;
      const result = await options.dispatch(decodeURIComponent(path.slice('/api/invoke/'.length)), input === null ? undefined : input);
      return send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    if (path === '/api/events') {
      response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      response.write(': workbench events\n\n');
      streams.add(response);
      request.once('close', () => streams.delete(response));
      return;
    }
    if (path === '/' || path === '/index.html') return sendFile(response, files.index);
    if (path === files.bridge.path) return sendFile(response, files.bridge, IMMUTABLE);
    const asset = await files.asset(path);
    if (asset) return sendFile(response, asset, IMMUTABLE);
    return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error', 'text/plain; charset=utf-8');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': still here\n\n');
  }, 25_000);
  heartbeat.unref();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
