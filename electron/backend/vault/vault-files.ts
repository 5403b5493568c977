// The vault's files in the data folder. One place for the names so recovery, docs and tests agree.
import path from 'node:path';

/** Small versioned JSON file holding the protected data key. */
export const KEY_FILE = 'vault-key.json';
/** conf's configName + fileExtension for the encrypted store. */
export const STORE_CONFIG_NAME = 'vault';
export const STORE_FILE_EXTENSION = 'json';
export const STORE_FILE = `${STORE_CONFIG_NAME}.${STORE_FILE_EXTENSION}`;
/** Append-only, one encrypted entry per line; kept out of the store so refreshes stay cheap. */
export const ACTIVITY_FILE = 'activity.log';
/** Store format 2: one sealed file per install (record-files.ts). */
export const INSTALLS_FOLDER = 'installs';
/** Held while a process writes (file-lock.ts). */
export const LOCK_FILE = 'vault.lock';
/** Exclusive sections (vault.exclusive), one lock file per name. */
export const LOCKS_FOLDER = 'locks';

export interface VaultPaths {
  dataDir: string;
  keyFile: string;
  storeFile: string;
  activityFile: string;
  installsDir: string;
  lockFile: string;
  locksDir: string;
}

export function vaultPaths(dataDir: string): VaultPaths {
  return {
    dataDir,
    keyFile: path.join(dataDir, KEY_FILE),
    storeFile: path.join(dataDir, STORE_FILE),
    activityFile: path.join(dataDir, ACTIVITY_FILE),
    installsDir: path.join(dataDir, INSTALLS_FOLDER),
    lockFile: path.join(dataDir, LOCK_FILE),
    locksDir: path.join(dataDir, LOCKS_FOLDER),
  };
}
