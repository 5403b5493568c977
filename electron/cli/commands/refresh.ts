// gorgias-workbench refresh --app A --account B [--json]
import type { Command } from 'commander';
import type { InstallDetail } from '../../common/model';
import { examples, installOptions, resolveInstall, withSession, type CliContext } from '../command-kit';
import { printJson } from '../io';

export function registerRefresh(program: Command, context: CliContext): void {
  installOptions(program.command('refresh'))
    .description('Refresh the install\'s access token now (prints the new expiry, never the token)')
    .option('--json', 'print the install (tokens masked) as JSON')
    .addHelpText('after', examples('gorgias-workbench refresh --app "My app" --account acme'))
    .action(async (options: { app: string; account: string; user?: string; json?: boolean }, command: Command) => {
      const detail = await withSession(command, context, async (session) => {
        const { install } = await resolveInstall(session, options);
        return session.call<InstallDetail>('installs.refresh', { id: install.id });
      });
      if (options.json) printJson(context.io, detail);
      else context.io.out(`refreshed; expires ${detail.expiresAt ?? 'at an unknown time'}`);
    });
}
