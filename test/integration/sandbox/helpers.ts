// Shared set-up for the sandbox tests: a sandbox with two accounts and one registered client, a real
// loopback "app" callback server, and the authorize → consent → token steps done by hand.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../electron/backend/sandbox/index';
import { consentInSandbox } from '../../fakes/sandbox-browser';

export const CLIENT_ID = 'workbench-test-app';
/** Characters that must be form-urlencoded in HTTP Basic (RFC 6749 §2.3.1). */
export const CLIENT_SECRET = 'se cret+/:%é';
export const ALL_SCOPES = 'openid email profile offline account:read users:read tickets:read customers:read tags:read';

export interface CallbackServer {
  /** http://127.0.0.1:PORT/callback */
  url: string;
  received: URL[];
  close(): Promise<void>;
}

export async function startCallbackServer(): Promise<CallbackServer> {
  const received: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    received.push(url);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(url.searchParams.has('error') ? `error:${url.searchParams.get('error')}` : 'connected');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface World {
  sandbox: Sandbox;
  callback: CallbackServer;
  close(): Promise<void>;
}

export async function startWorld(options: SandboxOptions = {}): Promise<World> {
  const sandbox = await startSandbox({ port: 0, ...options });
  sandbox.addAccount('acme', { name: 'Acme (test)' });
  sandbox.addAccount('globex');
  // Registered on port 9: the loopback rule (RFC 8252 §7.3) lets the callback's real port match.
  sandbox.registerClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1:9/callback', 'https://relay.example/gorgias'] });
  const callback = await startCallbackServer();
  return {
    sandbox,
    callback,
    async close() {
      await callback.close();
      await sandbox.close();
    },
  };
}

export function basicAuth(id: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

export interface AuthorizeParams {
  scope?: string;
  state?: string;
  nonce?: string;
  redirectUri?: string;
  clientId?: string;
  codeChallenge?: string;
}

export function authorizeUrl(world: World, subdomain: string, params: AuthorizeParams = {}): string {
  const url = new URL(`${world.sandbox.baseUrlFor(subdomain)}/oauth/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId ?? CLIENT_ID);
  url.searchParams.set('redirect_uri', params.redirectUri ?? world.callback.url);
  url.searchParams.set('scope', params.scope ?? ALL_SCOPES);
  url.searchParams.set('state', params.state ?? 'state-123');
  url.searchParams.set('nonce', params.nonce ?? 'nonce-456');
  if (params.codeChallenge) {
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

export async function obtainCode(world: World, subdomain: string, params: AuthorizeParams = {}, userId?: number): Promise<string> {
  const outcome = await consentInSandbox(authorizeUrl(world, subdomain, params), userId === undefined ? {} : { userId });
  const code = new URL(outcome.redirectedTo).searchParams.get('code');
  if (!code) throw new Error(`No code in ${outcome.redirectedTo}`);
  return code;
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body, headers: res.headers };
}

export async function exchangeCode(world: World, subdomain: string, code: string, extra: Record<string, string> = {}) {
  return postForm(
    `${world.sandbox.baseUrlFor(subdomain)}/oauth/token`,
    { grant_type: 'authorization_code', code, redirect_uri: world.callback.url, ...extra },
    { Authorization: basicAuth(CLIENT_ID, CLIENT_SECRET) },
  );
}

/** The whole flow: consent as `userId`, exchange, return the token answer. */
export async function connect(world: World, subdomain = 'acme', params: AuthorizeParams = {}, userId?: number) {
  const code = await obtainCode(world, subdomain, params, userId);
  const answer = await exchangeCode(world, subdomain, code);
  if (answer.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(answer.body)}`);
  return answer.body as { access_token: string; refresh_token?: string; id_token?: string; expires_in: number; scope: string; token_type: string };
}

export async function api(world: World, subdomain: string, path: string, token: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(`${world.sandbox.baseUrlFor(subdomain)}${path}`, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Keep HTML and other text as is.
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, unknown>, text };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
