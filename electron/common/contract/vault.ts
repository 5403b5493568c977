import { z } from 'zod';
import type { VaultStatus } from '../model';
import { MIN_PASSPHRASE_LENGTH } from '../lists';
import { method, noInput } from './declare';

const passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `At least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024);

export const vaultMethods = {
  'vault.status': method(noInput).returns<VaultStatus>(),
  'vault.unlock': method(z.strictObject({ passphrase: z.string().min(1).max(1024) })).returns<VaultStatus>(),
  'vault.setPassphrase': method(z.strictObject({ passphrase })).returns<VaultStatus>(),
  'vault.acceptWeakProtection': method(noInput).returns<VaultStatus>(),
  'vault.useOsProtection': method(noInput).returns<VaultStatus>(),
  'vault.dismissRecovery': method(noInput).returns<VaultStatus>(),
};
