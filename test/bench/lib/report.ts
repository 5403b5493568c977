// The run's table, for the terminal and for docs/benchmarks.md (same figures, same order).
import type { Figure } from './figures';
import type { Machine } from './machine';

function num(value: number, unit: Figure['unit']): string {
  const digits = unit === '×' ? 2 : Math.abs(value) >= 100 ? 0 : 1;
  return `${value.toFixed(digits)}${unit === '×' ? '×' : unit ? ` ${unit}` : ''}`;
}

export interface Row {
  figure: string;
  median: string;
  min: string;
  max: string;
  n: string;
  goal: string;
  verdict: string;
}

export function rows(figures: readonly Figure[]): Row[] {
  return figures.map((f) => ({
    figure: `${f.group}: ${f.name}`,
    median: f.summary ? num(f.summary.median, f.unit) : (f.text ?? 'n/a'),
    min: f.summary && f.summary.n > 1 ? num(f.summary.min, f.unit) : '',
    max: f.summary && f.summary.n > 1 ? num(f.summary.max, f.unit) : '',
    n: f.summary ? String(f.summary.n) : '',
    goal: f.goal,
    verdict: f.verdict === 'met' ? 'met' : f.verdict === 'missed' ? 'MISSED' : f.verdict,
  }));
}

const HEADERS: Row = { figure: 'figure', median: 'median', min: 'min', max: 'max', n: 'n', goal: 'goal', verdict: 'verdict' };
const KEYS = Object.keys(HEADERS) as Array<keyof Row>;

export function textTable(figures: readonly Figure[]): string {
  const all = [HEADERS, ...rows(figures)];
  const widths = KEYS.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Row) => KEYS.map((key, i) => row[key].padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(figures: readonly Figure[]): string {
  const out = [`| ${KEYS.map((key) => HEADERS[key]).join(' | ')} |`, `|${KEYS.map(() => '---').join('|')}|`];
  for (const row of rows(figures)) out.push(`| ${KEYS.map((key) => cell(row[key])).join(' | ')} |`);
  return out.join('\n');
}

export function notes(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.note)
    .map((f) => `- **${f.group}: ${f.name}**: ${f.note}`)
    .join('\n');
}

export function machineLines(machine: Machine): string {
  return [
    `- Date: ${machine.date}`,
    `- CPU: ${machine.cpu} (${machine.cores} cores)`,
    `- Memory: ${machine.memoryGb} GB`,
    `- OS: ${machine.os}`,
    `- Node: ${machine.node}`,
    `- Chromium: ${machine.chromium}`,
    `- Load average (1 min) at start → end: ${machine.load} (other processes on the machine slow every figure)`,
  ].join('\n');
}
