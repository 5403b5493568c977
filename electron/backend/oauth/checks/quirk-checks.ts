// Known Gorgias quirks and common mistakes: reported as warnings with an explanation, never failures.
import type { CheckResult, ExpirySource } from '../../../common/model';
import { describeExpirySource } from '../expiry';

export function checkExpiresIn(expiresIn: number | null, source: ExpirySource, expiresAt: string, accessTokenExp: number | null, obtainedAtMs: number): CheckResult {
  const base = { id: 'token.expires_in', label: 'expires_in' };
  const used = `Expiry ${expiresAt}, from ${describeExpirySource(source)}.`;
  if (expiresIn === null) return { ...base, outcome: 'warn', detail: `The answer has no expires_in. ${used}` };
  if (expiresIn === 0) return { ...base, outcome: 'warn', detail: `expires_in is 0 (as in Gorgias's docs): read as "unknown", not "expired now". ${used}` };
  if (accessTokenExp !== null) {
    const fromAnswer = Math.round(obtainedAtMs / 1000) + expiresIn;
    if (Math.abs(fromAnswer - accessTokenExp) > 60) {
      return { ...base, outcome: 'warn', detail: `expires_in (${expiresIn} s) disagrees with the token's exp by ${Math.abs(fromAnswer - accessTokenExp)} s. ${used}` };
    }
  }
  return { ...base, outcome: 'pass', detail: `expires_in is ${expiresIn} s. ${used}` };
}

export function checkScopes(requested: readonly string[], granted: string[] | null, hasRefreshToken: boolean): CheckResult[] {
  const out: CheckResult[] = [];
  if (!requested.includes('offline')) {
    out.push({ id: 'scope.offline', label: 'offline scope', outcome: 'warn', detail: requested.includes('offline_access')
      ? 'Gorgias calls it "offline", not "offline_access": without it there is no refresh token, and the install dies in 24 h.'
      : 'The offline scope was not requested: no refresh token, so the install must be connected again when the access token expires (24 h).' });
  } else if (!hasRefreshToken) {
    out.push({ id: 'scope.offline', label: 'offline scope', outcome: 'warn', detail: 'offline was requested but no refresh token came back.' });
  } else {
    out.push({ id: 'scope.offline', label: 'offline scope', outcome: 'pass', detail: 'offline requested; a refresh token came back.' });
  }
  if (requested.includes('write:all')) {
    out.push({ id: 'scope.write_all', label: 'write:all', outcome: 'warn', detail: 'write:all is the deprecated legacy scope: new apps must ask for granular scopes (e.g. tickets:write), and Gorgias reviews them.' });
  }
  if (!granted) {
    out.push({ id: 'scope.granted', label: 'granted scopes', outcome: 'pass', detail: 'The answer lists no scope: the requested scopes are taken as granted.' });
  } else {
    const missing = requested.filter((scope) => !granted.includes(scope));
    const extra = granted.filter((scope) => !requested.includes(scope));
    if (missing.length === 0 && extra.length === 0) out.push({ id: 'scope.granted', label: 'granted scopes', outcome: 'pass', detail: 'Granted exactly what was requested.' });
    else out.push({ id: 'scope.granted', label: 'granted scopes', outcome: 'warn', detail: [missing.length ? `not granted: ${missing.join(' ')}` : '', extra.length ? `granted without asking: ${extra.join(' ')}` : ''].filter(Boolean).join('; ') + '.' });
  }
  return out;
}
