// The vault's status, kept current from `vault.changed` (the gate, the banners and the badge read it).
// Asked for when the bundle starts (main.tsx calls startVaultEarly before React mounts), so the
// status and then the grid's first answer are on their way while React's code runs.
import { useEffect } from 'react';
import type { VaultStatus } from '../../../../electron/common/model';
import { startCatalogEarly } from '../../stores/catalog';
import { createStore, useStore } from '../../stores/create-store';
import { workbench, type ErrorShape } from '../../workbench/client';
import { takeEarlyStatus } from '../../workbench/early';

const store = createStore<{ vault: VaultStatus | null; error: ErrorShape | null }>({ vault: null, error: null });
let started = false;

/** Asks for the status and follows its changes for the window's life (once), then starts the catalog. */
export function startVaultEarly(): void {
  if (started) return;
  started = true;
  const api = workbench();
  // Followed before asking, so a change while the question is on its way is not missed.
  api.on('vault.changed', (vault) => store.set({ vault, error: null }));
  // Asked already by index.html's first script, when there is one.
  const early = takeEarlyStatus();
  void (early?.status ?? api.vault.status()).then((result) => {
    store.set(result.ok ? { vault: result.value, error: null } : { vault: store.get().vault, error: result.error });
    // A change that came before this module followed them is newer than that answer.
    const changed = early?.changed();
    early?.stop();
    if (changed) store.set({ vault: changed, error: null });
  });
  // The lists in parallel with the status rather than after it.
  startCatalogEarly();
}

export function useVault(): { vault: VaultStatus | null; error: ErrorShape | null } {
  useEffect(startVaultEarly, []);
  return useStore(store);
}
