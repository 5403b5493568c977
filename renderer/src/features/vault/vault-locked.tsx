// The vault is locked: the passphrase prompt, or the reason it could not be opened.
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';

export function VaultLocked({ vault }: { vault: VaultStatus }) {
  const [passphrase, setPassphrase] = useState('');
  const unlock = useAction((value: string) => workbench().vault.unlock({ passphrase: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase) await unlock.run(passphrase);
  };
  const wrong = unlock.error?.code === 'VAULT_PASSPHRASE_WRONG';
  return (
    <main className="gate" aria-labelledby="locked-title">
      <h1 id="locked-title">The vault is locked</h1>
      {vault.problem && <p className="banner banner--warning">{vault.problem}</p>}
      {vault.protection === 'passphrase' && (
        <form className="form" onSubmit={submit} noValidate aria-label="Unlock the vault">
          <Field label="Passphrase" problem={wrong ? 'Wrong passphrase. It is case-sensitive; try again.' : null}>
            {(props) => <input {...props} type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="current-password" autoFocus />}
          </Field>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={unlock.pending || passphrase === ''}>{unlock.pending ? 'Unlocking…' : 'Unlock'}</button>
          </div>
          {!wrong && <ErrorMessage error={unlock.error} />}
        </form>
      )}
      <p className="muted">Data folder: <code>{vault.dataDir}</code></p>
    </main>
  );
}
