// OpenID Connect Core §3.1.3.6: at_hash = base64url(left half of HASH(access_token)), with HASH the
// one matching the id_token's alg (SHA-256 for RS256/ES256/PS256/HS256, …).
import { createHash } from 'node:crypto';

function hashFor(alg: string): 'sha256' | 'sha384' | 'sha512' | null {
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'sha512';
  const bits = /^(?:RS|PS|ES|HS)(256|384|512)$/.exec(alg)?.[1];
  return bits ? (`sha${bits}` as 'sha256' | 'sha384' | 'sha512') : null;
}

export function expectedAtHash(accessToken: string, alg: string): string | null {
  const hash = hashFor(alg);
  if (!hash) return null;
  const digest = createHash(hash).update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
