// The vault's slice of the contract: status and the protection choices. Errors that are not
// already WorkbenchErrors become INTERNAL with a plain message (the cause goes to the log only).
import { WorkbenchError, isWorkbenchError } from '../../common/errors';
import type { DomainService } from '../service';
import type { Vault } from './vault-types';


async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isWorkbenchError(error)) throw error;
    throw new WorkbenchError('INTERNAL', 'The vault could not complete that. The details are in the log.', undefined, { cause: error });
  }
}

/**
 * `whenReady` runs after a call that may have made the vault ready (setup, unlock), before the call
 * answers: the first-run content is there by the time the caller lists the apps.
 */
export function createVaultService(vault: Vault, whenReady: () => Promise<void> = async () => undefined): DomainService<'vault'> {
  const readying = <T>(work: () => Promise<T>) =>
    mapped(async () => {
      const status = await work();
      await whenReady();
      return status;
    });
  return {
    'vault.status': () => mapped(async () => vault.status()),
    'vault.unlock': ({ passphrase }) => readying(() => vault.unlock(passphrase)),
    'vault.setPassphrase': ({ passphrase, currentPassphrase }) => readying(() => vault.setPassphrase(passphrase, currentPassphrase)),
    'vault.acceptWeakProtection': (input) => readying(() => vault.acceptWeakProtection(input?.currentPassphrase)),
    'vault.useOsProtection': (input) => readying(() => vault.useOsProtection(input?.currentPassphrase)),
    'vault.dismissRecovery': () => mapped(() => vault.dismissRecovery()),
    'vault.lock': () => mapped(() => vault.lock()),
    'vault.updateSettings': (patch) => mapped(() => vault.updateSettings(patch)),
  };
}
