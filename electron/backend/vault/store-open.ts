// Opening the store: store format 2 as it is, or a store of an older format (one file, format 0 or
// 1, schema 1 or 2) migrated to format 2 + schema 3 in one step, the old file kept as a backup.
// Called under the vault's write lock. Never throws for what it finds: a damaged main store is
// moved aside (with the install files it listed) and a fresh store started; a damaged install file
// is moved aside on its own.
import { constants, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger, StoreFactory } from '../ports';
import { isExpiredBackup } from './backup-expiry';
import { classifyStoreError, readLegacyStore } from './legacy-store';
import { migrateToCurrent } from './migrations/migrate';
import { deriveRecordKey, isRecordText } from './record-crypto';
import { CHANGES_FILE, RecordStore, type RecordStoreInit } from './record-store';
import { emptyVaultData } from './store-schema';
import type { VaultPaths } from './vault-files';
import type { VaultData } from './vault-types';

export type StoreOpen =
  | { kind: 'ok'; store: RecordStore; migratedFrom: number | null; formatFrom: number | null; backupPath: string | null }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; message: string };

export interface StoreOpenOptions {
  paths: VaultPaths;
  dataKey: Buffer;
  storeFactory: StoreFactory;
  logger: Logger;
  now: Date;
  recover(files: readonly string[], reason: string): Promise<void>;
}

/** A new store with every record written; any change log of an earlier store goes. */
async function create(init: RecordStoreInit, data: VaultData): Promise<StoreOpen> {
  try {
    rmSync(path.join(init.dataDir, CHANGES_FILE), { force: true });
    return { kind: 'ok', store: await RecordStore.create(init, data), migratedFrom: null, formatFrom: null, backupPath: null };
  } catch (error) {
    return classifyStoreError(error);
  }
}

export async function openStore(options: StoreOpenOptions): Promise<StoreOpen> {
  const { paths } = options;
  const init: RecordStoreInit = { dataDir: paths.dataDir, key: deriveRecordKey(options.dataKey), logger: options.logger, storeFactory: options.storeFactory };
  let text: string | null = null;
  try {
    text = await fs.readFile(paths.storeFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return classifyStoreError(error);
  }
  if (text === null) {
    // Install files without the main store that lists them (the store was deleted by hand): keep them aside.
    if ((await fs.readdir(paths.installsDir).catch(() => [])).length > 0) await options.recover([paths.installsDir], 'Install files were found without the store that lists them.');
    return create(init, emptyVaultData());
  }
  if (isRecordText(text)) {
    const opened = await RecordStore.open(init, text);
    if (opened.kind === 'newer') return opened;
    if (opened.kind === 'corrupt') {
      options.logger.warn(`Vault store unreadable, moving it aside: ${opened.reason}`);
      await options.recover([paths.storeFile, paths.installsDir], opened.reason);
      return create(init, emptyVaultData());
    }
    await expireBackups(paths, options.now, options.logger);
    for (const bad of opened.bad) {
      options.logger.warn(`An install file is unreadable, moving it aside: ${bad.reason}`);
      await options.recover([bad.file], bad.reason);
    }
    return { kind: 'ok', store: opened.store, migratedFrom: null, formatFrom: null, backupPath: null };
  }
  return migrate(options, init, text);
}

export { BACKUP_DAYS } from './backup-expiry';

/**
 * Deletes migration backups older than BACKUP_DAYS, at an open of the migrated (format 2) vault: a
 * backup holds every secret of its day, so it must not outlive a secret the user deleted since by
 * more than that. The age comes from the time in the file's name (when the migration ran).
 */
async function expireBackups(paths: VaultPaths, now: Date, logger: Logger): Promise<void> {
  const names = await fs.readdir(paths.dataDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!isExpiredBackup(name, now)) continue;
    await fs.rm(path.join(paths.dataDir, name), { force: true }).catch((error: unknown) => {
      logger.warn(`An expired vault backup could not be deleted (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    });
  }
}

/** Format 0/1 → format 2: read the one old file, migrate its schema, write every record, keep the old file. */
async function migrate(options: StoreOpenOptions, init: RecordStoreInit, text: string): Promise<StoreOpen> {
  const { paths } = options;
  const legacy = readLegacyStore({ dataDir: paths.dataDir, dataKey: options.dataKey, storeFactory: options.storeFactory, text });
  if (legacy.kind === 'unreadable') return legacy;
  const migrated = legacy.kind === 'ok' ? migrateToCurrent(legacy.raw) : null;
  if (migrated?.kind === 'newer') return migrated;
  if (legacy.kind === 'corrupt' || migrated?.kind !== 'ok') {
    const reason = legacy.kind === 'corrupt' ? legacy.reason : migrated?.kind === 'invalid' ? migrated.reason : 'The store could not be read.';
    options.logger.warn(`Vault store unreadable, moving it aside: ${reason}`);
    // Install files beside an old-format store can only be from a migration cut short: aside too.
    await options.recover([paths.storeFile, paths.installsDir], reason);
    return create(init, emptyVaultData());
  }
  const format = legacy.kind === 'ok' ? legacy.format : 1;
  // The old file, byte for byte, before anything is written (a crash before the main store is
  // replaced leaves the old file in place, and the next open migrates again).
  const backupPath = `${paths.storeFile}.schema-${migrated.from}-format-${format}-backup-${options.now.toISOString().replaceAll(':', '-')}`;
  try {
    await fs.copyFile(paths.storeFile, backupPath, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return classifyStoreError(error);
  }
  const created = await create(init, migrated.data);
  if (created.kind !== 'ok') return created;
  return { ...created, migratedFrom: migrated.from, formatFrom: format, backupPath };
}
