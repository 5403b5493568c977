// The one JWS verifier: the flow's id_token, the inspector's pasted tokens and the diagnostics'
// access token all go through it. Key selection follows OpenID Connect Core §10.1: the header's
// `kid` picks the key when present; when it is absent (Gorgias's id_tokens carry none), or several
// keys match, every key whose kty/crv/alg/use fit the token's alg is tried and the first that
// verifies is named. jose's own key-set lookup refuses that case ("multiple matching keys"), so the
// selection is done here and jose only verifies against one key at a time.
import { calculateJwkThumbprint, compactVerify, errors as joseErrors, importJWK, type JWK } from 'jose';
import type { CheckOutcome } from '../../../common/model';
import type { ActivityContext } from '../../activity/recorder';
import type { JwtParts } from './jwt-parts';
import type { KeyResolver } from './key-resolver';

export interface SignatureVerdict {
  outcome: CheckOutcome;
  detail: string;
}

interface VerifyInput {
  token: JwtParts;
  baseUrl: string;
  keys: KeyResolver;
  context: Partial<ActivityContext>;
  /** Verifies HS* tokens (the flow's id_token may be signed with the client secret); absent: HS* is unchecked. */
  clientSecret?: string;
}

const CURVES: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

function keyTypeFor(alg: string): string | null {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return 'RSA';
  if (alg in CURVES) return 'EC';
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'OKP';
  return null;
}

/** A key that may verify a token of this alg: right type (and curve), no other alg, no other use. */
function fits(jwk: JWK, alg: string): boolean {
  if (jwk.kty !== keyTypeFor(alg)) return false;
  if (jwk.kty === 'EC' && jwk.crv !== CURVES[alg]) return false;
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  if (jwk.use !== undefined && jwk.use !== 'sig') return false;
  return !Array.isArray(jwk.key_ops) || jwk.key_ops.includes('verify');
}

type KeyTry = 'verified' | 'mismatch' | 'malformed';

/**
 * Imported keys, per key object of a cached key set (key-resolver.ts hands out the same objects until
 * it fetches again): importing an RSA key costs about as much as verifying with it.
 */
const imported = new WeakMap<JWK, Map<string, Promise<Awaited<ReturnType<typeof importJWK>>>>>();

function importOnce(jwk: JWK, alg: string): ReturnType<typeof importJWK> {
  let byAlg = imported.get(jwk);
  if (!byAlg) imported.set(jwk, (byAlg = new Map()));
  let key = byAlg.get(alg);
  if (!key) {
    key = importJWK(jwk, alg);
    // A key that does not import is not kept: the next token tries (and reports) it again.
    key.catch(() => byAlg.delete(alg));
    byAlg.set(alg, key);
  }
  return key;
}

async function verifiesWith(raw: string, jwk: JWK, alg: string): Promise<KeyTry> {
  try {
    await compactVerify(raw, await importOnce(jwk, alg), { algorithms: [alg] });
    return 'verified';
  } catch (error) {
    // A signature part that is not even well-formed (usually a copy cut short) is not a mismatch.
    return error instanceof joseErrors.JWSInvalid ? 'malformed' : 'mismatch';
  }
}

async function nameOf(jwk: JWK): Promise<string> {
  return typeof jwk.kid === 'string' ? `"${jwk.kid}"` : `with thumbprint ${await calculateJwkThumbprint(jwk)}`;
}

async function verifyWithSecret(raw: string, alg: string, secret: string | undefined): Promise<SignatureVerdict> {
  if (secret === undefined) return { outcome: 'unchecked', detail: `${alg} is signed with a shared secret, not published keys: not verified here.` };
  try {
    await compactVerify(raw, new TextEncoder().encode(secret), { algorithms: [alg] });
    return { outcome: 'pass', detail: `${alg} signature verified with the client secret.` };
  } catch {
    return { outcome: 'fail', detail: `The ${alg} signature does not verify with the client secret.` };
  }
}

export async function verifyJws(input: VerifyInput): Promise<SignatureVerdict> {
  const { token } = input;
  const alg = token.header.alg;
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
    return { outcome: 'fail', detail: `The token is not signed (alg: ${String(alg)}): anyone could have written it.` };
  }
  if (/^HS(256|384|512)$/.test(alg)) return verifyWithSecret(token.raw, alg, input.clientSecret);
  if (!keyTypeFor(alg)) return { outcome: 'fail', detail: `The signing algorithm ${alg} is not one a provider's published keys can verify.` };
  const kid = typeof token.header.kid === 'string' ? token.header.kid : null;

  let lookup = await input.keys.lookup(input.baseUrl, input.context);
  if (lookup.status === 'none') return { outcome: 'unchecked', detail: `Not verified: ${lookup.reason}.` };
  const candidatesOf = (keys: readonly JWK[]) => keys.filter((jwk) => fits(jwk, alg) && (kid === null || jwk.kid === kid));
  let candidates = candidatesOf(lookup.jwks.keys);
  if (candidates.length === 0 && kid !== null) {
    // A kid we do not have may be a key rotation since the set was cached: fetch it again (the
    // resolver allows that once per cooldown).
    lookup = await input.keys.lookup(input.baseUrl, input.context, { refresh: true });
    if (lookup.status === 'none') return { outcome: 'unchecked', detail: `Not verified: ${lookup.reason}.` };
    candidates = candidatesOf(lookup.jwks.keys);
  }
  const where = lookup.jwksUrl;
  if (candidates.length === 0) {
    return { outcome: 'fail', detail: `No key ${kid !== null ? `with kid "${kid}" ` : ''}for ${alg} in ${where}: the token was not signed by this account's keys.` };
  }
  let malformed = 0;
  for (const [index, jwk] of candidates.entries()) {
    const outcome = await verifiesWith(token.raw, jwk, alg);
    if (outcome === 'malformed') malformed += 1;
    if (outcome !== 'verified') continue;
    const name = await nameOf(jwk);
    if (candidates.length === 1) return { outcome: 'pass', detail: `${alg} signature verified with key ${name} from ${where}.` };
    const why = kid === null ? 'the token names no key (no kid)' : `${candidates.length} keys share the kid "${kid}"`;
    return { outcome: 'pass', detail: `${alg} signature verified with key ${name} from ${where}: ${why}, so the ${candidates.length} keys that fit ${alg} were tried and key ${index + 1} verified it.` };
  }
  if (malformed === candidates.length) {
    return { outcome: 'fail', detail: 'The signature part is not valid: the token looks cut short or altered. Copy it again in full (all three parts, nothing trimmed).' };
  }
  const tried = candidates.length === 1 ? 'the key' : `any of the ${candidates.length} keys that fit ${alg}`;
  return { outcome: 'fail', detail: `The ${alg} signature does not match ${tried} at ${where}: the token was altered or signed by someone else.` };
}
