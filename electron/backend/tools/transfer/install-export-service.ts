// transfer.exportInstall: one install as an encrypted file (see install-file.ts). The client secret
// and refresh token leave the backend only inside the encrypted part.
import { WorkbenchError } from '../../../common/errors';
import type { ServiceSlice } from '../../service';
import type { ToolsDeps } from '../deps';
import { buildInstallFile } from './install-file';

export function createInstallExportService(deps: ToolsDeps): ServiceSlice<'transfer.exportInstall'> {
  return {
    async 'transfer.exportInstall'({ installId, passphrase }) {
      const data = deps.vault.data();
      const install = data.installs.find((i) => i.id === installId);
      if (!install) throw new WorkbenchError('NOT_FOUND', 'That install no longer exists.', { installId });
      const app = data.apps.find((a) => a.id === install.appId);
      if (!app) throw new WorkbenchError('NOT_FOUND', 'The app of this install no longer exists.', { installId });
      if (!install.refreshToken) throw new WorkbenchError('NO_REFRESH_TOKEN', 'This install has no refresh token (the offline scope was not granted): there is nothing to export that would last.', { installId });
      const { account, baseUrl } = await deps.resolveAccount(install.accountId);
      if (account.builtInSandbox) {
        throw new WorkbenchError(
          'INVALID_ARGUMENT',
          'The built-in sandbox runs inside the workbench on this data folder, so its refresh tokens work only here, not where an exported file goes. Run `gorgias-workbench sandbox serve` and point an account at it instead.',
          { installId },
        );
      }
      const text = await buildInstallFile(
        {
          app: { name: app.name, clientId: app.clientId, clientAuth: app.clientAuth },
          account: { subdomain: account.subdomain, label: account.label, baseUrl },
          installId,
          exportedAt: new Date(deps.clock.now()).toISOString(),
        },
        { clientSecret: app.clientSecret, refreshToken: install.refreshToken },
        passphrase,
      );
      return { text };
    },
  };
}
