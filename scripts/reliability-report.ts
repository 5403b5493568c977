// Refreshes docs/reliability.md: runs the hardening suites (test/hardening) with vitest, collects the
// figures each suite writes (cases tried, faults injected, crashes, data lost, leaks) and writes them
// as a table with the notes behind each line. Exits with vitest's code, so a failing suite fails the
// script too (the page is still written, and says it failed).
// Run: npx tsx scripts/reliability-report.ts   (builds dist/ first if it is missing: the Electron
// checklist suite loads the built main bundle)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteFigures } from '../test/hardening/support/figures';

/** What vitest's JSON reporter says about one test file (the fields used here). */
interface VitestFile {
  name: string;
  status: string;
  assertionResults: { title: string; status: string; failureMessages: string[] }[];
}

interface SuiteResult {
  passed: boolean;
  failures: string[];
}

/** The order the page lists the suites in (the order); unknown ones go last. */
const ORDER = ['fuzz-callback', 'fuzz-token-answers', 'fuzz-inspector', 'fuzz-contract', 'faults', 'crash-safety', 'concurrency', 'secret-leaks', 'electron-checklist'];

const root = fileURLToPath(new URL('../', import.meta.url));
const say = (line: string) => process.stdout.write(`${line}\n`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

function readFigures(dir: string): SuiteFigures[] {
  const all = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SuiteFigures);
  const rank = (suite: string) => (ORDER.includes(suite) ? ORDER.indexOf(suite) : ORDER.length);
  return all.sort((a, b) => rank(a.suite) - rank(b.suite) || a.suite.localeCompare(b.suite));
}

const n = (value: number) => value.toLocaleString('en-US');

/** Per test file (by suite id = file name without .test.ts): passed, or which tests failed and why. */
function readResults(file: string): Map<string, SuiteResult> {
  const results = new Map<string, SuiteResult>();
  if (!existsSync(file)) return results;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { testResults?: VitestFile[] };
  for (const test of report.testResults ?? []) {
    const suite = /([^/\\]+)\.test\.ts$/.exec(test.name)?.[1];
    if (!suite) continue;
    const failed = test.assertionResults.filter((a) => a.status === 'failed');
    const firstLine = (message: string) => (message.split('\n').find((line) => line.trim()) ?? '').replace(/\u001b\[[0-9;]*m/g, '').slice(0, 300);
    results.set(suite, {
      passed: test.status === 'passed' && failed.length === 0,
      failures: failed.map((a) => `${a.title}: ${firstLine(a.failureMessages[0] ?? 'failed')}`),
    });
  }
  return results;
}

function render(figures: SuiteFigures[], results: Map<string, SuiteResult>, outcome: { passed: boolean; seconds: number; at: string }): string {
  const verdict = (suite: string) => {
    const result = results.get(suite);
    if (!result) return 'not run';
    return result.passed ? 'passed' : `**FAILED** (${result.failures.length})`;
  };
  const total = (key: 'cases' | 'faults' | 'crashes' | 'dataLost' | 'leaks') => figures.reduce((sum, f) => sum + f[key], 0);
  const lines = [
    '# Reliability figures',
    '',
    '<!-- Written by scripts/reliability-report.ts; do not edit by hand. -->',
    '',
    `The hardening suites (\`test/hardening/\`, part of \`npm test\`) as last run on ${outcome.at}: ` +
      `**${outcome.passed ? 'all passed' : 'SOME FAILED'}** in ${Math.round(outcome.seconds)} s. Everything runs on 127.0.0.1 ` +
      '(no DNS query either: fetch in tests reaches loopback only, and other hosts fail as unresolvable names), and every random input comes from a seed: ' +
      'rerun one with `HARDENING_SEED=<seed> npx vitest run test/hardening/<suite>.test.ts`.',
    '',
    'Refresh this page with `npx tsx scripts/reliability-report.ts`.',
    '',
    '| suite | result | cases tried | faults injected | crashes | data lost | leaks | seed |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...figures.map((f) => `| ${f.title} | ${verdict(f.suite)} | ${n(f.cases)} | ${n(f.faults)} | ${f.crashes} | ${f.dataLost} | ${f.leaks} | ${f.seed ?? '—'} |`),
    `| **total** | | **${n(total('cases'))}** | **${n(total('faults'))}** | **${total('crashes')}** | **${total('dataLost')}** | **${total('leaks')}** | |`,
    '',
    'Crashes: a 5xx from the loopback server, an INTERNAL error, or an unhandled promise rejection. Data lost: a stored token, install',
    'or vault state that changed or vanished when it should not have. Leaks: a secret (client secret, Basic credentials, authorization',
    'code, access/refresh/id token) found anywhere but where the user asked for it.',
    '',
    '## What each suite did',
    '',
  ];
  for (const f of figures) {
    lines.push(`<!-- test/hardening/${f.suite}.test.ts -->`);
    const failures = results.get(f.suite)?.failures ?? [];
    lines.push(`### ${f.title}`, '', ...f.notes.map((note) => `- ${note}`), ...failures.map((failure) => `- **failed**: ${failure}`), '');
  }
  lines.push(
    '## Not covered here',
    '',
    '- The renderer\'s DOM is scanned for secrets by the end-to-end suite (`test/e2e/`, real Chromium), not by these suites.',
    '- Real Gorgias: every suite runs against the built-in sandbox or a deliberately broken server on 127.0.0.1.',
    '',
    '## Where things are',
    '',
    '- `test/hardening/<suite>.test.ts`: one file per suite (the ids in the HTML comments above); shared helpers in `test/hardening/support/`',
    '  (a whole backend + sandbox on loopback, a raw HTTP client, a broken server, the figures), the crash test\'s child process in',
    '  `test/hardening/fixtures/vault-writer.ts`.',
    '- Each suite writes its figures to `$HARDENING_RESULTS_DIR/<suite>.json` (default: `<os tmpdir>/workbench-hardening-results/`);',
    '  this script points that at a fresh folder, runs `vitest run test/hardening` and renders the files.',
    '',
  );
  return lines.join('\n');
}

const HAND_WRITTEN_MARKER = '<!-- Security: written by hand, kept by scripts/reliability-report.ts -->';

const resultsDir = mkdtempSync(join(tmpdir(), 'workbench-reliability-'));
try {
  if (!existsSync(join(root, 'dist', 'main', 'main.js'))) {
    say('dist/main/main.js is missing: building first (npx vite build)');
    if (run('npx', ['vite', 'build'], process.env) !== 0) process.exit(1);
  }
  const started = Date.now();
  const vitestJson = join(resultsDir, 'vitest-report.json.out');
  const code = run('npx', ['vitest', 'run', 'test/hardening', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { ...process.env, HARDENING_RESULTS_DIR: resultsDir });
  const seconds = (Date.now() - started) / 1000;
  const figures = readFigures(resultsDir);
  const markdown = render(figures, readResults(vitestJson), { passed: code === 0, seconds, at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  // The security section below this marker is written by hand: it is kept as it is.
  const target = join(root, 'docs', 'reliability.md');
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const kept = previous.indexOf(HAND_WRITTEN_MARKER);
  writeFileSync(target, kept >= 0 ? `${markdown}\n${previous.slice(kept)}` : markdown);
  say(`docs/reliability.md written: ${figures.length} suites, vitest exit code ${code}`);
  process.exitCode = code;
} finally {
  rmSync(resultsDir, { recursive: true, force: true });
}
