// `npm run bench`: every benchmark in one go (after `npm run build`), a table on stdout and
// docs/benchmarks.md rewritten with this run. See docs/benchmarks.md for what each figure includes.
// Figures, never assertions: a piece that is missing yields "n/a (reason)" and the run goes on.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBundleSize } from './bundle-size.bench';
import { benchFlowOverhead } from './flow-overhead.bench';
import { benchUi } from './ui.bench';
import { benchVault } from './vault.bench';
import { errorReason, notAvailable, type Figure } from './lib/figures';
import { describeMachine, loadAverage } from './lib/machine';
import { machineLines, markdownTable, notes, textTable } from './lib/report';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const DOC = join(repoRoot, 'docs', 'benchmarks.md');
const ANALYSIS = join(repoRoot, 'test', 'bench', 'analysis.md');

const log = (line: string) => void process.stdout.write(`${line}\n`);

/** No step may hold the run hostage: the whole bench must stay well under 10 minutes. */
const STEP_LIMIT_MS = 4 * 60_000;

async function step(name: string, figures: Figure[], run: () => Promise<Figure[]>): Promise<void> {
  const start = Date.now();
  log(`▶ ${name}`);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${STEP_LIMIT_MS / 60_000} min`)), STEP_LIMIT_MS);
  });
  try {
    figures.push(...(await Promise.race([run(), limit])));
  } catch (error) {
    // Each bench catches its own failures; this is the last line of defence for the table. What
    // a hung step leaves running is ended by process.exit at the end of the run.
    console.error(error);
    figures.push(notAvailable({ group: name, name: 'every figure of this step', unit: '' }, errorReason(error)));
  } finally {
    clearTimeout(timer);
  }
  log(`  done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

function verdictLine(figures: readonly Figure[]): string {
  const count = (verdict: Figure['verdict']) => figures.filter((figure) => figure.verdict === verdict).length;
  return `Goals: ${count('met')} met, ${count('missed')} missed, ${count('n/a')} not measured (n/a); ${count('report')} figures reported without a goal (baselines and diagnostics).`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = await describeMachine();
  const figures: Figure[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'workbench-bench-vault-'));
  let chromium: string | null = null;
  try {
    await step('renderer bundle size', figures, benchBundleSize);
    await step('vault (1,000 installs, 10,000 activity entries)', figures, () => benchVault(dataDir, log));
    await step('flow overhead (built-in sandbox)', figures, () => benchFlowOverhead(log));
    await step('UI in headless Chromium (first render, switch, big response, memory)', figures, async () => {
      const ui = await benchUi(dataDir, log);
      chromium = ui.browserVersion;
      return ui.figures;
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  machine.load = `${machine.load} → ${loadAverage()}`;
  if (chromium) machine.chromium = `${chromium} (${machine.chromium})`;
  const seconds = (Date.now() - started) / 1000;

  log('');
  log(textTable(figures));
  log('');
  log(verdictLine(figures));
  log(`Whole bench: ${seconds.toFixed(0)} s on ${machine.cpu} (${machine.cores} cores).`);

  const analysis = await readFile(ANALYSIS, 'utf8').catch(() => '');
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); do not edit by hand: the analysis below comes from',
    'test/bench/analysis.md. Figures, not pass/fail: median, min and max over several repetitions',
    '(warm-up runs excluded); ratios are against a baseline measured in the same run.',
    '',
    '## Machine',
    '',
    machineLines(machine),
    `- Whole bench: ${seconds.toFixed(0)} s`,
    '',
    '## Figures',
    '',
    verdictLine(figures),
    '',
    markdownTable(figures),
    '',
    '## What each figure includes',
    '',
    notes(figures),
    '',
    analysis.trim(),
    '',
  ].join('\n');
  await writeFile(DOC, doc);
  log(`Wrote ${DOC}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
