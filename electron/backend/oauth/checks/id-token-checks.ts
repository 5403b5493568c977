// The id_token's claims, one check each, so a failure names the claim (OpenID Connect Core §3.1.3.7,
// with Gorgias's shapes: `aud` is an array, `iss` is {base} or {base}/idp, `sub` may be a number).
import type { CheckResult } from '../../../common/model';
import { expectedAtHash } from './at-hash';
import type { JwtParts } from './jwt-parts';

export interface ClaimExpectations {
  baseUrl: string;
  clientId: string;
  nonce: string;
  accessToken: string;
  nowSeconds: number;
  skewSeconds: number;
}

const result = (id: string, label: string, outcome: CheckResult['outcome'], detail: string): CheckResult => ({ id: `id_token.${id}`, label, outcome, detail });
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
const trimSlash = (value: string): string => value.replace(/\/+$/, '');

export function checkIss(claims: Record<string, unknown>, baseUrl: string): CheckResult {
  const base = trimSlash(baseUrl);
  const iss = claims.iss;
  if (typeof iss !== 'string') return result('iss', 'iss (issuer)', 'fail', 'The id_token has no iss claim.');
  if (trimSlash(iss) === `${base}/idp`) return result('iss', 'iss (issuer)', 'pass', `iss is ${iss}: the account's /idp issuer, as Gorgias issues since 2026.`);
  if (trimSlash(iss) === base) return result('iss', 'iss (issuer)', 'pass', `iss is ${iss}: the account's own host, as in Gorgias's 2021 examples.`);
  return result('iss', 'iss (issuer)', 'fail', `iss is ${iss}, expected ${base}/idp or ${base}: the token comes from another issuer.`);
}

export function checkAud(claims: Record<string, unknown>, clientId: string): CheckResult {
  const aud = claims.aud;
  const list = Array.isArray(aud) ? aud : typeof aud === 'string' ? [aud] : null;
  if (!list) return result('aud', 'aud (audience)', 'fail', 'The id_token has no aud claim.');
  if (list.includes(clientId)) {
    return result('aud', 'aud (audience)', 'pass', `aud ${Array.isArray(aud) ? `is an array (${list.length} entr${list.length === 1 ? 'y' : 'ies'})` : 'is a string'} containing the client id.`);
  }
  return result('aud', 'aud (audience)', 'fail', `aud (${list.map(String).join(', ')}) does not contain the client id ${clientId}: the token was issued to another app.`);
}

export function checkAzp(claims: Record<string, unknown>, clientId: string): CheckResult {
  const azp = claims.azp;
  const audCount = Array.isArray(claims.aud) ? claims.aud.length : 1;
  if (azp === undefined) {
    if (audCount > 1) return result('azp', 'azp (authorized party)', 'warn', 'Several audiences and no azp: OpenID Connect expects azp then.');
    return result('azp', 'azp (authorized party)', 'pass', 'No azp, and a single audience: none needed.');
  }
  if (azp === clientId) return result('azp', 'azp (authorized party)', 'pass', 'azp is the client id.');
  return result('azp', 'azp (authorized party)', 'fail', `azp is ${String(azp)}, not the client id ${clientId}.`);
}

export function checkExp(claims: Record<string, unknown>, now: number, skew: number): CheckResult {
  const exp = claims.exp;
  if (typeof exp !== 'number') return result('exp', 'exp (expiry)', 'fail', 'The id_token has no numeric exp claim.');
  if (exp + skew <= now) return result('exp', 'exp (expiry)', 'fail', `The id_token expired at ${iso(exp)} (allowing ${skew} s of clock skew).`);
  return result('exp', 'exp (expiry)', 'pass', `Valid until ${iso(exp)} (clock-skew allowance ${skew} s).`);
}

export function checkIat(claims: Record<string, unknown>, now: number, skew: number): CheckResult {
  const iat = claims.iat;
  if (typeof iat !== 'number') return result('iat', 'iat (issued at)', 'fail', 'The id_token has no numeric iat claim.');
  if (iat - skew > now) return result('iat', 'iat (issued at)', 'fail', `The id_token claims to be issued in the future (${iso(iat)}), beyond the ${skew} s clock-skew allowance: check this computer's clock.`);
  return result('iat', 'iat (issued at)', 'pass', `Issued at ${iso(iat)}.`);
}

export function checkNonce(claims: Record<string, unknown>, nonce: string): CheckResult {
  const value = claims.nonce;
  if (value === undefined) return result('nonce', 'nonce', 'fail', 'The id_token has no nonce, though one was sent: it cannot be tied to this flow.');
  if (value === nonce) return result('nonce', 'nonce', 'pass', 'The nonce is the one this flow sent.');
  return result('nonce', 'nonce', 'fail', 'The nonce differs from the one this flow sent: the id_token belongs to another request (or was replayed).');
}

export function checkAtHash(header: Record<string, unknown>, claims: Record<string, unknown>, accessToken: string): CheckResult {
  const atHash = claims.at_hash;
  if (atHash === undefined) return result('at_hash', 'at_hash (access token hash)', 'unchecked', 'No at_hash in the id_token (optional in the code flow): the access token is not bound to it.');
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const expected = expectedAtHash(accessToken, alg);
  if (!expected) return result('at_hash', 'at_hash (access token hash)', 'unchecked', `Cannot compute at_hash for alg ${alg}.`);
  if (atHash === expected) return result('at_hash', 'at_hash (access token hash)', 'pass', 'at_hash matches the access token.');
  return result('at_hash', 'at_hash (access token hash)', 'fail', 'at_hash does not match the access token that came with it: the two were not issued together.');
}

export function checkSub(claims: Record<string, unknown>): CheckResult {
  const sub = claims.sub;
  if (typeof sub === 'string' && sub.length > 0) return result('sub', 'sub (user)', 'pass', `sub is the string "${sub}".`);
  if (typeof sub === 'number') {
    return result('sub', 'sub (user)', 'warn', `sub is the number ${sub}, not a string as OpenID Connect requires. Gorgias did this in 2021; strict libraries (oauth4webapi, openid-client) refuse such tokens, so compare it as a string.`);
  }
  return result('sub', 'sub (user)', 'fail', 'The id_token has no usable sub claim.');
}

export function checkIdTokenClaims(token: JwtParts, expect: ClaimExpectations): CheckResult[] {
  const { claims, header } = token;
  return [
    checkIss(claims, expect.baseUrl),
    checkAud(claims, expect.clientId),
    checkAzp(claims, expect.clientId),
    checkExp(claims, expect.nowSeconds, expect.skewSeconds),
    checkIat(claims, expect.nowSeconds, expect.skewSeconds),
    checkNonce(claims, expect.nonce),
    checkAtHash(header, claims, expect.accessToken),
    checkSub(claims),
  ];
}
