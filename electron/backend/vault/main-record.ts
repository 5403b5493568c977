// The main store's record (vault.json, store format 2): apps, accounts, settings and the list of
// installs (their order, and each one's app and account). Its schema, how it is built from the live
// data, and how the live data is compared with it as last written.
import { z } from 'zod';
import { same } from './record-compare';
import { accountSchema, appSchema, settingsSchema } from './store-schema';
import { CURRENT_SCHEMA_VERSION, type VaultData } from './vault-types';

export const STORE_FORMAT = 2;

export const mainSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  storeFormat: z.literal(STORE_FORMAT),
  apps: z.array(appSchema),
  accounts: z.array(accountSchema),
  settings: settingsSchema,
  installIds: z.array(z.string()),
  /**
   * Each listed install's app and account ids, in installIds' order: lets a reader that wants one
   * app × account (the CLI's lean `token`, vault-peek.ts) decrypt only those install files. Absent in
   * vaults written before it (and dropped by a version that does not know it): written again with
   * the main store's next save; readers then read every install file, as before.
   */
  installOwners: z.array(z.tuple([z.string(), z.string()])).optional(),
});
export type MainRecord = z.infer<typeof mainSchema>;

export function mainOf(data: VaultData): MainRecord {
  return {
    schemaVersion: data.schemaVersion as typeof CURRENT_SCHEMA_VERSION,
    storeFormat: STORE_FORMAT,
    apps: data.apps,
    accounts: data.accounts,
    settings: data.settings,
    installIds: data.installs.map((install) => install.id),
    installOwners: data.installs.map((install) => [install.appId, install.accountId]),
  };
}

/** The main record as last written against the live data, without building it (no list of 1,000 ids per update). */
export function sameMain(data: VaultData, snap: MainRecord): boolean {
  const { installs } = data;
  const ids = snap.installIds;
  const owners = snap.installOwners;
  if (installs.length !== ids.length || owners?.length !== ids.length || data.schemaVersion !== snap.schemaVersion) return false;
  for (let index = 0; index < ids.length; index += 1) {
    const install = installs[index]!;
    const [appId, accountId] = owners[index]!;
    if (install.id !== ids[index] || install.appId !== appId || install.accountId !== accountId) return false;
  }
  return same(data.apps, snap.apps) && same(data.accounts, snap.accounts) && same(data.settings, snap.settings);
}
