// No real OS protection here: the user picks a passphrase, or accepts weak protection knowingly.
import type { VaultStatus } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { PassphraseForm } from './passphrase-form';

export function VaultSetup({ vault }: { vault: VaultStatus }) {
  const accept = useAction(() => workbench().vault.acceptWeakProtection());
  return (
    <main className="gate" aria-labelledby="setup-title">
      <h1 id="setup-title">Protect your vault</h1>
      <p>
        The workbench keeps client secrets and tokens in an encrypted vault. This system offers no real key protection
        {vault.osBackend ? ` (its keychain is "${vault.osBackend}")` : ''}, so choose how to protect the key.
      </p>
      <h2>Use a passphrase (recommended)</h2>
      <PassphraseForm submitLabel="Use this passphrase" />
      <h2>Or accept weak protection</h2>
      <p>The key is stored next to the vault where any program running as you can read it. A warning stays on screen.</p>
      <button type="button" className="button" disabled={accept.pending} onClick={() => void accept.run()}>
        {accept.pending ? 'Setting up…' : 'Accept weak protection'}
      </button>
      <ErrorMessage error={accept.error} />
    </main>
  );
}
