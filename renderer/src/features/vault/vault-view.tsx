// Vault settings: how it is protected, and changing that (passphrase, back to the OS keychain).
import type { VaultStatus } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { KeyValueTable } from '../../components/kv-table';
import { PassphraseForm } from './passphrase-form';
import { protectionWords } from './protection';

export function VaultView({ vault }: { vault: VaultStatus }) {
  const useOs = useAction(() => workbench().vault.useOsProtection());
  return (
    <section className="panel" aria-labelledby="vault-title">
      <header className="panel__header"><h1 id="vault-title">Vault</h1></header>
      <KeyValueTable
        caption="Vault protection"
        rows={[
          ['Protection', protectionWords(vault)],
          ['OS key protection', `${vault.osProtection}${vault.osBackend ? ` (${vault.osBackend})` : ''}`],
          ['Data folder', <code key="dir">{vault.dataDir}</code>],
          ['Schema version', String(vault.schemaVersion)],
        ]}
      />
      <h2>{vault.protection === 'passphrase' ? 'Change the passphrase' : 'Protect with a passphrase'}</h2>
      <PassphraseForm submitLabel={vault.protection === 'passphrase' ? 'Change passphrase' : 'Use this passphrase'} />
      {vault.osProtection === 'strong' && vault.protection !== 'os' && (
        <>
          <h2>Use the OS keychain</h2>
          <button type="button" className="button" disabled={useOs.pending} onClick={() => void useOs.run()}>
            {useOs.pending ? 'Switching…' : 'Use the OS keychain'}
          </button>
          <ErrorMessage error={useOs.error} />
        </>
      )}
    </section>
  );
}
