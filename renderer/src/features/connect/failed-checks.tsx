// The checks that stopped a flow, one row each, read from the flow's data (claim, expected, actual),
// never parsed out of the error's sentence.
import type { FailedCheck } from '../../../../electron/common/model';

export function FailedChecks({ checks }: { checks: readonly FailedCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <ul className="connect__failed-checks" aria-label="Failed checks">
      {checks.map((check) => (
        <li key={check.id}>
          <strong>{check.claim ?? check.label}</strong>
          {check.expected !== null || check.actual !== null
            ? `: expected ${check.expected ?? '(nothing)'} got ${check.actual ?? '(nothing)'}`
            : `: ${check.detail}`}
          {(check.expected !== null || check.actual !== null) && <p className="muted">{check.detail}</p>}
        </li>
      ))}
    </ul>
  );
}
