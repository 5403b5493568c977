// The CLI's `token` on a valid install (no refresh), as a script calls it: a whole `node
// dist/cli/cli.js token …` process, wall time, divided by a bare `node -e 0` measured alternately in
// the same run. Three vaults: weak protection (what the CLI itself costs), the same with the bench's
// 1,000 installs (a QA engineer's vault: only the named pair's install files are decrypted), and a
// passphrase (adds the key derivation, scrypt, on every process start). Goal (issue 11): ≤ 1.5×.
// Beside the passphrase vault, its physical floor: a bare node process that only derives one key
// with the vault's scrypt settings (no file read, no decryption), timed alternately too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';
import { openVault } from '../../electron/backend/vault/open-vault';
import { DEFAULT_SCRYPT } from '../../electron/backend/vault/passphrase-kdf';
import { nodeKeyProtector } from '../../electron/cli/node-key-protector';
import { addBigVault, generateBigVault } from './generators/big-vault';
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

/** What a passphrase vault cannot avoid on each start: node itself plus one scrypt derivation. */
const SCRYPT_ONLY = `require('node:crypto').scryptSync('bench passphrase 1', require('node:crypto').randomBytes(16), 32, { N: ${DEFAULT_SCRYPT.N}, r: ${DEFAULT_SCRYPT.r}, p: ${DEFAULT_SCRYPT.p}, maxmem: 256 * 1024 * 1024 })`;

interface Runs {
  ratios: number[];
  cli: number[];
  bare: number[];
  /** Only with `withFloor`: the scrypt-only process, and token ÷ it, per alternating triple. */
  floor: number[];
  overFloor: number[];
}

async function ratios(env: NodeJS.ProcessEnv, log: (line: string) => void, label: string, withFloor: boolean, names: Names): Promise<Runs> {
  const tokenArgs = [CLI, 'token', '--app', names.app, '--account', names.account];
  await timed(tokenArgs, env);
  await timed(['-e', '0'], env);
  if (withFloor) await timed(['-e', SCRYPT_ONLY], env);
  const result: Runs = { ratios: [], cli: [], bare: [], floor: [], overFloor: [] };
  for (let run = 0; run < RUNS; run += 1) {
    const bare = await timed(['-e', '0'], env);
    const cli = await timed(tokenArgs, env);
    result.bare.push(bare);
    result.cli.push(cli);
    result.ratios.push(cli / bare);
    if (withFloor) {
      const floor = await timed(['-e', SCRYPT_ONLY], env);
      result.floor.push(floor);
      result.overFloor.push(cli / floor);
    }
  }
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  log(`  ${label}: token ${median(result.cli)} ms, node -e 0 ${median(result.bare)} ms${withFloor ? `, node + one scrypt ${median(result.floor)} ms` : ''} (medians)`);
  return result;
}

interface Names {
  app: string;
  account: string;
}

/**
 * Adds the bench's 1,000 installs (50 apps × 20 accounts, no activity) to a weak vault the CLI has
 * set up, through the vault's own API, and names a pair whose token is valid for a year.
 */
async function addThousandInstalls(dir: string): Promise<Names> {
  const big = generateBigVault({ activityEntries: 0, nowMs: Date.now() });
  const vault = await openVault({ dataDir: dir, keyProtector: nodeKeyProtector, storeFactory: confStoreFactory });
  try {
    if (vault.status().state !== 'ready') throw new Error(`the bench vault did not open: ${vault.status().state}`);
    await vault.update((draft) => addBigVault(draft, big));
  } finally {
    await vault.close();
  }
  const valid = big.installs.find((install) => install.expiresAt !== null && Date.parse(install.expiresAt) > Date.now() + 30 * 86_400_000);
  if (!valid) throw new Error('the generated vault has no install valid for a month');
  return { app: big.apps.find((app) => app.id === valid.appId)!.name, account: big.accounts.find((account) => account.id === valid.accountId)!.subdomain };
}

async function oneVault(label: string, extraArgs: string[], extraEnv: Record<string, string>, log: (line: string) => void, thousand = false): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-cli-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, WORKBENCH_DATA_DIR: dir, WORKBENCH_BROWSER: BROWSER, ...extraEnv };
  try {
    const connect = spawnSync(process.execPath, [CLI, ...extraArgs, 'connect', '--app', 'Demo app', '--account', 'sandbox'], { env, encoding: 'utf8' });
    if (connect.status !== 0) throw new Error(`connect failed: ${connect.stderr.split('\n').at(-2) ?? connect.status}`);
    const names = thousand ? await addThousandInstalls(dir) : { app: 'Demo app', account: 'sandbox' };
    const withFloor = 'WORKBENCH_PASSPHRASE' in extraEnv;
    const measuredRun = await ratios(env, log, label, withFloor, names);
    const figures = [
      measured({ group: GROUP, name: `token, valid install, ${label} ÷ node -e 0`, unit: '×', goal: '≤ 1.5×', max: 1.5 }, measuredRun.ratios),
      measured({ group: GROUP, name: `token, valid install, ${label} (wall)`, unit: 'ms' }, measuredRun.cli),
    ];
    if (withFloor) {
      const scrypt = `scrypt N=2^${Math.log2(DEFAULT_SCRYPT.N)} r=${DEFAULT_SCRYPT.r} p=${DEFAULT_SCRYPT.p}, the vault's setting`;
      figures.push(
        measured({ group: GROUP, name: 'physical floor: node + one key derivation ÷ node -e 0', unit: '×', floorOf: `token, valid install, ${label} ÷ node -e 0`, note: `node -e running one ${scrypt}, alternating with the others` }, measuredRun.floor.map((floor, index) => floor / measuredRun.bare[index]!)),
        measured({ group: GROUP, name: `token, valid install, ${label} ÷ that floor`, unit: '×', note: 'what the CLI adds to the derivation a passphrase vault needs at every start' }, measuredRun.overFloor),
      );
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchCli(log: (line: string) => void): Promise<Figure[]> {
  if (!existsSync(CLI)) return [notAvailable({ group: GROUP, name: 'token ÷ node -e 0', unit: '×', goal: '≤ 1.5×' }, 'dist/cli/cli.js missing: npm run build')];
  const figures: Figure[] = [];
  for (const [label, args, env, thousand] of [
    ['weak vault', ['--accept-weak-protection'], {}, false],
    ['weak vault of 1,000 installs', ['--accept-weak-protection'], {}, true],
    ['passphrase vault', [], { WORKBENCH_PASSPHRASE: 'bench passphrase 1' }, false],
  ] as const) {
    try {
      figures.push(...(await oneVault(label, [...args], env, log, thousand)));
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
