// Vault settings: how it is protected, and changing that (passphrase, back to the OS keychain).
import { useState } from 'react';
import type { VaultStatus } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { KeyValueTable } from '../../components/kv-table';
import { PassphraseForm } from './passphrase-form';
import { protectionWords } from './protection';
import { navigate } from '../../stores/navigation';

export function VaultView({ vault }: { vault: VaultStatus }) {
  // A passphrase vault changes its protection only with its current passphrase (asked once here).
  const [current, setCurrent] = useState('');
  const needsCurrent = vault.protection === 'passphrase';
  const useOs = useAction(() => workbench().vault.useOsProtection(needsCurrent ? { currentPassphrase: current } : undefined));
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
      <p className="muted">
        Auto-lock, Lock now and how long copied tokens stay on the clipboard:{' '}
        <button type="button" className="link" onClick={() => navigate({ kind: 'settings' })}>Settings</button>.
      </p>
      {needsCurrent && (
        <Field label="Current passphrase" help="Needed to change how the vault is protected.">
          {(props) => <input {...props} type="password" value={current} onChange={(event) => setCurrent(event.target.value)} autoComplete="current-password" />}
        </Field>
      )}
      <h2>{needsCurrent ? 'Change the passphrase' : 'Protect with a passphrase'}</h2>
      <PassphraseForm submitLabel={needsCurrent ? 'Change passphrase' : 'Use this passphrase'} {...(needsCurrent ? { currentPassphrase: current } : {})} />
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
