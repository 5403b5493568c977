// The encrypted store: one conf file sealed with AES-256-GCM under a key derived from the data key
// (store-crypto.ts, in conf's serialize/deserialize hooks). conf's `store` getter re-reads the whole
// file on every access, so the data is read once here and cached by the caller; writes go through
// `conf.store = data` (conf writes atomically). Files written by conf's own encryption (before
// store format 1) are read once that way and rewritten sealed, the old file kept as a backup.
import { constants, promises as fs } from 'node:fs';
import type { StoreFactory } from '../ports';
import { dataKeyToConfKey } from './data-key';
import { deriveStoreKey, isSealedStore, openSealedStore, sealStore } from './store-crypto';
import { migrateToCurrent } from './migrations/migrate';
import { emptyVaultData } from './store-schema';
import { STORE_CONFIG_NAME, STORE_FILE_EXTENSION } from './vault-files';
import type { VaultData } from './vault-types';

/**
 * conf's own bookkeeping key. When the written value already carries it, conf skips re-reading and
 * re-decrypting the whole file on every write (it reads only to carry this key over). We never use
 * conf migrations, so it stays empty; the schema parse drops it on read.
 */
const CONF_INTERNAL_KEY = '__internal__';

export interface StoreHandle {
  readonly path: string;
  /** Encrypts and writes atomically (conf writes a temp file and renames). Throws on failure. */
  write(data: VaultData): void;
  /**
   * The data as last written (or read) successfully, parsed afresh from that JSON text: what a
   * failed update() goes back to. Keeping the text (conf serialises it anyway) costs nothing per
   * update, where a structuredClone of the whole data before each one cost more than the write.
   */
  lastPersisted(): VaultData;
}

export type StoreOpen =
  | { kind: 'ok'; handle: StoreHandle; data: VaultData; migratedFrom: number | null; backupPath: string | null }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; message: string };

function classifyConfError(error: unknown): StoreOpen {
  const message = error instanceof Error ? error.message : '';
  if (message === 'Failed to decrypt config data.' || message === 'Invalid authentication tag length.') {
    return { kind: 'corrupt', reason: 'The store could not be decrypted with the vault\'s key (a different key, or a damaged or truncated file).' };
  }
  if (error instanceof SyntaxError) return { kind: 'corrupt', reason: 'The store decrypted but is not valid JSON.' };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { kind: 'unreadable', message: `The store file could not be read (${code ?? 'unknown error'}). Nothing was changed.` };
}

/** Thrown from deserialize when the file predates store format 1 (conf's own encryption). */
class LegacyStoreFormat extends Error {}

/** Reads a store written with conf's built-in encryption (PBKDF2-stretched key): the JSON text. */
function readLegacyStore(options: { dataDir: string; dataKey: Buffer; storeFactory: StoreFactory }): string {
  let text = '';
  options.storeFactory({
    cwd: options.dataDir,
    configName: STORE_CONFIG_NAME,
    fileExtension: STORE_FILE_EXTENSION,
    encryptionKey: dataKeyToConfKey(options.dataKey),
    encryptionAlgorithm: 'aes-256-gcm',
    clearInvalidConfig: false,
    deserialize: (raw) => {
      text = raw;
      return JSON.parse(raw) as Record<string, unknown>;
    },
  });
  return text;
}

export async function openStoreFile(options: { dataDir: string; dataKey: Buffer; storeFactory: StoreFactory; now: Date }): Promise<StoreOpen> {
  const storeKey = deriveStoreKey(options.dataKey);
  let raw: unknown;
  let sawFile = false;
  // The JSON text on disk (decrypted), and the one being written until conf says it is written.
  let persistedText = '';
  let writingText = '';
  // Set when the file on disk predates store format 1: its JSON, read through conf's old scheme.
  let legacyText: string | null = null;
  const openConf = () =>
    options.storeFactory({
      cwd: options.dataDir,
      configName: STORE_CONFIG_NAME,
      fileExtension: STORE_FILE_EXTENSION,
      // Never let conf "recover" by wiping a file it cannot read: recovery is ours (move aside).
      clearInvalidConfig: false,
      // Encrypted, but still nobody else's business.
      configFileMode: 0o600,
      serialize: (value) => {
        writingText = JSON.stringify(value);
        return sealStore(storeKey, writingText);
      },
      // conf's constructor reads the file once: keep that parse instead of reading it again
      // through the `store` getter.
      deserialize: (text) => {
        sawFile = true;
        if (isSealedStore(text)) persistedText = openSealedStore(storeKey, text);
        else if (legacyText !== null) persistedText = legacyText;
        else throw new LegacyStoreFormat();
        raw = JSON.parse(persistedText) as unknown;
        return raw as Record<string, unknown>;
      },
    });
  let conf: ReturnType<StoreFactory>;
  try {
    try {
      conf = openConf();
    } catch (error) {
      if (!(error instanceof LegacyStoreFormat)) throw error;
      legacyText = readLegacyStore(options);
      conf = openConf();
    }
  } catch (error) {
    return classifyConfError(error);
  }
  const handle: StoreHandle = {
    path: conf.path,
    write: (data) => {
      writingText = '';
      conf.store = { ...data, [CONF_INTERNAL_KEY]: {} } as unknown as Record<string, unknown>;
      // Only now is it on disk; a throw above leaves the previous text in place.
      persistedText = writingText;
    },
    lastPersisted: () => {
      // The text was read or written by us after the schema check, so this cannot fail short of a bug.
      const migrated = migrateToCurrent(JSON.parse(persistedText) as unknown);
      if (migrated.kind !== 'ok') throw new Error(`The vault's last written state no longer reads (${migrated.kind}).`);
      return migrated.data;
    },
  };
  if (!sawFile) {
    const data = emptyVaultData();
    try {
      handle.write(data);
    } catch (error) {
      return classifyConfError(error);
    }
    return { kind: 'ok', handle, data, migratedFrom: null, backupPath: null };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'corrupt', reason: 'The store decrypted but is not a JSON object.' };
  const migrated = migrateToCurrent(raw);
  if (migrated.kind === 'newer') return migrated;
  if (migrated.kind === 'invalid') return { kind: 'corrupt', reason: migrated.reason };
  const schemaChanged = migrated.from !== migrated.data.schemaVersion;
  if (!schemaChanged && legacyText === null) return { kind: 'ok', handle, data: migrated.data, migratedFrom: null, backupPath: null };
  // Keep the pre-migration file byte for byte before writing the new shape (or format) over it.
  const what = schemaChanged ? `schema-${migrated.from}` : 'format-0';
  const backupPath = `${conf.path}.${what}-backup-${options.now.toISOString().replaceAll(':', '-')}`;
  try {
    await fs.copyFile(conf.path, backupPath, constants.COPYFILE_EXCL);
    handle.write(migrated.data);
  } catch (error) {
    return classifyConfError(error);
  }
  return { kind: 'ok', handle, data: migrated.data, migratedFrom: schemaChanged ? migrated.from : null, backupPath };
}
