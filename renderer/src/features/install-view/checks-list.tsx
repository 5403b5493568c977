// The checks the engine ran on the tokens, each with an icon AND a word, and what it found.
import type { CheckOutcome, CheckResult } from '../../../../electron/common/model';
import { WithTimes } from '../../components/time-text';

const OUTCOME: Record<CheckOutcome, { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'pass' },
  warn: { icon: '!', word: 'warning' },
  fail: { icon: '✕', word: 'fail' },
  unchecked: { icon: '?', word: 'could not check' },
};

/** The row's element id, so the summary at the top can lead to it. */
export function checkRowId(id: string): string {
  return `check-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function ChecksList({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0) return <p className="muted">No checks were recorded for this install.</p>;
  return (
    <ul className="checks" aria-label="Checks">
      {checks.map((check) => (
        <li key={check.id} id={checkRowId(check.id)} tabIndex={-1} className={`check check--${check.outcome}`}>
          <span className="check__icon" aria-hidden="true">{OUTCOME[check.outcome].icon}</span>
          <span className="check__word">{OUTCOME[check.outcome].word}</span>
          <span className="check__label">{check.label}</span>
          <span className="check__detail"><WithTimes text={check.detail} /></span>
        </li>
      ))}
    </ul>
  );
}
