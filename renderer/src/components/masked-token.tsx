// A token shown masked; Reveal asks main for the full value (the one place a token crosses to the
// page) and keeps it only in this component's state until Hide. Copy is done by main. An expired
// access token is refreshed before it is copied (when a refresh token can); without one, Copy says
// the copied token is expired rather than handing it over silently.
import { useState } from 'react';
import type { MaskedToken as MaskedTokenView, TokenKind } from '../../../electron/common/model';
import { workbench } from '../workbench/client';
import { showToast } from '../stores/toasts';
import { formatTime } from '../text/format';

const NAMES: Record<TokenKind, string> = { access: 'access token', refresh: 'refresh token', id: 'id token' };

interface Props {
  installId: string;
  kind: TokenKind;
  token: MaskedTokenView;
  /** Set on the access token: when it has passed, Copy refreshes first or warns. */
  expiredAt?: string | null;
  canRefresh?: boolean;
}

export function MaskedToken({ installId, kind, token, expiredAt = null, canRefresh = false }: Props) {
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
  const refreshFirst = expiredAt !== null && canRefresh;
  const copy = async () => {
    setPending('copy');
    if (refreshFirst) {
      const refreshed = await workbench().installs.refresh({ id: installId });
      if (!refreshed.ok) {
        setPending(null);
        showToast('error', `Nothing copied: the ${name} expired at ${formatTime(expiredAt)} and the refresh failed. ${refreshed.error.message}`);
        return;
      }
    }
    const result = await workbench().installs.copy({ id: installId, token: kind });
    setPending(null);
    // Main says so itself (a `notice`): only a failure, or an expired token, needs telling here.
    if (!result.ok) showToast('error', result.error.message);
    else if (expiredAt !== null && !refreshFirst) showToast('warning', `Copied, but this ${name} expired at ${formatTime(expiredAt)}: the API will refuse it. Connect again for a new one.`);
  };

  return (
    <div className="token">
      <span className="token__name">{name}</span>
      <code className="token__value" aria-label={revealed ? `${name} value` : `${name} masked`}>
        {revealed ?? token.masked}
      </code>
      <span className="token__meta">{token.format === 'jwt' ? 'JWT' : 'opaque'}, {token.length} chars{expiredAt !== null && <strong className="token__expired">, expired</strong>}</span>
      {revealed ? (
        <button type="button" className="button button--small" onClick={() => setRevealed(null)} aria-label={`Hide ${name}`}>Hide</button>
      ) : (
        <button type="button" className="button button--small" onClick={reveal} disabled={pending !== null} aria-label={`Reveal ${name}`}>
          {pending === 'reveal' ? 'Revealing…' : 'Reveal'}
        </button>
      )}
      <button type="button" className="button button--small" onClick={copy} disabled={pending !== null} aria-label={refreshFirst ? `Refresh and copy ${name}` : `Copy ${name}`}>
        {pending === 'copy' ? (refreshFirst ? 'Refreshing…' : 'Copying…') : refreshFirst ? 'Refresh and copy' : 'Copy'}
      </button>
    </div>
  );
}
