// Refresh, single flight per install: any number of callers at once share one token request.
// Gorgias does not rotate refresh tokens, so the old one is kept when none comes back; a new one,
// when it does come, replaces it. invalid_grant on refresh means revoked or disconnected.
import { WorkbenchError } from '../../common/errors';
import type { OAuthEngine } from '../oauth/engine';
import { decodeJwt } from '../oauth/checks/jwt-parts';
import { computeExpiry } from '../oauth/expiry';
import type { StoredInstall } from '../vault/vault-types';

export interface Refresher {
  refresh(installId: string): Promise<StoredInstall>;
  /** A usable access token valid for at least `minValidityMs`, refreshing first when needed. */
  getFreshAccessToken(installId: string, options?: { minValidityMs?: number }): Promise<string>;
}

export function findInstall(engine: OAuthEngine, installId: string): StoredInstall {
  const install = engine.deps.vault.data().installs.find((i) => i.id === installId);
  if (!install) throw new WorkbenchError('NOT_FOUND', 'That install no longer exists.', { installId });
  return install;
}

export function createRefresher(engine: OAuthEngine, onChanged: (installId: string) => void): Refresher {
  const { deps } = engine;
  const inFlight = new Map<string, Promise<StoredInstall>>();

  /**
   * Single flight across processes too (the app, `serve`, CLI processes share the vault): the
   * install is read now, then again once the vault's exclusive section for it is ours; if another
   * process refreshed it meanwhile, its result is used and no token request is sent.
   */
  async function doRefresh(installId: string): Promise<StoredInstall> {
    const seen = findInstall(engine, installId);
    const seenToken = seen.accessToken;
    const seenRefreshedAt = seen.refreshedAt;
    return deps.vault.exclusive(`refresh-${installId}`, async () => {
      const current = findInstall(engine, installId);
      if (current.accessToken !== seenToken || current.refreshedAt !== seenRefreshedAt) return structuredClone(current);
      return refreshNow(installId, current);
    });
  }

  async function refreshNow(installId: string, install: StoredInstall): Promise<StoredInstall> {
    if (!install.refreshToken) {
      throw new WorkbenchError('NO_REFRESH_TOKEN', 'This install has no refresh token (the offline scope was not granted): connect again to get a new access token.', { installId });
    }
    const app = deps.vault.data().apps.find((a) => a.id === install.appId);
    if (!app) throw new WorkbenchError('NOT_FOUND', 'The app of this install no longer exists.', { installId });
    const { baseUrl } = await deps.resolveAccount(install.accountId);
    const usedRefreshToken = install.refreshToken;
    try {
      const tokens = await engine.tokens.refresh({
        baseUrl,
        credentials: { clientId: app.clientId, clientSecret: app.clientSecret, method: app.clientAuth },
        refreshToken: usedRefreshToken,
        context: { appId: install.appId, accountId: install.accountId, installId },
      });
      const now = deps.clock.now();
      const accessJwt = decodeJwt(tokens.accessToken);
      const exp = typeof accessJwt?.claims.exp === 'number' ? accessJwt.claims.exp : null;
      const expiry = computeExpiry({ accessTokenExp: exp, expiresIn: tokens.expiresIn, obtainedAtMs: now });
      const updated = await deps.vault.update((draft) => {
        const target = draft.installs.find((i) => i.id === installId);
        if (!target) throw new WorkbenchError('NOT_FOUND', 'The install was forgotten during the refresh.', { installId });
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
        // A server that accepts the refresh token after a revoke has not revoked it: say so by state.
        target.revokedAt = null;
        target.checks = target.checks.filter((c) => c.id !== 'install.revoked');
        return structuredClone(target);
      });
      onChanged(installId);
      return updated;
    } catch (error) {
      if (error instanceof WorkbenchError) {
        const at = new Date(deps.clock.now()).toISOString();
        await deps.vault.update((draft) => {
          const target = draft.installs.find((i) => i.id === installId);
          if (!target) return;
          target.lastError = { code: error.code, message: error.message, at };
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
      const install = findInstall(engine, installId);
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
