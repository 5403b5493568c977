// A token as the renderer sees it by default: the first 8 and last 4 characters, never more —
// enough to tell two tokens apart, far too little to use one. Short tokens show less.
import type { MaskedToken } from '../../common/model';

export function maskToken(token: string | null): MaskedToken {
  if (!token) return { present: false, masked: '', length: 0, format: 'opaque' };
  const format = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? 'jwt' : 'opaque';
  // Below 24 characters, 12 shown would be half the token: show only the length then.
  const masked = token.length >= 24 ? `${token.slice(0, 8)}…${token.slice(-4)}` : `… (${token.length} chars)`;
  return { present: true, masked, length: token.length, format };
}
