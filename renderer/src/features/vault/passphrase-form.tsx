// Choosing a passphrase (twice, so a typo does not lock the user out). Used by the setup screen and
// the vault settings.
import { useState, type FormEvent } from 'react';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';

/** `currentPassphrase`: on a ready passphrase vault the backend needs it to allow the change. */
export function PassphraseForm({ submitLabel, currentPassphrase }: { submitLabel: string; currentPassphrase?: string }) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const save = useAction((passphrase: string) => workbench().vault.setPassphrase(currentPassphrase ? { passphrase, currentPassphrase } : { passphrase }));
  const problem = first.length < 8 ? 'At least 8 characters.' : first !== second ? 'The two passphrases differ.' : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!problem) await save.run(first);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Choose a passphrase">
      <Field label="New passphrase" help="Asked each time the workbench starts. It cannot be recovered if lost.">
        {(props) => <input {...props} type="password" value={first} onChange={(event) => setFirst(event.target.value)} autoComplete="new-password" />}
      </Field>
      <Field label="Repeat passphrase" problem={second !== '' ? problem : null}>
        {(props) => <input {...props} type="password" value={second} onChange={(event) => setSecond(event.target.value)} autoComplete="new-password" />}
      </Field>
      <ErrorMessage error={save.error} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.pending || problem !== null}>{save.pending ? 'Saving…' : submitLabel}</button>
        {problem && <span className="save-why">{problem}</span>}
      </div>
    </form>
  );
}
