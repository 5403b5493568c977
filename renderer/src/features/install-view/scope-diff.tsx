// Scopes the app asked for against the scopes the token carries: missing ones are what usually
// explains a 403 later.
import { diffScopes } from '../../../../electron/common/gorgias/scopes';

export function ScopeDiff({ requested, granted }: { requested: string[]; granted: string[] }) {
  const diff = diffScopes(requested, granted);
  return (
    <div className="scope-diff">
      <ul aria-label="Scopes requested and granted">
        {diff.same.map((scope) => <li key={scope} className="scope-diff__same"><span aria-hidden="true">=</span> {scope} <span className="muted">granted</span></li>)}
        {diff.missing.map((scope) => <li key={scope} className="scope-diff__missing"><span aria-hidden="true">−</span> {scope} <strong>requested, not granted</strong></li>)}
        {diff.extra.map((scope) => <li key={scope} className="scope-diff__extra"><span aria-hidden="true">+</span> {scope} <strong>granted, not requested</strong></li>)}
      </ul>
      {diff.missing.length === 0 && diff.extra.length === 0 && <p className="muted">Granted exactly what was requested.</p>}
    </div>
  );
}
