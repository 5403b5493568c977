// The browser door's guard for every request, in one file so it can be swapped for the shared
// local-request guard. Like Jupyter and VS Code's serve-web: the server answers only
//   - requests whose Host is exactly its own 127.0.0.1:PORT (or localhost:PORT): DNS rebinding
//     makes evil.example resolve to 127.0.0.1, but the browser still sends Host: evil.example;
//   - requests with no Origin, or our own origin (no CORS at all: nothing answers preflights);
//   - requests carrying the session cookie (HttpOnly, SameSite=Strict, so no other site's page can
//     send it), except the one-time exchange of the printed link's token for that cookie;
//   - API calls with the X-Workbench-Door header and a JSON body, which a cross-site form cannot send.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'workbench_session';

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 421; reason: string };

export interface GuardConfig {
  port: number;
  sessionSecret: string;
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function cookieValue(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Host and Origin: who may talk to us at all (before any secret is looked at). */
export function checkAddress(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!ownOrigins(config.port).some((origin) => origin === `http://${host}`)) {
    return { ok: false, status: 421, reason: `This server answers only to 127.0.0.1:${config.port}.` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !ownOrigins(config.port).includes(origin)) return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
  return { ok: true };
}

/** The session cookie: every request but the first page load with the printed token. */
export function checkSession(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const session = cookieValue(request, SESSION_COOKIE);
  if (session === null || !sameSecret(session, config.sessionSecret)) {
    return { ok: false, status: 403, reason: 'Open the link that `gorgias-workbench serve` printed (it carries a one-time token).' };
  }
  return { ok: true };
}

/** API calls also need our header and JSON, which no HTML form can produce. */
export function checkApiCall(request: IncomingMessage): GuardVerdict {
  if (request.headers['x-workbench-door'] !== 'browser') return { ok: false, status: 403, reason: 'Not a workbench call.' };
  if (request.method === 'POST' && !(request.headers['content-type'] ?? '').startsWith('application/json')) return { ok: false, status: 403, reason: 'Not a workbench call.' };
  return { ok: true };
}
