// The command tree of `gorgias-workbench`: one file per command under commands/.
import { Command } from 'commander';
import type { CliContext } from './command-kit';
import { registerCall } from './commands/call';
import { registerConnect } from './commands/connect';
import { registerDiagnose } from './commands/diagnose';
import { registerExportInstall } from './commands/export-install';
import { registerInspect } from './commands/inspect';
import { registerAccountsList } from './commands/list-accounts';
import { registerAppsList } from './commands/list-apps';
import { registerInstallsList } from './commands/list-installs';
import { registerRefresh } from './commands/refresh';
import { registerRevoke } from './commands/revoke';
import { registerSandboxServe } from './commands/sandbox-serve';
import { registerServe } from './commands/serve';
import { registerToken } from './commands/token';
import { EXIT } from './exit-codes';

const EXIT_CODE_HELP = `
Exit codes:
  0    success
  1    unexpected failure (a bug; the message says so)
  2    usage: bad arguments, unknown command, ambiguous name, invalid input
  3    OAuth or authorization failure (denied, bad client, revoked, timed out, a failing diagnosis)
  4    network: the server could not be reached or did not answer like Gorgias
  5    vault: locked, needs setting up, wrong passphrase, or its key is in the OS keychain
  6    not found: the app, account, install or file named does not exist
  7    the Gorgias API answered an error (including 429 after the retries)
  130  interrupted (Ctrl+C)
Every error line names the contract's stable code, e.g. "error [VAULT_LOCKED]: …".

Environment:
  WORKBENCH_DATA_DIR     the data folder (default: the app's own)
  WORKBENCH_PASSPHRASE   the vault's passphrase (and the file passphrase of token --from)
  WORKBENCH_BROWSER      a command that receives the sign-in URL as its last argument (instead of the system browser)
`;

export function buildProgram(context: CliContext): Command {
  const program = new Command('gorgias-workbench')
    .description('The Gorgias OAuth Workbench in a terminal: installs, tokens, API calls, and the sandbox as a fake Gorgias.')
    .version(context.version, '-V, --version')
    .option('--data-dir <dir>', 'the data folder holding the vault (default: the app\'s; env WORKBENCH_DATA_DIR)')
    .option('--accept-weak-protection', 'create a NEW vault whose key sits next to it unprotected (throw-away data only)')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODE_HELP)
    .exitOverride()
    .configureOutput({ writeOut: (text) => context.io.out(text.replace(/\n$/, '')), writeErr: (text) => context.io.err(text.replace(/\n$/, '')) });

  const group = (name: string, description: string) => program.command(name).description(description).exitOverride();
  registerAppsList(group('apps', 'The saved apps'), context);
  registerAccountsList(group('accounts', 'The saved Gorgias accounts'), context);
  registerInstallsList(group('installs', 'The installs (app × account × user)'), context);
  registerConnect(program, context);
  registerToken(program, context);
  registerRefresh(program, context);
  registerRevoke(program, context);
  registerDiagnose(program, context);
  registerInspect(program, context);
  registerCall(program, context);
  registerExportInstall(program, context);
  registerServe(program, context);
  registerSandboxServe(group('sandbox', 'The built-in sandbox: an emulated Gorgias for anyone\'s tests'), context);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

export { EXIT };
