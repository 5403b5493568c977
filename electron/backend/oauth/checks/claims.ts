// The one reading of a JWT's claims (iss, aud, azp, sub, exp, iat, nonce, at_hash), shared by the
// flow's id_token checks, the access-token checks, the diagnostics and the token inspector. Each
// reading says what was expected and what the token holds; each caller maps the status to its own
// severity (a wrong aud fails an id_token but only warns on an access token, whose judge is the API).
// Gorgias's shapes: `aud` is an array, `iss` is {base} or {base}/idp, `sub` may be a number.
import { expectedAtHash } from './at-hash';

export type ClaimName = 'iss' | 'aud' | 'azp' | 'sub' | 'exp' | 'iat' | 'nonce' | 'at_hash';

/**
 * ok: as expected. mismatch: present but not as expected. missing: absent. note: acceptable but worth
 * saying (a numeric sub, several audiences without azp, an at_hash that cannot be computed).
 */
type ClaimStatus = 'ok' | 'mismatch' | 'missing' | 'note';

export interface ClaimReading {
  claim: ClaimName;
  status: ClaimStatus;
  /** What the check wanted, for "expected … got …" (null when nothing in particular). */
  expected: string | null;
  /** What the token holds, as text (null when absent). */
  actual: string | null;
  detail: string;
}

type Claims = Record<string, unknown>;

const read = (claim: ClaimName, status: ClaimStatus, expected: string | null, actual: string | null, detail: string): ClaimReading => ({ claim, status, expected, actual, detail });
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
const trimSlash = (value: string): string => value.replace(/\/+$/, '');
const text = (value: unknown): string | null => (value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

/** `aud` as a list, whatever its shape (a string, an array, absent). */
export function audiences(claims: Claims): string[] {
  const aud = claims.aud;
  return Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [];
}

/** The account's two issuer shapes: {base}/idp (Gorgias 2026) and {base} (Gorgias's 2021 examples). */
export function readIss(claims: Claims, baseUrl: string): ClaimReading {
  const base = trimSlash(baseUrl);
  const expected = `${base}/idp or ${base}`;
  const iss = claims.iss;
  if (typeof iss !== 'string') return read('iss', 'missing', expected, text(iss), 'There is no iss claim.');
  if (trimSlash(iss) === `${base}/idp`) return read('iss', 'ok', expected, iss, `iss is ${iss}: the account's /idp issuer, as Gorgias issues since 2026.`);
  if (trimSlash(iss) === base) return read('iss', 'ok', expected, iss, `iss is ${iss}: the account's own host, as in Gorgias's 2021 examples.`);
  return read('iss', 'mismatch', expected, iss, `iss is ${iss}, expected ${expected}: the token comes from another issuer.`);
}

/** `aud` must contain `wanted` (the client id for an id_token, {base}/api for an access token). */
export function readAud(claims: Claims, wanted: string, whose: string): ClaimReading {
  const list = audiences(claims);
  if (claims.aud === undefined || list.length === 0) return read('aud', 'missing', wanted, text(claims.aud), 'There is no aud claim.');
  const shape = Array.isArray(claims.aud) ? `an array (${list.length} entr${list.length === 1 ? 'y' : 'ies'})` : 'a string';
  if (list.includes(wanted)) return read('aud', 'ok', wanted, list.join(', '), `aud is ${shape} containing ${whose}.`);
  return read('aud', 'mismatch', wanted, list.join(', '), `aud (${list.join(', ')}) does not contain ${whose} ${wanted}.`);
}

/** `azp`, when present, must be the client id; several audiences without it are worth a note. */
export function readAzp(claims: Claims, clientId: string): ClaimReading {
  const azp = claims.azp;
  if (azp === undefined) {
    if (audiences(claims).length > 1) return read('azp', 'note', clientId, null, 'Several audiences and no azp: OpenID Connect expects azp then.');
    return read('azp', 'missing', clientId, null, 'No azp.');
  }
  if (azp === clientId) return read('azp', 'ok', clientId, clientId, 'azp is the client id.');
  return read('azp', 'mismatch', clientId, text(azp), `azp is ${text(azp)}, not the client id ${clientId}.`);
}

const NUMERIC_SUB_NOTE =
  "OpenID Connect requires a string; Gorgias's 2021 id_tokens carry a number, and strict libraries (oauth4webapi, openid-client) refuse such tokens, so compare it as a string.";

export function readSub(claims: Claims): ClaimReading {
  const sub = claims.sub;
  if (typeof sub === 'string' && sub.length > 0) return read('sub', 'ok', 'a string', sub, `sub is the string "${sub}".`);
  if (typeof sub === 'number') return read('sub', 'note', 'a string', String(sub), `sub is the number ${sub}. ${NUMERIC_SUB_NOTE}`);
  return read('sub', 'missing', 'a string', text(sub), 'There is no usable sub claim.');
}

export function readExp(claims: Claims, nowSeconds: number, skewSeconds: number): ClaimReading {
  const exp = claims.exp;
  const expected = `after ${iso(nowSeconds)}`;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return read('exp', 'missing', expected, text(exp), 'There is no numeric exp claim.');
  if (exp + skewSeconds <= nowSeconds) return read('exp', 'mismatch', expected, iso(exp), `Expired at ${iso(exp)} (allowing ${skewSeconds} s of clock skew).`);
  return read('exp', 'ok', expected, iso(exp), `Valid until ${iso(exp)} (clock-skew allowance ${skewSeconds} s).`);
}

export function readIat(claims: Claims, nowSeconds: number, skewSeconds: number): ClaimReading {
  const iat = claims.iat;
  const expected = `before ${iso(nowSeconds)}`;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return read('iat', 'missing', expected, text(iat), 'There is no numeric iat claim.');
  if (iat - skewSeconds > nowSeconds) {
    return read('iat', 'mismatch', expected, iso(iat), `Issued in the future (${iso(iat)}), beyond the ${skewSeconds} s clock-skew allowance: check this computer's clock.`);
  }
  return read('iat', 'ok', expected, iso(iat), `Issued at ${iso(iat)}.`);
}

/** Nonces are single-use random values: shown shortened (both ends), enough to tell two apart. */
const shortNonce = (value: string): string => (value.length > 16 ? `${value.slice(0, 6)}…${value.slice(-4)}` : value);

export function readNonce(claims: Claims, nonce: string): ClaimReading {
  const value = claims.nonce;
  const expected = shortNonce(nonce);
  if (value === undefined) return read('nonce', 'missing', expected, null, 'There is no nonce, though one was sent: the token cannot be tied to this flow.');
  if (value === nonce) return read('nonce', 'ok', expected, expected, 'The nonce is the one this flow sent.');
  const actual = typeof value === 'string' ? shortNonce(value) : text(value);
  return read('nonce', 'mismatch', expected, actual, 'The nonce differs from the one this flow sent: the token belongs to another request (or was replayed).');
}

/** OpenID Connect Core §3.1.3.6: the left half of the hash of the access token, per the token's alg. */
export function readAtHash(header: Claims, claims: Claims, accessToken: string): ClaimReading {
  const atHash = claims.at_hash;
  if (atHash === undefined) return read('at_hash', 'missing', null, null, 'No at_hash (optional in the code flow): the access token is not bound to it.');
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const expected = expectedAtHash(accessToken, alg);
  if (!expected) return read('at_hash', 'note', null, text(atHash), `Cannot compute at_hash for alg ${alg}.`);
  if (atHash === expected) return read('at_hash', 'ok', expected, expected, 'at_hash matches the access token.');
  return read('at_hash', 'mismatch', expected, text(atHash), 'at_hash does not match the access token that came with it: the two were not issued together.');
}
