// The vault's protection at the foot of the sidebar; opens the vault settings.
import type { VaultStatus } from '../../../../electron/common/model';
import { navigate } from '../../stores/navigation';
import { protectionWords } from './protection';

export function VaultBadge({ vault }: { vault: VaultStatus }) {
  return (
    <button type="button" className={vault.protection === 'weak' ? 'nav-item vault-badge vault-badge--weak' : 'nav-item vault-badge'} onClick={() => navigate({ kind: 'vault' })}>
      Vault: {protectionWords(vault)}
    </button>
  );
}
