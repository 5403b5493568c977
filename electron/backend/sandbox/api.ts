// /{sub}/api/*: rate limit first (every answer carries Gorgias's headers), then the Bearer token
// (signature, expiry by the injected clock, this account's audience), then the user behind it, then
// the endpoint from the shared catalogue: 404 when unknown, 405 when only the method is wrong, the
// scope (403), the approving user's role (403), the query parameters (400), and the handler.
import { findEndpoint, methodsForPath, requiredScopeFor } from '../../common/gorgias/endpoints';
import { scopeCovers } from '../../common/gorgias/scopes';
import type { ApiBody, PathParams } from './api-answers';
import { checkQuery } from './api-query';
import { handlerFor } from './api-resources';
import type { AccountRequest, SandboxContext } from './context';
import { NO_USER_MSG, UNAUTHORIZED_MSG, sendGorgiasError } from './errors';
import { BodyTooLargeError, readBody, sendEmpty, sendJson } from './http-util';
import { MAX_LARGE_MB, largeChunks, streamChunks } from './large-response';
import { roleRefusal } from './roles';
import { accountUrls, verifyAccessToken } from './tokens';

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]{1,8192})$/;

function pathParams(template: string, path: string): PathParams {
  const names = template.split('/');
  const values = path.split('/');
  const params: PathParams = {};
  names.forEach((name, i) => {
    if (name.startsWith('{')) params[name.slice(1, -1)] = values[i] ?? '';
  });
  return params;
}

/** Reads the body; `onBytes` sees the exact bytes first (SandboxOptions.onApiBody). */
async function readApiBody(r: AccountRequest, onBytes?: (raw: Buffer) => void): Promise<ApiBody | { error: string }> {
  const raw = await readBody(r.req);
  onBytes?.(raw);
  if (raw.length === 0) return { kind: 'none' };
  const type = (r.req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return { kind: 'raw', contentType: type, bytes: raw.length };
  if (!type.startsWith('application/json')) return { error: 'Send a JSON body (Content-Type: application/json).' };
  try {
    return { kind: 'json', value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { error: 'The body is not valid JSON.' };
  }
}

export async function handleApi(ctx: SandboxContext, r: AccountRequest): Promise<void> {
  const decision = ctx.limiter.take(r.account.subdomain, ctx.clock.now());
  const headers = ctx.limiter.headers(decision);
  const fail = (status: number, msg: string, data?: Record<string, unknown>, extra: Record<string, string> = {}) =>
    sendGorgiasError(r.res, status, msg, data, { ...headers, ...extra });
  if (!decision.allowed) return fail(429, 'Too many requests: the account is over its API rate limit. Wait for Retry-after seconds.');

  const match = BEARER.exec(r.req.headers.authorization ?? '');
  if (!match) return fail(401, UNAUTHORIZED_MSG);
  const access = await verifyAccessToken(ctx.key, match[1] ?? '', accountUrls(r.base), ctx.clock.now());
  if (!access || access.accountId !== r.account.data.accountId) return fail(401, UNAUTHORIZED_MSG);
  const user = r.account.data.users.find((u) => u.id === access.userId);
  if (!user) return fail(401, NO_USER_MSG);

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

  const entry = findEndpoint(method, path);
  const handler = entry ? handlerFor(entry) : null;
  if (!entry || !handler) {
    const allowed = methodsForPath(path);
    if (allowed.length > 0) return fail(405, `Method ${method.slice(0, 10)} is not allowed here.`, undefined, { Allow: allowed.join(', ') });
    return fail(404, 'Not found.');
  }

  // Gorgias's 403 body is {"error":{"msg":…}}; the sandbox adds no data of its own.
  const required = requiredScopeFor(method, path);
  if (required && !scopeCovers(access.scopes, required)) return fail(403, `The access token lacks the scope ${required} needed for ${method} ${path}.`);
  const refusal = roleRefusal(String(user.role.name), required, method, path);
  if (refusal) return fail(403, refusal);

  const query = checkQuery(entry, r.url.searchParams);
  if (!query.ok) return fail(400, query.msg, query.data);

  let body: ApiBody = { kind: 'none' };
  if (method !== 'GET') {
    try {
      const read = await readApiBody(r, (raw) => ctx.onApiBody?.({ method, path, contentType: r.req.headers['content-type'] ?? null, body: raw }));
      if ('error' in read) return fail(400, read.error);
      body = read;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(413, 'Request body too large.');
      throw error;
    }
  }

  const answer = handler(r, pathParams(entry.path, path), { userId: user.id, role: String(user.role.name), scopes: access.scopes, now: ctx.clock.now() }, body);
  if ('error' in answer) return fail(answer.status, answer.error, answer.data);
  if (answer.body === undefined) return sendEmpty(r.res, answer.status, headers);
  sendJson(r.res, answer.status, answer.body, headers);
}
