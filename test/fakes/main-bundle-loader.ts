// Starts the BUILT dist/main/main.js against the fake `electron` module and quits it again. The
// calling test file must itself `vi.mock('electron')` and `vi.mock('electron-store')` with
// test/fakes/fake-electron.ts (vi.mock is hoisted per file, so it cannot live here).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, vi } from 'vitest';
import { fake, fakeEvent, FakeBrowserWindow } from './fake-electron';

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
export const builtFiles = {
  main: join(distDir, 'main', 'main.js'),
  preload: join(distDir, 'preload', 'preload.cjs'),
  rendererIndex: join(distDir, 'renderer', 'index.html'),
};

export interface StartedMainBundle {
  dataDir: string;
  window: FakeBrowserWindow;
  /** Quits the app (which closes the backend) and removes the data folder. */
  quit(): Promise<void>;
}

export async function startMainBundle(tempPrefix: string): Promise<StartedMainBundle> {
  if (!existsSync(builtFiles.main)) throw new Error('dist/main/main.js is missing: run `npx vite build` first');
  const dataDir = await mkdtemp(join(tmpdir(), tempPrefix));
  fake.app.userDataDir = dataDir;
  await import(/* @vite-ignore */ pathToFileURL(builtFiles.main).href);
  await vi.waitFor(
    () => {
      if (fake.dialog.errors.length) throw new Error(`startup failed: ${JSON.stringify(fake.dialog.errors)}`);
      expect(FakeBrowserWindow.windows).toHaveLength(1);
      expect(FakeBrowserWindow.windows[0]!.loadedFile).not.toBeNull();
    },
    { timeout: 20_000, interval: 20 },
  );
  return {
    dataDir,
    window: FakeBrowserWindow.windows[0]!,
    async quit() {
      // Quitting closes the backend (vault, servers) before the process may end.
      if (fake.app.listenerCount('before-quit') > 0) {
        const quitsBefore = fake.app.quitCalls;
        fake.app.emit('before-quit', fakeEvent({}));
        await vi.waitFor(() => expect(fake.app.quitCalls).toBeGreaterThan(quitsBefore), { timeout: 10_000 });
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
