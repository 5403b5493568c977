// Checks a JWT's signature against an account's published keys (discovery, then JWKS), reusing the
// OAuth engine's key resolver and its cache. "unchecked" when the account publishes no keys.
import { compactVerify, createLocalJWKSet, errors as joseErrors } from 'jose';
import type { CheckOutcome } from '../../../common/model';
import type { ActivityContext } from '../../activity/recorder';
import type { KeyResolver } from '../../oauth/checks/key-resolver';
import type { JwtParts } from '../../oauth/checks/jwt-parts';

export interface SignatureReading {
  outcome: CheckOutcome;
  detail: string;
}

/** In words, never a library's error name (a truncated copy is the usual cause). */
function unreadableSignature(error: unknown): string {
  if (error instanceof joseErrors.JWSInvalid) return 'The signature part is not valid: the token looks cut short or altered. Copy it again in full (all three parts, nothing trimmed).';
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) return 'The token\'s signing algorithm does not match the account\'s keys, so it could not be verified.';
  return 'The signature could not be verified: the token is not in a form the account\'s keys can check. Copy it again in full.';
}

export async function verifyWithAccountKeys(jwt: JwtParts, baseUrl: string, keys: KeyResolver, context: Partial<ActivityContext>): Promise<SignatureReading> {
  const alg = jwt.header.alg;
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') return { outcome: 'fail', detail: `The token is not signed (alg ${String(alg)}): anyone could have written it.` };
  if (alg.startsWith('HS')) return { outcome: 'unchecked', detail: `${alg} is signed with a shared secret, not published keys: not verified here.` };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const lookup = await keys.lookup(baseUrl, context, attempt === 1 ? { refresh: true } : undefined);
    if (lookup.status === 'none') return { outcome: 'unchecked', detail: `Not verified: ${lookup.reason}.` };
    try {
      await compactVerify(jwt.raw, createLocalJWKSet(lookup.jwks), { algorithms: [alg] });
      const kid = typeof jwt.header.kid === 'string' ? ` "${jwt.header.kid}"` : '';
      return { outcome: 'pass', detail: `${alg} signature verified with key${kid} from ${lookup.jwksUrl}.` };
    } catch (error) {
      // A kid we do not know may be a key rotation since the set was cached: fetch again, once.
      if (error instanceof joseErrors.JWKSNoMatchingKey && attempt === 0) continue;
      if (error instanceof joseErrors.JWKSNoMatchingKey) return { outcome: 'fail', detail: `No key in ${lookup.jwksUrl} matches this token: it was not signed by this account.` };
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { outcome: 'fail', detail: `The signature does not match the keys at ${lookup.jwksUrl}: the token was altered or signed by someone else.` };
      return { outcome: 'fail', detail: unreadableSignature(error) };
    }
  }
  return { outcome: 'fail', detail: 'The signature could not be verified.' };
}
