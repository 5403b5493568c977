// Where the vault lives: the app's own data folder by default (Electron's `userData`, i.e. the OS's
// per-user application-data folder + the product name), so the CLI and the app share one vault.
// --data-dir and WORKBENCH_DATA_DIR override it.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Gorgias OAuth Workbench';

/** Electron's `appData` for the platform (https://www.electronjs.org/docs/latest/api/app#appgetpathname). */
export function electronAppData(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.length > 0 ? env.XDG_CONFIG_HOME : join(home, '.config');
}

export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = option ?? (env.WORKBENCH_DATA_DIR && env.WORKBENCH_DATA_DIR.length > 0 ? env.WORKBENCH_DATA_DIR : undefined);
  return chosen ? resolve(chosen) : join(electronAppData(process.platform, env), PRODUCT_NAME);
}
