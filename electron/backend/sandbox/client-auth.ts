// Client authentication at /oauth/token and /oauth/revoke: HTTP Basic (Gorgias's documented way),
// or client_id/client_secret in the form body (undocumented, used by third parties). In Basic, id and
// secret are form-urlencoded before base64 (RFC 6749 §2.3.1), so they are decoded that way.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SandboxClient } from './types';

export type ClientAuthResult =
  | { ok: true; client: SandboxClient; method: 'basic' | 'body' }
  | { ok: false; status: number; error: 'invalid_client' | 'invalid_request'; description: string; basic: boolean };

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function parseBasic(header: string | undefined): { id: string; secret: string } | 'absent' | 'malformed' {
  if (!header) return 'absent';
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return /^Basic\b/i.test(header) ? 'malformed' : 'absent';
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function authenticateClient(req: IncomingMessage, form: Map<string, string>, clients: Map<string, SandboxClient>): ClientAuthResult {
  const basic = parseBasic(req.headers.authorization);
  if (basic === 'malformed') {
    return { ok: false, status: 401, error: 'invalid_client', description: 'The Authorization header is not valid HTTP Basic.', basic: true };
  }
  const bodyId = form.get('client_id');
  const bodySecret = form.get('client_secret');
  let id: string;
  let secret: string;
  let method: 'basic' | 'body';
  if (basic !== 'absent') {
    if (bodySecret !== undefined) {
      return { ok: false, status: 400, error: 'invalid_request', description: 'Use one client authentication method, not both Basic and client_secret in the body.', basic: true };
    }
    if (bodyId !== undefined && bodyId !== basic.id) {
      return { ok: false, status: 400, error: 'invalid_request', description: 'client_id in the body differs from the one in the Authorization header.', basic: true };
    }
    ({ id, secret } = basic);
    method = 'basic';
  } else if (bodyId !== undefined && bodySecret !== undefined) {
    id = bodyId;
    secret = bodySecret;
    method = 'body';
  } else {
    return { ok: false, status: 401, error: 'invalid_client', description: 'Client authentication is missing (HTTP Basic client_id:client_secret).', basic: false };
  }
  const client = clients.get(id);
  if (!client || !sameSecret(client.clientSecret, secret)) {
    return { ok: false, status: 401, error: 'invalid_client', description: 'Client authentication failed (unknown client or wrong secret).', basic: method === 'basic' };
  }
  return { ok: true, client, method };
}
