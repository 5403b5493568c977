// Builds id_tokens and access tokens shaped like Gorgias's, signed with jose, for the check tests.
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { KeyLookup, KeyResolver } from '../../../electron/backend/oauth/checks/key-resolver';

export const BASE = 'https://acme.gorgias.com';
export const CLIENT_ID = 'client-abc';
export const NONCE = 'nonce-value-0123456789';
export const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

export interface TestKeys {
  sign(claims: JWTPayload, options?: { kid?: string; alg?: string }): Promise<string>;
  /** As Gorgias signs its id_tokens: no kid in the header. */
  signWithoutKid(claims: JWTPayload): Promise<string>;
  jwks: JSONWebKeySet;
}

export async function makeKeys(kid = 'key-1'): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    sign: (claims, options = {}) => new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? kid }).sign(privateKey),
    signWithoutKid: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey),
  };
}

export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest();
  return digest.subarray(0, 16).toString('base64url');
}

export function idClaims(accessToken: string, patch: Record<string, unknown> = {}): JWTPayload {
  return { iss: `${BASE}/idp`, aud: [CLIENT_ID], sub: '202827-347532179', iat: NOW - 5, exp: NOW + 3600, auth_time: NOW - 10, nonce: NONCE, at_hash: atHash(accessToken), name: 'Ada', email: 'ada@example.com', ...patch };
}

export function resolverFor(lookup: KeyLookup): KeyResolver & { calls: number } {
  const resolver = {
    calls: 0,
    async lookup() {
      resolver.calls += 1;
      return lookup;
    },
  };
  return resolver;
}

export const found = (jwks: JSONWebKeySet): KeyLookup => ({ status: 'found', discoveryUrl: `${BASE}/idp/.well-known/openid-configuration`, jwksUrl: `${BASE}/idp/jwks`, issuer: `${BASE}/idp`, jwks });

export function unsigned(claims: Record<string, unknown>): string {
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
}
