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
    // Main treats text holding a secret as one: it says when the clipboard will be cleared.
    if (result.ok) showToast('success', result.value.clearsInSeconds === null ? `Copied ${what}.` : `Copied ${what} — cleared from the clipboard in ${result.value.clearsInSeconds} s.`);
    else showToast('error', result.error.message);
  };
  return (
    <button type="button" className="button button--small" onClick={copy} disabled={pending} aria-label={`${label} ${what}`}>
      {pending ? 'Copying…' : label}
    </button>
  );
}
