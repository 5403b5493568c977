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

export function toInstallSummary(install: StoredInstall, nowMs: number): InstallSummary {
  return {
    id: install.id,
    appId: install.appId,
    accountId: install.accountId,
    status: installStatus(install, nowMs),
    obtainedAt: install.obtainedAt,
    expiresAt: install.expiresAt,
    expirySource: install.expirySource,
    requestedScopes: [...install.requestedScopes],
    grantedScopes: [...install.grantedScopes],
    hasRefreshToken: install.refreshToken !== null,
    revokedAt: install.revokedAt,
    lastError: install.lastError ? { ...install.lastError } : null,
  };
}

export function toInstallDetail(install: StoredInstall, nowMs: number): InstallDetail {
  return {
    ...toInstallSummary(install, nowMs),
    tokens: { access: maskToken(install.accessToken), refresh: maskToken(install.refreshToken), id: maskToken(install.idToken) },
    accessTokenJwt: toDecodedView(decodeJwt(install.accessToken)),
    idTokenJwt: install.idToken ? toDecodedView(decodeJwt(install.idToken)) : null,
    checks: install.checks.map((c) => ({ ...c })),
    expiresInAnswered: install.expiresInAnswered,
    refreshedAt: install.refreshedAt,
  };
}
