// Gorgias's access token is a JWT (aud {base}/api, azp = client id, scope). These are warnings at
// most: the resource server is the judge of its own tokens, but a mismatch explains later 401/403s.
import type { CheckResult } from '../../../common/model';
import { readAud, readAzp } from './claims';
import type { JwtParts } from './jwt-parts';

const r = (id: string, label: string, outcome: CheckResult['outcome'], detail: string): CheckResult => ({ id: `access_token.${id}`, label, outcome, detail });

export function checkAccessToken(token: JwtParts | null, expect: { baseUrl: string; clientId: string; responseScope: string[] | null }): CheckResult[] {
  if (!token) return [r('format', 'access token format', 'unchecked', 'The access token is opaque (not a JWT): nothing to decode; its expiry comes from expires_in or the 24 h default.')];
  const { claims } = token;
  const apiAudience = `${expect.baseUrl.replace(/\/+$/, '')}/api`;
  const out: CheckResult[] = [r('format', 'access token format', 'pass', `A JWT (alg ${String(token.header.alg)}${typeof token.header.kid === 'string' ? `, kid ${token.header.kid}` : ''}), decoded for display; the API verifies it.`)];
  const aud = readAud(claims, apiAudience, "the account's API");
  out.push(aud.status === 'ok'
    ? r('aud', 'access token aud', 'pass', `aud is ${apiAudience}.`)
    : r('aud', 'access token aud', 'warn', `aud is ${aud.actual ?? '(missing)'}, expected ${apiAudience}: the API may refuse it.`));
  const azp = readAzp(claims, expect.clientId);
  out.push(azp.status === 'ok'
    ? r('azp', 'access token azp', 'pass', 'azp is the client id.')
    : r('azp', 'access token azp', 'warn', `azp is ${azp.actual ?? '(missing)'}, not the client id ${expect.clientId}.`));
  if (typeof claims.scope === 'string' || Array.isArray(claims.scope)) {
    const inToken = (Array.isArray(claims.scope) ? claims.scope.map(String) : claims.scope.split(/\s+/)).filter(Boolean).sort();
    if (!expect.responseScope) {
      out.push(r('scope', 'access token scope', 'pass', `The token carries: ${inToken.join(' ')} (the answer listed no scope).`));
    } else {
      const answered = [...expect.responseScope].sort();
      const same = inToken.length === answered.length && inToken.every((scope, i) => scope === answered[i]);
      out.push(same
        ? r('scope', 'access token scope', 'pass', 'The scope claim matches the scope in the token answer.')
        : r('scope', 'access token scope', 'warn', `The scope claim (${inToken.join(' ')}) differs from the answer's scope (${answered.join(' ')}); the API goes by the token.`));
    }
  }
  return out;
}
