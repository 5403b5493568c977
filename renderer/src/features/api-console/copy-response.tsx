// Copy the response body (as shown: pretty-printed JSON) through main. The body stays in main; its
// lines are fetched in pages only when asked. Too big for the clipboard channel: said so, nothing
// half-copied.
import { useState } from 'react';
import type { ApiSendResult } from '../../../../electron/common/tools/tool-results';
import { workbench } from '../../workbench/client';
import { showToast } from '../../stores/toasts';

const PAGE = 10_000;
const MAX_COPY = 100_000;

export function CopyResponse({ result }: { result: ApiSendResult }) {
  const [pending, setPending] = useState(false);
  const copy = async () => {
    setPending(true);
    try {
      const lines: string[] = [];
      for (let start = 0; start < result.totalLines; start += PAGE) {
        const page = await workbench().api.responseLines({ responseId: result.responseId, start, count: PAGE });
        if (!page.ok) return showToast('error', page.error.message);
        lines.push(...page.value.lines);
      }
      const text = lines.join('\n');
      if (text.length > MAX_COPY) return showToast('error', `The body is ${text.length.toLocaleString()} characters, too big for the clipboard here: nothing copied. Export the activity as HAR instead.`);
      const done = await workbench().system.copyText({ text });
      if (done.ok) showToast('success', 'Copied the response body.');
      else showToast('error', done.error.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <button type="button" className="button button--small" onClick={copy} disabled={pending || result.totalLines === 0}>
      {pending ? 'Copying…' : 'Copy response'}
    </button>
  );
}
