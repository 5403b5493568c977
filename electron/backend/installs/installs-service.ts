// The contract's installs.* methods. Tokens leave main only masked, except through installs.reveal
// (the user asked to see one); installs.copy writes to the clipboard from main.
import { WorkbenchError } from '../../common/errors';
import type { TokenKind } from '../../common/model';
import type { OAuthDeps } from '../oauth/deps';
import { oauthEngine } from '../oauth/engine';
import type { ServiceSlice } from '../service';
import type { StoredInstall } from '../vault/vault-types';
import { toInstallDetail, toInstallSummary } from './install-view';
import { createRefresher, findInstall } from './refresher';

type InstallMethods = 'installs.list' | 'installs.get' | 'installs.reveal' | 'installs.copy' | 'installs.refresh' | 'installs.revoke' | 'installs.forget';

export interface InstallsService extends ServiceSlice<InstallMethods> {
  /** For API calls: an access token valid for at least `minValidityMs` (default 60 s), refreshed when needed. */
  getFreshAccessToken(installId: string, options?: { minValidityMs?: number }): Promise<string>;
}

const TOKEN_NAMES: Record<TokenKind, string> = { access: 'access token', refresh: 'refresh token', id: 'id_token' };

function tokenOf(install: StoredInstall, kind: TokenKind): string {
  const token = kind === 'access' ? install.accessToken : kind === 'refresh' ? install.refreshToken : install.idToken;
  if (!token) throw new WorkbenchError('NOT_FOUND', `This install has no ${TOKEN_NAMES[kind]}.`, { installId: install.id, token: kind });
  return token;
}

export function createInstallsService(deps: OAuthDeps): InstallsService {
  const engine = oauthEngine(deps);
  const changed = (installId: string | null): void => deps.events.emit('installs.changed', { installId });
  const refresher = createRefresher(engine, changed);
  const now = (): number => deps.clock.now();

  return {
    'installs.list': async () => deps.vault.data().installs.map((i) => toInstallSummary(i, now())),
    'installs.get': async ({ id }) => toInstallDetail(findInstall(engine, id), now()),
    'installs.reveal': async ({ id, token }) => ({ token: tokenOf(findInstall(engine, id), token) }),
    'installs.copy': async ({ id, token }) => {
      deps.clipboard.writeText(tokenOf(findInstall(engine, id), token));
      deps.events.emit('notice', { level: 'info', message: `The ${TOKEN_NAMES[token]} is on the clipboard.` });
      return null;
    },
    'installs.refresh': async ({ id }) => {
      const updated = await refresher.refresh(id);
      deps.events.emit('notice', { level: 'success', message: 'Access token refreshed.' });
      return toInstallDetail(updated, now());
    },
    'installs.revoke': async ({ id }) => {
      const install = findInstall(engine, id);
      const app = deps.vault.data().apps.find((a) => a.id === install.appId);
      if (!app) throw new WorkbenchError('NOT_FOUND', 'The app of this install no longer exists.', { installId: id });
      const { baseUrl } = await deps.resolveAccount(install.accountId);
      // Gorgias revokes with the refresh token (which kills the grant); without one, the access token.
      const token = install.refreshToken ?? install.accessToken;
      await engine.tokens.revoke({
        baseUrl,
        credentials: { clientId: app.clientId, clientSecret: app.clientSecret, method: app.clientAuth },
        token,
        hint: install.refreshToken ? 'refresh_token' : 'access_token',
        context: { appId: install.appId, accountId: install.accountId, installId: id },
      });
      const at = new Date(now()).toISOString();
      // Said once, in the install's check row (it stays); no notice repeats it as a toast and the
      // install view's status line only confirms the action.
      const until = install.expiresAt ?? 'its expiry';
      const detail = `Revoked in the workbench at ${at}: the refresh token no longer works, but the current access token is a stateless JWT and stays valid until ${until} (its exp); nothing can cut it short.`;
      const updated = await deps.vault.update((draft) => {
        const target = draft.installs.find((i) => i.id === id);
        if (!target) throw new WorkbenchError('NOT_FOUND', 'The install was forgotten during the revoke.', { installId: id });
        target.revokedAt = at;
        target.checks = [...target.checks.filter((c) => c.id !== 'install.revoked'), { id: 'install.revoked', label: 'revoked', outcome: 'warn', detail }];
        return structuredClone(target);
      });
      changed(id);
      return toInstallDetail(updated, now());
    },
    'installs.forget': async ({ id }) => {
      findInstall(engine, id);
      await deps.vault.update((draft) => {
        draft.installs = draft.installs.filter((i) => i.id !== id);
      });
      changed(null);
      return null;
    },
    getFreshAccessToken: (installId, options) => refresher.getFreshAccessToken(installId, options),
  };
}
