// The vault's protection in words. Electron's Linux key-store ids (safeStorage's
// getSelectedStorageBackend) are named as a person knows them; an id we do not know is not shown,
// so an internal or test name never reaches the screen.
import type { VaultStatus } from '../../../../electron/common/model';

const KEYCHAIN_NAMES: Record<string, string> = {
  gnome_libsecret: 'GNOME Keyring / libsecret',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

export function protectionWords(vault: VaultStatus): string {
  switch (vault.protection) {
    case 'os': {
      const name = vault.osBackend ? KEYCHAIN_NAMES[vault.osBackend] : undefined;
      return `OS keychain${name ? ` (${name})` : ''}`;
    }
    case 'passphrase':
      return 'Passphrase';
    case 'weak':
      return 'Weak protection';
    default:
      return 'Not set up';
  }
}

/** The sidebar's vault badge (vault-badge.tsx and the first paint): its class and its words. */
export const vaultBadgeClass = (vault: VaultStatus): string => (vault.protection === 'weak' ? 'nav-item vault-badge vault-badge--weak' : 'nav-item vault-badge');
export const vaultBadgeText = (vault: VaultStatus): string => `Vault: ${protectionWords(vault)}`;
