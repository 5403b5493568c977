// The vault's status, kept current from `vault.changed` (the gate, the banners and the badge read it).
import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../../electron/common/model';
import { startCatalogEarly } from '../../stores/catalog';
import { workbench, type ErrorShape } from '../../workbench/client';

export function useVault(): { vault: VaultStatus | null; error: ErrorShape | null } {
  const [vault, setVault] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<ErrorShape | null>(null);
  useEffect(() => {
    const api = workbench();
    let live = true;
    void api.vault.status().then((result) => {
      if (!live) return;
      if (result.ok) setVault(result.value);
      else setError(result.error);
    });
    startCatalogEarly(); // the lists, in parallel with the status rather than after it
    const off = api.on('vault.changed', setVault);
    return () => {
      live = false;
      off();
    };
  }, []);
  return { vault, error };
}
