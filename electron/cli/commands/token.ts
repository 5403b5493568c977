// gorgias-workbench token --app A --account B [--min-valid 5m] [--json]
// gorgias-workbench token --from FILE   (an export-install file; passphrase from WORKBENCH_PASSPHRASE)
// Prints one line: a valid access token, refreshed first when it expires within --min-valid.
import type { Command } from 'commander';
import type { InstallDetail } from '../../common/model';
import { CliError } from '../cli-error';
import { examples, resolveInstall, withSession, type CliContext } from '../command-kit';
import { parseDuration } from '../duration';
import { printJson } from '../io';

interface TokenOptions {
  app?: string;
  account?: string;
  user?: string;
  minValid: string;
  json?: boolean;
  from?: string;
}

export function registerToken(program: Command, context: CliContext): void {
  program
    .command('token')
    .description('Print a valid access token (refreshed first when it expires within --min-valid)')
    .option('--app <app>', 'the app, by name, id or client id')
    .option('--account <account>', 'the account, by label, id or subdomain')
    .option('--user <user>', 'with several users\' installs: the user; default the most recent')
    .option('--min-valid <duration>', 'refresh when the token expires sooner than this (90s, 5m, 1h)', '5m')
    .option('--from <file>', 'use an export-install file instead of the vault (passphrase in WORKBENCH_PASSPHRASE)')
    .option('--json', 'print JSON: accessToken, expiresAt, refreshed, installId')
    .addHelpText(
      'after',
      examples(
        'TOKEN=$(gorgias-workbench token --app "My app" --account acme)',
        'curl -H "Authorization: Bearer $(gorgias-workbench token --app my-client-id --account acme --min-valid 30m)" https://acme.gorgias.com/api/account',
        'WORKBENCH_PASSPHRASE=… gorgias-workbench token --from install.json   # CI: no vault, no browser',
      ),
    )
    .action(async (options: TokenOptions, command: Command) => {
      const minValidMs = parseDuration(options.minValid);
      if (options.from) {
        if (options.app || options.account) throw CliError.usage('--from takes the app and account from the file: drop --app/--account.');
        const { tokenFromExportFile } = await import('../install-file/token-from-file');
        const answer = await tokenFromExportFile(options.from, context);
        return options.json ? printJson(context.io, answer) : context.io.out(answer.accessToken);
      }
      if (!options.app || !options.account) throw CliError.usage('token needs --app and --account (or --from FILE).');
      const names = { app: options.app, account: options.account, ...(options.user ? { user: options.user } : {}) };
      const answer = await withSession(command, context, async (session) => {
        const { install } = await resolveInstall(session, names);
        let detail = await session.call<InstallDetail>('installs.get', { id: install.id });
        const expiresAt = detail.expiresAt ? Date.parse(detail.expiresAt) : null;
        const refreshed = expiresAt !== null && expiresAt - Date.now() < minValidMs;
        if (refreshed) {
          context.io.err(`The access token expires within ${options.minValid}: refreshing…`);
          detail = await session.call<InstallDetail>('installs.refresh', { id: install.id });
        }
        const { token } = await session.call<{ token: string }>('installs.reveal', { id: install.id, token: 'access' });
        return { accessToken: token, expiresAt: detail.expiresAt, refreshed, installId: install.id };
      });
      if (options.json) printJson(context.io, answer);
      else context.io.out(answer.accessToken);
    });
}
