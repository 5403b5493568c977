// `token --from FILE`: an access token from an export-install file, with no vault and no browser:
// decrypt (passphrase from WORKBENCH_PASSPHRASE), then one refresh_token grant through the backend's
// own token client (same client authentication, same error codes). Nothing is written anywhere.
import { readFile } from 'node:fs/promises';
import { createHttpClient } from '../../backend/http/http-client';
import { createTokenClient } from '../../backend/oauth/token-client';
import { openInstallFile } from '../../backend/tools/transfer/install-file';
import { isWorkbenchError } from '../../common/errors';
import { CliError } from '../cli-error';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export interface TokenFromFileAnswer {
  accessToken: string;
  expiresAt: string | null;
  refreshed: true;
  installId: string;
}

export async function tokenFromExportFile(path: string, context: { env: NodeJS.ProcessEnv; io: CliIo }): Promise<TokenFromFileAnswer> {
  const passphrase = context.env.WORKBENCH_PASSPHRASE;
  if (!passphrase) throw new CliError('VAULT_LOCKED', 'Set WORKBENCH_PASSPHRASE to the passphrase the file was exported with.', EXIT.VAULT);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError('NOT_FOUND', `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, EXIT.NOT_FOUND);
  }
  try {
    const file = await openInstallFile(text, passphrase);
    const http = createHttpClient({ fetch: globalThis.fetch.bind(globalThis), clock: { now: () => Date.now() }, activity: { record: async () => undefined }, timeoutMs: 15_000 });
    const tokens = await createTokenClient(http).refresh({
      baseUrl: file.account.baseUrl,
      credentials: { clientId: file.app.clientId, clientSecret: file.secrets.clientSecret, method: file.app.clientAuth },
      refreshToken: file.secrets.refreshToken,
      context: {},
    });
    if (tokens.refreshToken && tokens.refreshToken !== file.secrets.refreshToken) {
      context.io.err('warning: the server rotated the refresh token; this file\'s token may stop working. Export the install again.');
    }
    const expiresAt = tokens.expiresIn ? new Date(Date.now() + tokens.expiresIn * 1000).toISOString() : null;
    return { accessToken: tokens.accessToken, expiresAt, refreshed: true, installId: file.installId };
  } catch (error) {
    if (isWorkbenchError(error)) throw new CliError(error.code, error.message);
    throw error;
  }
}
