// The built-in Gorgias sandbox: one loopback HTTP server emulating many Gorgias accounts, each under
// `/{subdomain}` (see docs/sandbox.md). `startSandbox()` is the whole public surface.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { checkSubdomain } from '../../common/subdomain';
import type { SandboxContext } from './context';
import { folderGrantStore, memoryGrantStore } from './grant-store';
import { loadOrCreateSigningKey } from './keys';
import { LeakyBucketLimiter } from './rate-limiter';
import { createRequestListener } from './router';
import { SandboxState } from './state';
import { DEFAULT_QUIRKS, DEFAULT_RATE_LIMIT, type Sandbox, type SandboxClient, type SandboxFault, type SandboxOptions } from './types';

export type { Sandbox, SandboxClient, SandboxFault, SandboxOptions } from './types';
export { DEFAULT_QUIRKS, DEFAULT_RATE_LIMIT, GORGIAS_2021_QUIRKS } from './types';

function requireSubdomain(subdomain: string): string {
  const check = checkSubdomain(subdomain);
  if (!check.ok || check.subdomain !== subdomain) throw new Error(`Not a valid sandbox subdomain: "${subdomain.slice(0, 80)}"`);
  return subdomain;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const key = await loadOrCreateSigningKey(options.privateJwk);
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const ctx: SandboxContext = {
    state: new SandboxState(options.grantsDir ? folderGrantStore(options.grantsDir) : memoryGrantStore()),
    key,
    quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
    clock: options.clock ?? { now: () => Date.now() },
    limiter: new LeakyBucketLimiter(rate.requests, rate.windowMs),
    fault: null,
    origin: '',
    largeCache: new Map(),
    autoApprove: options.autoApprove ?? false,
    ...(options.onApiBody ? { onApiBody: options.onApiBody } : {}),
  };
  let port = 0;
  const listener = createRequestListener(
    ctx,
    () => port,
    (error) => {
      // The message only: a stack or request dump could quote a token.
      const message = `sandbox request failed: ${error instanceof Error ? error.message : 'unknown error'}`;
      if (options.logger) options.logger.error(message);
      else console.error(message);
    },
  );
  const { onRequest } = options;
  const server = createServer(
    onRequest
      ? (req, res) => {
          onRequest(req.method ?? '?', (req.url ?? '/').split('?')[0] ?? '/');
          listener(req, res);
        }
      : listener,
  );
  // Malformed HTTP never reaches the listener; answer 400 and drop the socket instead of crashing.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  ctx.origin = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | null = null;

  const sandbox: Sandbox = {
    get origin() {
      return ctx.origin;
    },
    baseUrlFor: (subdomain) => `${ctx.origin}/${subdomain}`,
    addAccount(subdomain, accountOptions) {
      ctx.state.addAccount(requireSubdomain(subdomain), accountOptions?.name);
    },
    registerClient(client: SandboxClient) {
      if (!client.clientId) throw new Error('A client needs a clientId.');
      ctx.state.clients.set(client.clientId, { clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: [...client.redirectUris] });
    },
    get quirks() {
      return { ...ctx.quirks };
    },
    setQuirks(patch) {
      ctx.quirks = { ...ctx.quirks, ...patch };
    },
    removeUser(subdomain, userId) {
      const account = ctx.state.accounts.get(subdomain);
      if (!account) return;
      account.data.users = account.data.users.filter((u) => u.id !== userId);
    },
    setFault(fault: SandboxFault | null) {
      ctx.fault = fault;
    },
    exportPrivateJwk: (): JWK => ({ ...key.privateJwk }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held requests (the slow-token fault) and keep-alive sockets must not keep us open.
        server.closeAllConnections();
      });
      return closed;
    },
  };
  return sandbox;
}
