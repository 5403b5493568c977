// gorgias-workbench installs list [--json]: app, account, user, status, expires in.
import type { Command } from 'commander';
import type { AccountView, AppView, InstallSummary } from '../../common/model';
import { examples, withSession, type CliContext } from '../command-kit';
import { humanDuration } from '../duration';
import { printJson, table } from '../io';

type WithUser = InstallSummary & { user?: { sub: string; name: string | null; email: string | null } | null };

export function registerInstallsList(installs: Command, context: CliContext): void {
  installs
    .command('list')
    .description('List the installs (app × account × user) with their status and expiry')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('gorgias-workbench installs list', 'gorgias-workbench installs list --json | jq ".[] | select(.status != \\"active\\")"'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const { list, apps, accounts } = await withSession(command, context, async (session) => ({
        list: await session.call<WithUser[]>('installs.list'),
        apps: await session.call<AppView[]>('apps.list'),
        accounts: await session.call<AccountView[]>('accounts.list'),
      }));
      const appName = (id: string) => apps.find((app) => app.id === id)?.name ?? id;
      const accountName = (id: string) => accounts.find((account) => account.id === id)?.subdomain ?? id;
      const now = Date.now();
      if (options.json) {
        return printJson(
          context.io,
          list.map((install) => ({
            ...install,
            app: appName(install.appId),
            account: accountName(install.accountId),
            expiresInSeconds: install.expiresAt ? Math.round((Date.parse(install.expiresAt) - now) / 1000) : null,
          })),
        );
      }
      if (list.length === 0) return context.io.err('No installs yet: run gorgias-workbench connect --app … --account …');
      const rows = list.map((install) => [
        install.id,
        appName(install.appId),
        accountName(install.accountId),
        install.user ? (install.user.email ?? install.user.name ?? install.user.sub) : '-',
        install.status,
        install.expiresAt ? humanDuration(Date.parse(install.expiresAt) - now) : 'unknown',
      ]);
      context.io.out(table([['ID', 'APP', 'ACCOUNT', 'USER', 'STATUS', 'EXPIRES IN'], ...rows]));
    });
}
