// `token` on a valid install answers from the vault's files alone (electron/cli/lean-token.ts), and
// everything else still goes the full way with the same output, codes and messages.
//
// How the test tells the two paths apart, without timing anything: dist/cli/cli.js copied ALONE into
// a folder (without cli-main.mjs and its chunks). The lean path needs nothing else and answers; the
// full path's import() fails there (ERR_MODULE_NOT_FOUND). The same commands on the real build show
// the full path's own answer.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVING_BROWSER, CLI_FILE, runCli, tempDataDir, type CliRun } from './cli-process';
import { withVault } from './vault-setup';

const PASSPHRASE = 'correct horse battery';
let weak: Awaited<ReturnType<typeof tempDataDir>>;
let pass: Awaited<ReturnType<typeof tempDataDir>>;
let lone: string;
const target = ['--app', 'Demo app', '--account', 'sandbox'];

/** The built cli.js alone in a folder, with the package.json that makes it CommonJS (as in dist/cli). */
async function loneCli(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-lone-cli-'));
  await cp(CLI_FILE, join(dir, 'cli.js'));
  await cp(join(dirname(CLI_FILE), 'package.json'), join(dir, 'package.json'));
  return dir;
}

function runLone(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, [join(lone, 'cli.js'), ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const weakEnv = () => ({ WORKBENCH_DATA_DIR: weak.dir });
const passEnv = () => ({ WORKBENCH_DATA_DIR: pass.dir, WORKBENCH_PASSPHRASE: PASSPHRASE });
const fullPathTaken = (run: CliRun) => run.code !== 0 && /ERR_MODULE_NOT_FOUND|Cannot find module/.test(run.stderr);

beforeAll(async () => {
  [weak, pass, lone] = await Promise.all([tempDataDir(), tempDataDir(), loneCli()]);
  const connectWeak = await runCli(['--accept-weak-protection', 'connect', ...target], { env: { ...weakEnv(), WORKBENCH_BROWSER: APPROVING_BROWSER } });
  expect(connectWeak.code, connectWeak.stderr).toBe(0);
  const connectPass = await runCli(['connect', ...target], { env: { ...passEnv(), WORKBENCH_BROWSER: APPROVING_BROWSER } });
  expect(connectPass.code, connectPass.stderr).toBe(0);
});
afterAll(async () => {
  await Promise.all([weak?.remove(), pass?.remove(), lone && rm(lone, { recursive: true, force: true })]);
});

describe('token on a valid install: the lean path', () => {
  it('answers from cli.js alone, byte for byte what the backend holds, for weak and passphrase vaults', async () => {
    for (const [dir, env] of [[weak.dir, weakEnv()], [pass.dir, passEnv()]] as Array<[string, Record<string, string>]>) {
      const expected = await withVault(dir, PASSPHRASE, async (backend) => {
        const [install] = await backend['installs.list'](undefined);
        const { token } = await backend['installs.reveal']({ id: install!.id, token: 'access' });
        return { token, installId: install!.id, expiresAt: install!.expiresAt };
      });
      const plain = await runLone(['token', ...target], env);
      expect(plain).toEqual({ code: 0, stdout: `${expected.token}\n`, stderr: '' });
      const json = await runLone(['token', '--json', '--app=workbench-demo', '--account=Local sandbox', '--min-valid', '1h'], env);
      expect(json.code).toBe(0);
      expect(json.stdout).toBe(`${JSON.stringify({ accessToken: expected.token, expiresAt: expected.expiresAt, refreshed: false, installId: expected.installId }, null, 2)}\n`);
      // The full build gives the same bytes.
      expect(await runCli(['token', ...target], { env })).toEqual(plain);
      expect(await runLone(['--data-dir', dir, 'token', ...target], env.WORKBENCH_PASSPHRASE ? { WORKBENCH_PASSPHRASE: env.WORKBENCH_PASSPHRASE } : {})).toEqual(plain);
    }
  });

  it('reads without taking the vault\'s lock: a writer holding it does not hold up the token', async () => {
    // A live process (this one) holds vault.lock: the full open would wait for it.
    await writeFile(join(weak.dir, 'vault.lock'), JSON.stringify({ pid: process.pid, token: 'held-by-test', at: Date.now() }));
    try {
      const run = await runLone(['token', ...target], weakEnv());
      expect(run.code).toBe(0);
    } finally {
      await rm(join(weak.dir, 'vault.lock'), { force: true });
    }
  });
});

describe('everything else: the full path, as before', () => {
  it('a refresh due, help, --from, an unknown name, a missing passphrase go the full way', async () => {
    for (const [args, env] of [
      [['token', ...target, '--min-valid', '48h'], weakEnv()],
      [['token', ...target, '--help'], weakEnv()],
      [['token', '--from', 'install.json'], weakEnv()],
      [['token', '--app', 'No such app', '--account', 'sandbox'], weakEnv()],
      [['token', ...target], { WORKBENCH_DATA_DIR: pass.dir }],
      [['token', ...target], { WORKBENCH_DATA_DIR: pass.dir, WORKBENCH_PASSPHRASE: 'not the passphrase' }],
      [['token', ...target], { ...weakEnv(), WORKBENCH_SANDBOX_PORT: 'eighty' }],
    ] as const) {
      expect(fullPathTaken(await runLone([...args], env)), args.join(' ')).toBe(true);
    }
  });

  it('the full path\'s answers are unchanged: exit codes, one error line with its code', async () => {
    const unknown = await runCli(['token', '--app', 'No such app', '--account', 'sandbox'], { env: weakEnv() });
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toMatch(/^error \[NOT_FOUND\]: No app called "No such app"\. Known apps:\n {2}app_\w+ {2}Demo app/);
    const locked = await runCli(['token', ...target], { env: { WORKBENCH_DATA_DIR: pass.dir } });
    expect(locked.code).toBe(5);
    expect(locked.stderr).toContain('error [VAULT_LOCKED]');
    const wrong = await runCli(['token', ...target], { env: { WORKBENCH_DATA_DIR: pass.dir, WORKBENCH_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toContain('error [VAULT_PASSPHRASE_WRONG]');
    const port = await runCli(['token', ...target], { env: { ...weakEnv(), WORKBENCH_SANDBOX_PORT: 'eighty' } });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('error [INVALID_ARGUMENT]: WORKBENCH_SANDBOX_PORT must be a port number');
    for (const run of [unknown, locked, wrong, port]) expect(run.stdout).toBe('');
  });

  it('a vault the full open would report on (an install file rolled back) goes the full way, which warns and answers', async () => {
    const dir = join(weak.dir, 'installs');
    const [name] = await readdir(dir);
    const before = await readFile(join(dir, name!));
    // One more commit of that install (a generation later), then the older file put back.
    await withVault(weak.dir, PASSPHRASE, async (backend) => {
      await backend.vault.update((draft) => void (draft.installs[0]!.checks = [...draft.installs[0]!.checks, { id: 'test.mark', label: 'mark', outcome: 'pass', detail: 'a later write' }]));
    });
    const after = await readFile(join(dir, name!));
    await writeFile(join(dir, name!), before);
    try {
      expect(fullPathTaken(await runLone(['token', ...target], weakEnv()))).toBe(true);
      const full = await runCli(['token', ...target], { env: weakEnv() });
      expect(full.code).toBe(0);
      expect(full.stderr).toContain('warning: Vault rollback detected in 1 file(s).');
    } finally {
      await writeFile(join(dir, name!), after);
    }
    await mkdir(join(weak.dir, 'vault.rotating'));
    try {
      expect(fullPathTaken(await runLone(['token', ...target], weakEnv()))).toBe(true);
    } finally {
      await rm(join(weak.dir, 'vault.rotating'), { recursive: true, force: true });
    }
    expect((await runLone(['token', ...target], weakEnv())).code).toBe(0);
  });
});
