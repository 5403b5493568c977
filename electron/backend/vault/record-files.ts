// Where each record of store format 2 lives, and the conf handle that writes it. The main store
// (apps, accounts, settings, the install order) is `vault.json`; each install is
// `installs/<id>.json`. conf writes every file (atomically: temp file, fsync, rename, mode 0600);
// the vault reads them itself, so opening 1,000 installs does not construct 1,000 conf objects.
import path from 'node:path';
import type { StoreFactory } from '../ports';
import { sealRecord } from './record-crypto';
import { STORE_CONFIG_NAME, STORE_FILE_EXTENSION } from './vault-files';

export const INSTALLS_DIR = 'installs';
export const MAIN_RECORD = 'main';

/** conf's own bookkeeping key: carrying it in the value saves conf a read of the file on each write. */
const CONF_INTERNAL_KEY = '__internal__';

/** A file stem for an install id: the id itself when it is plainly safe, else its hex. */
export function installStem(id: string): string {
  return /^[A-Za-z0-9_-]{1,120}$/.test(id) ? id : `x-${Buffer.from(id, 'utf8').toString('hex').slice(0, 200)}`;
}

export const installRecord = (stem: string): string => `install:${stem}`;

export function recordPath(dataDir: string, name: string): string {
  if (name === MAIN_RECORD) return path.join(dataDir, `${STORE_CONFIG_NAME}.${STORE_FILE_EXTENSION}`);
  return path.join(dataDir, INSTALLS_DIR, `${name.slice('install:'.length)}.${STORE_FILE_EXTENSION}`);
}

export interface RecordWriter {
  /** Seals `value` as generation `generation` of this record and writes it atomically. Throws on failure. */
  write(value: object, generation: number): void;
}

export function recordWriter(options: { dataDir: string; name: string; key: Buffer; storeFactory: StoreFactory }): RecordWriter {
  const { name, key } = options;
  let generation = 0;
  const file = recordPath(options.dataDir, name);
  const conf = options.storeFactory({
    cwd: path.dirname(file),
    configName: path.basename(file, `.${STORE_FILE_EXTENSION}`),
    fileExtension: STORE_FILE_EXTENSION,
    // Never let conf "recover" by wiping a file it cannot read: recovery is ours (move aside).
    clearInvalidConfig: false,
    configFileMode: 0o600,
    serialize: (value) => {
      const { [CONF_INTERNAL_KEY]: _internal, ...rest } = value;
      return sealRecord(key, name, generation, JSON.stringify(rest));
    },
    // conf's constructor reads the file once; the vault has read it already, so skip the work.
    deserialize: () => ({}),
  });
  return {
    write(value, next) {
      generation = next;
      conf.store = { ...value, [CONF_INTERNAL_KEY]: {} } as unknown as Record<string, unknown>;
    },
  };
}
