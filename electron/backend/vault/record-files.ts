// Where each record of store format 2 lives, and how it is written. The main store (apps,
// accounts, settings, the install order) is `vault.json`, written by the store factory: electron-store
// in the app, conf in Node (atomically: temp file, fsync, rename; mode 0600) — the product's store.
// Each install is `installs/<id>.json` beside it, written by one atomic replace (temp file, write,
// fsync, rename; mode 0600) with nothing else around it: a token refresh writes one of these, and
// conf would add a mkdir, a realpath, a stat, a chmod and its own temp-file bookkeeping to every
// save, and a conf object per install to the first one.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StoreFactory } from '../ports';
import { writeFileAtomicSync } from './atomic-write';
import { sealRecord } from './record-crypto';
import { STORE_CONFIG_NAME, STORE_FILE_EXTENSION } from './vault-files';

export const INSTALLS_DIR = 'installs';
export const MAIN_RECORD = 'main';

/** A file stem for an install id: the id itself when it is plainly safe, else its hex. */
export function installStem(id: string): string {
  return /^[A-Za-z0-9_-]{1,120}$/.test(id) ? id : `x-${Buffer.from(id, 'utf8').toString('hex').slice(0, 200)}`;
}

export const installRecord = (stem: string): string => `install:${stem}`;

export function recordPath(dataDir: string, name: string): string {
  if (name === MAIN_RECORD) return path.join(dataDir, `${STORE_CONFIG_NAME}.${STORE_FILE_EXTENSION}`);
  return path.join(dataDir, INSTALLS_DIR, `${name.slice('install:'.length)}.${STORE_FILE_EXTENSION}`);
}

/**
 * Seals `value` as generation `generation` of record `name` and replaces its file atomically and
 * durably (fsync before the rename). Throws on failure, leaving the old file as it was.
 */
export function writeRecord(dataDir: string, key: Buffer, name: string, value: object, generation: number): void {
  const file = recordPath(dataDir, name);
  const text = sealRecord(key, name, generation, JSON.stringify(value));
  try {
    writeFileAtomicSync(file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The first install file (or a folder deleted meanwhile): create the folder, then write again.
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomicSync(file, text);
  }
}

/** conf's own bookkeeping key: carrying it in the value saves conf a read of the file on each write. */
const CONF_INTERNAL_KEY = '__internal__';

export interface MainStoreWriter {
  /** Seals `value` as generation `generation` of the main record and writes it through the store. Throws on failure. */
  write(value: object, generation: number): void;
}

/** The main store's writer: one electron-store/conf object for the life of the open vault. */
export function mainStoreWriter(options: { dataDir: string; key: Buffer; storeFactory: StoreFactory }): MainStoreWriter {
  const { key } = options;
  let generation = 0;
  const file = recordPath(options.dataDir, MAIN_RECORD);
  const store = options.storeFactory({
    cwd: path.dirname(file),
    configName: path.basename(file, `.${STORE_FILE_EXTENSION}`),
    fileExtension: STORE_FILE_EXTENSION,
    // Never let the store "recover" by wiping a file it cannot read: recovery is ours (move aside).
    clearInvalidConfig: false,
    configFileMode: 0o600,
    serialize: (value) => {
      const { [CONF_INTERNAL_KEY]: _internal, ...rest } = value;
      return sealRecord(key, MAIN_RECORD, generation, JSON.stringify(rest));
    },
    // The store's constructor reads the file once; the vault has read it already, so skip the work.
    deserialize: () => ({}),
  });
  return {
    write(value, next) {
      generation = next;
      store.store = { ...value, [CONF_INTERNAL_KEY]: {} } as unknown as Record<string, unknown>;
    },
  };
}

/** A temp file of writeRecord that a killed process left behind (deleted at the next open, under the lock). */
export function isRecordTemp(name: string): boolean {
  return name.startsWith('.') && name.includes(`.${STORE_FILE_EXTENSION}.tmp-`);
}
