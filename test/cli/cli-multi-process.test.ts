// One vault, several processes (issue 11, point 4): ten `token` processes at once on an install about
// to expire must cause exactly ONE refresh at the sandbox, and all print the same fresh token.
//
// The cross-process single flight is the vault's exclusive section (vault.exclusive, used by the
// installs refresher): the first process refreshes, the others find the fresh token when they get in.
// The refresh gate (refresh-gate.ts) holds the first refresh until a second arrives or 5 s pass, so
// "at once" does not depend on how the machine schedules ten process starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVING_BROWSER, runCli, tempDataDir } from './cli-process';
import { startRefreshGate, type RefreshGate } from './refresh-gate';
import { serveSandbox, type ServedSandbox } from './sandbox-serve-process';
import { addPartnerApp, withVault } from './vault-setup';

const PASSPHRASE = 'correct horse battery';
let data: Awaited<ReturnType<typeof tempDataDir>>;
let sandbox: ServedSandbox;
let gate: RefreshGate;
const env = () => ({ WORKBENCH_DATA_DIR: data.dir, WORKBENCH_PASSPHRASE: PASSPHRASE, WORKBENCH_BROWSER: APPROVING_BROWSER });
const target = ['--app', 'Partner app', '--account', 'acme'];

beforeAll(async () => {
  data = await tempDataDir();
  sandbox = await serveSandbox(['--accounts', 'acme']);
  await addPartnerApp(data.dir, PASSPHRASE, sandbox);
  const connected = await runCli(['connect', ...target], { env: env() });
  expect(connected.code).toBe(0);
  // From now on the account goes through the gate; "about to expire": one minute left, less than
  // token's default --min-valid of 5 minutes.
  gate = await startRefreshGate(sandbox.origin, 5_000);
  await withVault(data.dir, PASSPHRASE, async (backend) => {
    const account = backend.vault.data().accounts.find((candidate) => candidate.subdomain === 'acme')!;
    await backend['accounts.update']({ id: account.id, patch: { customBaseUrl: `${gate.origin}/acme` } });
    await backend.vault.update((draft) => {
      draft.installs[0]!.expiresAt = new Date(Date.now() + 60_000).toISOString();
    });
  });
});
afterAll(async () => {
  await gate?.close();
  await sandbox?.stop();
  await data.remove();
});

describe('ten token processes at once', () => {
  it('refresh once, at the sandbox, and all print the same token', async () => {
    const runs = await Promise.all(Array.from({ length: 10 }, () => runCli(['token', ...target], { env: env() })));
    expect(runs.map((run) => run.code)).toEqual(Array(10).fill(0));
    expect(gate.refreshPosts()).toBe(1);
    expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
  });
});
