// gorgias-workbench export-install --app A --account B --out FILE
// Writes the install's refresh token, the app's client id and secret and the account's address into
// FILE, encrypted under a passphrase (WORKBENCH_EXPORT_PASSPHRASE, else WORKBENCH_PASSPHRASE, else a
// prompt). CI then runs `token --from FILE`.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { examples, installOptions, resolveInstall, withSession, type CliContext } from '../command-kit';
import { EXIT } from '../exit-codes';
import { canPrompt, promptHidden } from '../secret-prompt';

async function exportPassphrase(env: NodeJS.ProcessEnv): Promise<string> {
  const given = env.WORKBENCH_EXPORT_PASSPHRASE || env.WORKBENCH_PASSPHRASE;
  if (given) return given;
  if (!canPrompt()) throw CliError.usage('Set WORKBENCH_EXPORT_PASSPHRASE (or WORKBENCH_PASSPHRASE) to the passphrase that will protect the file.');
  const first = await promptHidden('Passphrase for the file (at least 8 characters): ');
  if (first !== (await promptHidden('Repeat it: '))) throw CliError.usage('The two passphrases differ; nothing was written.');
  return first;
}

export function registerExportInstall(program: Command, context: CliContext): void {
  installOptions(program.command('export-install'))
    .requiredOption('--out <file>', 'where to write the encrypted install file (created with mode 600)')
    .description('Export one install (refresh token + client credentials, encrypted) for `token --from` in CI')
    .addHelpText(
      'after',
      examples(
        'WORKBENCH_EXPORT_PASSPHRASE=… gorgias-workbench export-install --app "My app" --account acme-staging --out install.json',
        'WORKBENCH_PASSPHRASE=… gorgias-workbench token --from install.json',
      ),
    )
    .action(async (options: { app: string; account: string; user?: string; out: string }, command: Command) => {
      const passphrase = await exportPassphrase(context.env);
      const { text } = await withSession(command, context, async (session) => {
        const { install } = await resolveInstall(session, options);
        return session.call<{ text: string }>('transfer.exportInstall', { installId: install.id, passphrase });
      });
      try {
        await writeFile(options.out, text, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw CliError.usage(`${options.out} already exists; nothing was overwritten.`);
        throw new CliError('NOT_FOUND', `Cannot write ${options.out} (${code ?? 'error'}).`, EXIT.NOT_FOUND);
      }
      context.io.err(`Wrote ${options.out}. Anyone with the file and its passphrase can get tokens for this install: treat both as secrets.`);
    });
}
