// gorgias-workbench accounts list [--json]
import type { Command } from 'commander';
import type { AccountView } from '../../common/model';
import { examples, withSession, type CliContext } from '../command-kit';
import { printJson, table } from '../io';

export function registerAccountsList(accounts: Command, context: CliContext): void {
  accounts
    .command('list')
    .description('List the saved Gorgias accounts')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('gorgias-workbench accounts list', 'gorgias-workbench accounts list --json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const list = await withSession(command, context, (session) => session.call<AccountView[]>('accounts.list'));
      if (options.json) return printJson(context.io, list);
      if (list.length === 0) return context.io.err('No accounts yet.');
      context.io.out(
        table([['ID', 'LABEL', 'SUBDOMAIN', 'KIND'], ...list.map((account) => [account.id, account.label, account.subdomain, account.builtInSandbox ? 'built-in sandbox' : account.kind])]),
      );
    });
}
