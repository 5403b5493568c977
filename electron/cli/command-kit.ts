// What every command file shares: the global options, a session opened and always closed, and the
// app/account/install a command names.
import type { Command } from 'commander';
import type { AccountView, AppView, InstallSummary } from '../common/model';
import { resolveDataDir } from './data-dir';
import { findAccount, findApp, findInstall } from './names';
import type { Session, SessionEnvironment } from './session';

export interface CliContext extends SessionEnvironment {
  /**
   * Resolved when Ctrl+C (or SIGTERM) arrives; long waits race it. Read it only once the session is
   * open: the vault's store (conf → atomically → when-exit) hooks SIGINT once and re-raises it after its
   * clean-up; our listener must already be registered after it, so it is still there (and the signal
   * caught) when that re-raise happens. Registered before it, ours would be gone and Node's default
   * would end the process.
   */
  interrupted: Promise<void>;
}

interface RootOptions {
  dataDir?: string;
  acceptWeakProtection?: boolean;
}

export async function withSession<T>(
  command: Command,
  context: CliContext,
  run: (session: Session) => Promise<T>,
  options: { openBrowser?: boolean; needVault?: boolean } = {},
): Promise<T> {
  const root = command.optsWithGlobals<RootOptions>();
  // The backend (vault, schemas, services) loads only for commands that use it: --help, --version and
  // usage errors answer without it.
  const { openSession } = await import('./session');
  const session = await openSession({ dataDir: resolveDataDir(root.dataDir, context.env), acceptWeakProtection: Boolean(root.acceptWeakProtection) }, context, options);
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

export interface Target {
  app: AppView;
  account: AccountView;
}

export async function resolveTarget(session: Session, names: { app: string; account: string }): Promise<Target> {
  const [apps, accounts] = await Promise.all([session.call<AppView[]>('apps.list'), session.call<AccountView[]>('accounts.list')]);
  return { app: findApp(apps, names.app), account: findAccount(accounts, names.account) };
}

export async function resolveInstall(session: Session, names: { app: string; account: string; user?: string }): Promise<Target & { install: InstallSummary }> {
  const target = await resolveTarget(session, names);
  const installs = await session.call<InstallSummary[]>('installs.list');
  return { ...target, install: findInstall(installs, target.app, target.account, names.user) };
}

/** --app/--account/--user, required on every command that works on one install. */
export function installOptions(command: Command): Command {
  return command
    .requiredOption('--app <app>', 'the app, by name, id or client id')
    .requiredOption('--account <account>', 'the account, by label, id or subdomain')
    .option('--user <user>', 'with several users\' installs: the user (sub, name, e-mail or install id); default the most recent');
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
