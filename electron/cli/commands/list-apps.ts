// gorgias-workbench apps list [--json]
import type { Command } from 'commander';
import type { AppView } from '../../common/model';
import { examples, withSession, type CliContext } from '../command-kit';
import { printJson, table } from '../io';

export function registerAppsList(apps: Command, context: CliContext): void {
  apps
    .command('list')
    .description('List the saved apps (never their client secrets)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('gorgias-workbench apps list', 'gorgias-workbench apps list --json | jq -r ".[].clientId"'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const list = await withSession(command, context, (session) => session.call<AppView[]>('apps.list'));
      if (options.json) return printJson(context.io, list);
      if (list.length === 0) return context.io.err('No apps yet.');
      context.io.out(table([['ID', 'NAME', 'CLIENT ID', 'SCOPES'], ...list.map((app) => [app.id, app.name, app.clientId, String(app.scopes.length)])]));
    });
}
