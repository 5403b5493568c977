// `electron . --cli <command>`: the BUILT dist/main/main.js, given CLI arguments, runs the command with
// no window and exits (fake electron, no binary). The vault it creates is protected by (fake)
// safeStorage, and the plain-Node CLI then says plainly that this vault needs the app's binary.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow } from '../fakes/fake-electron';
import { builtFiles } from '../fakes/main-bundle-loader';
import { runCli } from '../cli/cli-process';

vi.mock('electron', async () => (await import('../fakes/fake-electron')).fakeElectronModule());
vi.mock('electron-store', async () => ({ default: (await import('../fakes/fake-electron')).FakeElectronStore }));

let dataDir = '';
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('main with --cli', () => {
  it('runs the command headless, prints only its result, exits with its code', async () => {
    if (!existsSync(builtFiles.main)) throw new Error('dist/main/main.js is missing: run `npx vite build` first');
    dataDir = await mkdtemp(join(tmpdir(), 'workbench-cli-mode-'));
    fake.app.userDataDir = dataDir;
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const argv = process.argv;
    process.argv = [argv[0]!, '.', '--cli', 'apps', 'list', '--json'];
    try {
      await import(/* @vite-ignore */ pathToFileURL(builtFiles.main).href);
      await vi.waitFor(() => expect(fake.app.exitCodes).toHaveLength(1), { timeout: 20_000, interval: 20 });
    } finally {
      process.argv = argv;
      write.mockRestore();
    }
    expect(fake.app.exitCodes).toEqual([0]);
    expect(JSON.parse(written.join(''))).toEqual([expect.objectContaining({ name: 'Demo app', clientId: 'workbench-demo' })]);
    // No window, no IPC, no sandboxing switch: nothing of the app started.
    expect(FakeBrowserWindow.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.app.sandboxEnabled).toBe(false);
    // The new vault's key went to the OS keychain (safeStorage), as in the app.
    expect(fake.safeStorage.calls.encrypt).toBeGreaterThan(0);
  });

  it('the plain-Node CLI on that vault says to use the app binary or a passphrase (exit 5)', async () => {
    const run = await runCli(['apps', 'list'], { env: { WORKBENCH_DATA_DIR: dataDir, WORKBENCH_PASSPHRASE: 'irrelevant here' } });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('keeps its key in the OS keychain');
    expect(run.stderr).toContain('--cli');
  });
});
