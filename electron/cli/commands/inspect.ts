// gorgias-workbench inspect [TOKEN|-] [--json]: decode a token (JWT header, claims, times, signature).
// With "-" or no argument and a pipe, the token is read from stdin (keeps it out of `ps` and history).
import type { Command } from 'commander';
import type { TokenInspection } from '../../common/tools/tool-results';
import { CliError } from '../cli-error';
import { examples, withSession, type CliContext } from '../command-kit';
import { printJson } from '../io';
import { readStdin } from '../stdin';

export function registerInspect(program: Command, context: CliContext): void {
  program
    .command('inspect')
    .argument('[token]', 'the token, or - to read it from stdin')
    .description('Decode and check a token: header, claims, times, signature, which app/account it belongs to')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('gorgias-workbench token --app "My app" --account acme | gorgias-workbench inspect -', 'gorgias-workbench inspect eyJhbGciOi… --json'))
    .action(async (argument: string | undefined, options: { json?: boolean }, command: Command) => {
      const fromStdin = argument === '-' || (argument === undefined && !process.stdin.isTTY);
      const token = (fromStdin ? await readStdin() : (argument ?? '')).trim();
      if (!token) throw CliError.usage('Give the token as an argument, or pipe it in with "-".');
      const result = await withSession(command, context, (session) => session.call<TokenInspection>('inspector.inspect', { token }));
      if (options.json) return printJson(context.io, result);
      const lines = [result.summary];
      if (result.header) lines.push(`header: ${JSON.stringify(result.header)}`);
      if (result.claims) lines.push(`claims: ${JSON.stringify(result.claims, null, 2)}`);
      for (const time of result.times) lines.push(`${time.claim}: ${time.iso} (${time.relative})`);
      for (const reading of result.readings) lines.push(`${reading.level}: ${reading.text}`);
      lines.push(`signature: ${result.signature.outcome} — ${result.signature.detail}`);
      if (result.app) lines.push(`app: ${result.app.name} (${result.app.clientId})`);
      if (result.account) lines.push(`account: ${result.account.label} (${result.account.baseUrl})`);
      context.io.out(lines.join('\n'));
    });
}
