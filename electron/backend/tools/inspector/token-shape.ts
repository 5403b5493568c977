// What kind of string was pasted: a JWT (decoded without trusting it), an encrypted JWT, an opaque
// token, or something that is not a token at all, with a message that says which and why.
import { decodeJwt, type JwtParts } from '../../oauth/checks/jwt-parts';

type TokenShape =
  | { kind: 'empty'; summary: string }
  | { kind: 'jwt'; jwt: JwtParts; summary: string }
  | { kind: 'opaque'; summary: string }
  | { kind: 'invalid'; summary: string };

const OPAQUE = /^[A-Za-z0-9._~+/=-]+$/;

/** Strips what people paste around a token: whitespace, quotes, a `Bearer ` prefix. */
function cleanPastedToken(text: string): string {
  let token = text.trim();
  if (/^bearer\s+/i.test(token)) token = token.replace(/^bearer\s+/i, '');
  if (/^["'].*["']$/.test(token)) token = token.slice(1, -1).trim();
  return token;
}

export function tokenShape(text: string): TokenShape {
  const token = cleanPastedToken(text);
  if (token.length === 0) return { kind: 'empty', summary: 'Nothing to inspect: paste an access token, a refresh token or an id_token.' };
  const parts = token.split('.');
  if (parts.length === 3) {
    const jwt = decodeJwt(token);
    if (jwt) return { kind: 'jwt', jwt, summary: 'A JSON Web Token (JWT): decoded below. Decoding is not verifying: see the signature.' };
    return { kind: 'invalid', summary: 'It has the three dot-separated parts of a JWT, but its header or payload is not base64url-encoded JSON: it was cut or altered while copying.' };
  }
  if (parts.length === 5) return { kind: 'opaque', summary: 'An encrypted JWT (JWE, five parts): only the holder of its key can read it.' };
  if (/\s/.test(token)) return { kind: 'invalid', summary: 'This is not a token: tokens have no spaces or line breaks. Paste only the token itself.' };
  if (!OPAQUE.test(token)) return { kind: 'invalid', summary: 'This is not a token: it has characters tokens never contain.' };
  if (token.length < 16) return { kind: 'invalid', summary: `This is too short to be a token (${token.length} characters).` };
  return {
    kind: 'opaque',
    summary: `An opaque token (${token.length} characters, not a JWT): nothing to decode; only the server that issued it knows what it means. Gorgias's refresh tokens look like this.`,
  };
}
