// The built CLI against `gorgias-workbench sandbox serve` (a separate process, so state survives
// between commands as at Gorgias): refresh, revoke, diagnose, export-install + token --from, and the
// network going away.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVING_BROWSER, runCli, tempDataDir, type CliOptions } from './cli-process';
import { serveSandbox, type ServedSandbox } from './sandbox-serve-process';
import { addPartnerApp } from './vault-setup';

const PASSPHRASE = 'correct horse battery';
let data: Awaited<ReturnType<typeof tempDataDir>>;
let sandbox: ServedSandbox;

const cli = (args: string[], options: CliOptions = {}) =>
  runCli(args, { ...options, env: { WORKBENCH_DATA_DIR: data.dir, WORKBENCH_PASSPHRASE: PASSPHRASE, WORKBENCH_BROWSER: APPROVING_BROWSER, ...options.env } });
const target = ['--app', 'Partner app', '--account', 'acme'];
const tokenPosts = () => sandbox.requests.filter((line) => line === 'POST /acme/oauth/token').length;

beforeAll(async () => {
  data = await tempDataDir();
  sandbox = await serveSandbox(['--accounts', 'acme']);
  await addPartnerApp(data.dir, PASSPHRASE, sandbox);
  const connected = await cli(['connect', ...target]);
  expect(connected.stderr).toContain('· stored');
  expect(connected.code).toBe(0);
});
afterAll(async () => {
  await sandbox?.stop();
  await data.remove();
});

describe('against sandbox serve', () => {
  it('refresh replaces the access token with one POST and prints no token', async () => {
    const before = (await cli(['token', ...target])).stdout.trim();
    const posts = tokenPosts();
    const run = await cli(['refresh', ...target]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^refreshed; expires \d{4}-/);
    expect(tokenPosts()).toBe(posts + 1);
    const after = (await cli(['token', ...target])).stdout.trim();
    expect(after).not.toBe(before);
    // --min-valid beyond the token's lifetime forces a refresh first.
    const forced = JSON.parse((await cli(['token', ...target, '--min-valid', '2d', '--json'])).stdout) as { refreshed: boolean; accessToken: string };
    expect(forced.refreshed).toBe(true);
    expect(forced.accessToken).not.toBe(after);
  });

  it('diagnose passes; --markdown prints a report with no token in it', async () => {
    const run = await cli(['diagnose', ...target, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ overall: expect.stringMatching(/pass|warn/) });
    const markdown = await cli(['diagnose', ...target, '--markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^#/m);
    expect(markdown.stdout).not.toContain((await cli(['token', ...target])).stdout.trim());
  });

  it('export-install writes an encrypted file; token --from turns it into access tokens with no vault', async () => {
    const file = join(data.dir, 'install.json');
    const exported = await cli(['export-install', ...target, '--out', file], { env: { WORKBENCH_EXPORT_PASSPHRASE: 'file passphrase 1' } });
    expect(exported.code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'gorgias-workbench/install', app: { clientId: sandbox.client.clientId }, account: { subdomain: 'acme' } });
    expect(text).not.toContain(sandbox.client.clientSecret);

    const again = await cli(['export-install', ...target, '--out', file], { env: { WORKBENCH_EXPORT_PASSPHRASE: 'file passphrase 1' } });
    expect(again.code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(text);

    // No data folder at all: the file is everything.
    const elsewhere = await tempDataDir();
    try {
      const token = await runCli(['token', '--from', file], { env: { WORKBENCH_DATA_DIR: elsewhere.dir, WORKBENCH_PASSPHRASE: 'file passphrase 1' } });
      expect(token.code).toBe(0);
      expect(token.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const wrong = await runCli(['token', '--from', file], { env: { WORKBENCH_DATA_DIR: elsewhere.dir, WORKBENCH_PASSPHRASE: 'not it at all' } });
      expect(wrong.code).toBe(5);
      expect(wrong.stderr).toContain('error [VAULT_PASSPHRASE_WRONG]');
      expect(wrong.stdout).toBe('');
    } finally {
      await elsewhere.remove();
    }
  });

  it('revoke kills the grant: a later refresh fails with exit 3', async () => {
    const revoked = await cli(['revoke', ...target]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^revoked at /);
    const refresh = await cli(['refresh', ...target]);
    expect(refresh.code).toBe(3);
    expect(refresh.stderr).toMatch(/error \[(TOKEN_REVOKED|OAUTH_INVALID_GRANT)\]/);
    expect(refresh.stdout).toBe('');
  });

  it('with the sandbox gone: exit 4, a network code, nothing on stdout', async () => {
    await sandbox.stop();
    const run = await cli(['refresh', ...target]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/error \[NETWORK_CONNECTION\]/);
    expect(run.stdout).toBe('');
  });
});
