// A backend error in words, with the fix. Never a stack trace: only the code's hint and the
// backend's own message (which carries no secret by construction).
import type { ErrorShape } from '../workbench/client';
import { hintFor } from '../text/error-hints';

export function ErrorMessage({ error, hint }: { error: ErrorShape | { code: string; message: string; hint?: string } | null; hint?: string }) {
  if (!error) return null;
  const fix = hintFor(error.code, hint ?? ('hint' in error ? error.hint : undefined));
  return (
    <div className="error-message" role="alert">
      <p className="error-message__text">{error.message}</p>
      {fix && <p className="error-message__hint">{fix}</p>}
    </div>
  );
}
