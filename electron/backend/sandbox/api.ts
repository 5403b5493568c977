// /{sub}/api/*: rate limit first (every answer carries Gorgias's headers), then the Bearer token
// (signature, expiry by the injected clock, this account's audience), then the user behind it, then
// the route and its scope from the shared catalogue.
import { requiredScopeFor } from '../../common/gorgias/endpoints';
import { scopeCovers } from '../../common/gorgias/scopes';
import { API_ROUTES } from './api-resources';
import type { AccountRequest, SandboxContext } from './context';
import { NO_USER_MSG, UNAUTHORIZED_MSG, sendGorgiasError } from './errors';
import { BodyTooLargeError, readBody, sendJson } from './http-util';
import { MAX_LARGE_MB, largeChunks, streamChunks } from './large-response';
import { accountUrls, verifyAccessToken } from './tokens';

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]{1,8192})$/;

export async function handleApi(ctx: SandboxContext, r: AccountRequest): Promise<void> {
  const decision = ctx.limiter.take(r.account.subdomain, ctx.clock.now());
  const headers = ctx.limiter.headers(decision);
  const fail = (status: number, msg: string, data?: Record<string, unknown>) => sendGorgiasError(r.res, status, msg, data, headers);
  if (!decision.allowed) return fail(429, 'Too many requests: the account is over its API rate limit. Wait for Retry-after seconds.');

  const match = BEARER.exec(r.req.headers.authorization ?? '');
  if (!match) return fail(401, UNAUTHORIZED_MSG);
  const access = await verifyAccessToken(ctx.key, match[1] ?? '', accountUrls(r.base), ctx.clock.now());
  if (!access || access.accountId !== r.account.data.accountId) return fail(401, UNAUTHORIZED_MSG);
  if (!r.account.data.users.some((u) => u.id === access.userId)) return fail(401, NO_USER_MSG);

  // Trailing slashes are forgiven, as most REST servers do.
  const path = `/${r.segments.join('/')}`.replace(/(.)\/+$/, '$1');
  const method = (r.req.method ?? 'GET').toUpperCase();

  if (path === '/api/sandbox/large' && method === 'GET') {
    const raw = r.url.searchParams.get('size_mb') ?? '1';
    const size = Number(raw);
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(raw) || size <= 0 || size > MAX_LARGE_MB) {
      return fail(400, 'Invalid size_mb.', { size_mb: [`A number above 0 and at most ${MAX_LARGE_MB}.`] });
    }
    return streamChunks(r.res, largeChunks(ctx.largeCache, size), headers);
  }

  let found: { route: (typeof API_ROUTES)[number]; m: RegExpExecArray } | undefined;
  for (const route of API_ROUTES) {
    const m = route.pattern.exec(path);
    if (m && route.method === method) {
      found = { route, m };
      break;
    }
  }
  if (!found) {
    const otherMethod = API_ROUTES.some((route) => route.pattern.test(path));
    return otherMethod ? fail(405, `Method ${method.slice(0, 10)} is not allowed here (the sandbox emulates only some endpoints).`) : fail(404, 'Not found.');
  }

  const required = requiredScopeFor(method, path);
  if (required && !scopeCovers(access.scopes, required)) {
    return fail(403, `The access token lacks the scope ${required} needed for ${method} ${path}.`, {
      required_scope: required,
      granted_scopes: access.scopes,
    });
  }

  let body: unknown;
  if (found.route.json) {
    const type = (r.req.headers['content-type'] ?? '').toLowerCase();
    let raw: Buffer;
    try {
      raw = await readBody(r.req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(413, 'Request body too large.');
      throw error;
    }
    ctx.onApiBody?.({ method, path, contentType: r.req.headers['content-type'] ?? null, body: raw });
    if (!type.startsWith('application/json')) return fail(400, 'Send a JSON body (Content-Type: application/json).');
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return fail(400, 'The body is not valid JSON.');
    }
  }

  const answer = found.route.handle(r, found.m, { userId: access.userId, scopes: access.scopes, now: ctx.clock.now() }, body);
  if ('error' in answer) return fail(answer.status, answer.error, answer.data);
  sendJson(r.res, answer.status, answer.body, headers);
}
