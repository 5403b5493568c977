// GET /{sub}/oauth/authorize and POST /{sub}/oauth/authorize/decision.
// Order matters (RFC 6749 §4.1.2.1): client and redirect_uri are checked first and failures are an
// HTML page, because redirecting to an unverified address would make the sandbox an open redirector.
// Only then do other errors travel back to the app as `?error=…` on its redirect_uri.
import { isKnownScope, parseScopeString } from '../../common/gorgias/scopes';
import { consentPage } from './consent-page';
import type { AccountRequest, SandboxContext } from './context';
import { errorPage } from './html';
import { parseForm, readBody, sendHtml, sendRedirect, withQuery } from './http-util';
import { redirectUriAllowed } from './redirect-match';
import { CODE_LIFETIME_MS, TRANSACTION_LIFETIME_MS, randomToken, type AuthorizationRequest } from './state';

const MAX_PARAM = 4096;

export function handleAuthorize(ctx: SandboxContext, r: AccountRequest): void {
  const q = r.url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const client = ctx.state.clients.get(clientId);
  if (!client) {
    sendHtml(r.res, 400, errorPage('Unknown app', `No app with client_id "${clientId.slice(0, 200)}" is registered in the sandbox.`));
    return;
  }
  if (!redirectUri || !redirectUriAllowed(client.redirectUris, redirectUri)) {
    sendHtml(
      r.res,
      400,
      errorPage('Redirect URL not registered', `The redirect_uri "${redirectUri.slice(0, 500)}" is not one of the app's registered Redirect URLs.`),
    );
    return;
  }
  const state = q.get('state') ?? undefined;
  const back = (error: string, description: string) => sendRedirect(r.res, withQuery(redirectUri, { error, error_description: description, state }));

  if (q.get('response_type') !== 'code') return back('unsupported_response_type', 'Only response_type=code is supported.');
  const rawScope = q.get('scope') ?? '';
  const scopes = parseScopeString(rawScope);
  if (scopes.length === 0) return back('invalid_scope', 'No scope was requested.');
  const unknown = scopes.filter((s) => !isKnownScope(s));
  if (unknown.length > 0) return back('invalid_scope', `Unknown scope: ${unknown.join(' ').slice(0, 300)}`);
  const nonce = q.get('nonce') ?? undefined;
  const codeChallenge = q.get('code_challenge') ?? undefined;
  const method = q.get('code_challenge_method');
  if (codeChallenge !== undefined && method !== 'S256') return back('invalid_request', 'code_challenge_method must be S256.');
  if (codeChallenge !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) return back('invalid_request', 'code_challenge is not a base64url SHA-256.');
  if ((state?.length ?? 0) > MAX_PARAM || (nonce?.length ?? 0) > MAX_PARAM) return back('invalid_request', 'state or nonce is too long.');

  const now = ctx.clock.now();
  ctx.state.sweep(now);
  const firstUser = r.account.data.users[0];
  if (ctx.autoApprove && firstUser) {
    const request = { subdomain: r.account.subdomain, clientId, redirectUri, scopes, state, nonce, codeChallenge };
    sendRedirect(r.res, withQuery(redirectUri, { code: issueCode(ctx, request, firstUser.id, now), state }));
    return;
  }
  const id = randomToken(24);
  ctx.state.transactions.set(id, {
    id,
    subdomain: r.account.subdomain,
    clientId,
    redirectUri,
    scopes,
    state,
    nonce,
    codeChallenge,
    expiresAt: now + TRANSACTION_LIFETIME_MS,
  });
  sendHtml(
    r.res,
    200,
    consentPage({
      accountName: r.account.name,
      subdomain: r.account.subdomain,
      clientId,
      redirectUri,
      scopes,
      users: r.account.data.users,
      transactionId: id,
      action: `${r.base}/oauth/authorize/decision`,
      quirks: ctx.quirks,
    }),
  );
}

export async function handleDecision(ctx: SandboxContext, r: AccountRequest): Promise<void> {
  const form = parseForm(await readBody(r.req));
  const now = ctx.clock.now();
  ctx.state.sweep(now);
  const id = form.get('transaction_id') ?? '';
  const tx = ctx.state.transactions.get(id);
  if (!tx || tx.subdomain !== r.account.subdomain) {
    sendHtml(r.res, 400, errorPage('Consent expired', 'This authorization request is unknown, already answered or expired. Start the connection again from the app.'));
    return;
  }
  ctx.state.transactions.delete(id);
  const decision = form.get('decision');
  if (decision !== 'approve') {
    sendRedirect(r.res, withQuery(tx.redirectUri, { error: 'access_denied', error_description: 'The user denied the authorization request.', state: tx.state }));
    return;
  }
  const userId = Number(form.get('user_id') ?? r.account.data.users[0]?.id);
  if (!r.account.data.users.some((u) => u.id === userId)) {
    sendHtml(r.res, 400, errorPage('Unknown user', 'Pick one of the listed users.'));
    return;
  }
  sendRedirect(r.res, withQuery(tx.redirectUri, { code: issueCode(ctx, tx, userId, now), state: tx.state }));
}

function issueCode(ctx: SandboxContext, request: AuthorizationRequest, userId: number, now: number): string {
  const code = randomToken(32);
  ctx.state.codes.set(code, {
    subdomain: request.subdomain,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    state: request.state,
    nonce: request.nonce,
    codeChallenge: request.codeChallenge,
    userId,
    authTime: Math.floor(now / 1000),
    expiresAt: now + CODE_LIFETIME_MS,
    used: false,
  });
  return code;
}
