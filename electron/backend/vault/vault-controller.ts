// The vault's state machine: which key protection is in force, whether the data is readable,
// what was recovered. Every state change and every write goes through one queue, so an update
// never races a protection switch or an unlock.
import { promises as fs } from 'node:fs';
import { WorkbenchError, isWorkbenchError } from '../../common/errors';
import { newId } from '../ids';
import type { OsProtection, VaultProtection, VaultStatus } from '../../common/model';
import type { Clock, KeyProtector, Logger, StoreFactory } from '../ports';
import { VaultActivityLog } from './activity-log';
import { newDataKey } from './data-key';
import { buildKeyFile, keyFileText, newKeyId, readKeyFile, writeKeyFile, type KeyFile, type KeyFileBody } from './key-file';
import { abortRotation, commitRotation, finishRotation, stageRotation } from './key-rotation';
import { readActivityTextSync, resealActivity } from './activity-file';
import { deriveActivityKey } from './activity-crypto';
import { deriveRecordKey } from './record-crypto';
import { readMirror, withMirror } from './key-mirror';
import { osBody, passphraseBody, unwrapOs, unwrapPassphrase, unwrapWeak, weakBody } from './key-protection';
import { mergeRecovered, moveFilesAside, type Recovered } from './recovery';
import { removeDeadHolders, type Release } from './file-lock';
import { ExclusiveSections } from './exclusive-sections';
import { IdleTimer } from './idle-timer';
import { KeyFileStamp, removeKeyFileTemps } from './key-file-stamp';
import { MirrorSchedule } from './mirror-schedule';
import { ProcessLock } from './process-lock';
import { openStore } from './store-open';
import type { RecordStore } from './record-store';
import type { VaultPaths } from './vault-files';
import { CURRENT_SCHEMA_VERSION, type StoredInstall, type Vault, type VaultData, type VaultSettings } from './vault-types';
import { WriteQueue } from './write-queue';

export interface VaultDeps {
  paths: VaultPaths;
  keyProtector: KeyProtector;
  storeFactory: StoreFactory;
  clock: Clock;
  logger: Logger;
}

const MIN_PASSPHRASE = 8;
/**
 * How long the generation mirror in the key file may lag the store (key-mirror.ts): every save
 * within it shares one key-file write, made after they resolved. A crash within it leaves the mirror
 * behind the store, which the next open takes as normal.
 */
export const MIRROR_DELAY_MS = 1_000;

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(() => true, () => false);
}

/** Every field of `target` but its id becomes `next`'s (a field `next` lacks is removed). */
function overwriteInstall(target: StoredInstall, next: Omit<StoredInstall, 'id'>): void {
  const fields = target as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (key !== 'id' && !(key in next)) delete fields[key];
  Object.assign(target, next, { id: target.id });
}

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}

export interface VaultSettingsView {
  autoLockMinutes: number | null;
  clipboardClearSeconds: number | null;
}

function settingsView(settings: VaultSettings): VaultSettingsView {
  return { autoLockMinutes: settings.autoLockMinutes, clipboardClearSeconds: settings.clipboardClearSeconds };
}

export class VaultController implements Vault {
  #state: VaultStatus['state'] = 'locked';
  #protection: VaultProtection | null = null;
  #os: { level: OsProtection; backend: string | null } = { level: 'unavailable', backend: null };
  #recovered: Recovered | null = null;
  #problem: string | null = null;
  #integrity: string | null = null;
  #schemaVersion = CURRENT_SCHEMA_VERSION;
  #keyFile: KeyFile | null = null;
  /** The key file this process opened the store with (one stat tells it was replaced). */
  readonly #keyStamp: KeyFileStamp;
  /** A re-open with another process's new key file is queued (data() noticed the rotation). */
  #following = false;
  #dataKey: Buffer | null = null;
  #store: RecordStore | null = null;
  /** A mutator is running on the live data: no reload from disk may replace it meanwhile. */
  #mutating = false;
  readonly #idle = new IdleTimer();
  /** A commit's generation is not yet in the key file's mirror. */
  readonly #mirror = new MirrorSchedule(MIRROR_DELAY_MS, () => void this.#queue.run(() => this.#flushMirror()).catch(() => undefined));
  readonly #exclusives: ExclusiveSections;
  #closed = false;
  #activityAttach: Promise<void> = Promise.resolve();
  readonly #queue = new WriteQueue();
  readonly #listeners = new Set<(status: VaultStatus) => void>();
  #lastEmitted = '';
  readonly activity: VaultActivityLog;
  readonly #lockFile: ProcessLock;

  constructor(private readonly deps: VaultDeps) {
    this.#lockFile = new ProcessLock(deps.paths.lockFile, { staleMs: 10_000, waitMs: 30_000, what: 'The vault' });
    this.#keyStamp = new KeyFileStamp(deps.paths.keyFile);
    this.#exclusives = new ExclusiveSections(deps.paths.locksDir);
    this.activity = new VaultActivityLog(deps.clock, deps.logger);
    // Appends from every process land in one chained file: each write under the vault's lock.
    this.activity.share({
      lock: () => this.#writeLock(),
      report: (problems) => this.#reportActivityChain(problems),
    });
  }

  #addIntegrity(text: string): void {
    // The same finding met again (a file read again whole) is said once.
    if (this.#integrity?.includes(text)) return;
    this.#integrity = this.#integrity ? `${this.#integrity} ${text}` : text;
    this.deps.logger.warn(`Vault integrity: ${text}`);
  }

  #reportActivityChain(problems: readonly string[]): void {
    this.#addIntegrity(`The activity log is not as it was written: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}. The lines that are there are shown.`);
    this.#changed();
  }

  /**
   * In the queue: writes the mirror the last commits left due, under the lock, into the key file as
   * it is on disk (never over another process's rotation or re-protection). Never lowers it: another
   * process may have mirrored a later generation. Not fatal: the records are committed already.
   */
  async #flushMirror(): Promise<void> {
    this.#mirror.cancel();
    const store = this.#store;
    const dataKey = this.#dataKey;
    if (!store || !dataKey || this.#state !== 'ready' || !this.#mirror.take()) return;
    let release: Release;
    try {
      release = await this.#writeLock();
    } catch (error) {
      this.deps.logger.warn(`The store's generation could not be mirrored in the key file (${errnoCode(error)}).`);
      return;
    }
    try {
      // Another process rotated the key: its new key file mirrors every generation written so far.
      if (this.#rotatedElsewhere()) return;
      const onDisk = await readKeyFile(this.deps.paths.keyFile);
      if (onDisk.kind !== 'ok' || onDisk.file.keyId !== this.#keyFile?.keyId) return;
      try {
        // What other processes committed since (one stat when nothing): the latest generation.
        store.catchUp();
      } catch {
        // Mirror what this process knows; the other process mirrors its own commits.
      }
      const previous = readMirror(onDisk.file, dataKey);
      const generation = Math.max(store.generation, previous?.ok ? previous.generation : 0);
      const activity = Math.max(this.activity.chainSeq ?? 0, previous?.ok ? previous.activity : 0);
      if (previous?.ok && previous.generation === generation && previous.activity === activity) return;
      const next = withMirror(onDisk.file, dataKey, generation, activity);
      await writeKeyFile(this.deps.paths.keyFile, next);
      this.#keyFile = next;
      this.#keyStamp.rewritten();
    } catch (error) {
      this.deps.logger.warn(`The store's generation could not be mirrored in the key file (${errnoCode(error)}).`);
    } finally {
      await release();
    }
  }

  status(): VaultStatus {
    return {
      state: this.#state,
      protection: this.#protection,
      osProtection: this.#os.level,
      osBackend: this.#os.backend,
      recovered: this.#recovered,
      integrity: this.#integrity,
      problem: this.#problem,
      schemaVersion: this.#schemaVersion,
      dataDir: this.deps.paths.dataDir,
    };
  }

  onStatusChange(listener: (status: VaultStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  data(): Readonly<VaultData> {
    const store = this.#store;
    if (this.#closed || this.#state !== 'ready' || !store) throw this.#notReadyError();
    this.#touch();
    if (!this.#mutating && this.#rotatedElsewhere()) {
      // Another process rotated the key: the records on disk no longer open with ours. Show the data
      // as last read and re-open with the new key file (a passphrase vault asks for it again).
      if (!this.#following) {
        this.#following = true;
        void this.#queue.run(() => this.#followRotation()).finally(() => (this.#following = false));
      }
      return store.data;
    }
    // Another process may have written since: one stat tells, and only its records are read again.
    if (!this.#mutating) {
      try {
        store.catchUp();
      } catch (error) {
        this.deps.logger.warn(`The vault could not reload another process's change (${errnoCode(error)}); showing the data as last read.`);
      }
    }
    return store.data;
  }

  update<T>(mutate: (draft: VaultData) => T): Promise<T> {
    // Writes only the records that changed (found by comparing with what was last written).
    return this.#write((store) => mutate(store.data), (store) => store.commit());
  }

  /**
   * One install changed by a mutator that is handed that install alone (a token refresh, a revoke):
   * only its file is compared and written, however many installs the vault holds.
   */
  updateInstall<T>(installId: string, mutate: (install: StoredInstall) => T, notFound = 'The install is no longer in the vault (forgotten meanwhile).'): Promise<T> {
    let target: StoredInstall | undefined;
    return this.#write(
      (store) => {
        target = store.data.installs.find((install) => install.id === installId);
        if (!target) throw new WorkbenchError('NOT_FOUND', notFound, { installId });
        const result = mutate(target);
        if (target.id !== installId) throw new WorkbenchError('INTERNAL', 'A vault update may not change an install\'s id.');
        return result;
      },
      (store) => store.commitInstall(target!),
    );
  }

  putInstall(install: Omit<StoredInstall, 'id'>, pick: (data: Readonly<VaultData>) => string | null): Promise<string> {
    let target: StoredInstall | undefined;
    let added = false;
    return this.#write(
      (store) => {
        const replaced = pick(store.data);
        if (replaced === null) {
          target = { id: newId('inst'), ...install };
          store.data.installs.push(target);
          added = true;
          return target.id;
        }
        target = store.data.installs.find((candidate) => candidate.id === replaced);
        if (!target) throw new WorkbenchError('INTERNAL', 'The install to replace is not in the vault.', { installId: replaced });
        // In place: the same object keeps its place, so nothing else needs comparing.
        overwriteInstall(target, install);
        return replaced;
      },
      (store) => (added ? store.commitAddedInstall(target!) : store.commitInstall(target!)),
    );
  }

  /** The write path of update() and updateInstall(): queue, lock, the latest data, a synchronous mutator, commit. */
  #write<T>(mutate: (store: RecordStore) => T, commit: (store: RecordStore) => Promise<number>): Promise<T> {
    return this.#queue.run(async () => {
      if (this.#closed || this.#state !== 'ready' || !this.#store) throw this.#notReadyError();
      this.#touch();
      const release = await this.#writeLockFollowingRotation();
      try {
        // The state may have changed while waiting for another process (lock, close).
        const store = this.#store;
        if (this.#closed || this.#state !== 'ready' || !store) throw this.#notReadyError();
        // Work on the latest data: what other processes committed is read first, under the lock.
        store.catchUp();
        this.#mutating = true;
        try {
          const result = mutate(store);
          if (result && typeof (result as { then?: unknown }).then === 'function') {
            throw new WorkbenchError('INTERNAL', 'A vault update must be synchronous; do async work before calling update().');
          }
          // Throws (and puts the data back) when it cannot write.
          // The store's generation (and the activity chain's length) is then due in the key file.
          if ((await commit(store)) > 0) this.#mirror.later();
          return result;
        } catch (error) {
          store.restore();
          throw error;
        } finally {
          this.#mutating = false;
        }
      } finally {
        await release();
      }
    });
  }

  /**
   * Runs `fn` while holding a lock named `name` across every process on this vault (and within
   * this one), e.g. so one install is refreshed by one process at a time. `fn` should re-read what
   * it depends on after the lock is taken: another process may have done the work meanwhile.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.#exclusives.run(name, fn);
  }

  /** Drops the key and every decrypted byte (store and history); a passphrase opens it again. */
  lock(): Promise<VaultStatus> {
    return this.#queue.run(async () => {
      if (this.#closed) throw this.#notReadyError();
      if (this.#state !== 'ready') return this.status();
      if (this.#protection !== 'passphrase') {
        throw new WorkbenchError('CONFLICT', 'Only a vault protected by a passphrase can be locked: without one, nothing would be needed to open it again.');
      }
      await this.#flushMirror();
      await this.#activityAttach;
      await this.activity.forget();
      this.#state = 'locked';
      this.#problem = null;
      this.#store = null;
      this.#dataKey = null;
      this.#idle.disarm();
      return this.#changed();
    });
  }

  /** The settings the vault itself acts on (and the renderer shows); an empty patch just reads them. */
  async updateSettings(patch: { autoLockMinutes?: number | null; clipboardClearSeconds?: number | null }): Promise<VaultSettingsView> {
    const view = await this.update((draft) => {
      if (patch.autoLockMinutes !== undefined) draft.settings.autoLockMinutes = patch.autoLockMinutes;
      if (patch.clipboardClearSeconds !== undefined) draft.settings.clipboardClearSeconds = patch.clipboardClearSeconds;
      return settingsView(draft.settings);
    });
    this.#touch();
    return view;
  }

  /** A ready passphrase vault changes its protection only for someone who knows the passphrase. */
  async #checkCurrentPassphrase(currentPassphrase: string | undefined): Promise<void> {
    const keyFile = this.#keyFile;
    if (this.#state !== 'ready' || keyFile?.protection !== 'passphrase') return;
    if (!currentPassphrase) {
      throw new WorkbenchError('INVALID_ARGUMENT', 'Enter the current passphrase to change how the vault is protected.', { field: 'currentPassphrase' });
    }
    // Throws VAULT_PASSPHRASE_WRONG when it does not open the key file.
    await unwrapPassphrase(keyFile, currentPassphrase);
  }

  /**
   * The write lock, on the current key: if another process rotated the key meanwhile, the lock is let
   * go, the vault re-opened with the new key file, and the lock taken again (or VAULT_LOCKED when the
   * new key file needs the passphrase).
   */
  async #writeLockFollowingRotation(): Promise<Release> {
    for (let attempt = 0; ; attempt += 1) {
      const release = await this.#writeLock();
      if (!this.#rotatedElsewhere()) return release;
      await release();
      if (attempt >= 3) throw new WorkbenchError('CONFLICT', 'The vault\'s key keeps changing in another workbench process. Try again.');
      await this.#followRotation();
      if (this.#closed || this.#state !== 'ready' || !this.#store) throw this.#notReadyError();
    }
  }

  /** True when the key file on disk holds another data key than the one this process uses. */
  #rotatedElsewhere(): boolean {
    return this.#state === 'ready' && this.#keyStamp.replacedByAnotherKey();
  }

  /** Runs in the queue: drops the old key and data, reads the new key file, opens with it (or waits for the passphrase). */
  async #followRotation(): Promise<void> {
    if (this.#closed || this.#state !== 'ready' || !this.#rotatedElsewhere()) return;
    this.deps.logger.info('Another workbench process changed the vault\'s key; re-opening with the new key file.');
    await this.#activityAttach;
    await this.activity.detach();
    this.activity.dropWritten();
    // The rotating process's key file mirrors every generation written, this process's included.
    this.#mirror.settled();
    this.#store = null;
    this.#dataKey = null;
    this.#keyStamp.clear();
    this.#idle.disarm();
    const read = await readKeyFile(this.deps.paths.keyFile);
    if (read.kind !== 'ok') {
      this.#lock('The vault\'s key file changed in another workbench process and cannot be read now. Restart the app.');
    } else {
      await this.#openWithKeyFile(read.file);
    }
    this.#changed();
  }

  /** The vault's lock across processes; callers in this process queue for it (process-lock.ts). */
  #writeLock(): Promise<Release> {
    return this.#lockFile.acquire();
  }

  /** Restarts the idle timer of a passphrase vault that has auto-lock on. */
  #touch(): void {
    const minutes = this.#store?.data.settings.autoLockMinutes ?? null;
    const armed = this.#protection === 'passphrase' && this.#state === 'ready' && !this.#closed;
    this.#idle.restart(armed ? minutes : null, () => {
      this.lock().catch((error: unknown) => this.deps.logger.warn(`The idle auto-lock failed (${errnoCode(error)}).`));
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.#queue.run(async () => {
      if (this.#closed || this.#state === 'needs-setup') throw this.#notReadyError();
      if (this.#state === 'ready') return this.status();
      // Another process may have rotated the key since this one read the key file.
      const read = this.#keyFile?.protection === 'passphrase' ? await readKeyFile(this.deps.paths.keyFile) : null;
      const keyFile = read?.kind === 'ok' ? read.file : this.#keyFile;
      if (keyFile?.protection !== 'passphrase') throw this.#notReadyError();
      const dataKey = await unwrapPassphrase(keyFile, passphrase);
      await this.#openStore(dataKey, keyFile);
      return this.#changed();
    });
  }

  setPassphrase(passphrase: string, currentPassphrase?: string): Promise<VaultStatus> {
    return this.#queue.run(async () => {
      if (passphrase.length < MIN_PASSPHRASE) throw new WorkbenchError('INVALID_ARGUMENT', `A passphrase needs at least ${MIN_PASSPHRASE} characters.`);
      await this.#checkCurrentPassphrase(currentPassphrase);
      await this.#switchProtection((dataKey) => passphraseBody(dataKey, passphrase));
      return this.#changed();
    });
  }

  acceptWeakProtection(currentPassphrase?: string): Promise<VaultStatus> {
    return this.#queue.run(async () => {
      // Lowering protection: only at setup, or from a passphrase vault with its passphrase.
      if (this.#state === 'ready' && this.#protection === 'os') {
        throw new WorkbenchError('CONFLICT', 'Weak protection can only be chosen when the vault is set up, or on a passphrase vault with its current passphrase. The OS keychain protects this vault: keep it, or choose a passphrase.');
      }
      await this.#checkCurrentPassphrase(currentPassphrase);
      await this.#switchProtection(async (dataKey) => weakBody(dataKey));
      return this.#changed();
    });
  }

  useOsProtection(currentPassphrase?: string): Promise<VaultStatus> {
    return this.#queue.run(async () => {
      await this.#checkCurrentPassphrase(currentPassphrase);
      this.#os = await this.#availability();
      if (this.#os.level !== 'strong') {
        this.#changed();
        const backend = this.#os.backend ? ` (backend: ${this.#os.backend})` : '';
        throw new WorkbenchError('CONFLICT', `The OS offers no real key protection here${backend}. Choose a passphrase, or accept weak protection.`, { osProtection: this.#os.level });
      }
      await this.#switchProtection((dataKey) => osBody(dataKey, this.deps.keyProtector, this.#os.backend));
      return this.#changed();
    });
  }

  dismissRecovery(): Promise<VaultStatus> {
    return this.#queue.run(() => {
      this.#recovered = null;
      this.#integrity = null;
      return this.#changed();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.idle();
    // What the last saves left due goes into the key file before the key is dropped.
    await this.#queue.run(() => this.#flushMirror());
    await this.#activityAttach;
    await this.activity.detach();
    this.#listeners.clear();
    this.#idle.disarm();
    this.#lockFile.close();
    // Drop the key and the decrypted data: a closed vault reads as closed, not as stale data.
    this.#store = null;
    this.#dataKey = null;
  }

  /** First look at the data folder. Never throws: whatever is found, the app starts. */
  async start(): Promise<void> {
    await this.#queue.run(async () => {
      try {
        await this.#start();
      } catch (error) {
        this.deps.logger.error('The vault could not be opened', error);
        this.#lock(`The vault could not be opened (${isWorkbenchError(error) ? error.message : errnoCode(error)}). Nothing was changed.`);
      }
      this.#changed();
    });
  }

  async #start(): Promise<void> {
    const { paths } = this.deps;
    await fs.mkdir(paths.dataDir, { recursive: true });
    this.#os = await this.#availability();
    const read = await readKeyFile(paths.keyFile);
    switch (read.kind) {
      case 'unreadable':
        this.#lock(`${read.message} Nothing was changed.`);
        return;
      case 'newer':
        this.#lock(`The key file was written by a newer version of the workbench (key file format ${read.version}). Nothing was changed: update the app to open it.`);
        return;
      case 'garbage':
        // Without its key the store and the activity log cannot be read either: keep all three together.
        await this.#recover([paths.keyFile, paths.storeFile, paths.installsDir, paths.activityFile], read.reason);
        await this.#firstStart();
        return;
      case 'missing':
        if (await exists(paths.storeFile)) {
          await this.#recover([paths.storeFile, paths.installsDir, paths.activityFile], 'A store file was found without the key file that opens it.');
        }
        await this.#firstStart();
        return;
      case 'ok':
        await this.#openWithKeyFile(read.file);
        return;
    }
  }

  async #firstStart(): Promise<void> {
    if (this.#os.level !== 'strong') {
      this.#setupNeeded(null);
      return;
    }
    const dataKey = newDataKey();
    let body: KeyFileBody;
    try {
      body = await osBody(dataKey, this.deps.keyProtector, this.#os.backend);
    } catch (error) {
      this.deps.logger.warn(`The OS keychain refused to protect a new vault key (${error instanceof Error ? error.name : 'error'}).`);
      this.#setupNeeded('The OS keychain could not protect the vault\'s key. Choose a passphrase, or accept weak protection.');
      return;
    }
    const keyFile = buildKeyFile(body, this.#now());
    await writeKeyFile(this.deps.paths.keyFile, keyFile);
    await this.#openStore(dataKey, keyFile);
  }

  async #openWithKeyFile(keyFile: KeyFile): Promise<void> {
    this.#keyFile = keyFile;
    this.#protection = keyFile.protection;
    switch (keyFile.protection) {
      case 'passphrase':
        this.#state = 'locked';
        this.#problem = null;
        return;
      case 'weak': {
        const dataKey = unwrapWeak(keyFile);
        if (dataKey) {
          await this.#openStore(dataKey, keyFile);
          return;
        }
        const { paths } = this.deps;
        this.#keyFile = null;
        this.#protection = null;
        await this.#recover([paths.keyFile, paths.storeFile, paths.installsDir, paths.activityFile], 'The key file holds no valid key.');
        await this.#firstStart();
        return;
      }
      case 'os': {
        const unwrapped = await unwrapOs(keyFile, this.deps.keyProtector);
        if (!unwrapped.ok) {
          this.#lock(unwrapped.problem);
          return;
        }
        let current: KeyFile = keyFile;
        if (unwrapped.shouldReprotect) current = await this.#reprotect(unwrapped.dataKey, keyFile);
        await this.#openStore(unwrapped.dataKey, current);
        return;
      }
    }
  }

  /** The OS asked for the key to be protected again (its own key rotation). Failing is not fatal. */
  async #reprotect(dataKey: Buffer, keyFile: KeyFile): Promise<KeyFile> {
    try {
      const next = buildKeyFile(await osBody(dataKey, this.deps.keyProtector, this.#os.backend), this.#now(), keyFile);
      await writeKeyFile(this.deps.paths.keyFile, next);
      return next;
    } catch (error) {
      this.deps.logger.warn(`Re-protecting the vault key failed (${errnoCode(error)}); the old protection still works.`);
      return keyFile;
    }
  }

  async #openStore(dataKey: Buffer, keyFile: KeyFile): Promise<void> {
    const { paths, storeFactory, logger } = this.deps;
    this.#keyFile = keyFile;
    this.#protection = keyFile.protection;
    // Under the write lock: another process may be migrating or writing the same folder.
    const release = await this.#writeLock();
    let opened;
    let replaced: KeyFile | null = null;
    try {
      const onDisk = await readKeyFile(paths.keyFile);
      if (onDisk.kind === 'ok' && onDisk.file.keyId !== keyFile.keyId) {
        // Another process rotated the key between our read of the key file and this lock.
        replaced = onDisk.file;
      } else {
        // A rotation cut short by a crash: finished (committed) or rolled back (not), before any read.
        const outcome = finishRotation(paths.dataDir, keyFile.keyId);
        // Temp files of key-file writes (the mirror, after commits) a killed process left behind.
        await removeKeyFileTemps(paths.keyFile);
        removeDeadHolders(paths.lockFile);
        if (outcome !== 'none') logger.warn(`A key rotation cut short was ${outcome === 'rolled-forward' ? 'finished' : 'rolled back'}.`);
        this.#keyStamp.take(keyFile.keyId);
        // The file on disk carries the latest mirror (written after commits, by any process).
        if (onDisk.kind === 'ok') this.#keyFile = onDisk.file;
        opened = await openStore({ paths, dataKey, storeFactory, logger, now: this.#now(), recover: (files, reason) => this.#recover(files, reason) });
      }
    } finally {
      await release();
    }
    if (replaced || !opened) {
      if (replaced) await this.#openWithKeyFile(replaced);
      return;
    }
    switch (opened.kind) {
      case 'ok':
        if (opened.migratedFrom !== null) logger.info(`Vault migrated from schema ${opened.migratedFrom} (store format ${opened.formatFrom}) to schema ${CURRENT_SCHEMA_VERSION} (store format 2); the old file is kept at ${opened.backupPath}.`);
        this.#dataKey = dataKey;
        this.#store = opened.store;
        if (opened.store.rollbacks.length > 0) {
          const list = opened.store.rollbacks;
          this.#integrity = `Some vault files are not the ones the vault last wrote (restored from a copy or a backup, or changed outside the workbench): ${list.slice(0, 5).join('; ')}${list.length > 5 ? ` (and ${list.length - 5} more)` : ''}. They were opened as found: check the data they hold.`;
          logger.warn(`Vault rollback detected in ${list.length} file(s).`);
        }
        this.#checkMirror(dataKey, opened.store.generation);
        this.#schemaVersion = CURRENT_SCHEMA_VERSION;
        this.#state = 'ready';
        this.#problem = null;
        this.#touch();
        // Not awaited: the history is not needed to show the app, and reading 10,000 entries would
        // double the open time. The log keeps appends in order and answers list() meanwhile.
        this.#activityAttach = this.#attachActivity(dataKey).catch((error: unknown) => {
          logger.warn(`The activity log could not be opened (${errnoCode(error)}); new entries stay in memory.`);
        });
        return;
      case 'newer':
        this.#schemaVersion = opened.version;
        this.#lock(`The vault was written by a newer version of the workbench (schema ${opened.version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Nothing was changed: update the app to open it.`);
        return;
      case 'corrupt':
        this.#lock(`A fresh store could not be started (${opened.reason}).`);
        return;
      case 'unreadable':
        this.#lock(opened.message);
        return;
    }
  }

  /** The store must be at least as new as the generation mirrored in the key file (key-mirror.ts). */
  #checkMirror(dataKey: Buffer, storeGeneration: number): void {
    const mirror = this.#keyFile ? readMirror(this.#keyFile, dataKey) : null;
    if (!mirror) return;
    if (!mirror.ok) {
      this.#addIntegrity('The key file\'s record of the last write does not verify (the key file was edited): a rollback of the store could not be checked.');
    } else if (storeGeneration < mirror.generation) {
      this.#addIntegrity(`The store is older than the key file says: its files and change log end at generation ${storeGeneration}, but generation ${mirror.generation} was written. The data folder (except the key file) was rolled back or restored from a copy; changes made since are not in it.`);
    }
  }

  async #attachActivity(dataKey: Buffer): Promise<void> {
    const file = this.deps.paths.activityFile;
    const first = await this.activity.attach(file, dataKey);
    if (first.chainProblems.length > 0) this.#reportActivityChain(first.chainProblems);
    const mirror = this.#keyFile ? readMirror(this.#keyFile, dataKey) : null;
    const seq = this.activity.chainSeq;
    if (first.badLines === 0 && mirror?.ok && seq !== null && seq < mirror.activity) {
      this.#addIntegrity(`The activity log ends at line ${seq}, but line ${mirror.activity} had been written: lines at its end were removed.`);
      this.#changed();
    }
    if (first.badLines === 0) return;
    await this.#recover([file], `The activity log had ${first.badLines} line(s) that could not be read with the vault's key.`);
    await this.activity.attach(file, dataKey);
    this.#changed();
  }

  /** Resolves once the activity log opened in the background is attached (or has failed and been logged). */
  activityAttached(): Promise<void> {
    return this.#activityAttach;
  }

  /** Replaces the key file's protection (same data key: the store is not rewritten), or sets up a new vault. */
  async #switchProtection(makeBody: (dataKey: Buffer) => Promise<KeyFileBody>): Promise<void> {
    if (this.#closed || this.#state === 'locked') throw this.#notReadyError();
    if (this.#state === 'needs-setup') {
      const dataKey = newDataKey();
      const keyFile = buildKeyFile(await makeBody(dataKey), this.#now());
      await writeKeyFile(this.deps.paths.keyFile, keyFile);
      await this.#openStore(dataKey, keyFile);
      return;
    }
    await this.#rotate(makeBody);
  }

  /**
   * Key rotation (issue 15, M2): a new data key, every store file and the activity log sealed again
   * under it, then the new key file, crash-safe (key-rotation.ts): the old key opens nothing after.
   */
  async #rotate(makeBody: (dataKey: Buffer) => Promise<KeyFileBody>): Promise<void> {
    const oldKey = this.#dataKey;
    if (!oldKey || !this.#store) throw this.#notReadyError();
    const { paths, logger } = this.deps;
    const newKey = newDataKey();
    // The slow part (scrypt, the OS keychain) before taking the lock.
    let keyFile = buildKeyFile(await makeBody(newKey), this.#now(), this.#keyFile ?? undefined, newKeyId());
    // Appends from here on wait in memory; the ones already queued are written under the old key first.
    await this.#activityAttach;
    await this.activity.detach();
    let committed = false;
    const release = await this.#writeLockFollowingRotation().catch(async (error: unknown) => {
      this.activity.dropWritten();
      if (this.#dataKey) this.#activityAttach = this.#attachActivity(this.#dataKey);
      throw error;
    });
    try {
      const store = this.#store;
      if (!store) throw this.#notReadyError();
      // Exactly what is on disk now, other processes' writes included.
      store.reloadFromDisk();
      const files = store.sealedFiles(deriveRecordKey(newKey));
      const activity = resealActivity(readActivityTextSync(paths.activityFile), deriveActivityKey(oldKey), deriveActivityKey(newKey));
      if (activity.lost > 0) logger.warn(`${activity.lost} activity line(s) could not be read with the old key and were not carried over.`);
      files.push({ rel: 'activity.log', text: activity.text });
      // The new key file mirrors the store's generation under the new key (key-mirror.ts).
      keyFile = withMirror(keyFile, newKey, store.generation, activity.seq);
      try {
        stageRotation(paths.dataDir, keyFile.keyId!, files, keyFileText(keyFile));
        commitRotation(paths.dataDir);
        committed = true;
        // The new key file carries the mirror (above): nothing is due any more.
        this.#mirror.settled();
      } catch (error) {
        if (!committed) abortRotation(paths.dataDir);
        throw new WorkbenchError('INTERNAL', `The vault's new key could not be written (${errnoCode(error)}). Nothing was changed.`, undefined, { cause: error });
      }
      finishRotation(paths.dataDir, keyFile.keyId);
    } finally {
      await release();
      this.activity.dropWritten();
      if (!committed && this.#dataKey) this.#activityAttach = this.#attachActivity(this.#dataKey);
    }
    // Re-open with the new key: the records are read back (proving they open) and the log attached.
    this.#store = null;
    this.#dataKey = null;
    await this.#openStore(newKey, keyFile);
  }

  async #recover(files: readonly string[], reason: string): Promise<void> {
    const recovered = await moveFilesAside(files, reason, this.#now());
    this.#recovered = mergeRecovered(this.#recovered, recovered);
  }

  async #availability(): Promise<{ level: OsProtection; backend: string | null }> {
    try {
      return await this.deps.keyProtector.availability();
    } catch (error) {
      this.deps.logger.warn(`Could not ask the OS about key protection (${error instanceof Error ? error.name : 'error'}).`);
      return { level: 'unavailable', backend: null };
    }
  }

  #lock(problem: string): void {
    this.#state = 'locked';
    this.#problem = problem;
    this.#store = null;
    this.#dataKey = null;
  }

  #setupNeeded(problem: string | null): void {
    this.#state = 'needs-setup';
    this.#protection = null;
    this.#keyFile = null;
    this.#problem = problem;
  }

  #notReadyError(): WorkbenchError {
    if (this.#closed) return new WorkbenchError('VAULT_LOCKED', 'The vault is closed.');
    if (this.#state === 'needs-setup') {
      return new WorkbenchError('VAULT_SETUP_REQUIRED', 'The vault needs setting up first: choose a passphrase, or accept weak protection.');
    }
    return new WorkbenchError('VAULT_LOCKED', this.#problem ?? 'The vault is locked: enter its passphrase to open it.');
  }

  #now(): Date {
    return new Date(this.deps.clock.now());
  }

  /** Tells listeners when the visible status changed; returns the status either way. */
  #changed(): VaultStatus {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text !== this.#lastEmitted) {
      this.#lastEmitted = text;
      for (const listener of this.#listeners) {
        try {
          listener(status);
        } catch (error) {
          this.deps.logger.warn(`A vault status listener failed (${error instanceof Error ? error.name : 'error'}).`);
        }
      }
    }
    return status;
  }
}
