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

export function createVaultService(vault: Vault): DomainService<'vault'> {
  return {
    'vault.status': () => mapped(async () => vault.status()),
    'vault.unlock': ({ passphrase }) => mapped(() => vault.unlock(passphrase)),
    'vault.setPassphrase': ({ passphrase, currentPassphrase }) => mapped(() => vault.setPassphrase(passphrase, currentPassphrase)),
    'vault.acceptWeakProtection': (input) => mapped(() => vault.acceptWeakProtection(input?.currentPassphrase)),
    'vault.useOsProtection': (input) => mapped(() => vault.useOsProtection(input?.currentPassphrase)),
    'vault.dismissRecovery': () => mapped(() => vault.dismissRecovery()),
    'vault.lock': () => mapped(() => vault.lock()),
    'vault.updateSettings': (patch) => mapped(() => vault.updateSettings(patch)),
  };
}
