// gorgias-workbench serve [--port N] [--no-open]: the whole workbench in a browser tab. The same
// renderer bundle, the same backend and vault, the contract over HTTP on 127.0.0.1 behind a one-time
// token. Ctrl+C stops the server and closes the vault.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { browserCommand, createBrowserOpener } from '../browser-hook';
import { CliError } from '../cli-error';
import { examples, withSession, type CliContext } from '../command-kit';
import { ensureVaultReady } from '../vault-access';

/**
 * dist/ of this build: the CLI runs from dist/cli/ (or dist/main/ with --cli), and this code may sit in
 * a chunk one folder deeper, so look upwards for the folder holding the browser bridge.
 */
const distDir = () => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 3; up += 1) {
    dir = dirname(dir);
    if (existsSync(join(dir, 'serve', 'workbench-bridge.js'))) return dir;
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..');
};

export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('Serve the full workbench UI to your browser on 127.0.0.1 (no Electron needed)')
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--no-open', 'do not open the browser: open the printed link yourself')
    .addHelpText(
      'after',
      examples('gorgias-workbench serve', 'gorgias-workbench serve --port 8123 --no-open   # then open the printed link (it works once)') +
        '\nThe vault can be unlocked in the page, or up front with WORKBENCH_PASSPHRASE. Copy uses your browser\'s clipboard.\n',
    )
    .action(async (options: { port: string; open: boolean }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw CliError.usage('--port is 0–65535.');
      await withSession(
        command,
        context,
        async (session) => {
          // Ctrl+C is taken over before the link is printed (a script may stop us as soon as it reads
          // it), and only once the vault's modules are loaded: see CliContext.interrupted.
          const interrupted = context.interrupted;
          if (context.env.WORKBENCH_PASSPHRASE || command.optsWithGlobals<{ acceptWeakProtection?: boolean }>().acceptWeakProtection) {
            await ensureVaultReady(session.call, {
              acceptWeakProtection: Boolean(command.optsWithGlobals<{ acceptWeakProtection?: boolean }>().acceptWeakProtection),
              env: context.env,
              io: context.io,
              insideElectron: context.keyProtector !== undefined,
            });
          }
          // Loaded here, for this command only (the other commands never start a server).
          const [{ createDispatcher }, { startServeServer }] = await Promise.all([import('../../backend/dispatch/dispatcher'), import('../serve/serve-server')]);
          const dispatch = createDispatcher(session.backend, { error: (message) => context.io.err(`error: ${message}`) });
          let server;
          try {
            server = await startServeServer({ port, distDir: distDir(), dispatch, subscribe: (listener) => session.backend.subscribe(listener) });
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EADDRINUSE' || code === 'EACCES') throw new CliError('PORT_IN_USE', `Cannot listen on 127.0.0.1:${port} (${code}).`);
            throw new CliError('INTERNAL', error instanceof Error ? error.message : 'The server could not start.');
          }
          context.io.out(server.url);
          context.io.err(`The workbench is served on ${server.origin}. The link above works once, in one browser; Ctrl+C stops the server and closes the vault.`);
          if (options.open) {
            await createBrowserOpener({ open: true, onOpenFailed: (message) => context.io.err(message) })(server.url);
            context.io.err(`Opened with ${browserCommand()[0]}.`);
          }
          await interrupted;
          await server.close();
          context.io.err('Stopped; the vault is closed.');
        },
        { openBrowser: true, needVault: false },
      );
    });
}
