// A pass-through proxy in front of `sandbox serve` that makes "ten processes at once" really at once:
// the first refresh POST is held until a second one arrives or `holdMs` passes. Without a
// cross-process single flight a second refresh arrives (the test sees 2+); with one, none does and
// the first goes through after the hold. Counts the refresh POSTs it forwards.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RefreshGate {
  origin: string;
  refreshPosts(): number;
  close(): Promise<void>;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRefreshGate(target: string, holdMs: number): Promise<RefreshGate> {
  let posts = 0;
  const waiting: Array<() => void> = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readAll(request);
      if (request.method === 'POST' && (request.url ?? '').endsWith('/oauth/token') && body.toString().includes('grant_type=refresh_token')) {
        posts += 1;
        if (posts === 1) {
          await new Promise<void>((release) => {
            waiting.push(release);
            setTimeout(release, holdMs).unref();
          });
        } else for (const release of waiting.splice(0)) release();
      }
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'connection' && name !== 'content-length')) as Record<string, string>;
      const answer = await fetch(`${target}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, ...(body.length ? { body: new Uint8Array(body) } : {}), redirect: 'manual' });
      const bytes = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(name)) out[name] = value;
      });
      response.writeHead(answer.status, { ...out, 'Content-Length': String(bytes.length) });
      response.end(bytes);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refreshPosts: () => posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
