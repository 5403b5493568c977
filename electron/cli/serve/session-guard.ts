// The browser door's own checks, after the shared local-request guard
// (electron/backend/http/local-request-guard.ts: Host against DNS rebinding, Origin and Fetch
// Metadata against other sites; no CORS at all). Like Jupyter and VS Code's serve-web, it answers only
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
