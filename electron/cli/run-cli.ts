// Runs one CLI invocation and answers its exit code. Shared by the `gorgias-workbench` binary
// (cli.ts, plain Node) and by Electron's main when it is started with --cli (the OS keychain is then
// reachable through safeStorage's protector).
import { CommanderError } from 'commander';
import type { KeyProtector, StoreFactory } from '../backend/ports';
import { isWorkbenchError } from '../common/errors';
import { isCliError } from './cli-error';
import type { CliContext } from './command-kit';
import { EXIT, exitCodeFor } from './exit-codes';
import { processIo, type CliIo } from './io';
import { buildProgram } from './program';

export interface RunCliOptions {
  /** Arguments after the program name (process.argv.slice(2)). */
  args: string[];
  version: string;
  io?: CliIo;
  env?: NodeJS.ProcessEnv;
  keyProtector?: KeyProtector;
  storeFactory?: StoreFactory;
}

function interruptSignal(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => resolve();
    // Once: a second Ctrl+C falls through to Node's default and ends the process at once.
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

export async function runCli(options: RunCliOptions): Promise<number> {
  const io = options.io ?? processIo;
  // Only commands that wait (connect, serve, sandbox serve, a rate-limit pause) take over Ctrl+C, on
  // first use; for the others Node's default applies and Ctrl+C ends the process at once.
  let interrupted: Promise<void> | null = null;
  const context: CliContext = {
    io,
    env: options.env ?? process.env,
    version: options.version,
    get interrupted() {
      interrupted ??= interruptSignal();
      return interrupted;
    },
    ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
    ...(options.storeFactory ? { storeFactory: options.storeFactory } : {}),
  };
  const program = buildProgram(context);
  try {
    await program.parseAsync(options.args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (isCliError(error)) {
      io.err(`error [${error.code}]: ${error.message}`);
      return error.exitCode;
    }
    if (isWorkbenchError(error)) {
      io.err(`error [${error.code}]: ${error.message}`);
      return exitCodeFor(error.code);
    }
    // Unexpected: the type only, never the message (it could quote a URL with a code or a token).
    io.err(`error [INTERNAL]: unexpected ${error instanceof Error ? error.name : 'failure'}; this is a bug in the workbench.`);
    if (context.env.WORKBENCH_DEBUG) io.err(String((error as Error)?.stack ?? error));
    return EXIT.INTERNAL;
  }
}
