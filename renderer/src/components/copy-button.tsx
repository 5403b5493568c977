// Copies text through main (system.copyText): the renderer never touches the clipboard itself.
import { useState } from 'react';
import { workbench } from '../workbench/client';
import { showToast } from '../stores/toasts';

export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what: string }) {
  const [pending, setPending] = useState(false);
  const copy = async () => {
    setPending(true);
    const result = await workbench().system.copyText({ text });
    setPending(false);
    if (result.ok) showToast('success', `Copied ${what}.`);
    else showToast('error', result.error.message);
  };
  return (
    <button type="button" className="button button--small" onClick={copy} disabled={pending} aria-label={`${label} ${what}`}>
      {pending ? 'Copying…' : label}
    </button>
  );
}
