// Everything a tool needs about one install: the stored install, its app and account, and where its
// account lives. Throws NOT_FOUND with a plain message when any of them is gone.
import { WorkbenchError } from '../../../common/errors';
import { findInstall } from '../../installs/refresher';
import type { StoredAccount, StoredApp, StoredInstall } from '../../vault/vault-types';
import type { ToolsDeps } from '../deps';

export interface InstallContext {
  install: StoredInstall;
  app: StoredApp | null;
  account: StoredAccount;
  baseUrl: string;
  /** "Demo app on Local sandbox", for labels and reports. */
  label: string;
}

export async function loadInstallContext(deps: Pick<ToolsDeps, 'vault' | 'resolveAccount'>, installId: string): Promise<InstallContext> {
  const install = findInstall(deps, installId);
  const app = deps.vault.data().apps.find((candidate) => candidate.id === install.appId) ?? null;
  const { account, baseUrl } = await deps.resolveAccount(install.accountId);
  const accountName = account.label || account.subdomain;
  return { install, app, account, baseUrl: baseUrl.replace(/\/+$/, ''), label: `${app?.name ?? 'Deleted app'} on ${accountName}` };
}

/** The install's access token as stored right now (after any refresh). */
export function currentAccessToken(deps: Pick<ToolsDeps, 'vault'>, installId: string): string {
  const token = findInstall(deps, installId).accessToken;
  if (!token) throw new WorkbenchError('NOT_FOUND', 'This install holds no access token: connect the app again.', { installId });
  return token;
}
