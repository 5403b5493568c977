// Import / export of apps and accounts (never installs or tokens).
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';
import '../../styles/tools.css';

export function TransferView() {
  return (
    <section className="panel transfer" aria-labelledby="transfer-title">
      <header className="panel__header">
        <h1 id="transfer-title">Import / export</h1>
        <span className="muted">Apps and accounts only; installs and tokens never leave the vault.</span>
      </header>
      <ExportPanel />
      <ImportPanel />
    </section>
  );
}
