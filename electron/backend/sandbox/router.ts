// Routes one request: the index at `/`, then `/{subdomain}/…` per emulated account. Nothing here may
// throw out of the handler: every failure becomes a clear answer and the server keeps serving.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardLocalRequest, type LocalRequestKind } from '../http/local-request-guard';
import { handleApi } from './api';
import type { AccountRequest, SandboxContext } from './context';
import { handleDiscovery, handleJwks } from './discovery';
import { escapeHtml, errorPage, page } from './html';
import { BodyTooLargeError, sendHtml, sendJson } from './http-util';
import { handleAuthorize, handleDecision } from './oauth-authorize';
import { handleRevoke, handleToken } from './oauth-token';

type Handler = (ctx: SandboxContext, r: AccountRequest) => void | Promise<void>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  'oauth/authorize': { GET: handleAuthorize },
  'oauth/authorize/decision': { POST: handleDecision },
  'oauth/token': { POST: handleToken },
  'oauth/revoke': { POST: handleRevoke },
  'idp/.well-known/openid-configuration': { GET: handleDiscovery },
  '.well-known/openid-configuration': { GET: handleDiscovery },
  'idp/jwks': { GET: handleJwks },
};

const MAX_URL_LENGTH = 8 * 1024;

function notFoundPage(res: ServerResponse): void {
  // A wrong Gorgias subdomain answers an HTML page, not JSON (observed): so does the sandbox.
  sendHtml(res, 404, errorPage('Page not found', 'There is no sandbox account or page at this address.'));
}

function indexPage(ctx: SandboxContext): string {
  const items = [...ctx.state.accounts.values()]
    .map((a) => `<li><code>${escapeHtml(a.subdomain)}</code> — ${escapeHtml(a.name)}: <code>${escapeHtml(`${ctx.origin}/${a.subdomain}`)}</code></li>`)
    .join('\n');
  return page(
    'Gorgias sandbox',
    `<h1>Gorgias sandbox</h1><p>An emulated Gorgias on this machine. Accounts:</p><ul>${items || '<li>none yet</li>'}</ul>`,
  );
}

/** Pages a browser is sent to from anywhere; everything else answers only our own pages and non-browser clients. */
function requestKind(rawUrl: string): LocalRequestKind {
  const path = rawUrl.split(/[?#]/)[0] ?? '';
  return path === '/' || /^\/[^/]+\/oauth\/authorize$/.test(path) ? 'navigation' : 'same-origin';
}

async function route(ctx: SandboxContext, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawUrl = req.url ?? '/';
  if (rawUrl.length > MAX_URL_LENGTH) return sendHtml(res, 414, errorPage('URI too long', 'The request URL is too long.'));
  // DNS rebinding and cross-site requests: a web page must not be able to drive the sandbox.
  const verdict = guardLocalRequest(req, { port, kind: requestKind(rawUrl), extraHosts: [`[::1]:${port}`] });
  if (!verdict.ok) return sendHtml(res, verdict.status, errorPage(verdict.title, verdict.reason));
  let url: URL;
  try {
    url = new URL(`http://sandbox${rawUrl.startsWith('/') ? rawUrl : `/${rawUrl}`}`);
  } catch {
    return sendHtml(res, 400, errorPage('Bad request', 'The request URL could not be parsed.'));
  }
  const segments = url.pathname.split('/').slice(1);
  const method = (req.method ?? 'GET').toUpperCase();
  if (segments.length === 1 && segments[0] === '') {
    return method === 'GET' || method === 'HEAD' ? sendHtml(res, 200, indexPage(ctx)) : sendHtml(res, 405, errorPage('Method not allowed', ''));
  }
  const account = ctx.state.accounts.get(segments[0] ?? '');
  if (!account) return notFoundPage(res);
  const base = `${ctx.origin}/${account.subdomain}`;
  const rest = segments.slice(1);
  const r: AccountRequest = { req, res, url, account, base, segments: rest };
  if (rest[0] === 'api') return handleApi(ctx, r);
  const handlers = ROUTES[rest.join('/')];
  if (!handlers) return notFoundPage(res);
  const handler = handlers[method];
  if (!handler) {
    return sendHtml(res, 405, errorPage('Method not allowed', `Use ${Object.keys(handlers).join(' or ')} here.`), { Allow: Object.keys(handlers).join(', ') });
  }
  return handler(ctx, r);
}

export function createRequestListener(ctx: SandboxContext, port: () => number, onError: (error: unknown) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(ctx, port(), req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: { msg: 'Request body too large (the sandbox accepts up to 1 MB).' } }, { Connection: 'close' });
        return;
      }
      // A client that went away mid-request is not a sandbox failure worth logging.
      if (!req.destroyed && !req.readableAborted) onError(error);
      if (!res.headersSent) sendJson(res, 500, { error: { msg: 'Internal sandbox error.' } });
      else res.destroy();
    });
  };
}
