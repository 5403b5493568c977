// The built CLI against the built-in sandbox, as real child processes: connect through the
// WORKBENCH_BROWSER hook, then what a QA script does with the install. (Refresh and revoke across
// processes on the built-in sandbox: cli-sandbox-grants.test.ts; refresh, revoke and diagnose against
// `sandbox serve`: cli-served-sandbox.test.ts.) Every failure: a clear message
// with the contract's code, a non-zero exit, nothing on stdout, nothing changed.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeKeyProtector } from '../fakes/fake-key-protector';
import { APPROVING_BROWSER, runCli, tempDataDir, type CliOptions } from './cli-process';
import { withVault } from './vault-setup';

const PASSPHRASE = 'correct horse battery';
let data: Awaited<ReturnType<typeof tempDataDir>>;
let installId: string;

const cli = (args: string[], options: CliOptions = {}) =>
  runCli(args, { ...options, env: { WORKBENCH_DATA_DIR: data.dir, WORKBENCH_PASSPHRASE: PASSPHRASE, WORKBENCH_BROWSER: APPROVING_BROWSER, ...options.env } });
const target = ['--app', 'Demo app', '--account', 'sandbox'];

/** A fingerprint of every file of the data folder, to prove a failed command changed nothing. */
async function folderPrint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.lock')) continue;
    hash.update(name);
    hash.update(await readFile(join(dir, name)).catch(() => Buffer.from('dir')));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  data = await tempDataDir();
  const connected = await cli(['connect', ...target]);
  expect(connected.stderr).toContain('· stored');
  expect(connected.code).toBe(0);
  installId = connected.stdout.trim();
});
afterAll(() => data.remove());

describe('connect and the install', () => {
  it('connect printed only the install id on stdout, and the steps and URL on stderr', async () => {
    expect(installId).toMatch(/^inst_\w+$/);
    const connected = await cli(['installs', 'list', '--json']);
    expect(connected.code).toBe(0);
    expect(JSON.parse(connected.stdout)).toEqual([
      expect.objectContaining({ id: installId, app: 'Demo app', account: 'sandbox', status: 'active', expiresInSeconds: expect.any(Number) }),
    ]);
    const table = await cli(['installs', 'list']);
    expect(table.stdout).toMatch(/^ID\s+APP\s+ACCOUNT\s+USER\s+STATUS\s+EXPIRES IN\n/);
    expect(table.stdout).toContain('Demo app');
  });

  it('token prints exactly one line, the access token; --json gives its shape; stderr never holds it', async () => {
    const run = await cli(['token', '--app', 'workbench-demo', '--account', 'Local sandbox']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = run.stdout.trim();
    expect(run.stderr).not.toContain(token);
    const json = await cli(['token', ...target, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ accessToken: token, expiresAt: expect.any(String), refreshed: false, installId });

    const inspected = await cli(['inspect', '-', '--json'], { stdin: `${token}\n` });
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.stdout)).toMatchObject({ kind: 'jwt', claims: { azp: 'workbench-demo' } });
    const readable = await cli(['inspect', token]);
    expect(readable.stdout).toMatch(/^exp: \d{4}-\d\d-\d\dT.* \(in /m);
  });

  it('call sends the request as the install; --json carries status and body; --all-pages follows next_cursor', async () => {
    const account = await cli(['call', 'GET', '/api/account', ...target, '--json']);
    expect(account.code).toBe(0);
    expect(JSON.parse(account.stdout)).toMatchObject({ status: 200, body: { domain: 'sandbox' } });
    expect(account.stderr).toMatch(/200 GET http:\/\/127\.0\.0\.1:\d+\/sandbox\/api\/account .*rate limit \d+\/80/);

    const first = JSON.parse((await cli(['call', 'GET', '/api/tickets', ...target, '--query', 'limit=7'])).stdout) as { data: { id: number }[]; meta: { next_cursor: string | null } };
    expect(first.data).toHaveLength(7);
    expect(first.meta.next_cursor).not.toBeNull();
    const all = await cli(['call', 'GET', '/api/tickets', ...target, '--query', 'limit=7', '--all-pages']);
    expect(all.code).toBe(0);
    const items = JSON.parse(all.stdout) as { id: number }[];
    expect(items.length).toBeGreaterThan(7);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items.slice(0, 7)).toEqual(first.data);

    const missing = await cli(['call', 'GET', '/api/tickets/999999999', ...target]);
    expect(missing.code).toBe(7);
    expect(missing.stderr).toContain('error [API_ERROR]');
  });
});

describe('failures: a message, a code, a non-zero exit, nothing changed', () => {
  it('export-install refuses the built-in sandbox (its refresh tokens work only on this data folder) and writes nothing', async () => {
    const out = join(data.dir, 'never.json');
    const run = await cli(['export-install', ...target, '--out', out], { env: { WORKBENCH_EXPORT_PASSPHRASE: 'file passphrase 1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sandbox serve');
    expect((await readdir(data.dir)).includes('never.json')).toBe(false);
  });

  it('an unknown app lists the known ones (exit 6)', async () => {
    const before = await folderPrint(data.dir);
    const run = await cli(['token', '--app', 'nope', '--account', 'sandbox']);
    expect(run.code).toBe(6);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error [NOT_FOUND]: No app called "nope". Known apps:');
    expect(run.stderr).toContain('Demo app  (client id workbench-demo)');
    expect(await folderPrint(data.dir)).toBe(before);
  });

  it('an ambiguous account lists the candidates (exit 2)', async () => {
    await withVault(data.dir, PASSPHRASE, async (backend) => {
      await backend['accounts.create']({ subdomain: 'acme', label: 'Acme', kind: 'production', notes: '', customBaseUrl: null });
      await backend['accounts.create']({ subdomain: 'beta', label: 'acme', kind: 'sandbox', notes: '', customBaseUrl: null });
    });
    const run = await cli(['token', '--app', 'Demo app', '--account', 'acme']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error [INVALID_ARGUMENT]: "acme" names 2 accounts; use the id instead');
    expect(run.stderr).toContain('(subdomain acme)');
    expect(run.stderr).toContain('(subdomain beta)');
    const notInstalled = await cli(['token', '--app', 'Demo app', '--account', 'beta']);
    expect(notInstalled.code).toBe(6);
    expect(notInstalled.stderr).toContain('is not installed on "acme" yet');
  });

  it('a wrong passphrase (exit 5) and a locked vault with no way to ask (exit 5) change nothing', async () => {
    const before = await folderPrint(data.dir);
    const wrong = await cli(['installs', 'list'], { env: { WORKBENCH_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toContain('error [VAULT_PASSPHRASE_WRONG]');
    const locked = await cli(['installs', 'list'], { env: { WORKBENCH_PASSPHRASE: undefined } });
    expect(locked.code).toBe(5);
    expect(locked.stderr).toContain('error [VAULT_LOCKED]: The vault is locked: set WORKBENCH_PASSPHRASE');
    expect(`${wrong.stdout}${locked.stdout}`).toBe('');
    expect(await folderPrint(data.dir)).toBe(before);
  });

  it('a denied consent fails the flow (exit 3) and stores no install', async () => {
    const run = await cli(['connect', ...target], { env: { APPROVING_BROWSER_DENY: '1' } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('error [OAUTH_ACCESS_DENIED]');
    expect(run.stdout).toBe('');
    const list = JSON.parse((await cli(['installs', 'list', '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(1);
  });

  it('a vault whose key is in the OS keychain: exit 5, and both ways out', async () => {
    const keychain = await tempDataDir();
    try {
      await withVault(keychain.dir, PASSPHRASE, async (backend) => expect(backend.vault.status().protection).toBe('os'), createFakeKeyProtector({ level: 'strong' }));
      const before = await folderPrint(keychain.dir);
      const run = await runCli(['apps', 'list'], { env: { WORKBENCH_DATA_DIR: keychain.dir, WORKBENCH_PASSPHRASE: PASSPHRASE } });
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('error [VAULT_LOCKED]');
      expect(run.stderr).toContain('keeps its key in the OS keychain');
      expect(run.stderr).toContain('--cli');
      expect(run.stderr).toContain('Protect with a passphrase');
      expect(await folderPrint(keychain.dir)).toBe(before);
    } finally {
      await keychain.remove();
    }
  });
});
