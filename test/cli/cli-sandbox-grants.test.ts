// The built-in "Local sandbox" lives inside each process, but its refresh tokens' grants live in the
// data folder (sandbox-grants/): an install made by one process refreshes in the next, and a revoke
// made by one holds in every later one. Real child processes, one after the other, none alive when
// the next starts.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVING_BROWSER, runCli, tempDataDir } from './cli-process';
import { withVault } from './vault-setup';

let data: Awaited<ReturnType<typeof tempDataDir>>;
const target = ['--app', 'Demo app', '--account', 'sandbox'];
const cli = (args: string[]) => runCli(args, { env: { WORKBENCH_DATA_DIR: data.dir, WORKBENCH_BROWSER: APPROVING_BROWSER } });

async function refreshTokenInVault(): Promise<string> {
  return withVault(data.dir, 'unused: weak vault', async (backend) => {
    const [install] = await backend['installs.list'](undefined);
    return (await backend['installs.reveal']({ id: install!.id, token: 'refresh' })).token;
  });
}

beforeAll(async () => {
  data = await tempDataDir();
});
afterAll(() => data.remove());

describe('the Local sandbox across processes', () => {
  it('process 1 connects; processes 2 and 3 refresh it; a revoke in process 4 holds in process 5', async () => {
    const connected = await cli(['--accept-weak-protection', 'connect', ...target]);
    expect(connected.code, connected.stderr).toBe(0);
    const first = (await cli(['token', ...target])).stdout;
    expect(first).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);

    // The grant is on disk, named by a hash: neither the refresh token nor any part of it is stored.
    const refreshToken = await refreshTokenInVault();
    const files = await readdir(join(data.dir, 'sandbox-grants'));
    expect(files).toHaveLength(1);
    const stored = await readFile(join(data.dir, 'sandbox-grants', files[0]!), 'utf8');
    expect(`${files[0]} ${stored}`).not.toContain(refreshToken);
    expect(`${files[0]} ${stored}`).not.toContain(refreshToken.slice(0, 12));
    expect(JSON.parse(stored)).toMatchObject({ subdomain: 'sandbox', clientId: 'workbench-demo', scopes: expect.arrayContaining(['offline']) });

    for (const process of [2, 3]) {
      const refreshed = await cli(['refresh', ...target]);
      expect(refreshed.code, `process ${process}: ${refreshed.stderr}`).toBe(0);
      expect(refreshed.stdout).toMatch(/^refreshed; expires \d{4}-/);
    }
    const second = (await cli(['token', ...target])).stdout;
    expect(second).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(second).not.toBe(first);

    const revoked = await cli(['revoke', ...target]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(await readdir(join(data.dir, 'sandbox-grants'))).toEqual([]);
    const refused = await cli(['refresh', ...target]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^error \[TOKEN_REVOKED\]: The refresh token was refused \(invalid_grant\)/);
    expect(refused.stderr).not.toContain(refreshToken);
  });
});
