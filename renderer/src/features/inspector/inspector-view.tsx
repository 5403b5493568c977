// The token inspector: paste any token, main decodes and reads it (and checks a JWT against its
// account's keys when the issuer is known). Nothing pasted is stored: it lives in this view's state
// and goes with it.
import { useId, useState } from 'react';
import type { TokenInspection } from '../../../../electron/common/tools/tool-results';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';
import { InspectionResult } from './inspection-result';
import '../../styles/tools.css';

export function InspectorView() {
  const [token, setToken] = useState('');
  const [inspection, setInspection] = useState<TokenInspection | null>(null);
  const inspect = useAction((value: string) => workbench().inspector.inspect({ token: value }));
  const tokenId = useId();

  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <header className="panel__header">
        <h1 id="inspector-title">Token inspector</h1>
        <span className="muted">Nothing pasted here is stored or logged.</span>
      </header>
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          const value = await inspect.run(token);
          setInspection(value);
        }}
      >
        <div className="field">
          <label htmlFor={tokenId}>Token</label>
          <textarea id={tokenId} rows={5} spellCheck={false} autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} placeholder="An access token, id_token or refresh token; with or without Bearer" />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={inspect.pending}>{inspect.pending ? 'Inspecting…' : 'Inspect'}</button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setToken('');
              setInspection(null);
              inspect.clearError();
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <ErrorMessage error={inspect.error} />
      {inspection && <InspectionResult inspection={inspection} />}
    </section>
  );
}
