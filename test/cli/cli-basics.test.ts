// The built CLI's surface as a script sees it: --version, --help with examples on every command,
// usage errors, and what happens when there is no vault yet.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { runCli, tempDataDir } from './cli-process';

const COMMANDS = [
  ['apps', 'list'],
  ['accounts', 'list'],
  ['installs', 'list'],
  ['connect'],
  ['token'],
  ['refresh'],
  ['revoke'],
  ['diagnose'],
  ['inspect'],
  ['call'],
  ['export-install'],
  ['sandbox', 'serve'],
];

let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  data = await tempDataDir();
});
afterAll(() => data.remove());

describe('gorgias-workbench', () => {
  it('prints its version on stdout and nothing else', async () => {
    const run = await runCli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('has --help with examples on every command, and the exit codes on the top level', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Exit codes:');
    expect(top.stdout).toContain('WORKBENCH_BROWSER');
    for (const command of COMMANDS) {
      const run = await runCli([...command, '--help']);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout, command.join(' ')).toContain('Examples:');
      expect(run.stdout, command.join(' ')).toMatch(new RegExp(`\\$ .*gorgias-workbench ${command[0]}`));
    }
  });

  it('refuses bad arguments with exit 2 and says what is wrong', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const missing = await runCli(['refresh', '--app', 'x'], { env: { WORKBENCH_DATA_DIR: data.dir } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--account <account>' not specified");
    const duration = await runCli(['token', '--app', 'a', '--account', 'b', '--min-valid', 'soon'], { env: { WORKBENCH_DATA_DIR: data.dir } });
    expect(duration.code).toBe(2);
    expect(duration.stderr).toContain('error [INVALID_ARGUMENT]: "soon" is not a duration');
    const method = await runCli(['call', 'FETCH', '/api/account', '--app', 'a', '--account', 'b'], { env: { WORKBENCH_DATA_DIR: data.dir } });
    expect(method.code).toBe(2);
    expect(method.stderr).toContain('Unknown HTTP method "FETCH"');
    expect(`${unknown.stdout}${missing.stdout}${duration.stdout}${method.stdout}`).toBe('');
    // None of these needed the vault, and none created one.
    expect(await readdir(data.dir)).toEqual([]);
  });

  it('without a vault and without a passphrase: exit 5, both ways to create one, nothing written but the empty folder', async () => {
    const fresh = await tempDataDir();
    try {
      const run = await runCli(['apps', 'list'], { env: { WORKBENCH_DATA_DIR: fresh.dir } });
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('error [VAULT_SETUP_REQUIRED]');
      expect(run.stderr).toContain('WORKBENCH_PASSPHRASE');
      expect(run.stderr).toContain('--accept-weak-protection');
      expect(run.stdout).toBe('');
      expect((await readdir(fresh.dir)).filter((name) => name.startsWith('vault'))).toEqual([]);
    } finally {
      await fresh.remove();
    }
  });

  it('creates a weak vault only when told to, and warns', async () => {
    const fresh = await tempDataDir();
    try {
      const run = await runCli(['--accept-weak-protection', 'apps', 'list', '--json'], { env: { WORKBENCH_DATA_DIR: fresh.dir } });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('Weak protection');
      expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ name: 'Demo app', clientId: 'workbench-demo', hasClientSecret: true })]);
      // Next time no flag is needed: the vault opens by itself.
      const again = await runCli(['accounts', 'list', '--json'], { env: { WORKBENCH_DATA_DIR: fresh.dir } });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual([expect.objectContaining({ subdomain: 'sandbox', builtInSandbox: true })]);
    } finally {
      await fresh.remove();
    }
  });
});
