// Create or edit an account: subdomain checked while typing (the reason inline), label, kind
// (production in the warning colour), notes, an optional custom base URL (flagged), or the
// built-in sandbox. Save says why it is off; a backend error keeps what was typed.
import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { NEW_ACCOUNT, accountProblems, createInput, draftFrom, patchInput, type AccountDraft } from './account-draft';

export function AccountForm({ account }: { account: AccountView | null }) {
  const [draft, setDraft] = useState<AccountDraft>(() => (account ? draftFrom(account) : NEW_ACCOUNT));
  const [touched, setTouched] = useState(account !== null);
  const save = useAction(async (value: AccountDraft) => {
    if (!account) return workbench().accounts.create(createInput(value));
    return workbench().accounts.update({ id: account.id, patch: patchInput(value, account) });
  });
  const problems = accountProblems(draft);
  const firstProblem = Object.values(problems)[0] ?? null;
  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (firstProblem) return;
    const saved = await save.run(draft);
    if (!saved) return;
    showToast('success', account ? `Saved ${saved.label || saved.subdomain}.` : `Added ${saved.label || saved.subdomain}.`);
    if (!account) navigate({ kind: 'account', id: saved.id });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={account ? `Edit account ${account.label || account.subdomain}` : 'New account'}>
      <Field
        label="Subdomain"
        problem={touched || draft.subdomain !== '' ? problems.subdomain : null}
        help={<>The first part of the address: <code>{draft.subdomain.trim().toLowerCase() || 'acme'}</code>.gorgias.com</>}
      >
        {(props) => <input {...props} value={draft.subdomain} onChange={(event) => { set('subdomain', event.target.value); setTouched(true); }} spellCheck={false} autoComplete="off" />}
      </Field>
      <Field label="Label" help="How this account is shown in lists (defaults to the subdomain).">
        {(props) => <input {...props} value={draft.label} onChange={(event) => set('label', event.target.value)} />}
      </Field>
      <Field label="Kind" help={draft.kind === 'production' ? 'Production: real customer data. Shown in the warning colour everywhere.' : 'A sandbox or test account.'}>
        {(props) => (
          <select {...props} className={draft.kind === 'production' ? 'select--production' : undefined} value={draft.kind} onChange={(event) => set('kind', event.target.value as AccountDraft['kind'])}>
            <option value="sandbox">Sandbox</option>
            <option value="production">Production</option>
          </select>
        )}
      </Field>
      {draft.kind === 'production' && <p className="banner banner--warning" role="note">Production account: installs and API calls act on real customer data.</p>}

      <label className="check-label">
        <input type="checkbox" checked={draft.builtInSandbox} onChange={(event) => set('builtInSandbox', event.target.checked)} />
        Use the built-in sandbox
      </label>
      {!draft.builtInSandbox && (
        <>
          <label className="check-label">
            <input type="checkbox" checked={draft.useCustomBaseUrl} onChange={(event) => set('useCustomBaseUrl', event.target.checked)} />
            Use a custom base URL (staging, emulator)
          </label>
          {draft.useCustomBaseUrl && (
            <Field label="Custom base URL" problem={problems.customBaseUrl} help="Replaces https://{subdomain}.gorgias.com; the account is flagged everywhere.">
              {(props) => <input {...props} type="url" value={draft.customBaseUrl} onChange={(event) => set('customBaseUrl', event.target.value)} spellCheck={false} />}
            </Field>
          )}
        </>
      )}
      <Field label="Notes">
        {(props) => <textarea {...props} rows={3} value={draft.notes} onChange={(event) => set('notes', event.target.value)} />}
      </Field>

      <ErrorMessage error={save.error} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.pending || firstProblem !== null} aria-describedby={firstProblem ? 'account-save-why' : undefined}>
          {save.pending ? 'Saving…' : 'Save'}
        </button>
        {firstProblem && <span id="account-save-why" className="save-why">Save is off: {firstProblem}</span>}
        <button type="button" className="button" onClick={() => navigate({ kind: 'home' })}>Close</button>
      </div>
    </form>
  );
}
