// A read-only look at a vault that is already set up and healthy, for the CLI's lean `token`
// (electron/cli/lean-token.ts): a script calls `token` once per request, and opening the whole
// backend (schemas, services, the activity log) costs several times what Node itself takes to start.
//
// It reads what the full open reads — the key file, the change log, the main store, the install
// files (only the wanted app × account's when the main store says which they are) — with the same
// crypto, and nothing else; it writes nothing and takes no lock (every file is
// replaced atomically, and the change log is read before the records, so a commit landing meanwhile
// only makes a file newer than the log, which is normal). It answers null, never an error, whenever
// the full open could do or say anything more than "ready": a missing, newer, damaged or
// OS-protected key file, a wrong passphrase, a rotation or a migration to finish, an expired backup
// or key-file temp file to delete, a store not yet seeded, a file that does not open, a rollback or
// mirror finding to report. The caller then takes the full path, which reports it exactly as before.
// What it does not look at: the activity log (the full open attaches it in the background and
// reports its findings; `token` never reads it).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isExpiredBackup } from './backup-expiry';
import { parseChangeLines } from './change-lines';
import { parseDataKey } from './data-key';
import { mirrorMac } from './key-mirror-mac';
import { deriveKek, scryptParamsProblem, unwrapKey, type ScryptParams, type WrappedKey } from './passphrase-kdf';
import { deriveRecordKey, openRecord } from './record-crypto';
import { INSTALLS_DIR, MAIN_RECORD, installRecord, installStem } from './record-files';
import { CURRENT_SCHEMA_VERSION, type StoredAccount, type StoredApp, type StoredInstall } from './vault-types';

const KEY_FILE = 'vault-key.json';
const STORE_FILE = 'vault.json';
const CHANGES_FILE = 'vault.changes';
const KEY_FORMAT = 'gorgias-workbench-vault-key';
const KEY_VERSION = 1;
/** key-rotation.ts's staging folder: its presence means a rotation to finish or roll back. */
const ROTATION_DIR = 'vault.rotating';
const KEY_TEMP_PREFIX = `.${KEY_FILE}.tmp-`;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface PeekedVault {
  apps: StoredApp[];
  accounts: StoredAccount[];
  /** In the full open's order: the main store's, then files it does not list yet, by id. */
  installs: StoredInstall[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isBase64 = (value: unknown, min = 1): value is string => typeof value === 'string' && value.length >= min && BASE64.test(value);

/** The key file's shape as key-file.ts's schema accepts it (anything else: the full open decides). */
function keyFileFits(file: unknown): file is Json {
  if (!isObject(file) || file.format !== KEY_FORMAT || file.version !== KEY_VERSION) return false;
  if (typeof file.createdAt !== 'string' || typeof file.updatedAt !== 'string') return false;
  if (file.keyId !== undefined && (typeof file.keyId !== 'string' || !/^[0-9a-f]{32}$/.test(file.keyId))) return false;
  if (file.mirror !== undefined) {
    const mirror = file.mirror;
    if (!isObject(mirror) || !Number.isSafeInteger(mirror.generation) || !Number.isSafeInteger(mirror.activity)) return false;
    if ((mirror.generation as number) < 0 || (mirror.activity as number) < 0 || !isBase64(mirror.mac)) return false;
  }
  return true;
}

async function dataKeyOf(file: Json, passphrase: string | undefined): Promise<Buffer | null> {
  if (file.protection === 'weak') {
    const weak = file.weak;
    if (!isObject(weak) || typeof weak.warning !== 'string' || !isBase64(weak.key)) return null;
    return parseDataKey(weak.key);
  }
  if (file.protection !== 'passphrase' || !passphrase) return null;
  const entry = file.passphrase;
  if (!isObject(entry) || !isObject(entry.kdf) || !isObject(entry.wrap)) return null;
  const kdf = entry.kdf;
  const wrap = entry.wrap;
  if (kdf.name !== 'scrypt' || !isBase64(kdf.salt, 16) || scryptParamsProblem(kdf) !== null) return null;
  if (wrap.alg !== 'aes-256-gcm' || !isBase64(wrap.iv) || !isBase64(wrap.ciphertext) || !isBase64(wrap.tag)) return null;
  try {
    const key = unwrapKey(wrap as unknown as WrappedKey, await deriveKek(passphrase, kdf as unknown as ScryptParams));
    return key.length === 32 ? key : null;
  } catch {
    // A wrong passphrase: the full path says so, with its code and exit status.
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Which installs the caller wants: one app × account, picked from the vault's apps and accounts (null: none). */
export type PeekSelect = (apps: StoredApp[], accounts: StoredAccount[]) => { appId: string; accountId: string } | null;

/**
 * The install files worth decrypting when the main store says each install's app and account
 * (installOwners): only the chosen pair's. Null — read them all — without a pair or owners, or when
 * the folder holds a file the main store does not list (a crash before it was saved: the full open
 * adds it).
 */
function installFilesToRead(files: readonly string[], main: Json, pair: { appId: string; accountId: string } | null): string[] | null {
  const ids = main.installIds as unknown[];
  const owners = main.installOwners;
  if (!pair || !Array.isArray(owners) || owners.length !== ids.length) return null;
  const listed = new Set<string>();
  const wanted: string[] = [];
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index];
    const owner = owners[index] as unknown;
    if (typeof id !== 'string' || !Array.isArray(owner)) return null;
    const name = `${installStem(id)}.json`;
    listed.add(name);
    if (owner[0] === pair.appId && owner[1] === pair.accountId) wanted.push(name);
  }
  if (files.length !== listed.size || files.some((name) => !listed.has(name))) return null;
  return wanted;
}

/**
 * The healthy vault's apps, accounts and installs, or null: open it the full way. With `select`,
 * `installs` holds only that app × account's installs when the main store says which they are (each
 * checked against its own sealed contents), and the rollback checks cover the files read.
 */
export async function peekVault(dataDir: string, options: { passphrase?: string; now: Date; select?: PeekSelect }): Promise<PeekedVault | null> {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return null;
  }
  // Housekeeping the full open does under the lock: leave it to it.
  if (names.some((name) => name === ROTATION_DIR || name.startsWith(KEY_TEMP_PREFIX) || isExpiredBackup(name, options.now))) return null;

  const keyText = readText(path.join(dataDir, KEY_FILE));
  if (keyText === null) return null;
  let keyFile: unknown;
  try {
    keyFile = JSON.parse(keyText);
  } catch {
    return null;
  }
  if (!keyFileFits(keyFile)) return null;
  const dataKey = await dataKeyOf(keyFile, options.passphrase);
  if (!dataKey) return null;
  const recordKey = deriveRecordKey(dataKey);

  // The change log first: a commit landing after this read only makes files newer than the log.
  const changesText = readText(path.join(dataDir, CHANGES_FILE));
  const logged = new Map<string, number>();
  const deleted = new Set<string>();
  let generation = 0;
  if (changesText !== null) {
    // Only whole lines, as the vault reads it (an append under way is not a commit yet).
    const end = changesText.lastIndexOf('\n');
    for (const batch of parseChangeLines(end < 0 ? '' : changesText.slice(0, end + 1))) {
      for (const name of batch.names) {
        const base = name.replace(/^-/, '');
        logged.set(base, batch.generation);
        if (name.startsWith('-')) deleted.add(base);
        else deleted.delete(base);
      }
      generation = Math.max(generation, batch.generation);
    }
  }

  const mainText = readText(path.join(dataDir, STORE_FILE));
  if (mainText === null) return null;
  const mainRecord = openRecord(recordKey, MAIN_RECORD, mainText);
  if (!mainRecord.ok) return null;
  let main: unknown;
  try {
    main = JSON.parse(mainRecord.json);
  } catch {
    return null;
  }
  // The record opened under the vault's key, so the vault wrote it after its schema check: the
  // version, the format and first-run seeding are what is left to look at.
  if (!isObject(main) || main.schemaVersion !== CURRENT_SCHEMA_VERSION || main.storeFormat !== 2) return null;
  if (!Array.isArray(main.apps) || !Array.isArray(main.accounts) || !Array.isArray(main.installIds) || !isObject(main.settings) || main.settings.seeded !== true) return null;
  const onDisk = new Map<string, number>([[MAIN_RECORD, mainRecord.generation]]);

  let files: string[] = [];
  try {
    files = readdirSync(path.join(dataDir, INSTALLS_DIR)).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  }
  let pair: { appId: string; accountId: string } | null = null;
  if (options.select) {
    pair = options.select(main.apps as StoredApp[], main.accounts as StoredAccount[]);
    if (!pair) return null;
  }
  const byOwner = installFilesToRead(files, main, pair);
  const everyFile = byOwner === null;
  const toRead = byOwner ?? files;
  const byId = new Map<string, StoredInstall>();
  for (const name of toRead) {
    const stem = name.slice(0, -'.json'.length);
    const text = readText(path.join(dataDir, INSTALLS_DIR, name));
    if (text === null) return null;
    const record = openRecord(recordKey, installRecord(stem), text);
    if (!record.ok) return null;
    let install: StoredInstall;
    try {
      install = JSON.parse(record.json) as StoredInstall;
    } catch {
      return null;
    }
    if (!isObject(install) || typeof install.id !== 'string' || installStem(install.id) !== stem || byId.has(install.id)) return null;
    // Picked by the main store's owners: its own sealed contents must agree.
    if (!everyFile && (install.appId !== pair!.appId || install.accountId !== pair!.accountId)) return null;
    byId.set(install.id, install);
    onDisk.set(installRecord(stem), record.generation);
  }

  // Rollback findings (record-store.ts) and the generation mirror (key-mirror.ts): the full open reports them.
  for (const [name, at] of logged) {
    // Files not read hold nothing this answer uses: the next full open checks them.
    if (!everyFile && !onDisk.has(name)) continue;
    const found = onDisk.get(name);
    if (deleted.has(name) ? found !== undefined && found < at : found === undefined || found < at) return null;
  }
  for (const found of onDisk.values()) generation = Math.max(generation, found);
  const mirror = keyFile.mirror as { generation: number; activity: number; mac: string } | undefined;
  if (mirror) {
    const keyId = typeof keyFile.keyId === 'string' ? keyFile.keyId : undefined;
    if (mirrorMac(dataKey, keyId, mirror.generation, mirror.activity) !== mirror.mac || generation < mirror.generation) return null;
  }

  const installs: StoredInstall[] = [];
  const placed = new Set<string>();
  for (const id of main.installIds as unknown[]) {
    const install = typeof id === 'string' ? byId.get(id) : undefined;
    if (install && !placed.has(install.id)) {
      installs.push(install);
      placed.add(install.id);
    }
  }
  for (const [id, install] of [...byId].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (!placed.has(id)) installs.push(install);
  return { apps: main.apps as StoredApp[], accounts: main.accounts as StoredAccount[], installs };
}
