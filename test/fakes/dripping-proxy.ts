// A loopback server that stands between the console and the real sandbox (an account's custom base
// URL pointed at it) and controls how an answer's body arrives: status and headers at once, then the
// first `holdAfter` bytes, then NOTHING until the test calls release() (or cut(), which drops the
// connection there). So a test knows, without timing anything, that the body has not ended yet.
// The body is the sandbox's own answer to the same path, or one the test gives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DripPlan {
  /** Bytes sent before the hold. */
  holdAfter: number;
  /** The answer to serve instead of the sandbox's (status 200). */
  body?: { bytes: Uint8Array; contentType: string };
  /** Sent in pieces this small (tokens split across chunks), else in one write per part. */
  pieceBytes?: number;
  /** No Content-Length (chunked), as many APIs answer: the size is not known up front. */
  chunked?: boolean;
}

export interface DrippingProxy {
  /** Base URL for the account (`http://127.0.0.1:port/<subdomain>`). */
  baseUrl: string;
  /** How the next request's body is served. */
  plan(plan: DripPlan): void;
  /** Resolves once the first part of the body is written and the proxy is holding the rest. */
  holding(): Promise<{ sent: number; total: number }>;
  /** Sends the rest and ends the body. */
  release(): void;
  /** Drops the connection where it is (a body cut by the network). */
  cut(): void;
  /** Whether the last body was sent to its end. */
  ended(): boolean;
  close(): Promise<void>;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export async function startDrippingProxy(sandboxBaseUrl: string, subdomain: string): Promise<DrippingProxy> {
  let current: DripPlan = { holdAfter: Infinity };
  let held = deferred<{ sent: number; total: number }>();
  let gate = deferred<'release' | 'cut'>();
  let ended = false;

  const upstream = async (req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; bytes: Uint8Array }> => {
    const path = (req.url ?? '/').replace(`/${subdomain}`, '');
    const answer = await fetch(`${sandboxBaseUrl}${path}`, { method: req.method, headers: { authorization: String(req.headers.authorization ?? ''), accept: 'application/json' } });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding'].includes(name)) headers[name] = value;
    });
    return { status: answer.status, headers, bytes: new Uint8Array(await answer.arrayBuffer()) };
  };

  const write = async (res: ServerResponse, bytes: Uint8Array, piece: number) => {
    for (let at = 0; at < bytes.length; at += piece) {
      const part = bytes.subarray(at, Math.min(bytes.length, at + piece));
      if (!res.write(part)) await new Promise((resolve) => res.once('drain', resolve));
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const plan = current;
      const answer = plan.body ? { status: 200, headers: { 'content-type': plan.body.contentType }, bytes: plan.body.bytes } : await upstream(req);
      ended = false;
      res.writeHead(answer.status, plan.chunked ? answer.headers : { ...answer.headers, 'content-length': String(answer.bytes.length) });
      const first = answer.bytes.subarray(0, Math.min(answer.bytes.length, plan.holdAfter));
      const piece = plan.pieceBytes ?? Math.max(1, answer.bytes.length);
      await write(res, first, piece);
      if (first.length < answer.bytes.length) {
        held.resolve({ sent: first.length, total: answer.bytes.length });
        if ((await gate.promise) === 'cut') {
          res.destroy();
          return;
        }
        await write(res, answer.bytes.subarray(first.length), piece);
      }
      res.end();
      ended = true;
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/${subdomain}`,
    plan(plan) {
      current = plan;
      held = deferred();
      gate = deferred();
    },
    holding: () => held.promise,
    release: () => gate.resolve('release'),
    cut: () => gate.resolve('cut'),
    ended: () => ended,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
