// Store format 2: the vault's data split into records, each its own sealed conf file — the main
// store (apps, accounts, settings, the order of installs) and one file per install — so an update
// writes only the records it changed. Which records changed is found by comparing the live data
// with a snapshot of what was last written (a deep compare costs far less than serialising and
// sealing 1,000 installs). Every commit gets the next generation, is bound into the records it
// writes (record-crypto.ts) and appended to the change log (change-log.ts), which is how other
// processes learn what to reload. Callers hold the vault's lock around catchUp() + mutate + commit().
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../common/errors';
import type { Logger, StoreFactory } from '../ports';
import { ChangeLog, type ChangeBatch } from './change-log';
import { openRecord, sealRecord } from './record-crypto';
import { RecordBatch } from './record-batch';
import { INSTALLS_DIR, MAIN_RECORD, installRecord, installStem, isRecordTemp, mainStoreWriter, recordPath, writeRecord, type MainStoreWriter } from './record-files';
import { describeSchemaIssue, installSchema } from './store-schema';
import { mainOf, mainSchema, sameMain, type MainRecord } from './main-record';
import { cloneInstall, sameNested, sameScalars } from './record-compare';
import { CURRENT_SCHEMA_VERSION, type StoredInstall, type VaultData } from './vault-types';

export const CHANGES_FILE = 'vault.changes';
/** From this many installs left to compare, the commit lets its fsyncs run while it compares them. */
const OVERLAP_FROM = 200;
/** The change log is rewritten as one line per record once it holds this many lines. */
const COMPACT_CHANGES_AT = 4_000;

/** Temp files of the main store's and the change log's atomic writes a killed process left. */
function removeMainTemps(dataDir: string): void {
  // The change log's are ours (`.name.tmp-…`); the main store's are its store's (conf writes through
  // `atomically`: `vault.json.tmp-…`).
  const prefixes = [`${path.basename(recordPath(dataDir, MAIN_RECORD))}.tmp-`, `.${path.basename(recordPath(dataDir, MAIN_RECORD))}.tmp-`, `.${CHANGES_FILE}.tmp-`];
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) if (prefixes.some((prefix) => name.startsWith(prefix))) rmSync(path.join(dataDir, name), { force: true });
}

/** A write the disk refused, after the change was undone. */
function saveFailed(error: unknown): WorkbenchError {
  return new WorkbenchError('INTERNAL', `The vault could not be saved (${(error as NodeJS.ErrnoException).code ?? 'error'}). The change was undone.`, undefined, { cause: error });
}

function checkInstall(install: StoredInstall): void {
  const checked = installSchema.safeParse(install);
  if (!checked.success) throw new WorkbenchError('INTERNAL', `The vault refused a change that does not fit its schema (installs.${describeSchemaIssue(checked.error)}).`);
}

export class RecordError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function parseInstall(file: string, key: Buffer, stem: string, text: string): { install: StoredInstall; generation: number } {
  const opened = openRecord(key, installRecord(stem), text);
  if (!opened.ok) throw new RecordError(file, opened.reason);
  let value: unknown;
  try {
    value = JSON.parse(opened.json);
  } catch {
    throw new RecordError(file, `The install file ${path.basename(file)} decrypted but is not valid JSON.`);
  }
  const parsed = installSchema.safeParse(value);
  if (!parsed.success) throw new RecordError(file, `The install file ${path.basename(file)} does not match the schema (${describeSchemaIssue(parsed.error)}).`);
  if (installStem(parsed.data.id) !== stem) throw new RecordError(file, `The install file ${path.basename(file)} holds another install.`);
  return { install: parsed.data, generation: opened.generation };
}

export type MainRead = { kind: 'ok'; main: MainRecord; generation: number } | { kind: 'newer'; version: number } | { kind: 'corrupt'; reason: string };

export function parseMain(key: Buffer, text: string): MainRead {
  const opened = openRecord(key, MAIN_RECORD, text);
  if (!opened.ok) return { kind: 'corrupt', reason: opened.reason.replace('main file', 'store') };
  let value: unknown;
  try {
    value = JSON.parse(opened.json);
  } catch {
    return { kind: 'corrupt', reason: 'The store decrypted but is not valid JSON.' };
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version };
  const parsed = mainSchema.safeParse(value);
  if (!parsed.success) return { kind: 'corrupt', reason: `The store does not match schema ${CURRENT_SCHEMA_VERSION} (${describeSchemaIssue(parsed.error)}).` };
  return { kind: 'ok', main: parsed.data, generation: opened.generation };
}

/** Install files that could not be read: moved aside by the caller, reported in the status. */
export interface BadRecord {
  file: string;
  reason: string;
}

export interface RecordStoreInit {
  dataDir: string;
  key: Buffer;
  logger: Logger;
  /** Writes the main store (electron-store in the app, conf in Node). */
  storeFactory: StoreFactory;
}

export class RecordStore {
  readonly data: VaultData;
  #mainText = '';
  /** The main store as last written, parsed: compared structurally (no stringify per update). */
  #mainSnap: MainRecord | null = null;
  /** What was last written or read, per install id: the baseline for "what changed". */
  readonly #snaps = new Map<string, StoredInstall>();
  /**
   * The install list as of the last commit (or read), position by position: the live object and its
   * snapshot. An install still at its place finds its snapshot without a lookup by id (commit()).
   */
  #placed: { live: StoredInstall[]; snap: Array<StoredInstall | undefined> } = { live: [], snap: [] };
  /** Each record's generation as last seen (file or change log). */
  readonly #generations = new Map<string, number>();
  /** Records whose last change-log entry is a deletion. */
  readonly #deleted = new Set<string>();
  /** Files older than the change log says (rolled back, or restored from a copy): reported, not refused. */
  #rollbacks: string[] = [];
  #generation = 0;
  readonly #changes: ChangeLog;

  private constructor(
    private readonly init: RecordStoreInit,
    main: MainRecord,
    installs: StoredInstall[],
  ) {
    this.#changes = new ChangeLog(path.join(init.dataDir, CHANGES_FILE));
    this.data = { schemaVersion: main.schemaVersion, apps: main.apps, accounts: main.accounts, settings: main.settings, installs: [] };
    this.#adopt(main, installs);
  }

  get generation(): number {
    return this.#generation;
  }

  /** Reads every record. Bad install files are returned, not fatal. */
  static async open(init: RecordStoreInit, mainText: string): Promise<{ kind: 'ok'; store: RecordStore; bad: BadRecord[] } | Exclude<MainRead, { kind: 'ok' }>> {
    const main = parseMain(init.key, mainText);
    if (main.kind !== 'ok') return main;
    const dir = path.join(init.dataDir, INSTALLS_DIR);
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // Temp files of writes a killed process left (open runs under the lock: nobody is writing one).
    for (const name of names) if (isRecordTemp(name)) rmSync(path.join(dir, name), { force: true });
    removeMainTemps(init.dataDir);
    names = names.filter((name) => name.endsWith('.json'));
    const bad: BadRecord[] = [];
    const generations = new Map<string, number>([[MAIN_RECORD, main.generation]]);
    // Read synchronously: a thousand small files read one after another cost less than a thousand
    // trips through libuv's thread pool, and nothing else can run before the store is open anyway.
    const read = names.map((name) => {
        const file = path.join(dir, name);
        const stem = name.slice(0, -'.json'.length);
        try {
          const { install, generation } = parseInstall(file, init.key, stem, readFileSync(file, 'utf8'));
          generations.set(installRecord(stem), generation);
          return install;
        } catch (error) {
          if (error instanceof RecordError) bad.push({ file, reason: error.reason });
          else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          return null;
        }
      });
    const store = new RecordStore(init, main.main, read.filter((install): install is StoredInstall => install !== null));
    for (const [name, generation] of generations) store.#generations.set(name, generation);
    store.#generation = Math.max(...generations.values());
    // The change log says which generation each record had when last committed; take the latest.
    for (const batch of store.#changes.readAll()) store.#noteBatch(batch);
    store.#rollbacks = store.#findRollbacks(generations, new Set(bad.map((record) => record.file)));
    return { kind: 'ok', store, bad };
  }

  /** Writes a brand-new store (first start, or the migration from format 1) with every record. */
  static async create(init: RecordStoreInit, data: VaultData): Promise<RecordStore> {
    const store = new RecordStore(init, mainOf(data), []);
    store.data.installs = data.installs;
    // Nothing is snapshotted yet, so commit() writes every install, then the main store last.
    store.#mainSnap = null;
    await store.commit();
    return store;
  }

  #adopt(main: MainRecord, installs: StoredInstall[]): void {
    const byId = new Map(installs.map((install) => [install.id, install]));
    this.#snaps.clear();
    for (const install of installs) this.#snaps.set(install.id, install);
    this.data.apps = main.apps;
    this.data.accounts = main.accounts;
    this.data.settings = main.settings;
    this.data.installs = this.#ordered(main.installIds, byId, cloneInstall);
    this.#setMainText(JSON.stringify(mainOf(this.data)));
    this.#remember();
  }

  /** Notes where each live install is and its snapshot (none: the next commit writes it). */
  #remember(): void {
    const live = [...this.data.installs];
    this.#placed = { live, snap: live.map((install) => this.#snaps.get(install.id)) };
  }

  /** Installs in the main store's order; files the order does not list yet (a commit cut short) go last. */
  #ordered(order: readonly string[], byId: ReadonlyMap<string, StoredInstall>, take: (install: StoredInstall) => StoredInstall): StoredInstall[] {
    const out: StoredInstall[] = [];
    const placed = new Set<string>();
    for (const id of order) {
      const install = byId.get(id);
      if (install && !placed.has(id)) {
        out.push(take(install));
        placed.add(id);
      }
    }
    for (const [id, install] of [...byId].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (!placed.has(id)) out.push(take(install));
    return out;
  }

  /** Rolled-back files found at open (empty when none). */
  get rollbacks(): readonly string[] {
    return this.#rollbacks;
  }

  /**
   * A file whose sealed generation is below the one the change log recorded for it is older than the
   * last commit (a copy put back, a backup restored); a listed record whose file is gone was deleted
   * behind the vault's back; a deleted install whose file came back was restored. Files NEWER than
   * the log are normal (a crash between a write and its log line).
   */
  #findRollbacks(fileGenerations: ReadonlyMap<string, number>, skipped: ReadonlySet<string>): string[] {
    const found: string[] = [];
    for (const [name, logged] of this.#generations) {
      const file = recordPath(this.init.dataDir, name);
      if (skipped.has(file)) continue;
      const onDisk = fileGenerations.get(name);
      const where = path.relative(this.init.dataDir, file);
      if (this.#deleted.has(name)) {
        if (onDisk !== undefined && onDisk < logged) found.push(`${where} was deleted (generation ${logged}) and is back with generation ${onDisk}`);
      } else if (onDisk === undefined) {
        found.push(`${where} is missing (last written at generation ${logged})`);
      } else if (onDisk < logged) {
        found.push(`${where} has generation ${onDisk}, older than its last write (generation ${logged})`);
      }
    }
    return found;
  }

  #noteBatch(batch: ChangeBatch): void {
    for (const name of batch.names) {
      const base = name.replace(/^-/, '');
      this.#generations.set(base, batch.generation);
      if (name.startsWith('-')) this.#deleted.add(base);
      else this.#deleted.delete(base);
    }
    if (batch.generation > this.#generation) this.#generation = batch.generation;
  }

  /**
   * Reloads what other processes committed since the last look: one stat when nothing changed.
   * Returns true when the data changed. Must not run while a mutator holds the live data.
   */
  catchUp(): boolean {
    const polled = this.#changes.poll();
    if (polled.kind === 'none') return false;
    if (polled.kind === 'reset') {
      this.#reloadAll();
      return true;
    }
    const names = new Set<string>();
    for (const batch of polled.batches) {
      this.#noteBatch(batch);
      for (const name of batch.names) names.add(name);
    }
    this.#reload(names);
    return true;
  }

  #readMainSync(): MainRecord {
    const file = recordPath(this.init.dataDir, MAIN_RECORD);
    const read = parseMain(this.init.key, readFileSync(file, 'utf8'));
    if (read.kind !== 'ok') throw new RecordError(file, read.kind === 'newer' ? `The store was written by a newer version (schema ${read.version}).` : read.reason);
    return read.main;
  }

  #reload(names: ReadonlySet<string>): void {
    const byId = new Map(this.data.installs.map((install) => [install.id, install]));
    const stems = new Map([...this.#snaps.keys()].map((id) => [installStem(id), id]));
    for (const name of names) {
      if (name === MAIN_RECORD) continue;
      const stem = name.replace(/^-?install:/, '');
      const knownId = stems.get(stem);
      const file = recordPath(this.init.dataDir, installRecord(stem));
      let text: string | null = null;
      try {
        text = name.startsWith('-') ? null : readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (text === null) {
        if (knownId !== undefined) {
          this.#snaps.delete(knownId);
          byId.delete(knownId);
        }
        continue;
      }
      const { install } = parseInstall(file, this.init.key, stem, text);
      this.#snaps.set(install.id, install);
      byId.set(install.id, cloneInstall(install));
    }
    const order = names.has(MAIN_RECORD) ? this.#applyMain(this.#readMainSync()) : this.data.installs.map((install) => install.id);
    this.data.installs = this.#ordered(order, byId, (install) => install);
    this.#setMainText(JSON.stringify(mainOf(this.data)));
    this.#remember();
  }

  #applyMain(main: MainRecord): string[] {
    this.data.apps = main.apps;
    this.data.accounts = main.accounts;
    this.data.settings = main.settings;
    return main.installIds;
  }

  /** Another process compacted the change log (or it vanished): read every record again. */
  #reloadAll(): void {
    const main = this.#readMainSync();
    const dir = path.join(this.init.dataDir, INSTALLS_DIR);
    const installs: StoredInstall[] = [];
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((entry) => entry.endsWith('.json'));
    } catch (error) {
      // No install written yet: the folder does not exist.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        installs.push(parseInstall(file, this.init.key, name.slice(0, -5), readFileSync(file, 'utf8')).install);
      } catch (error) {
        this.init.logger.warn(`An install file could not be reloaded (${error instanceof RecordError ? error.reason : 'error'}).`);
      }
    }
    this.#adopt(main, installs);
    for (const batch of this.#changes.readAll()) this.#noteBatch(batch);
  }

  #setMainText(text: string): void {
    this.#mainText = text;
    this.#mainSnap = JSON.parse(text) as MainRecord;
  }

  /** Reads every record from disk again (a key rotation re-seals exactly what is on disk). */
  reloadFromDisk(): void {
    this.#reloadAll();
  }

  /**
   * Every record as last written, sealed under another store key with its generation (key rotation):
   * paths relative to the data folder. The generations stay, so the change log stays true.
   */
  sealedFiles(recordKey: Buffer): Array<{ rel: string; text: string }> {
    const files: Array<{ rel: string; text: string }> = [];
    for (const [id, install] of this.#snaps) {
      const name = installRecord(installStem(id));
      const generation = this.#generations.get(name) ?? this.#generation;
      files.push({ rel: path.relative(this.init.dataDir, recordPath(this.init.dataDir, name)).split(path.sep).join('/'), text: sealRecord(recordKey, name, generation, JSON.stringify(install)) });
    }
    const generation = this.#generations.get(MAIN_RECORD) ?? this.#generation;
    files.push({ rel: 'vault.json', text: sealRecord(recordKey, MAIN_RECORD, generation, this.#mainText) });
    return files;
  }

  /** The data as last written: what a failed update goes back to. */
  restore(): void {
    const main = JSON.parse(this.#mainText) as MainRecord;
    this.#adopt(main, [...this.#snaps.values()]);
  }

  #mainWriter: MainStoreWriter | null = null;

  #mainStore(): MainStoreWriter {
    this.#mainWriter ??= mainStoreWriter({ dataDir: this.init.dataDir, key: this.init.key, storeFactory: this.init.storeFactory });
    return this.#mainWriter;
  }

  #write(name: string, value: object, generation: number): void {
    writeRecord(this.init.dataDir, this.init.key, name, value, generation);
  }

  /**
   * Writes the records that differ from the snapshot: changed installs first, then the main store,
   * then deletions, then the change-log line. Throws (after restoring the live data) when the data
   * does not fit the schema or a write fails. Returns the number of records written.
   *
   * Two passes: the scalar fields of every install (cheap), whose changes are staged at once so their
   * fsyncs run in the thread pool; meanwhile the nested values of the other installs are compared,
   * and any found changed are staged too. Nothing is renamed before every staged file is durable.
   */
  async commit(): Promise<number> {
    const { data } = this;
    const installs = data.installs;
    const placed = this.#placed;
    const count = installs.length;
    const dirty: StoredInstall[] = [];
    // Installs whose scalars match, with their snapshots (two arrays: no object per install per save).
    let unsure: StoredInstall[] = [];
    let unsureSnaps: StoredInstall[] = [];
    /** Every position holds an install with the id it held at the last commit: no id added, removed or moved. */
    let sameIds = count === placed.live.length;
    for (let index = 0; index < count; index += 1) {
      const install = installs[index]!;
      const was = placed.snap[index];
      let snap: StoredInstall | undefined;
      if (install === placed.live[index] && was !== undefined && install.id === was.id) {
        snap = was;
      } else {
        // Added, moved, replaced by a new object, or given another id: found by id.
        if (was === undefined || install.id !== was.id) sameIds = false;
        snap = this.#snaps.get(install.id);
      }
      if (snap === install) continue;
      if (!snap || !sameScalars(install, snap)) dirty.push(install);
      else {
        unsure.push(install);
        unsureSnaps.push(snap);
      }
    }
    // With the same ids at the same places there can be no duplicate and no removal; else look.
    const removed = sameIds ? [] : this.#removedOrDuplicate(installs);
    const mainDirty = this.#mainSnap === null || !sameMain(data, this.#mainSnap);
    const main = mainDirty ? mainOf(data) : null;
    if (!mainDirty && dirty.length === 0 && removed.length === 0) {
      // Nothing to write yet, so nothing to overlap with: the nested compare decides on its own.
      for (let index = 0; index < unsure.length; index += 1) if (!sameNested(unsure[index]!, unsureSnaps[index]!)) dirty.push(unsure[index]!);
      if (dirty.length === 0) return 0;
      unsure = [];
      unsureSnaps = [];
    }
    if (main) {
      const checked = mainSchema.safeParse(main);
      if (!checked.success) throw new WorkbenchError('INTERNAL', `The vault refused a change that does not fit its schema (${describeSchemaIssue(checked.error)}).`);
    }
    for (const install of dirty) checkInstall(install);
    const generation = this.#generation + 1;
    // Overlapping the fsyncs with the nested compare pays when there are many installs to compare.
    const batch = new RecordBatch(this.init.dataDir, this.init.key, generation, unsure.length >= OVERLAP_FROM);
    await this.#stageDurably(batch, () => {
      for (const install of dirty) batch.stage(installRecord(installStem(install.id)), install);
      // While the disk flushes those: installs whose scalars are as written, value by nested value.
      for (let index = 0; index < unsure.length; index += 1) {
        const install = unsure[index]!;
        if (sameNested(install, unsureSnaps[index]!)) continue;
        checkInstall(install);
        batch.stage(installRecord(installStem(install.id)), install);
        dirty.push(install);
      }
    });
    return this.#finish(batch, generation, dirty, main, removed, sameIds);
  }

  /**
   * Writes one install that the caller alone changed (Vault.updateInstall: the mutator was handed
   * that install and nothing else), so no other install needs comparing: a token refresh on a
   * 1,000-install vault costs the write of its file, not a walk over every install. Same
   * durability and the same steps as commit(); an install not yet written goes through commit().
   */
  async commitInstall(install: StoredInstall): Promise<number> {
    const snap = this.#snaps.get(install.id);
    if (!snap || !this.#placed.live.includes(install)) return this.commit();
    if (sameScalars(install, snap) && sameNested(install, snap)) return 0;
    checkInstall(install);
    const generation = this.#generation + 1;
    const batch = new RecordBatch(this.init.dataDir, this.init.key, generation, false);
    await this.#stageDurably(batch, () => batch.stage(installRecord(installStem(install.id)), install));
    return this.#finish(batch, generation, [install], null, [], true);
  }

  /**
   * Writes an install the caller alone appended to the list (Vault.putInstall): its file, then the
   * main store, whose list of installs changed — no other install compared. Anything else (not the
   * last one, an id already written): through commit().
   */
  async commitAddedInstall(install: StoredInstall): Promise<number> {
    if (this.#snaps.has(install.id) || this.data.installs.at(-1) !== install) return this.commit();
    checkInstall(install);
    const main = mainOf(this.data);
    const checked = mainSchema.safeParse(main);
    if (!checked.success) throw new WorkbenchError('INTERNAL', `The vault refused a change that does not fit its schema (${describeSchemaIssue(checked.error)}).`);
    const generation = this.#generation + 1;
    const batch = new RecordBatch(this.init.dataDir, this.init.key, generation, false);
    await this.#stageDurably(batch, () => batch.stage(installRecord(installStem(install.id)), install));
    return this.#finish(batch, generation, [install], main, [], false);
  }

  /**
   * Runs `stage` (which stages records into `batch`, and may refuse one), then waits until every
   * staged file is on disk. On any failure nothing was renamed: the temp files go, the live data
   * is put back, and the error is thrown (a refusal as it is, a disk error as "could not be saved").
   */
  async #stageDurably(batch: RecordBatch, stage: () => void): Promise<void> {
    try {
      stage();
      await batch.durable();
    } catch (error) {
      await batch.abandon();
      this.restore();
      if (error instanceof WorkbenchError) throw error;
      throw saveFailed(error);
    }
  }

  /** The end of a commit once every staged file is durable: renames, deletions, snapshots, the change log. */
  async #finish(batch: RecordBatch, generation: number, dirty: readonly StoredInstall[], main: MainRecord | null, removed: readonly string[], sameIds: boolean): Promise<number> {
    const names: string[] = [];
    const written: string[] = [];
    try {
      for (const install of dirty) {
        const name = installRecord(installStem(install.id));
        batch.rename(name);
        written.push(install.id);
        names.push(name);
      }
      if (main) {
        // Through the store (electron-store/conf), after the installs it lists are in place.
        this.#mainStore().write(main, generation);
        names.push(MAIN_RECORD);
      }
    } catch (error) {
      await batch.abandon();
      this.#undo(written);
      throw saveFailed(error);
    }
    // Deleted last: a crash before this leaves an install the main store no longer lists, which the
    // next open shows again rather than losing anything.
    for (const id of removed) {
      const name = installRecord(installStem(id));
      rmSync(recordPath(this.init.dataDir, name), { force: true });
      names.push(`-${name}`);
    }
    const snapshots = new Map<StoredInstall, StoredInstall>();
    for (const install of dirty) {
      const snap = cloneInstall(install);
      this.#snaps.set(install.id, snap);
      snapshots.set(install, snap);
    }
    for (const id of removed) this.#snaps.delete(id);
    if (main) this.#setMainText(JSON.stringify(main));
    this.#placeAfterCommit(sameIds, snapshots);
    const batchLine = { generation, names };
    this.#noteBatch(batchLine);
    try {
      this.#changes.append(batchLine);
      if (this.#changes.lines > COMPACT_CHANGES_AT) {
        this.#changes.compact(new Map([...this.#generations].map(([name, gen]) => [this.#deleted.has(name) ? `-${name}` : name, gen])));
      }
    } catch (error) {
      // The records are on disk; other processes see them at their next full reload.
      this.init.logger.warn(`The vault's change log could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    return names.length;
  }

  /** The installs' ids that are gone since the last commit; throws when one id is stored twice. */
  #removedOrDuplicate(installs: readonly StoredInstall[]): string[] {
    const seen = new Set<string>();
    for (const install of installs) {
      if (seen.has(install.id)) throw new WorkbenchError('INTERNAL', 'The vault refused a change that stores two installs with one id.');
      seen.add(install.id);
    }
    return [...this.#snaps.keys()].filter((id) => !seen.has(id));
  }

  /** After a commit: the same places with the new snapshots, or the list noted again when it changed shape. */
  #placeAfterCommit(sameIds: boolean, written: ReadonlyMap<StoredInstall, StoredInstall>): void {
    if (!sameIds) {
      this.#remember();
      return;
    }
    const installs = this.data.installs;
    const { live, snap } = this.#placed;
    for (let index = 0; index < installs.length; index += 1) {
      const install = installs[index]!;
      if (install === live[index] && !written.has(install)) continue;
      live[index] = install;
      snap[index] = written.get(install) ?? this.#snaps.get(install.id);
    }
  }

  /** A write failed part-way: put back the installs already written, then the live data. */
  #undo(written: readonly string[]): void {
    for (const id of written) {
      const snap = this.#snaps.get(id);
      const name = installRecord(installStem(id));
      try {
        if (snap) this.#write(name, snap, this.#generations.get(name) ?? this.#generation);
        else rmSync(recordPath(this.init.dataDir, name), { force: true });
      } catch {
        // The disk refuses writes: the next open reads what is there; nothing more to do here.
      }
    }
    this.restore();
  }
}
