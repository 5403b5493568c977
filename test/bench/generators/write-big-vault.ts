// Writes the big vault into a data folder through the vault's own API (openVault, update, activity
// append), exactly as the app would have written it over time. The key is protected by the tests'
// fake keychain, which the e2e harness uses too, so the harness opens this folder as is.
import { openVault } from '../../../electron/backend/vault/open-vault';
import { confStoreFactory } from '../../../electron/backend/vault/conf-store-factory';
import type { Vault } from '../../../electron/backend/vault/vault-types';
import { createFakeKeyProtector } from '../../fakes/fake-key-protector';
import { addBigVault, generateBigVault, type BigVault, type BigVaultOptions } from './big-vault';

export function openBenchVault(dataDir: string): Promise<Vault> {
  return openVault({ dataDir, keyProtector: createFakeKeyProtector({ level: 'strong' }), storeFactory: confStoreFactory });
}

export async function writeBigVault(dataDir: string, options: BigVaultOptions = {}): Promise<BigVault> {
  const big = generateBigVault(options);
  const vault = await openBenchVault(dataDir);
  try {
    if (vault.status().state !== 'ready') throw new Error(`The bench vault did not open: ${vault.status().state} (${vault.status().problem ?? 'no detail'})`);
    await vault.update((draft) => addBigVault(draft, big));
    // Appended one by one, as the app does; the log's queue keeps the order.
    await Promise.all(big.activity.map((entry) => vault.activity.append(entry)));
  } finally {
    await vault.close();
  }
  return big;
}
