// The exact URL to register on the Gorgias app, computed from the draft as the user types (the same
// rule the flows use), so a new app shows it before Save and an edit shows the URL it will become.
import type { AppView } from '../../../../electron/common/model';
import { redirectUriToRegister } from '../../../../electron/common/redirect-uri-to-register';
import { CopyButton } from '../../components/copy-button';
import { redirectOf, type AppDraft, type DraftProblems } from './app-draft';

const REDIRECT_PROBLEMS = ['port', 'path', 'relayUrl', 'pasteUrl'] as const;

export function RegisterUrl({ draft, problems, saved }: { draft: AppDraft; problems: DraftProblems; saved: AppView | null }) {
  const problem = REDIRECT_PROBLEMS.map((key) => problems[key]).find(Boolean) ?? null;
  const url = problem ? '' : redirectUriToRegister({ redirect: redirectOf(draft) });
  const unsaved = saved !== null && url !== '' && url !== saved.redirectUriToRegister;
  return (
    <div className="register-url" role="group" aria-labelledby="register-url-title">
      <span id="register-url-title" className="register-url__title">URL to register on the Gorgias app</span>
      {url ? (
        <div className="row">
          <code className="long-value" aria-label="Redirect URI to register">{url}</code>
          <CopyButton text={url} what="redirect URI" />
        </div>
      ) : (
        <p className="muted">{problem ? `Fix the redirect settings to see it: ${problem}` : 'Fill in the redirect settings to see it.'}</p>
      )}
      {!saved && url && <p className="muted">Register it in the Gorgias partner portal; it is kept when you Save.</p>}
      {unsaved && <p className="muted">Changed from the saved app ({saved.redirectUriToRegister}): Save to use it.</p>}
    </div>
  );
}
