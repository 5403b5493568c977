// Stored install → what the renderer may see: status computed, tokens masked, JWTs decoded
// (header and claims are not secrets; the signature and the raw token stay in main).
import type { InstallDetail, InstallStatus, InstallSummary } from '../../common/model';
import { decodeJwt, toDecodedView } from '../oauth/checks/jwt-parts';
import type { StoredInstall } from '../vault/vault-types';
import { maskToken } from './masked-token';

export function installStatus(install: StoredInstall, nowMs: number): InstallStatus {
  if (install.revokedAt) return 'revoked';
  if (install.failing) return 'failing';
  if (install.expiresAt && Date.parse(install.expiresAt) <= nowMs) return 'expired';
  return 'active';
}

/** Same set of scopes, whatever the order or repeats. */
export function scopesDiffer(requested: readonly string[], granted: readonly string[]): boolean {
  const want = new Set(requested);
  const got = new Set(granted);
  if (want.size !== got.size) return true;
  for (const scope of want) if (!got.has(scope)) return true;
  return false;
}

// The summary goes out for every install at once (`installs.list`, 1,000 of them is a normal
// vault), so it carries only what lists and the grid show: no scope arrays (a flag instead) and
// nothing that only the install's own screen shows (that comes with installs.get).
export function toInstallSummary(install: StoredInstall, nowMs: number): InstallSummary {
  return {
    id: install.id,
    appId: install.appId,
    accountId: install.accountId,
    user: install.user ? { ...install.user } : null,
    status: installStatus(install, nowMs),
    obtainedAt: install.obtainedAt,
    expiresAt: install.expiresAt,
    scopesDiffer: scopesDiffer(install.requestedScopes, install.grantedScopes),
  };
}

export function toInstallDetail(install: StoredInstall, nowMs: number): InstallDetail {
  return {
    ...toInstallSummary(install, nowMs),
    expirySource: install.expirySource,
    hasRefreshToken: install.refreshToken !== null,
    revokedAt: install.revokedAt,
    lastError: install.lastError ? { ...install.lastError } : null,
    requestedScopes: [...install.requestedScopes],
    grantedScopes: [...install.grantedScopes],
    tokens: { access: maskToken(install.accessToken), refresh: maskToken(install.refreshToken), id: maskToken(install.idToken) },
    accessTokenJwt: toDecodedView(decodeJwt(install.accessToken)),
    idTokenJwt: install.idToken ? toDecodedView(decodeJwt(install.idToken)) : null,
    checks: install.checks.map((c) => ({ ...c })),
    expiresInAnswered: install.expiresInAnswered,
    refreshedAt: install.refreshedAt,
  };
}
