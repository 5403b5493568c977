// An install's status in words, for the grid's cells, the install view and the first paint
// (renderer/src/first-paint): one table, so the early DOM and React's say the same.
export type CellStatus = 'not-connected' | 'active' | 'expired' | 'revoked' | 'failing' | 'connecting';

export const STATUS_WORDS: Record<CellStatus, string> = {
  'not-connected': 'not connected',
  active: 'active',
  expired: 'expired',
  revoked: 'revoked',
  failing: 'failing',
  connecting: 'connecting…',
};
