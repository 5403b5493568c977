// Turns a checked token answer into the stored install, and writes it: one install per app ×
// account × user (the id_token's sub), replaced in place (same id) when that user connects again.
// A Gorgias token acts with the approving user's role, so QA keeps one install per user.
import type { CheckResult, ExpirySource, InstallUser } from '../../common/model';
import { userFromIdToken } from '../vault/install-user';
import type { StoredInstall, VaultData } from '../vault/vault-types';
import type { TokenSet } from './token-response';

export function buildInstall(input: {
  appId: string;
  accountId: string;
  tokens: TokenSet;
  requestedScopes: string[];
  obtainedAtMs: number;
  expiresAt: string;
  expirySource: ExpirySource;
  checks: CheckResult[];
}): Omit<StoredInstall, 'id'> {
  return {
    appId: input.appId,
    accountId: input.accountId,
    accessToken: input.tokens.accessToken,
    refreshToken: input.tokens.refreshToken,
    idToken: input.tokens.idToken,
    tokenType: input.tokens.tokenType,
    requestedScopes: [...input.requestedScopes],
    grantedScopes: input.tokens.scope ?? [...input.requestedScopes],
    obtainedAt: new Date(input.obtainedAtMs).toISOString(),
    refreshedAt: null,
    expiresAt: input.expiresAt,
    expirySource: input.expirySource,
    expiresInAnswered: input.tokens.expiresIn,
    revokedAt: null,
    failing: false,
    lastError: null,
    checks: input.checks,
    user: userFromIdToken(input.tokens.idToken),
  };
}

/** Same user: same sub, or both unknown (installs without an id_token). */
export const sameUser = (a: InstallUser | null, b: InstallUser | null): boolean => (a?.sub ?? null) === (b?.sub ?? null);

/** The install a fresh one replaces (this user's, for the app × account), or null: it is added (Vault.putInstall). */
export function installToReplace(data: Readonly<VaultData>, install: Omit<StoredInstall, 'id'>): string | null {
  return data.installs.find((i) => i.appId === install.appId && i.accountId === install.accountId && sameUser(i.user ?? null, install.user))?.id ?? null;
}
