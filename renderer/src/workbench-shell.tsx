// The open workbench: sidebar, main pane, standing banners, toasts and the quick switcher. Starts
// following the lists and flows once the vault is open.
import { useEffect } from 'react';
import type { VaultStatus } from '../../electron/common/model';
import { trackCatalog } from './stores/catalog';
import { trackFlows } from './stores/flows';
import { MainPane } from './main-pane';
import { Sidebar } from './features/sidebar/sidebar';
import { QuickSwitcher } from './features/switcher/quick-switcher';
import { VaultBanners } from './features/vault/vault-banners';
import { InstallConfirmations } from './features/security/install-confirmations';

export function WorkbenchShell({ vault }: { vault: VaultStatus }) {
  useEffect(() => {
    const offCatalog = trackCatalog();
    const offFlows = trackFlows();
    return () => {
      offCatalog();
      offFlows();
    };
  }, []);
  return (
    <div className="shell">
      <Sidebar vault={vault} />
      <main className="main">
        <VaultBanners vault={vault} />
        <InstallConfirmations />
        <MainPane vault={vault} />
      </main>
      <QuickSwitcher />
    </div>
  );
}
