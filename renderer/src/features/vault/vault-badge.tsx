// The vault's protection at the foot of the sidebar; opens the vault settings.
import type { VaultStatus } from '../../../../electron/common/model';
import { navigate } from '../../stores/navigation';
import { vaultBadgeClass, vaultBadgeText } from './protection';

export function VaultBadge({ vault }: { vault: VaultStatus }) {
  return (
    <button type="button" className={vaultBadgeClass(vault)} onClick={() => navigate({ kind: 'vault' })}>
      {vaultBadgeText(vault)}
    </button>
  );
}
