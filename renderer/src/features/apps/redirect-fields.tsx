// Redirect mode and its settings. What is sent must equal what is registered on the Gorgias app,
// so the exact URL to register is shown with a copy button, from the draft as the user types.
import type { AppView } from '../../../../electron/common/model';
import { Field } from '../../components/field';
import type { AppDraft, DraftProblems } from './app-draft';
import { RegisterUrl } from './register-url';
import { RelayPagePanel } from './relay-page-panel';

const MODE_HELP = {
  loopback: 'The browser comes back to http://127.0.0.1 on this machine. Simplest, if the Gorgias portal accepts a loopback URL.',
  relay: 'An https page you host forwards the browser to this machine (Gorgias may refuse localhost redirect URLs).',
  paste: 'Any registered redirect URL; you paste the address the browser lands on.',
} as const;

interface Props {
  draft: AppDraft;
  problems: DraftProblems;
  saved: AppView | null;
  onChange: (redirect: AppDraft['redirect']) => void;
}

export function RedirectFields({ draft, problems, saved, onChange }: Props) {
  const redirect = draft.redirect;
  const set = <K extends keyof AppDraft['redirect']>(key: K, value: AppDraft['redirect'][K]) => onChange({ ...redirect, [key]: value });

  return (
    <fieldset className="redirect">
      <legend>Redirect</legend>
      <Field label="Redirect mode" help={MODE_HELP[redirect.mode]}>
        {(props) => (
          <select {...props} value={redirect.mode} onChange={(event) => set('mode', event.target.value as AppDraft['redirect']['mode'])}>
            <option value="loopback">Loopback (127.0.0.1)</option>
            <option value="relay">Relay page (https)</option>
            <option value="paste">Paste the URL</option>
          </select>
        )}
      </Field>
      {redirect.mode !== 'paste' && (
        <div className="row">
          <Field label="Port" problem={problems.port}>
            {(props) => <input {...props} inputMode="numeric" value={redirect.port} onChange={(event) => set('port', event.target.value)} />}
          </Field>
          <Field label="Path" problem={problems.path}>
            {(props) => <input {...props} value={redirect.path} onChange={(event) => set('path', event.target.value)} spellCheck={false} />}
          </Field>
        </div>
      )}
      {redirect.mode === 'relay' && (
        <Field label="Relay URL" problem={problems.relayUrl} help="The https page you host that forwards to the loopback server.">
          {(props) => <input {...props} type="url" value={redirect.relayUrl} onChange={(event) => set('relayUrl', event.target.value)} spellCheck={false} />}
        </Field>
      )}
      {redirect.mode === 'paste' && (
        <Field label="Paste URL" problem={problems.pasteUrl} help="The redirect URL registered on the Gorgias app.">
          {(props) => <input {...props} type="url" value={redirect.pasteUrl} onChange={(event) => set('pasteUrl', event.target.value)} spellCheck={false} />}
        </Field>
      )}
      <label className="check-label">
        <input type="checkbox" checked={redirect.includeAccountParam} onChange={(event) => set('includeAccountParam', event.target.checked)} />
        Carry ?account= in the redirect URL (as Gorgias's demo app does)
      </label>
      <RegisterUrl draft={draft} problems={problems} saved={saved} />
      {redirect.mode === 'relay' && <RelayPagePanel draft={draft} saved={saved} />}
    </fieldset>
  );
}
