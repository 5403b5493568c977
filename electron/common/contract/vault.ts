import { z } from 'zod';
import type { VaultSettingsView, VaultStatus } from '../model';
import { MIN_PASSPHRASE_LENGTH } from '../lists';
import { method, noInput } from './declare';

const passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `At least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024);
/** Required by the backend when a ready passphrase vault changes its protection. */
const currentPassphrase = z.string().min(1).max(1024);
const withCurrent = z.strictObject({ currentPassphrase: currentPassphrase.optional() }).optional();

export const vaultMethods = {
  'vault.status': method(noInput).returns<VaultStatus>(),
  'vault.unlock': method(z.strictObject({ passphrase: z.string().min(1).max(1024) })).returns<VaultStatus>(),
  'vault.setPassphrase': method(z.strictObject({ passphrase, currentPassphrase: currentPassphrase.optional() })).returns<VaultStatus>(),
  'vault.acceptWeakProtection': method(withCurrent).returns<VaultStatus>(),
  'vault.useOsProtection': method(withCurrent).returns<VaultStatus>(),
  'vault.dismissRecovery': method(noInput).returns<VaultStatus>(),
  /** Drops the key and the decrypted data now (passphrase vaults ask for it again). */
  'vault.lock': method(noInput).returns<VaultStatus>(),
  /** An empty object reads the settings; null switches a setting off. */
  'vault.updateSettings': method(
    z.strictObject({
      autoLockMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(),
      clipboardClearSeconds: z.number().int().min(1).max(3600).nullable().optional(),
    }),
  ).returns<VaultSettingsView>(),
};
