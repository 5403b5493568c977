// The vault's protection in words.
import type { VaultStatus } from '../../../../electron/common/model';

export function protectionWords(vault: VaultStatus): string {
  switch (vault.protection) {
    case 'os':
      return `OS keychain${vault.osBackend ? ` (${vault.osBackend})` : ''}`;
    case 'passphrase':
      return 'Passphrase';
    case 'weak':
      return 'Weak protection';
    default:
      return 'Not set up';
  }
}
