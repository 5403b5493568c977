// The CLI's `token` on a valid install (no refresh), as a script calls it: a whole `node
// dist/cli/cli.js token …` process, wall time, divided by a bare `node -e 0` measured alternately in
// the same run. Two vaults: weak protection (what the CLI itself costs) and a passphrase (adds the
// key derivation, scrypt, on every process start). Goal (issue 11): ≤ 1.5×.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorReason, measured, notAvailable, type Figure } from './lib/figures';
import { elapsedMs } from './lib/stats';
import type { BenchModule } from './lib/bench-module';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(repoRoot, 'dist', 'cli', 'cli.js');
const BROWSER = `${process.execPath} --import tsx ${join(repoRoot, 'test', 'fakes', 'approving-browser.ts')}`;
const RUNS = 11;
const GROUP = 'CLI';

function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(elapsedMs(start)) : reject(new Error(`${args.slice(0, 2).join(' ')} exited with ${code}`))));
  });
}

async function ratios(env: NodeJS.ProcessEnv, log: (line: string) => void, label: string): Promise<{ ratios: number[]; cli: number[]; bare: number[] }> {
  const tokenArgs = [CLI, 'token', '--app', 'Demo app', '--account', 'sandbox'];
  await timed(tokenArgs, env);
  await timed(['-e', '0'], env);
  const result = { ratios: [] as number[], cli: [] as number[], bare: [] as number[] };
  for (let run = 0; run < RUNS; run += 1) {
    const bare = await timed(['-e', '0'], env);
    const cli = await timed(tokenArgs, env);
    result.bare.push(bare);
    result.cli.push(cli);
    result.ratios.push(cli / bare);
  }
  log(`  ${label}: token ${Math.round(result.cli.sort((a, b) => a - b)[5]!)} ms, node -e 0 ${Math.round(result.bare.sort((a, b) => a - b)[5]!)} ms (medians)`);
  return result;
}

async function oneVault(label: string, extraArgs: string[], extraEnv: Record<string, string>, log: (line: string) => void): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-cli-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, WORKBENCH_DATA_DIR: dir, WORKBENCH_BROWSER: BROWSER, ...extraEnv };
  try {
    const connect = spawnSync(process.execPath, [CLI, ...extraArgs, 'connect', '--app', 'Demo app', '--account', 'sandbox'], { env, encoding: 'utf8' });
    if (connect.status !== 0) throw new Error(`connect failed: ${connect.stderr.split('\n').at(-2) ?? connect.status}`);
    const measuredRun = await ratios(env, log, label);
    return [
      measured({ group: GROUP, name: `token, valid install, ${label} ÷ node -e 0`, unit: '×', goal: '≤ 1.5×', max: 1.5 }, measuredRun.ratios),
      measured({ group: GROUP, name: `token, valid install, ${label} (wall)`, unit: 'ms' }, measuredRun.cli),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchCli(log: (line: string) => void): Promise<Figure[]> {
  if (!existsSync(CLI)) return [notAvailable({ group: GROUP, name: 'token ÷ node -e 0', unit: '×', goal: '≤ 1.5×' }, 'dist/cli/cli.js missing: npm run build')];
  const figures: Figure[] = [];
  for (const [label, args, env] of [
    ['weak vault', ['--accept-weak-protection'], {}],
    ['passphrase vault', [], { WORKBENCH_PASSPHRASE: 'bench passphrase 1' }],
  ] as const) {
    try {
      figures.push(...(await oneVault(label, [...args], env, log)));
    } catch (error) {
      figures.push(notAvailable({ group: GROUP, name: `token, valid install, ${label} ÷ node -e 0`, unit: '×', goal: '≤ 1.5×' }, errorReason(error)));
    }
  }
  return figures;
}

export const bench: BenchModule = { name: 'CLI (token on a valid install)', order: 60, run: (context) => benchCli(context.log) };

// Alone: `npx tsx test/bench/cli.bench.ts` prints the figures.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchCli((line) => process.stdout.write(`${line}\n`)).then((figures) => {
    for (const figure of figures) process.stdout.write(`${figure.name}: median ${figure.summary?.median.toFixed(2) ?? figure.text} ${figure.unit} (${figure.verdict})\n`);
  });
}
