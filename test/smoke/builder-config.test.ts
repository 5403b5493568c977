// electron-builder cannot package here (it downloads Electron), so its config is checked the way
// electron-builder itself checks it before packaging: loaded from electron-builder.yml and validated
// against its own JSON schema, plus the rules it enforces on package.json and the icons it needs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: { filter?: string[] }[];
  linux?: { target?: string[]; icon?: string };
  mac?: { target?: string; icon?: string };
  win?: { target?: string; icon?: string };
  directories?: { output?: string; buildResources?: string };
}

// app-builder-lib is electron-builder's own engine (an exact dependency of it), loaded the way the
// CLI loads it. Typed loosely: its declarations are not part of our build.
async function loadBuilder(): Promise<{
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
}> {
  const modulePath = 'app-builder-lib/out/util/config/config.js';
  return (await import(/* @vite-ignore */ modulePath)) as never;
}

async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const { getConfig, validateConfiguration } = await loadBuilder();
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    expect(config.appId).toBe('com.gorgias-workbench.app');
    expect(config.productName).toBe('Gorgias OAuth Workbench');
    expect(config.files?.flatMap((f) => f.filter ?? [])).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('would be refused by the validator if it were wrong (the check can fail)', async () => {
    const { validateConfiguration } = await loadBuilder();
    await expect(validateConfiguration({ appId: 'x', linux: { targets: ['AppImage'] } }, { isEnabled: false, add: () => undefined })).rejects.toThrow(
      /configuration/i,
    );
  });

  it('matches package.json the way electron-builder requires', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // electron-builder refuses to package with electron in dependencies, and needs an exact version.
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies['electron-store']).toBeDefined();
    expect(pkg.main).toBe('dist/main/main.js');
  });

  it('points at icons that exist with the sizes the platforms need', async () => {
    expect(await pngSize(join(root, 'resources', 'icon.png'))).toEqual({ width: 512, height: 512 });
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(await pngSize(join(root, 'resources', 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    const ico = await readFile(join(root, 'resources', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    const icns = await readFile(join(root, 'resources', 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic09'))).toBe(true);
  });
});
