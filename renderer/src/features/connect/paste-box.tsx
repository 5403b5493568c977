// Paste mode: the user pastes the URL the browser landed on, and the flow goes on from the callback.
// A refusal is shown on the field it is about, and names it, so the highlighted box is explained.
import { useState } from 'react';
import { workbench } from '../../workbench/client';
import { rememberFlow } from '../../stores/flows';
import { useAction } from '../../hooks/use-action';
import { Field } from '../../components/field';

const FIELD = 'URL the browser landed on';

export function PasteBox({ flowId }: { flowId: string }) {
  const [url, setUrl] = useState('');
  const paste = useAction((value: string) => workbench().flows.paste({ flowId, url: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const flow = await paste.run(url.trim());
    if (flow) rememberFlow(flow);
  };
  return (
    <form className="paste-box" onSubmit={submit}>
      <Field label={FIELD} problem={paste.error ? `${FIELD}: ${paste.error.message}` : null} help="After approving, copy the whole address from the browser's address bar (it carries ?code=…&state=…).">
        {(props) => (
          <input
            {...props}
            type="url"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              paste.clearError();
            }}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={paste.pending || url.trim().length === 0}>
        {paste.pending ? 'Continuing…' : 'Continue'}
      </button>
    </form>
  );
}
