// gorgias-workbench diagnose --app A --account B [--markdown] [--json]
// Exit 0 when every check passes or warns, 3 when one fails (so CI can gate on it).
import type { Command } from 'commander';
import type { DiagnosticsResult } from '../../common/tools/tool-results';
import { examples, installOptions, resolveInstall, withSession, type CliContext } from '../command-kit';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';

const MARK = { pass: 'ok  ', warn: 'warn', fail: 'FAIL', info: 'info', skip: 'skip' } as Record<string, string>;

export function registerDiagnose(program: Command, context: CliContext): void {
  installOptions(program.command('diagnose'))
    .description('Run the install\'s diagnostics (live checks against the account); exit 3 when one fails')
    .option('--markdown', 'print the report as Markdown (for a support ticket; no secrets in it)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('gorgias-workbench diagnose --app "My app" --account acme', 'gorgias-workbench diagnose --app "My app" --account acme --markdown > report.md'))
    .action(async (options: { app: string; account: string; user?: string; markdown?: boolean; json?: boolean }, command: Command) => {
      const outcome = await withSession(command, context, async (session) => {
        const { install } = await resolveInstall(session, options);
        const result = await session.call<DiagnosticsResult>('diagnostics.run', { installId: install.id });
        const report = options.markdown ? await session.call<{ markdown: string }>('diagnostics.report', { installId: install.id }) : null;
        return { result, markdown: report?.markdown ?? null };
      });
      const { result } = outcome;
      if (outcome.markdown !== null) context.io.out(outcome.markdown);
      else if (options.json) printJson(context.io, result);
      else {
        const lines = result.checks.map((check) => `${MARK[check.outcome] ?? check.outcome}  ${check.label}: ${check.detail}${check.fix ? `\n      fix: ${check.fix}` : ''}`);
        context.io.out([`${result.app} on ${result.account} (${result.baseUrl}): ${result.overall}`, ...lines].join('\n'));
      }
      if (result.overall === 'fail') process.exitCode = EXIT.AUTH;
    });
}
