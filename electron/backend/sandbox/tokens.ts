// Minting and checking the sandbox's tokens, shaped like Gorgias's (see docs/gorgias.md, "Tokens"):
// the access token is a stateless RS256 JWT with a kid; the id_token has no kid, an array aud, and
// a string or (2021) numeric sub, and `iss` with or without `/idp`, depending on the quirks.
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKey } from './keys';

export const ACCESS_TOKEN_LIFETIME_S = 86_400;

export interface AccountUrls {
  /** `${origin}/${subdomain}`: stands in for https://{subdomain}.gorgias.com */
  base: string;
  issuer: string;
  audience: string;
}

/** `iss` is `{base}/idp` today and was `{base}` in Gorgias's 2021 examples (the issuerWithoutIdp quirk). */
export const accountUrls = (base: string, issuerWithoutIdp = false): AccountUrls => ({
  base,
  issuer: issuerWithoutIdp ? base : `${base}/idp`,
  audience: `${base}/api`,
});

/** Gorgias's 2026 access-token `sub`: "{account id}-{user id}". */
export const accessSubject = (accountId: number, userId: number): string => `${accountId}-${userId}`;

export interface AccessTokenInput {
  urls: AccountUrls;
  accountId: number;
  userId: number;
  clientId: string;
  scopes: string[];
  authTime: number;
  nowSeconds: number;
}

export function mintAccessToken(key: SigningKey, input: AccessTokenInput): Promise<string> {
  return new SignJWT({
    azp: input.clientId,
    scope: input.scopes.join(' '),
    auth_time: input.authTime,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(input.urls.issuer)
    .setAudience(input.urls.audience)
    .setSubject(accessSubject(input.accountId, input.userId))
    .setJti(randomUUID())
    .setIssuedAt(input.nowSeconds)
    .setExpirationTime(input.nowSeconds + ACCESS_TOKEN_LIFETIME_S)
    .sign(key.privateKey);
}

/** OIDC Core 3.1.3.6: base64url of the left half of SHA-256 of the access token's ASCII. */
export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

export interface IdTokenInput {
  urls: AccountUrls;
  accountId: number;
  clientId: string;
  user: { id: number; name: string; email: string };
  numericSub: boolean;
  nonce: string | undefined;
  accessToken: string;
  authTime: number;
  nowSeconds: number;
}

export function mintIdToken(key: SigningKey, input: IdTokenInput): Promise<string> {
  const claims: JWTPayload = {
    iss: input.urls.issuer,
    // Gorgias sends aud as an array, and (2021) sub as an integer: jose's setters would refuse that.
    aud: [input.clientId],
    sub: (input.numericSub ? input.user.id : accessSubject(input.accountId, input.user.id)) as unknown as string,
    iat: input.nowSeconds,
    exp: input.nowSeconds + ACCESS_TOKEN_LIFETIME_S,
    auth_time: input.authTime,
    at_hash: atHash(input.accessToken),
    name: input.user.name,
    email: input.user.email,
  };
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  // No kid, as in Gorgias's 2021 example: a verifier must cope with a one-key JWKS.
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key.privateKey);
}

export interface VerifiedAccess {
  accountId: number;
  userId: number;
  clientId: string;
  scopes: string[];
}

/** Null for anything not a live access token of this account (bad signature, expired, other account). */
export async function verifyAccessToken(key: SigningKey, token: string, urls: AccountUrls, nowMs: number): Promise<VerifiedAccess | null> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['RS256'],
      // Either style's issuer: a token minted before the quirk was switched stays usable.
      issuer: [`${urls.base}/idp`, urls.base],
      audience: urls.audience,
      currentDate: new Date(nowMs),
      requiredClaims: ['exp', 'sub'],
    });
    const match = /^(\d+)-(\d+)$/.exec(String(payload.sub));
    if (!match) return null;
    return {
      accountId: Number(match[1]),
      userId: Number(match[2]),
      clientId: typeof payload.azp === 'string' ? payload.azp : '',
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
    };
  } catch {
    return null;
  }
}
