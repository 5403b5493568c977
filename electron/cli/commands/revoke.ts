// gorgias-workbench revoke --app A --account B [--json]
import type { Command } from 'commander';
import type { InstallDetail } from '../../common/model';
import { examples, installOptions, resolveInstall, withSession, type CliContext } from '../command-kit';
import { printJson } from '../io';

export function registerRevoke(program: Command, context: CliContext): void {
  installOptions(program.command('revoke'))
    .description('Revoke the install\'s grant at Gorgias (the refresh token stops working)')
    .option('--json', 'print the install (tokens masked) as JSON')
    .addHelpText('after', examples('gorgias-workbench revoke --app "My app" --account acme'))
    .action(async (options: { app: string; account: string; user?: string; json?: boolean }, command: Command) => {
      const detail = await withSession(command, context, async (session) => {
        const { install } = await resolveInstall(session, options);
        return session.call<InstallDetail>('installs.revoke', { id: install.id });
      });
      if (options.json) return printJson(context.io, detail);
      context.io.out(`revoked at ${detail.revokedAt ?? 'now'}`);
      context.io.err(`The current access token is a stateless JWT and stays valid until ${detail.expiresAt ?? 'its exp'}.`);
    });
}
