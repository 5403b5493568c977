// POST /{sub}/oauth/token and POST /{sub}/oauth/revoke, with Gorgias's habits: expires_in from the
// quirk (86400 today, 0 in Gorgias's 2021 examples), a refresh token only with `offline`, an id_token only with
// `openid`, and on refresh neither a new refresh token nor an id_token (unless rotation is switched on).
import { createHash } from 'node:crypto';
import type { AccountRequest, SandboxContext } from './context';
import { authenticateClient } from './client-auth';
import { sendOAuthError } from './errors';
import { errorPage } from './html';
import { parseForm, readBody, sendHtml, sendJson } from './http-util';
import { randomToken, type RefreshGrant } from './state';
import { accountUrls, mintAccessToken, mintIdToken } from './tokens';
import type { SandboxClient } from './types';

type Form = Map<string, string>;

async function readTokenForm(r: AccountRequest): Promise<Form | null> {
  const type = (r.req.headers['content-type'] ?? '').toLowerCase();
  const body = await readBody(r.req);
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    sendOAuthError(r.res, 400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded.');
    return null;
  }
  return parseForm(body);
}

function authenticate(ctx: SandboxContext, r: AccountRequest, form: Form): SandboxClient | null {
  const auth = authenticateClient(r.req, form, ctx.state.clients);
  if (auth.ok) return auth.client;
  const headers: Record<string, string> = auth.status === 401 && auth.basic ? { 'WWW-Authenticate': 'Basic realm="sandbox"' } : {};
  sendOAuthError(r.res, auth.status, auth.error, auth.description, headers);
  return null;
}

async function issueTokens(ctx: SandboxContext, r: AccountRequest, grant: RefreshGrant, withRefresh: boolean, withIdToken: boolean): Promise<Record<string, unknown>> {
  const urls = accountUrls(r.base, ctx.quirks.issuerWithoutIdp);
  const nowSeconds = Math.floor(ctx.clock.now() / 1000);
  const accountId = r.account.data.accountId;
  const accessToken = await mintAccessToken(ctx.key, {
    urls,
    accountId,
    userId: grant.userId,
    clientId: grant.clientId,
    scopes: grant.scopes,
    authTime: grant.authTime,
    nowSeconds,
  });
  const answer: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: ctx.quirks.expiresIn };
  if (withRefresh && grant.scopes.includes('offline')) {
    const refreshToken = randomToken(32);
    await ctx.state.grants.put(refreshToken, grant);
    answer.refresh_token = refreshToken;
  }
  const user = r.account.data.users.find((u) => u.id === grant.userId);
  if (withIdToken && grant.scopes.includes('openid') && user) {
    answer.id_token = await mintIdToken(ctx.key, {
      urls,
      accountId,
      clientId: grant.clientId,
      user,
      numericSub: ctx.quirks.numericSub,
      nonce: ctx.fault === 'id-token-wrong-nonce' && grant.nonce !== undefined ? `${grant.nonce}-not-yours` : grant.nonce,
      accessToken,
      authTime: grant.authTime,
      nowSeconds,
    });
  }
  answer.scope = grant.scopes.join(' ');
  return answer;
}

async function authorizationCodeGrant(ctx: SandboxContext, r: AccountRequest, client: SandboxClient, form: Form): Promise<void> {
  const code = form.get('code') ?? '';
  const record = ctx.state.codes.get(code);
  const now = ctx.clock.now();
  if (!code) return sendOAuthError(r.res, 400, 'invalid_request', 'The code parameter is missing.');
  if (!record || record.subdomain !== r.account.subdomain || record.clientId !== client.clientId) {
    return sendOAuthError(r.res, 400, 'invalid_grant', 'The authorization code is unknown or was issued to another client or account.');
  }
  if (record.used) return sendOAuthError(r.res, 400, 'invalid_grant', 'The authorization code was already used.');
  record.used = true;
  if (record.expiresAt <= now) return sendOAuthError(r.res, 400, 'invalid_grant', 'The authorization code expired (codes live 60 seconds).');
  if ((form.get('redirect_uri') ?? '') !== record.redirectUri) {
    return sendOAuthError(r.res, 400, 'invalid_grant', 'redirect_uri differs from the one sent to /oauth/authorize.');
  }
  if (record.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier') ?? '';
    const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || computed !== record.codeChallenge) {
      return sendOAuthError(r.res, 400, 'invalid_grant', 'PKCE check failed: code_verifier does not match code_challenge.');
    }
  }
  if (!r.account.data.users.some((u) => u.id === record.userId)) {
    return sendOAuthError(r.res, 400, 'invalid_grant', 'The user who authorised the app no longer exists.');
  }
  const grant: RefreshGrant = {
    subdomain: record.subdomain,
    clientId: record.clientId,
    userId: record.userId,
    scopes: record.scopes,
    authTime: record.authTime,
    nonce: record.nonce,
  };
  sendJson(r.res, 200, await issueTokens(ctx, r, grant, true, true));
}

async function refreshTokenGrant(ctx: SandboxContext, r: AccountRequest, client: SandboxClient, form: Form): Promise<void> {
  const token = form.get('refresh_token') ?? '';
  if (!token) return sendOAuthError(r.res, 400, 'invalid_request', 'The refresh_token parameter is missing.');
  const unknown = () => sendOAuthError(r.res, 400, 'invalid_grant', 'The refresh token is unknown, revoked, or belongs to another client or account.');
  const grant = await ctx.state.grants.get(token);
  if (!grant || grant.subdomain !== r.account.subdomain || grant.clientId !== client.clientId) return unknown();
  if (!r.account.data.users.some((u) => u.id === grant.userId)) {
    return sendOAuthError(r.res, 400, 'invalid_grant', 'The user who authorised the app no longer exists.');
  }
  const rotate = ctx.quirks.rotateRefreshTokens;
  // A rotated token is used up before the new one is issued: with a shared grant folder, exactly one
  // of two processes redeeming it at once gets it; the other sees it as unknown.
  if (rotate && !(await ctx.state.grants.take(token))) return unknown();
  sendJson(r.res, 200, await issueTokens(ctx, r, { ...grant, nonce: undefined }, rotate, rotate));
}

export async function handleToken(ctx: SandboxContext, r: AccountRequest): Promise<void> {
  switch (ctx.fault) {
    case 'token-html':
      await readBody(r.req).catch(() => undefined);
      return sendHtml(r.res, 502, errorPage('502 Bad Gateway', 'The server is temporarily unable to service your request (sandbox fault "token-html").'));
    case 'token-500-json':
      await readBody(r.req).catch(() => undefined);
      return sendJson(r.res, 500, { error: { msg: 'Internal server error (sandbox fault "token-500-json").' } });
    case 'slow-token':
      // Never answer: the socket is destroyed when the sandbox closes.
      return;
    default:
      break;
  }
  const form = await readTokenForm(r);
  if (!form) return;
  const client = authenticate(ctx, r, form);
  if (!client) return;
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') return authorizationCodeGrant(ctx, r, client, form);
  if (grantType === 'refresh_token') return refreshTokenGrant(ctx, r, client, form);
  if (!grantType) return sendOAuthError(r.res, 400, 'invalid_request', 'The grant_type parameter is missing.');
  return sendOAuthError(r.res, 400, 'unsupported_grant_type', `grant_type "${grantType.slice(0, 100)}" is not supported.`);
}

/** RFC 7009: unknown tokens answer 200 too. Only refresh tokens can be revoked (access tokens are stateless). */
export async function handleRevoke(ctx: SandboxContext, r: AccountRequest): Promise<void> {
  const form = await readTokenForm(r);
  if (!form) return;
  const client = authenticate(ctx, r, form);
  if (!client) return;
  const token = form.get('token');
  if (!token) return sendOAuthError(r.res, 400, 'invalid_request', 'The token parameter is missing.');
  const grant = await ctx.state.grants.get(token);
  const revoke = ctx.fault !== 'revoke-ignored';
  if (revoke && grant && grant.clientId === client.clientId && grant.subdomain === r.account.subdomain) await ctx.state.grants.take(token);
  sendJson(r.res, 200, {});
}
