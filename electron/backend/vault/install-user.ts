// Who approved an install, read from its id_token's claims (sub, name, email, role). Used when an
// install is stored and by the v2 -> v3 migration. The token is not verified here: it was checked
// when it was received; this only reads what it says.
import type { InstallUser } from '../../common/model';

function claimsOf(idToken: string | null): Record<string, unknown> | null {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The approving user from an id_token's claims; null when there is no readable token or no sub. */
export function userFromIdToken(idToken: string | null): InstallUser | null {
  const claims = claimsOf(idToken);
  if (!claims) return null;
  // Gorgias sent a numeric sub in 2021 and a string one today: stored as a string either way.
  const sub = typeof claims.sub === 'number' ? String(claims.sub) : text(claims.sub);
  if (sub === null) return null;
  return { sub, name: text(claims.name), email: text(claims.email), role: text(claims.role) };
}
