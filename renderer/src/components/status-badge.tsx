// An install's status as colour AND words (never colour alone).
import { STATUS_WORDS, type CellStatus } from '../text/status-words';

export type { CellStatus };

export function StatusBadge({ status, detail }: { status: CellStatus; detail?: string }) {
  return (
    <span className={`status status--${status}`}>
      <span className="status__dot" aria-hidden="true" />
      {STATUS_WORDS[status]}
      {detail && <span className="status__detail"> · {detail}</span>}
    </span>
  );
}
