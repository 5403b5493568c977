// Create or edit an app. Problems show inline as the user types; Save says why it is off; a backend
// error is shown above the buttons and the form keeps everything typed.
import { useState, type FormEvent } from 'react';
import type { AppView } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { NEW_APP, createInput, draftFrom, draftProblems, patchInput, type AppDraft } from './app-draft';
import { DeleteApp } from './delete-app';
import { RedirectFields } from './redirect-fields';
import { ScopePicker } from './scope-picker';
import { SecretField } from './secret-field';
import { AppUrlEntry } from './app-url-entry';
import { TestInstallLink } from './test-install-link';

export function AppForm({ app }: { app: AppView | null }) {
  const [draft, setDraft] = useState<AppDraft>(() => (app ? draftFrom(app) : NEW_APP));
  const [secretKey, setSecretKey] = useState(0);
  const save = useAction(async (value: AppDraft) => {
    if (!app) return workbench().apps.create(createInput(value));
    return workbench().apps.update({ id: app.id, patch: patchInput(value, app) });
  });
  const problems = draftProblems(draft);
  const firstProblem = Object.values(problems)[0] ?? null;
  const set = <K extends keyof AppDraft>(key: K, value: AppDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (firstProblem) return;
    const saved = await save.run(draft);
    if (!saved) return;
    showToast('success', app ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
    setDraft((previous) => ({ ...previous, clientSecret: '' }));
    setSecretKey((key) => key + 1);
    if (!app) navigate({ kind: 'app', id: saved.id });
  };

  return (
    <section className="panel" aria-labelledby="app-form-title">
      <header className="panel__header">
        <h1 id="app-form-title">{app ? app.name : 'New app'}</h1>
        {app?.builtIn && <span className="badge">Built-in demo app (wired to the local sandbox)</span>}
      </header>
      <form className="form" onSubmit={submit} noValidate aria-label={app ? `Edit app ${app.name}` : 'New app'}>
        <Field label="Name" problem={draft.name !== '' || app ? problems.name : null}>
          {(props) => <input {...props} value={draft.name} onChange={(event) => set('name', event.target.value)} />}
        </Field>
        <Field label="Client ID" problem={draft.clientId !== '' || app ? problems.clientId : null}>
          {(props) => <input {...props} value={draft.clientId} onChange={(event) => set('clientId', event.target.value)} spellCheck={false} autoComplete="off" />}
        </Field>
        <SecretField key={secretKey} hasSecret={app?.hasClientSecret ?? false} value={draft.clientSecret} onChange={(value) => set('clientSecret', value)} />

        <RedirectFields draft={draft} problems={problems} saved={app} onChange={(redirect) => set('redirect', redirect)} />
        <ScopePicker value={draft.scopes} onChange={(scopes) => set('scopes', scopes)} />

        <fieldset>
          <legend>Token endpoint</legend>
          <Field label="Client authentication" help="Gorgias expects HTTP Basic (client_secret_basic).">
            {(props) => (
              <select {...props} value={draft.clientAuth} onChange={(event) => set('clientAuth', event.target.value as AppDraft['clientAuth'])}>
                <option value="basic">HTTP Basic header</option>
                <option value="body">In the request body</option>
              </select>
            )}
          </Field>
          <label className="check-label">
            <input type="checkbox" checked={draft.pkce} onChange={(event) => set('pkce', event.target.checked)} />
            Use PKCE (Gorgias has none yet; for other servers)
          </label>
        </fieldset>

        <ErrorMessage error={save.error} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={save.pending || firstProblem !== null} aria-describedby={firstProblem ? 'app-save-why' : undefined}>
            {save.pending ? 'Saving…' : 'Save'}
          </button>
          {firstProblem && <span id="app-save-why" className="save-why">Save is off: {firstProblem}</span>}
          <button type="button" className="button" onClick={() => navigate({ kind: 'home' })}>Close</button>
        </div>
      </form>
      {app && <TestInstallLink app={app} />}
      {app && <AppUrlEntry app={app} />}
      {app && <DeleteApp app={app} />}
    </section>
  );
}
