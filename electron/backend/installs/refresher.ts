// Refresh, single flight per install: any number of callers at once share one token request.
// Gorgias does not rotate refresh tokens, so the old one is kept when none comes back; a new one,
// when it does come, replaces it. invalid_grant on refresh means revoked or disconnected.
import { scrubText } from '../activity/redact';
import { WorkbenchError } from '../../common/errors';
import type { CheckResult } from '../../common/model';
import type { ActivityContext } from '../activity/recorder';
import type { ClientCredentials } from '../oauth/client-auth';
import type { OAuthDeps } from '../oauth/deps';
import type { OAuthCore } from '../oauth/oauth-core';
import { decodeJwt } from '../oauth/checks/jwt-parts';
import { computeExpiry } from '../oauth/expiry';
import type { StoredInstall } from '../vault/vault-types';

/** The check id of the finding "the server still accepted a revoked refresh token". */
export const REVOKE_IGNORED = 'install.revoke-ignored';

function revokeIgnoredCheck(revokedAt: string, at: string): CheckResult {
  return {
    id: REVOKE_IGNORED,
    label: 'revoke honoured',
    outcome: 'fail',
    detail: `The server accepted this install's refresh token at ${at}, after it was revoked at ${revokedAt}: the revoke did not take effect, and whoever holds the refresh token can still get access tokens.`,
  };
}

/** The installs' token operations, for the installs service and the tools (API console, runs, diagnostics). */
export interface Refresher {
  /** A real refresh (grant_type=refresh_token), without the UI notice that installs.refresh raises. */
  refresh(installId: string): Promise<StoredInstall>;
  /** The access token to use now: valid for at least `minValidityMs` (default 60 s), refreshed first when needed. */
  getFreshAccessToken(installId: string, options?: { minValidityMs?: number }): Promise<string>;
}

export function findInstall(deps: Pick<OAuthDeps, 'vault'>, installId: string): StoredInstall {
  const install = deps.vault.data().installs.find((i) => i.id === installId);
  if (!install) throw new WorkbenchError('NOT_FOUND', 'That install no longer exists. It may have been forgotten.', { installId });
  return install;
}

/** Where and as whom an install talks to its token endpoint: the account's base URL and the app's credentials. */
export async function tokenEndpointOf(deps: Pick<OAuthDeps, 'vault' | 'resolveAccount'>, install: StoredInstall): Promise<{ baseUrl: string; credentials: ClientCredentials; context: ActivityContext }> {
  const app = deps.vault.data().apps.find((a) => a.id === install.appId);
  if (!app) throw new WorkbenchError('NOT_FOUND', 'The app of this install no longer exists.', { installId: install.id });
  const { baseUrl } = await deps.resolveAccount(install.accountId);
  return {
    baseUrl,
    credentials: { clientId: app.clientId, clientSecret: app.clientSecret, method: app.clientAuth },
    context: { appId: install.appId, accountId: install.accountId, installId: install.id },
  };
}

export function createRefresher(deps: OAuthDeps, core: Pick<OAuthCore, 'tokens'>): Refresher {
  const onChanged = (installId: string): void => deps.events.emit('installs.changed', { installId });
  const inFlight = new Map<string, Promise<StoredInstall>>();

  /**
   * Single flight across processes too (the app, `serve`, CLI processes share the vault): the
   * install is read now, then again once the vault's exclusive section for it is ours; if another
   * process refreshed it meanwhile, its result is used and no token request is sent.
   */
  async function doRefresh(installId: string): Promise<StoredInstall> {
    const seen = findInstall(deps, installId);
    const seenToken = seen.accessToken;
    const seenRefreshedAt = seen.refreshedAt;
    return deps.vault.exclusive(`refresh-${installId}`, async () => {
      const current = findInstall(deps, installId);
      if (current.accessToken !== seenToken || current.refreshedAt !== seenRefreshedAt) return structuredClone(current);
      return refreshNow(installId, current);
    });
  }

  async function refreshNow(installId: string, install: StoredInstall): Promise<StoredInstall> {
    if (!install.refreshToken) {
      throw new WorkbenchError('NO_REFRESH_TOKEN', 'This install has no refresh token (the offline scope was not granted): connect again to get a new access token.', { installId });
    }
    const endpoint = await tokenEndpointOf(deps, install);
    const usedRefreshToken = install.refreshToken;
    try {
      const tokens = await core.tokens.refresh({ ...endpoint, refreshToken: usedRefreshToken });
      const now = deps.clock.now();
      const accessJwt = decodeJwt(tokens.accessToken);
      const exp = typeof accessJwt?.claims.exp === 'number' ? accessJwt.claims.exp : null;
      const expiry = computeExpiry({ accessTokenExp: exp, expiresIn: tokens.expiresIn, obtainedAtMs: now });
      const updated = await deps.vault.updateInstall(installId, (target) => {
        target.accessToken = tokens.accessToken;
        if (tokens.refreshToken) target.refreshToken = tokens.refreshToken;
        if (tokens.idToken) target.idToken = tokens.idToken;
        target.tokenType = tokens.tokenType;
        if (tokens.scope) target.grantedScopes = tokens.scope;
        target.refreshedAt = new Date(now).toISOString();
        target.expiresAt = expiry.expiresAt;
        target.expirySource = expiry.source;
        target.expiresInAnswered = tokens.expiresIn;
        target.failing = false;
        target.lastError = null;
        // A server that accepts the refresh token after a revoke has not revoked it. That is a finding
        // about the server, so the revoke is kept and the finding recorded, not erased.
        if (target.revokedAt) target.checks = [...target.checks.filter((c) => c.id !== REVOKE_IGNORED), revokeIgnoredCheck(target.revokedAt, target.refreshedAt)];
        return structuredClone(target);
      }, 'The install was forgotten during the refresh.');
      onChanged(installId);
      return updated;
    } catch (error) {
      if (error instanceof WorkbenchError) {
        const at = new Date(deps.clock.now()).toISOString();
        await deps.vault.updateInstall(installId, (target) => {
          // Belt and braces: the token client scrubbed the call's secrets; every token held is scrubbed too.
          const held = [usedRefreshToken, target.accessToken, target.idToken ?? '', endpoint.credentials.clientSecret];
          target.lastError = { code: error.code, message: scrubText(error.message, held), at };
          if (error.code === 'TOKEN_REVOKED') {
            target.revokedAt ??= at;
            target.failing = true;
          } else if (error.code === 'OAUTH_INVALID_CLIENT') {
            target.failing = true;
          }
        }).catch(() => undefined);
        onChanged(installId);
      }
      throw error;
    }
  }

  const refresher: Refresher = {
    refresh(installId) {
      const running = inFlight.get(installId);
      if (running) return running;
      const promise = doRefresh(installId).finally(() => inFlight.delete(installId));
      inFlight.set(installId, promise);
      return promise;
    },
    async getFreshAccessToken(installId, options = {}) {
      const minValidityMs = options.minValidityMs ?? 60_000;
      const install = findInstall(deps, installId);
      const expiresAtMs = install.expiresAt ? Date.parse(install.expiresAt) : Number.POSITIVE_INFINITY;
      if (expiresAtMs - deps.clock.now() >= minValidityMs) return install.accessToken;
      if (!install.refreshToken) {
        if (expiresAtMs > deps.clock.now()) return install.accessToken;
        throw new WorkbenchError('NO_REFRESH_TOKEN', 'The access token has expired and there is no refresh token (the offline scope was not granted): connect again.', { installId });
      }
      return (await refresher.refresh(installId)).accessToken;
    },
  };
  return refresher;
}
