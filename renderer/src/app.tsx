// The window: the vault gate first (setup or unlock), then the workbench. Notices from the backend
// become toasts whatever the screen.
import { useEffect } from 'react';
import { workbench } from './workbench/client';
import { showToast } from './stores/toasts';
import { ErrorMessage } from './components/error-message';
import { ToastRegion } from './components/toast-region';
import { useVault } from './features/vault/use-vault';
import { VaultLocked } from './features/vault/vault-locked';
import { VaultSetup } from './features/vault/vault-setup';
import { WorkbenchShell } from './workbench-shell';

export function App() {
  const { vault, error } = useVault();
  useEffect(() => workbench().on('notice', (notice) => showToast(notice.level, notice.message)), []);

  let screen;
  if (!vault) screen = <main className="gate">{error ? <ErrorMessage error={error} /> : <p className="muted">Opening the vault…</p>}</main>;
  else if (vault.state === 'needs-setup') screen = <VaultSetup vault={vault} />;
  else if (vault.state === 'locked') screen = <VaultLocked vault={vault} />;
  else screen = <WorkbenchShell vault={vault} />;

  return (
    <>
      {screen}
      <ToastRegion />
    </>
  );
}
