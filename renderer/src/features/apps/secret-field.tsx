// The client secret is write-only: after saving, the form only says one is set and offers to
// replace it. Nothing is ever read back from the backend into this input.
import { useState } from 'react';
import { Field } from '../../components/field';

export function SecretField({ hasSecret, value, onChange }: { hasSecret: boolean; value: string; onChange: (value: string) => void }) {
  const [replacing, setReplacing] = useState(false);
  if (hasSecret && !replacing) {
    return (
      <div className="field">
        <span className="field__static-label">Client secret</span>
        <p className="secret-set">
          A secret is set.{' '}
          <button type="button" className="button button--small" onClick={() => setReplacing(true)}>Replace</button>
        </p>
      </div>
    );
  }
  return (
    <Field label="Client secret" help={hasSecret ? 'The new secret replaces the stored one when you save.' : 'Stored encrypted; it never comes back to this window.'}>
      {(props) => (
        <div className="row">
          <input {...props} type="password" value={value} onChange={(event) => onChange(event.target.value)} autoComplete="off" spellCheck={false} />
          {hasSecret && (
            <button type="button" className="button button--small" onClick={() => { onChange(''); setReplacing(false); }}>Keep current</button>
          )}
        </div>
      )}
    </Field>
  );
}
