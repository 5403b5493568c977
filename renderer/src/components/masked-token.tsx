// A token shown masked; Reveal asks main for the full value (the one place a token crosses to the
// page) and keeps it only in this component's state until Hide. Copy is done by main.
import { useState } from 'react';
import type { MaskedToken as MaskedTokenView, TokenKind } from '../../../electron/common/model';
import { workbench } from '../workbench/client';
import { showToast } from '../stores/toasts';

const NAMES: Record<TokenKind, string> = { access: 'access token', refresh: 'refresh token', id: 'id token' };

export function MaskedToken({ installId, kind, token }: { installId: string; kind: TokenKind; token: MaskedTokenView }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [pending, setPending] = useState<'reveal' | 'copy' | null>(null);
  const name = NAMES[kind];

  if (!token.present) return <div className="token token--absent"><span className="token__name">{name}</span> <span>none</span></div>;

  const reveal = async () => {
    setPending('reveal');
    const result = await workbench().installs.reveal({ id: installId, token: kind });
    setPending(null);
    if (result.ok) setRevealed(result.value.token);
    else showToast('error', result.error.message);
  };
  const copy = async () => {
    setPending('copy');
    const result = await workbench().installs.copy({ id: installId, token: kind });
    setPending(null);
    // Main says so itself (a `notice`): only a failure needs telling here.
    if (!result.ok) showToast('error', result.error.message);
  };

  return (
    <div className="token">
      <span className="token__name">{name}</span>
      <code className="token__value" aria-label={revealed ? `${name} value` : `${name} masked`}>
        {revealed ?? token.masked}
      </code>
      <span className="token__meta">{token.format === 'jwt' ? 'JWT' : 'opaque'}, {token.length} chars</span>
      {revealed ? (
        <button type="button" className="button button--small" onClick={() => setRevealed(null)} aria-label={`Hide ${name}`}>Hide</button>
      ) : (
        <button type="button" className="button button--small" onClick={reveal} disabled={pending !== null} aria-label={`Reveal ${name}`}>
          {pending === 'reveal' ? 'Revealing…' : 'Reveal'}
        </button>
      )}
      <button type="button" className="button button--small" onClick={copy} disabled={pending !== null} aria-label={`Copy ${name}`}>
        {pending === 'copy' ? 'Copying…' : 'Copy'}
      </button>
    </div>
  );
}
