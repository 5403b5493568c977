// Splits and decodes a compact JWT without trusting it. Used for display and for the claim checks;
// signatures are verified separately (signature-check.ts) with jose.
import type { DecodedJwt } from '../../../common/model';

export interface JwtParts extends DecodedJwt {
  raw: string;
}

function decodeSegment(segment: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length === 0) return null;
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** null when the text is not a three-part JWS with JSON object header and payload. */
export function decodeJwt(token: string): JwtParts | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const header = decodeSegment(parts[0] ?? '');
  const claims = decodeSegment(parts[1] ?? '');
  if (!header || !claims) return null;
  return { raw: token, header, claims };
}

/** For the renderer: header and claims, never the signature or the raw token. */
export function toDecodedView(parts: JwtParts | null): DecodedJwt | null {
  return parts ? { header: parts.header, claims: parts.claims } : null;
}
