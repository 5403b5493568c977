// The contract's installs.* methods. Tokens leave main only masked, except through installs.reveal
// (the user asked to see one); installs.copy writes to the clipboard from main.
import { WorkbenchError } from '../../common/errors';
import type { TokenKind } from '../../common/model';
import type { OAuthDeps } from '../oauth/deps';
import type { OAuthCore } from '../oauth/oauth-core';
import type { DomainService } from '../service';
import { copiedMessage } from '../system/secret-clipboard';
import type { StoredInstall } from '../vault/vault-types';
import { toInstallDetail, toInstallSummary } from './install-view';
import { toInstallsGrid } from './installs-grid';
import { findInstall, REVOKE_IGNORED, tokenEndpointOf, type Refresher } from './refresher';


export type InstallsService = DomainService<'installs'>;

const TOKEN_NAMES: Record<TokenKind, string> = { access: 'access token', refresh: 'refresh token', id: 'id token' };

function tokenOf(install: StoredInstall, kind: TokenKind): string {
  const token = kind === 'access' ? install.accessToken : kind === 'refresh' ? install.refreshToken : install.idToken;
  if (!token) throw new WorkbenchError('NOT_FOUND', `This install has no ${TOKEN_NAMES[kind]}.`, { installId: install.id, token: kind });
  return token;
}

export function createInstallsService(deps: OAuthDeps, core: Pick<OAuthCore, 'tokens'>, refresher: Refresher): InstallsService {
  const changed = (installId: string | null): void => deps.events.emit('installs.changed', { installId });
  const now = (): number => deps.clock.now();

  return {
    'installs.list': async () => deps.vault.data().installs.map((i) => toInstallSummary(i, now())),
    'installs.grid': async () => toInstallsGrid(deps.vault.data(), now()),
    'installs.get': async ({ id }) => toInstallDetail(findInstall(deps, id), now()),
    'installs.reveal': async ({ id, token }) => ({ token: tokenOf(findInstall(deps, id), token) }),
    'installs.copy': async ({ id, token }) => {
      const value = tokenOf(findInstall(deps, id), token);
      const copied = deps.copySecret ? await deps.copySecret(value) : (await deps.clipboard.writeText(value), { clearsInSeconds: null });
      deps.events.emit('notice', { level: 'info', message: copiedMessage(TOKEN_NAMES[token], copied.clearsInSeconds) });
      return null;
    },
    'installs.refresh': async ({ id }) => {
      const updated = await refresher.refresh(id);
      const ignored = updated.checks.find((c) => c.id === REVOKE_IGNORED && updated.refreshedAt !== null && c.detail.includes(updated.refreshedAt));
      deps.events.emit('notice', ignored ? { level: 'warning', message: ignored.detail } : { level: 'success', message: 'Access token refreshed.' });
      return toInstallDetail(updated, now());
    },
    'installs.revoke': async ({ id }) => {
      const install = findInstall(deps, id);
      // Gorgias revokes with the refresh token (which kills the grant); without one, the access token.
      const token = install.refreshToken ?? install.accessToken;
      await core.tokens.revoke({ ...(await tokenEndpointOf(deps, install)), token, hint: install.refreshToken ? 'refresh_token' : 'access_token' });
      const at = new Date(now()).toISOString();
      // Said once, in the install's check row (it stays); no notice repeats it as a toast and the
      // install view's status line only confirms the action.
      const until = install.expiresAt ?? 'its expiry';
      const detail = `Revoked in the workbench at ${at}: the refresh token no longer works, but the current access token is a stateless JWT and stays valid until ${until} (its exp); nothing can cut it short.`;
      const updated = await deps.vault.updateInstall(id, (target) => {
        target.revokedAt = at;
        target.checks = [...target.checks.filter((c) => c.id !== 'install.revoked'), { id: 'install.revoked', label: 'revoked', outcome: 'warn', detail }];
        return structuredClone(target);
      }, 'The install was forgotten during the revoke.');
      changed(id);
      return toInstallDetail(updated, now());
    },
    'installs.forget': async ({ id }) => {
      findInstall(deps, id);
      await deps.vault.update((draft) => {
        draft.installs = draft.installs.filter((i) => i.id !== id);
      });
      changed(null);
      return null;
    },
  };
}
