// scripts/electron-preflight.mjs, run as `npm start` runs it, on a stand-in electron package: quiet
// when the binary is there; when fetching fails, what failed (no stack), how to fix it, and the doors
// that need no Electron binary.
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/electron-preflight.mjs', import.meta.url));
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function fakeElectronPackage(installJs: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-preflight-'));
  folders.push(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  await writeFile(join(dir, 'install.js'), installJs);
  return dir;
}

const run = (dir: string) => spawnSync(process.execPath, [script], { encoding: 'utf8', env: { PATH: process.env.PATH, WORKBENCH_ELECTRON_PACKAGE_DIR: dir } });

describe('electron preflight', () => {
  it('says nothing and exits 0 when the binary is installed', async () => {
    const dir = await fakeElectronPackage('process.exit(1)');
    await writeFile(join(dir, 'path.txt'), 'electron');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    const result = run(dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('when the download fails: what failed without the stack, the fixes, and the other doors', async () => {
    // What @electron/get prints today when the network is shut: an undici stack.
    const dir = await fakeElectronPackage(`console.error([
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:13502:13',
      '    at async downloadArtifact (/x/node_modules/@electron/get/dist/index.js:1:1)',
      '  [cause]: Error: getaddrinfo ENOTFOUND github.com',
    ].join('\\n')); process.exit(1);`);
    const result = run(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Electron 45.4.1 binary could not be fetched');
    expect(result.stderr).toContain('TypeError: fetch failed');
    expect(result.stderr).toContain('getaddrinfo ENOTFOUND github.com');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).toContain('HTTPS_PROXY');
    expect(result.stderr).toContain('ELECTRON_MIRROR');
    expect(result.stderr).toContain(`electron-v45.4.1-${process.platform}-${process.arch}.zip`);
    expect(result.stderr).toContain('npx gorgias-workbench serve');
  });
});
