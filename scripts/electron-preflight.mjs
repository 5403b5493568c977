#!/usr/bin/env node
// Run by `npm start` before `electron .`: makes sure Electron's binary is there, fetching it the way
// the electron package does (its own install.js). When that fails (no network, a proxy, a blocked
// GitHub), it prints what failed and how to fix it, instead of an undici stack trace, and points at
// the doors that need no Electron binary at all. Exit 0 = ready, 1 = not.
// WORKBENCH_ELECTRON_PACKAGE_DIR points it at another electron package folder (tests).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = process.env.WORKBENCH_ELECTRON_PACKAGE_DIR ?? dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

function installed() {
  try {
    const executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    // As electron's own install.js decides it.
    return existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist', executable));
  } catch {
    return false;
  }
}

/** The lines of an error report a person can act on: no stack frames, no blank lines, short. */
function whatFailed(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('at ') && !/^[{}[\]]+$/.test(line) && !line.startsWith('node:'));
  return lines.slice(0, 3).map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line));
}

if (installed()) process.exit(0);

console.error(`Fetching the Electron ${version} binary (first start only)…`);
const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { encoding: 'utf8', timeout: 300_000, env: process.env });
if (result.status === 0 && installed()) process.exit(0);

const reasons = result.error ? [`${result.error.code ?? result.error.name}: ${result.error.message}`] : whatFailed(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
console.error(`
The Electron ${version} binary could not be fetched, so the desktop window cannot start.

What failed:
${(reasons.length ? reasons : ['the download ended without a binary']).map((line) => `  ${line}`).join('\n')}

How to fix it (then run npm start again):
  - Behind a proxy: set HTTPS_PROXY (and NO_PROXY), and ELECTRON_GET_USE_PROXY=1.
  - GitHub blocked: point ELECTRON_MIRROR at a mirror that has v${version},
      e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/
  - Offline: copy ${zip} (from https://github.com/electron/electron/releases/tag/v${version})
      into Electron's cache folder (electron_config_cache, or the default cache of @electron/get),
      then run npm start again.

Meanwhile the same workbench runs without Electron:
  npx gorgias-workbench serve      the full UI in your browser, on 127.0.0.1
  npx gorgias-workbench --help     the command line (tokens, API calls, the sandbox)
`);
process.exit(1);
