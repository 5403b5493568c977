// The loopback servers that receive OAuth callbacks (RFC 8252 §7.3). One server per port, shared by
// every flow that needs it and stopped when the last one lets go. Binds 127.0.0.1 only, answers only
// GET on known paths, and passes every request through the local request guard first (Host
// allow-list against DNS rebinding; browser requests only as top-level navigations).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { WorkbenchError } from '../../common/errors';
import { guardLocalRequest } from '../http/local-request-guard';
import type { Logger } from '../ports';
import { PAGE_HEADERS, renderPage, type PageResult } from './callback-page';

export const INSTALL_PATH = '/oauth/install';

export interface CallbackRequest {
  port: number;
  path: string;
  params: URLSearchParams;
  /** The full URL the browser requested (holds the code: for the redacting recorder only). */
  url: string;
}

interface LoopbackHandlers {
  onCallback(request: CallbackRequest): Promise<PageResult>;
  /** Only while a lease made for an app's install entry holds the server: `appId` is that app. */
  onInstall(request: { port: number; params: URLSearchParams; appId: string }): Promise<PageResult | { redirect: string }>;
}

export interface LoopbackLease {
  readonly port: number;
  release(): Promise<void>;
}

interface Holder {
  id: number;
  appId: string;
  callbackPaths: string[];
  /** A lease made for the app's install entry (`/oauth/install`); flows' leases never answer it. */
  installEntry?: boolean;
}

interface RunningServer {
  server: Server;
  port: number;
  holders: Holder[];
  /** Requests being answered: the server waits for them before it stops (the page must arrive). */
  inflight: number;
  stopped: Promise<void> | null;
}

function send(res: ServerResponse, page: PageResult): void {
  res.writeHead(page.status, PAGE_HEADERS);
  res.end(renderPage(page));
}

/**
 * The request target as a URL on this server. Appended to our own origin rather than resolved
 * against it, so `//host` or `/\\host` can never be read as another host; anything odd is null.
 */
function parseTarget(target: string | undefined, port: number): URL | null {
  if (!target || !target.startsWith('/')) return null;
  try {
    return new URL(`http://127.0.0.1:${port}${target}`);
  } catch {
    return null;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new WorkbenchError('PORT_IN_USE', `Port ${port} on 127.0.0.1 is already in use by another program: close it, or pick another port in the app's redirect settings (and register the new redirect URL).`, { port }));
      } else if (error.code === 'EACCES') {
        reject(new WorkbenchError('PORT_IN_USE', `Port ${port} on 127.0.0.1 cannot be opened (permission denied): pick a port from 1024 up.`, { port }));
      } else reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // 127.0.0.1 only: never all interfaces, so nothing on the network can reach the callback.
    server.listen({ port, host: '127.0.0.1', exclusive: true });
  });
}

export class LoopbackServers {
  readonly #servers = new Map<number, Promise<RunningServer>>();
  readonly #closing = new Map<number, Promise<void>>();
  #nextHolder = 1;

  constructor(
    private readonly handlers: LoopbackHandlers,
    private readonly logger?: Logger,
  ) {}

  /** Starts (or joins) the server on `port` (0 = any free port) for an app's callback paths. */
  async acquire(port: number, holder: { appId: string; callbackPaths: string[]; installEntry?: boolean }): Promise<LoopbackLease> {
    await this.#closing.get(port);
    let pending = this.#servers.get(port);
    if (!pending) {
      pending = this.#start(port);
      this.#servers.set(port, pending);
      pending.catch(() => this.#servers.delete(port));
    }
    const running = await pending;
    const entry: Holder = { id: this.#nextHolder++, ...holder };
    running.holders.push(entry);
    let released = false;
    return {
      port: running.port,
      release: async () => {
        if (released) return;
        released = true;
        running.holders = running.holders.filter((h) => h.id !== entry.id);
        if (running.holders.length === 0 && this.#servers.get(port) === pending) {
          // Unlisted at once, so a new acquire starts afresh (after this one has closed).
          this.#servers.delete(port);
          let done: () => void = () => undefined;
          const closing = new Promise<void>((resolve) => {
            done = resolve;
          });
          this.#closing.set(port, closing);
          running.stopped = closing;
          this.#stopWhenQuiet(running, () => {
            if (this.#closing.get(port) === closing) this.#closing.delete(port);
            done();
          });
          await closing;
        }
      },
    };
  }

  /** Ports currently listening (for tests and the UI). */
  async listening(): Promise<number[]> {
    const running = await Promise.allSettled([...this.#servers.values()]);
    return running.flatMap((r) => (r.status === 'fulfilled' ? [r.value.port] : []));
  }

  async closeAll(): Promise<void> {
    const running = await Promise.allSettled([...this.#servers.values()]);
    this.#servers.clear();
    await Promise.all(running.map((r) => (r.status === 'fulfilled' ? this.#stop(r.value.server) : undefined)));
  }

  async #start(port: number): Promise<RunningServer> {
    const running: RunningServer = { server: createServer(), port, holders: [], inflight: 0, stopped: null };
    running.server.on('request', (req, res) => {
      running.inflight += 1;
      res.once('close', () => {
        running.inflight -= 1;
        if (running.stopped && running.inflight === 0) running.server.emit('quiet');
      });
      this.#handle(running, req, res).catch((error: unknown) => {
        this.logger?.error('loopback request failed', error);
        if (!res.headersSent) send(res, { status: 500, ok: false, title: 'Something went wrong', message: 'The workbench could not handle this request. The details are in its log.' });
      });
    });
    running.port = await listen(running.server, port);
    return running;
  }

  #stopWhenQuiet(running: RunningServer, done: () => void): void {
    const stop = (): void => {
      void this.#stop(running.server).then(done);
    };
    if (running.inflight === 0) stop();
    else running.server.once('quiet', stop);
  }

  #stop(server: Server): Promise<void> {
    return new Promise((resolve) => {
      server.close(() => resolve());
      // Browsers keep connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
    });
  }

  async #handle(running: RunningServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const isInstall = parseTarget(req.url, running.port)?.pathname === INSTALL_PATH;
    // Starting a flow is an effect beyond the answer: the install entry wants a navigation from
    // anyone who says how they were sent (Node's fetch says `cors`), the callback only from browsers.
    const verdict = guardLocalRequest(req, { port: running.port, kind: 'navigation', strictNavigation: isInstall });
    if (!verdict.ok) {
      send(res, { status: verdict.status, ok: false, title: verdict.title, message: verdict.reason });
      return;
    }
    // Only GET: a HEAD or prefetch must never consume a flow's single-use state.
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      send(res, { status: 405, ok: false, title: 'Method not allowed', message: 'Only GET is answered here.' });
      return;
    }
    const url = parseTarget(req.url, running.port);
    if (!url) {
      send(res, { status: 400, ok: false, title: 'Bad request', message: 'This address could not be read.' });
      return;
    }
    if (url.pathname === INSTALL_PATH) {
      const entry = running.holders.filter((h) => h.installEntry).at(-1);
      if (!entry) {
        send(res, { status: 404, ok: false, title: 'Not found', message: 'The App URL is not turned on for any app on this port.' });
        return;
      }
      const answer = await this.handlers.onInstall({ port: running.port, params: url.searchParams, appId: entry.appId });
      if ('redirect' in answer) {
        res.writeHead(302, { location: answer.redirect, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', connection: 'close' });
        res.end();
      } else send(res, answer);
      return;
    }
    if (!running.holders.some((h) => h.callbackPaths.includes(url.pathname))) {
      send(res, { status: 404, ok: false, title: 'Not found', message: 'This address is not one the workbench answers.' });
      return;
    }
    send(res, await this.handlers.onCallback({ port: running.port, path: url.pathname, params: url.searchParams, url: url.toString() }));
  }
}
