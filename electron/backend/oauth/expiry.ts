// When does the access token expire? Gorgias answers `expires_in: 0` in its docs and 86400 in a real
// 2026 answer, so the token's own `exp` (it is a JWT) wins; then a positive expires_in; then the
// documented 24 h lifetime. The install records which source was used.
import type { ExpirySource } from '../../common/model';

export const ASSUMED_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function computeExpiry(input: { accessTokenExp: number | null; expiresIn: number | null; obtainedAtMs: number }): {
  expiresAt: string;
  source: ExpirySource;
} {
  if (input.accessTokenExp !== null && Number.isFinite(input.accessTokenExp) && input.accessTokenExp > 0) {
    return { expiresAt: new Date(input.accessTokenExp * 1000).toISOString(), source: 'jwt-exp' };
  }
  if (input.expiresIn !== null && input.expiresIn > 0) {
    return { expiresAt: new Date(input.obtainedAtMs + input.expiresIn * 1000).toISOString(), source: 'expires-in' };
  }
  return { expiresAt: new Date(input.obtainedAtMs + ASSUMED_LIFETIME_MS).toISOString(), source: 'assumed-24h' };
}

export function describeExpirySource(source: ExpirySource): string {
  if (source === 'jwt-exp') return "the access token's own exp claim";
  if (source === 'expires-in') return 'expires_in from the token answer';
  return 'the documented 24 h lifetime (no exp claim and no usable expires_in)';
}
