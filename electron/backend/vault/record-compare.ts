// How a commit finds what changed without serialising anything: the live data against a snapshot
// of what was last written. An untouched install shares its strings with its snapshot (cloneInstall),
// so comparing it costs pointer checks; the scalar pass finds the usual change (a refreshed token),
// the nested pass (scopes, checks, last error, user) runs while the first pass's files are flushed.
import type { StoredInstall } from './vault-types';

/**
 * The live copy of an install: its own arrays and objects (a mutator may change them in place) but
 * the same string instances as the snapshot, so comparing an untouched install is pointer checks,
 * not a byte compare of its tokens.
 */
export function cloneInstall(install: StoredInstall): StoredInstall {
  return {
    ...install,
    requestedScopes: [...install.requestedScopes],
    grantedScopes: [...install.grantedScopes],
    lastError: install.lastError && { ...install.lastError },
    checks: install.checks.map((check) => ({ ...check })),
    user: install.user && { ...install.user },
  };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The scalar fields, without allocating: runs for every install on every update, so it must cost
 * pointer checks for an untouched install (its strings are the snapshot's, see cloneInstall). A
 * token refresh or a new sign-in changes one of these, so this pass finds the usual change.
 * The fields are the schema's (store-schema.ts): a field added there must be added here or below.
 */
export function sameScalars(a: StoredInstall, b: StoredInstall): boolean {
  // Written out (not a loop over names) so each access is a plain property load.
  return (
    a.accessToken === b.accessToken &&
    a.refreshedAt === b.refreshedAt &&
    a.expiresAt === b.expiresAt &&
    a.refreshToken === b.refreshToken &&
    a.idToken === b.idToken &&
    a.failing === b.failing &&
    a.revokedAt === b.revokedAt &&
    a.id === b.id &&
    a.appId === b.appId &&
    a.accountId === b.accountId &&
    a.tokenType === b.tokenType &&
    a.obtainedAt === b.obtainedAt &&
    a.expirySource === b.expirySource &&
    a.expiresInAnswered === b.expiresInAnswered &&
    a.requestedScopes.length === b.requestedScopes.length &&
    a.grantedScopes.length === b.grantedScopes.length &&
    a.checks.length === b.checks.length
  );
}

/**
 * The nested values (a mutator may change them in place: the live copy has its own, see
 * cloneInstall), for installs whose scalars match. Most of the compare's memory reads are here, so
 * the commit runs it while the files the first pass found are being flushed to disk.
 */
export function sameNested(a: StoredInstall, b: StoredInstall): boolean {
  if (!sameStrings(a.requestedScopes, b.requestedScopes) || !sameStrings(a.grantedScopes, b.grantedScopes)) return false;
  for (let index = 0; index < a.checks.length; index += 1) {
    const x = a.checks[index]!;
    const y = b.checks[index]!;
    if (x.id !== y.id || x.label !== y.label || x.outcome !== y.outcome || x.detail !== y.detail) return false;
  }
  const ea = a.lastError;
  const eb = b.lastError;
  if (ea !== eb && (!ea || !eb || ea.code !== eb.code || ea.message !== eb.message || ea.at !== eb.at)) return false;
  const ua = a.user;
  const ub = b.user;
  return ua === ub || (!!ua && !!ub && ua.sub === ub.sub && ua.name === ub.name && ua.email === ub.email && ua.role === ub.role);
}

/** Deep equality of JSON values (what the store holds). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!same(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const key of ka) if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}
