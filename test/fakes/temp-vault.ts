// A REAL vault (the production controller, conf store, sealed files) in a fresh temp folder, for
// tests that exercise the OAuth engine and the tools: what they write really goes through the
// schema check, the sealing and the atomic write. Two readings for assertions: `writes` counts
// successful vault.update calls (a failed flow must write nothing), `entries` is the activity log,
// oldest first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityEntry } from '../../electron/common/model';
import { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';
import { openVault } from '../../electron/backend/vault/open-vault';
import type { StoredAccount, StoredApp, StoredInstall, Vault, VaultData } from '../../electron/backend/vault/vault-types';
import { createFakeKeyProtector } from './fake-key-protector';

export interface TempVault extends Vault {
  readonly dataDir: string;
  /** Successful vault.update calls since the vault was opened and seeded. */
  readonly writes: number;
  /** The activity log, oldest first. */
  readonly entries: ActivityEntry[];
  /** Closes the vault and removes its folder. */
  dispose(): Promise<void>;
}

export interface TempVaultContent {
  apps?: StoredApp[];
  accounts?: StoredAccount[];
}

export async function openTempVault(content: TempVaultContent = {}): Promise<TempVault> {
  const dataDir = await mkdtemp(join(tmpdir(), 'workbench-vault-'));
  const vault = await openVault({ dataDir, keyProtector: createFakeKeyProtector({ level: 'strong' }), storeFactory: confStoreFactory });
  if (vault.status().state !== 'ready') throw new Error(`temp vault not ready: ${vault.status().problem ?? vault.status().state}`);
  // The first-run content (demo app, sandbox account) counts as done: these tests bring their own.
  await vault.update((data: VaultData) => {
    data.settings.seeded = true;
    data.apps = structuredClone(content.apps ?? []);
    data.accounts = structuredClone(content.accounts ?? []);
  });
  let writes = 0;
  const extras = {
    dataDir,
    get writes() {
      return writes;
    },
    get entries() {
      return vault.activity.list({ limit: 10_000 }).entries.slice().reverse();
    },
    async update<T>(mutate: (draft: VaultData) => T): Promise<T> {
      const result = await vault.update(mutate);
      writes += 1;
      return result;
    },
    async updateInstall<T>(installId: string, mutate: (install: StoredInstall) => T, notFound?: string): Promise<T> {
      const result = await vault.updateInstall(installId, mutate, notFound);
      writes += 1;
      return result;
    },
    async putInstall(install: Omit<StoredInstall, 'id'>, pick: (data: Readonly<VaultData>) => string | null): Promise<string> {
      const result = await vault.putInstall(install, pick);
      writes += 1;
      return result;
    },
    async dispose() {
      await vault.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  // Everything else is the real vault's own, called on it (it keeps its state in private fields).
  return new Proxy(vault, {
    get(target, key) {
      if (Object.hasOwn(extras, key)) return Reflect.get(extras, key);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as TempVault;
}
