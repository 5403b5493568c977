// Entry point: opens (or creates) the vault in a data folder. Never throws for what it finds on
// disk: a bad file is kept aside and reported in status(), a key the OS cannot give back leaves
// the vault locked, so the app always starts. See docs/vault.md.
import type { Clock, KeyProtector, Logger, StoreFactory } from '../ports';
import { vaultPaths } from './vault-files';
import { VaultController } from './vault-controller';
import type { Vault } from './vault-types';

export interface OpenVaultOptions {
  dataDir: string;
  keyProtector: KeyProtector;
  storeFactory: StoreFactory;
  clock?: Clock;
  logger?: Logger;
}

const systemClock: Clock = { now: () => Date.now() };
const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const vault = new VaultController({
    paths: vaultPaths(options.dataDir),
    keyProtector: options.keyProtector,
    storeFactory: options.storeFactory,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
  });
  await vault.start();
  return vault;
}
