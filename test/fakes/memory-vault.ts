// An in-memory Vault for the OAuth tests: the same interface as the real one, no files, no keys.
// `writes` counts vault.update calls so a test can prove a failed flow wrote nothing.
import type { ActivityEntry, VaultStatus } from '../../electron/common/model';
import type { ActivityFilter, ActivityLog, Vault, VaultData } from '../../electron/backend/vault/vault-types';
import { emptyVaultData as emptyStoredData } from '../../electron/backend/vault/store-schema';
import { CURRENT_SCHEMA_VERSION } from '../../electron/backend/vault/vault-types';

export interface MemoryVault extends Vault {
  readonly entries: ActivityEntry[];
  writes: number;
}

/** An empty vault whose first-run content counts as already seeded (the OAuth tests add their own). */
export function emptyVaultData(): VaultData {
  const data = emptyStoredData();
  data.settings.seeded = true;
  return data;
}

export function createMemoryVault(initial: VaultData = emptyVaultData()): MemoryVault {
  let data = structuredClone(initial);
  let queue: Promise<unknown> = Promise.resolve();
  const entries: ActivityEntry[] = [];
  let nextId = 1;
  const exclusives = new Map<string, Promise<unknown>>();
  const status: VaultStatus = { state: 'ready', protection: 'os', osProtection: 'strong', osBackend: 'memory', recovered: null, integrity: null, problem: null, schemaVersion: CURRENT_SCHEMA_VERSION, dataDir: '(memory)' };

  const activity: ActivityLog = {
    async append(entry) {
      const stored: ActivityEntry = { id: String(nextId++), ...structuredClone(entry) };
      entries.push(stored);
      if (entries.length > 10_000) entries.splice(0, entries.length - 10_000);
      return stored;
    },
    list(filter: ActivityFilter) {
      const matching = entries.filter((e) => (!filter.kind || e.kind === filter.kind) && (!filter.appId || e.appId === filter.appId) && (!filter.accountId || e.accountId === filter.accountId));
      return { entries: matching.slice(-(filter.limit ?? 100)).reverse(), total: matching.length };
    },
    async clear() {
      entries.length = 0;
    },
  };

  const vault: MemoryVault = {
    entries,
    writes: 0,
    status: () => ({ ...status }),
    data: () => data,
    update<T>(mutate: (draft: VaultData) => T): Promise<T> {
      // Serialised like the real vault; a throwing mutator leaves the data untouched.
      const run = queue.then(() => {
        const draft = structuredClone(data);
        const result = mutate(draft);
        data = draft;
        vault.writes += 1;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    unlock: async () => ({ ...status }),
    setPassphrase: async () => ({ ...status }),
    acceptWeakProtection: async () => ({ ...status }),
    useOsProtection: async () => ({ ...status }),
    dismissRecovery: async () => ({ ...status }),
    lock: async () => ({ ...status }),
    updateSettings: async (patch) => {
      if (patch.autoLockMinutes !== undefined) data.settings.autoLockMinutes = patch.autoLockMinutes;
      if (patch.clipboardClearSeconds !== undefined) data.settings.clipboardClearSeconds = patch.clipboardClearSeconds;
      return { autoLockMinutes: data.settings.autoLockMinutes, clipboardClearSeconds: data.settings.clipboardClearSeconds };
    },
    // One process: a per-name chain is all "exclusive" needs here.
    exclusive: <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const run = (exclusives.get(name) ?? Promise.resolve()).then(fn);
      exclusives.set(name, run.catch(() => undefined));
      return run;
    },
    activity,
    onStatusChange: () => () => undefined,
    close: async () => undefined,
  };
  return vault;
}
