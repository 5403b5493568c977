// The one gate in front of every HTTP server the workbench runs on this machine: the loopback
// callback server, the built-in sandbox, and the browser door. Any web page the user visits can send
// requests to 127.0.0.1 (an <img>, a no-cors fetch, an auto-submitted form) and, through DNS
// rebinding, even read answers under its own name. This module decides, from the request's headers
// alone and before any route runs, whether a request may be answered.
//
// API (for every local server):
//
//   const verdict = guardLocalRequest(req, { port, kind: 'navigation' | 'same-origin', strictNavigation? });
//   if (!verdict.ok) → answer verdict.status with verdict.reason (never run the route).
//
//   - Host allow-list (DNS rebinding): only `127.0.0.1:{port}` and `localhost:{port}` (plus
//     `extraHosts`, exact, e.g. `[::1]:{port}`). A missing Host is refused. Status 421.
//   - kind 'navigation' — pages a browser is sent to from anywhere (an OAuth callback, the App URL,
//     the sandbox's authorize page). A browser request (it carries `Sec-Fetch-Site`) must be a
//     top-level navigation: GET/HEAD, `Sec-Fetch-Mode: navigate`, `Sec-Fetch-Dest: document` where
//     sent. So an <img>, a no-cors fetch, an iframe or a cross-site form POST is refused (403).
//     (A non-browser client's method is left to the route, which answers 405 for what it lacks.)
//     `strictNavigation: true` also refuses any request whose `Sec-Fetch-Mode` (where sent) is not
//     `navigate`, even without `Sec-Fetch-Site` (e.g. Node's fetch sends `Sec-Fetch-Mode: cors`):
//     used where a request has effects beyond its own answer (`/oauth/install`).
//   - kind 'same-origin' — our own pages' forms and scripts, and non-browser clients (the token
//     endpoint, the API, the door's JSON calls). A browser request must be `Sec-Fetch-Site:
//     same-origin` (or `none`: typed by the user); an `Origin` header, where sent, must be one of
//     the server's own origins (`null` is refused). So a cross-site form POST or fetch is refused
//     (403), from browsers with or without Fetch Metadata.
//
// Requests with no Fetch Metadata at all come from non-browser clients (curl, Node) or old browsers;
// such a request is let through when nothing else marks it as foreign. That is why effects that a
// blind cross-site request could trigger (creating an account from `/oauth/install`) also need the
// user's confirmation in the app: this guard narrows who can reach a route, it is not consent.
import type { IncomingHttpHeaders } from 'node:http';

export type LocalRequestKind = 'navigation' | 'same-origin';

export interface LocalRequestPolicy {
  /** The port the server listens on (Host must name it). */
  port: number;
  kind: LocalRequestKind;
  /** 'navigation' only: refuse any `Sec-Fetch-Mode` but `navigate`, browser or not. */
  strictNavigation?: boolean;
  /** More acceptable Host values (exact, lower-case, with the port), e.g. a door's own name. */
  extraHosts?: readonly string[];
}

export type LocalRequestVerdict = { ok: true } | { ok: false; status: 403 | 421; title: string; reason: string };

export interface GuardedRequest {
  method?: string | undefined;
  headers: IncomingHttpHeaders;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return (Array.isArray(value) ? value.join(',') : value).trim().toLowerCase();
}

/** The Host values a server on `port` answers to. */
export function allowedHosts(port: number, extra: readonly string[] = []): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, ...extra.map((h) => h.toLowerCase())];
}

/** The origins of a server on `port` (what its own pages send as `Origin`). */
export function ownOrigins(port: number, extraHosts: readonly string[] = []): string[] {
  return allowedHosts(port, extraHosts).map((host) => `http://${host}`);
}

const refuse = (status: 403 | 421, title: string, reason: string): LocalRequestVerdict => ({ ok: false, status, title, reason });

export function guardLocalRequest(req: GuardedRequest, policy: LocalRequestPolicy): LocalRequestVerdict {
  const host = header(req.headers, 'host');
  if (!host || !allowedHosts(policy.port, policy.extraHosts).includes(host)) {
    return refuse(421, 'Wrong address', `This server only answers at http://127.0.0.1:${policy.port}.`);
  }
  const site = header(req.headers, 'sec-fetch-site');
  const mode = header(req.headers, 'sec-fetch-mode');
  const dest = header(req.headers, 'sec-fetch-dest');
  const origin = header(req.headers, 'origin');
  const method = (req.method ?? 'GET').toUpperCase();
  const foreignOrigin = origin !== null && !ownOrigins(policy.port, policy.extraHosts).includes(origin);

  if (policy.kind === 'navigation') {
    const browser = site !== null;
    const notNavigate = mode !== null && mode !== 'navigate';
    if ((browser || policy.strictNavigation) && notNavigate) {
      return refuse(403, 'Open this page in the browser', 'This address answers only a page opened in the browser (a top-level navigation), not an image, script or background request.');
    }
    if (browser && dest !== null && dest !== 'document') {
      return refuse(403, 'Open this page in the browser', 'This page cannot be embedded in another page.');
    }
    if (browser && method !== 'GET' && method !== 'HEAD') {
      // A cross-site form POST is a navigation too; nothing of this kind accepts one. (Other
      // clients' methods are the route's business: it answers 405.)
      return refuse(403, 'Not accepted', 'This address answers only GET.');
    }
    return { ok: true };
  }

  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return refuse(403, 'Not accepted from another site', 'This address does not answer requests sent by other web pages.');
  }
  if (foreignOrigin) {
    return refuse(403, 'Not accepted from another site', 'This address does not answer requests sent by other web pages.');
  }
  return { ok: true };
}
