// `npm run bench`: takes dist/'s lock, builds, runs every test/bench/*.bench.ts that exports
// `bench` (lib/bench-module.ts) in its order, prints a table and rewrites docs/benchmarks.md with
// this run: machine, load average at start and end, figures, and an analysis generated from them.
// Figures, never assertions: a piece that is missing yields "n/a (reason)" and the run goes on.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analysis } from './lib/analysis';
import { isBenchModule, type BenchModule } from './lib/bench-module';
import { takeDistLock } from './lib/dist-lock';
import { errorReason, notAvailable, type Figure } from './lib/figures';
import { describeMachine } from './lib/machine';
import { machineLines, markdownTable, notes, textTable } from './lib/report';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = join(repoRoot, 'test', 'bench');
const DOC = join(repoRoot, 'docs', 'benchmarks.md');

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

/**
 * `npm run bench -- --only vault,ui` runs the steps whose file name contains one of the words (for
 * working on one figure); such a partial run prints its table but leaves docs/benchmarks.md alone,
 * so the doc always describes one whole run.
 */
function onlyFilter(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  const words = (argv[at + 1] ?? '').split(',').map((word) => word.trim()).filter(Boolean);
  if (words.length === 0) throw new Error('--only needs a comma-separated list of bench file names, e.g. --only vault,ui');
  return words;
}

const ONLY = onlyFilter(process.argv.slice(2));

/** Every test/bench/*.bench.ts exporting `bench`; a file that does not is reported, not run. */
async function discover(): Promise<BenchModule[]> {
  const files = (await readdir(BENCH_DIR))
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => ONLY === undefined || ONLY.some((word) => file.includes(word)))
    .sort();
  const found: BenchModule[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { bench?: unknown };
    if (isBenchModule(module.bench)) found.push(module.bench);
    else log(`(skipped ${file}: it does not export \`bench\` of the shape in test/bench/lib/bench-module.ts)`);
  }
  return found.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

function verdictLine(figures: readonly Figure[]): string {
  const count = (verdict: Figure['verdict']) => figures.filter((figure) => figure.verdict === verdict).length;
  return `Goals: ${count('met')} met, ${count('missed')} missed, ${count('n/a')} not measured (n/a); ${count('report')} figures reported without a goal (baselines and diagnostics).`;
}

async function main(): Promise<void> {
  const release = takeDistLock(join(repoRoot, 'dist'));
  try {
    await runBench();
  } finally {
    release();
  }
}

async function runBench(): Promise<void> {
  const started = Date.now();
  const loadStart = loadavg()[0]!;
  log(`Load average (1 min) at start: ${loadStart.toFixed(2)}`);
  log('▶ build (vite build)');
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const machine = await describeMachine();
  const figures: Figure[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'workbench-bench-vault-'));
  const extraMachine: Record<string, string> = {};
  try {
    for (const bench of await discover()) {
      await step(bench.name, figures, () => bench.run({ dataDir, repoRoot, log, setMachine: (key, value) => void (extraMachine[key] = value) }));
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const loadEnd = loadavg()[0]!;
  machine.load = `${loadStart.toFixed(2)} → ${loadEnd.toFixed(2)}`;
  if (extraMachine.chromium) machine.chromium = `${extraMachine.chromium} (${machine.chromium})`;
  const seconds = (Date.now() - started) / 1000;

  log('');
  log(textTable(figures));
  log('');
  log(verdictLine(figures));
  log(`Whole bench: ${seconds.toFixed(0)} s on ${machine.cpu} (${machine.cores} cores); load average ${machine.load}.`);

  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); do not edit by hand: every line below, the',
    'analysis included, comes from this run. Figures, not pass/fail: median, min and max over several',
    'repetitions (warm-up runs excluded); each goal is a ratio to a baseline measured in the same run',
    '(both figures in its note), except the bundle size, which is absolute.',
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
    analysis(figures, machine, loadStart, loadEnd),
    '',
    '## What each figure includes',
    '',
    notes(figures),
    '',
    HOW,
    '',
  ].join('\n');
  if (ONLY !== undefined) {
    log(`Partial run (--only ${ONLY.join(',')}): ${DOC} left as it was.`);
    return;
  }
  await writeFile(DOC, doc);
  log(`Wrote ${DOC}`);
}

const HOW = `## How the bench works

- **Run**: \`npm run bench\` (= \`node --import tsx test/bench/run.ts\`). It refuses to start while another
  run holds \`dist/.bench.lock\` (a lock whose process is gone is taken over), then builds (\`vite build\`)
  and runs every \`test/bench/*.bench.ts\` that exports \`bench\`, lowest \`order\` first.
- **Adding a bench**: a new \`test/bench/<name>.bench.ts\` exporting
  \`export const bench: BenchModule = { name, order?, run(context) }\` (test/bench/lib/bench-module.ts);
  \`run\` returns Figure rows (test/bench/lib/figures.ts: \`measured\`, \`ratioFigure\`, \`notAvailable\`)
  and never throws. \`context\` gives \`dataDir\` (the run's temp folder; the vault step writes the
  1,000-install vault there, order 20, and the UI step reads it, order 40), \`repoRoot\`, \`log\` and
  \`setMachine\`. run.ts is not edited. \`npm run bench -- --only vault,ui\` runs only the steps whose
  file name contains one of the words (include \`vault\` for any step that reads the big vault) and
  prints the table without rewriting this file.
- **Goals are ratios to a baseline measured in the same run**, both figures printed: flow ÷ one bare
  token POST; first render ÷ the same Chromium painting a static HTML copy of the same grid (the
  rendered grid's DOM, scripts removed, same CSS, from the same local server); 50 MB answer received
  → visible ÷ the bare fetch of that answer; main's heap growth from that answer ÷ the body's size.
  Absolute times do not carry between machines; ratios mostly do.
- **Physical floors** stand beside a goal where the work has a floor no implementation can go under,
  measured in the same run with the same baseline: the flow's (the bare POST plus the atomic writes
  an install needs, and plus ONE such write: the least any durable store adds), the passphrase CLI's
  (node plus one scrypt derivation with the vault's settings). For a missed goal the analysis names
  them, and says so when the floor itself is above the goal.
- **Where**: one Node process: the real backend (\`createBackend\` with the tests' recording ports and
  fake keychain), the built-in sandbox on 127.0.0.1, and the built renderer (\`dist/renderer\`) in
  Debian's headless Chromium through the e2e harness (a Playwright binding per call, slower than
  Electron's IPC, so UI figures that wait for the backend are pessimistic).
- **Data**: test/bench/generators/ (seeded, deterministic): 50 apps × 20 accounts = 1,000 installs,
  10,000 activity entries; the 50 MB answer is the sandbox's own seeded \`GET /api/sandbox/large\`.
- **Noise**: the load average at start and end is recorded; above half the cores the analysis says
  the machine was busy. Compare runs made on a quiet machine only.`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
