// GET /{sub}/idp/.well-known/openid-configuration and /{sub}/idp/jwks. Gorgias documents neither;
// its issuer (`https://{sub}.gorgias.com/idp`) makes this location the plausible one (docs/gorgias.md, "OAuth endpoints").
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { SCOPES } from '../../common/gorgias/scopes';
import type { AccountRequest, SandboxContext } from './context';
import { errorPage } from './html';
import { sendHtml, sendJson } from './http-util';
import { accountUrls } from './tokens';

function unavailable(r: AccountRequest): void {
  sendJson(r.res, 503, { error: { msg: 'Service unavailable (sandbox fault "jwks-down").' } }, { 'Retry-After': '30' });
}

/**
 * Served at `{base}/idp/.well-known/…` always, and at `{base}/.well-known/…` when the issuer is
 * `{base}` (the 2021 style), so the issuer's own discovery URL exists in either style.
 */
export function handleDiscovery(ctx: SandboxContext, r: AccountRequest): void {
  if (r.segments[0] === '.well-known' && !ctx.quirks.issuerWithoutIdp) {
    return sendHtml(r.res, 404, errorPage('Page not found', 'Discovery lives under /idp/ (the issuer is {base}/idp).'));
  }
  if (ctx.fault === 'jwks-down') return unavailable(r);
  const urls = accountUrls(r.base, ctx.quirks.issuerWithoutIdp);
  sendJson(r.res, 200, {
    issuer: urls.issuer,
    authorization_endpoint: `${r.base}/oauth/authorize`,
    token_endpoint: `${r.base}/oauth/token`,
    revocation_endpoint: `${r.base}/oauth/revoke`,
    jwks_uri: `${r.base}/idp/jwks`,
    scopes_supported: SCOPES.map((s) => s.scope),
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', 'name', 'email'],
  });
}

// The second key of the `jwks-two-keys` fault: made on first use (RSA key generation is not free).
let secondKey: Promise<JWK> | null = null;

async function rotationKey(): Promise<JWK> {
  secondKey ??= generateKeyPair('RS256', { extractable: true }).then(async ({ publicKey }) => ({ ...(await exportJWK(publicKey)), use: 'sig', alg: 'RS256' }));
  return secondKey;
}

export async function handleJwks(ctx: SandboxContext, r: AccountRequest): Promise<void> {
  if (ctx.fault === 'jwks-down') return unavailable(r);
  // The unused key first, so a verifier that tries the fitting keys must go past it.
  const keys = ctx.fault === 'jwks-two-keys' ? [await rotationKey(), ctx.key.publicJwk] : [ctx.key.publicJwk];
  sendJson(r.res, 200, { keys });
}
