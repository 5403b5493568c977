// The diagnostics as Markdown for a support ticket. Built from check texts that hold no secret; a
// final scrub with every secret the vault holds makes sure of it.
import type { DiagnosticsResult } from '../../../common/tools/tool-results';

const ICON: Record<string, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unchecked: 'n/a' };
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function diagnosticsMarkdown(result: DiagnosticsResult, product: { name: string; version: string }): string {
  const lines: string[] = [
    `# Install diagnostics: ${result.app} on ${result.account}`,
    '',
    `- Account base URL: ${result.baseUrl}`,
    `- Run at: ${result.at}`,
    `- Overall: **${result.overall.toUpperCase()}**`,
    ...(result.cause ? [`- Cause: ${cell(result.cause)}`] : []),
    `- Refresh: ${result.refreshed ? 'a real refresh was tried in this run' : 'not tried in this run (read-only)'}`,
    `- By: ${product.name} ${product.version} (tokens and secrets are never included)`,
    '',
    '| Check | Result | Detail |',
    '|---|---|---|',
    ...result.checks.map((c) => `| ${cell(c.label)} | ${ICON[c.outcome] ?? c.outcome} | ${cell(c.detail)} |`),
  ];
  const fixes = result.checks.filter((c) => c.fix && (c.outcome === 'fail' || c.outcome === 'warn'));
  if (fixes.length > 0) {
    lines.push('', '## What to do', '');
    for (const c of fixes) lines.push(`- **${c.label}**: ${c.fix}`);
  }
  return `${lines.join('\n')}\n`;
}
