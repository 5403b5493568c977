// An install's status as colour AND words (never colour alone).
export type CellStatus = 'not-connected' | 'active' | 'expired' | 'revoked' | 'failing' | 'connecting';

const WORDS: Record<CellStatus, string> = {
  'not-connected': 'not connected',
  active: 'active',
  expired: 'expired',
  revoked: 'revoked',
  failing: 'failing',
  connecting: 'connecting…',
};

export function StatusBadge({ status, detail }: { status: CellStatus; detail?: string }) {
  return (
    <span className={`status status--${status}`}>
      <span className="status__dot" aria-hidden="true" />
      {WORDS[status]}
      {detail && <span className="status__detail"> · {detail}</span>}
    </span>
  );
}
