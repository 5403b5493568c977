// "Copy as curl": main builds the command (api.curl) and the page copies it through main. The token
// is a $GORGIAS_ACCESS_TOKEN placeholder unless the user ticks the reveal box.
import { useId, useState } from 'react';
import type { ApiSendInput } from '../../../../electron/common/contract';
import { workbench } from '../../workbench/client';
import { showToast } from '../../stores/toasts';

export function CurlCopy({ input }: { input: ApiSendInput }) {
  const [reveal, setReveal] = useState(false);
  const [pending, setPending] = useState(false);
  const revealId = useId();
  const copy = async () => {
    setPending(true);
    const built = await workbench().api.curl({ ...input, revealToken: reveal });
    const copied = built.ok ? await workbench().system.copyText({ text: built.value.command }) : built;
    setPending(false);
    if (copied.ok) showToast('success', reveal ? 'Copied the curl command WITH the access token: treat it as a secret.' : 'Copied the curl command (token redacted: export GORGIAS_ACCESS_TOKEN first).');
    else showToast('error', copied.error.message);
  };
  return (
    <span className="curl-copy">
      <button type="button" className="button button--small" onClick={copy} disabled={pending}>{pending ? 'Copying…' : 'Copy as curl'}</button>
      <input id={revealId} type="checkbox" checked={reveal} onChange={(event) => setReveal(event.target.checked)} />
      <label htmlFor={revealId}>Include the real token</label>
    </span>
  );
}
