// state, nonce and the PKCE verifier: 32 random bytes each (256 bits), base64url, from the OS CSPRNG.
import { createHash, randomBytes } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(Math.max(32, bytes)).toString('base64url');
}

/** RFC 7636 S256: the challenge is base64url(SHA-256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function newPkcePair(): { verifier: string; challenge: string; method: 'S256' } {
  const verifier = randomToken(32);
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}
