// The checks at a glance, at the top of the install view: how many passed, and each warning or
// failure by name, leading to its row further down (the rows can sit below the fold).
import type { CheckResult } from '../../../../electron/common/model';
import { checkRowId } from './checks-list';

function goTo(check: CheckResult) {
  const row = document.getElementById(checkRowId(check.id));
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function ChecksSummary({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0) return null;
  const passed = checks.filter((check) => check.outcome === 'pass').length;
  const failures = checks.filter((check) => check.outcome === 'fail');
  const warnings = checks.filter((check) => check.outcome === 'warn');
  const unchecked = checks.filter((check) => check.outcome === 'unchecked');
  const tone = failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : 'pass';
  const groups: Array<[string, CheckResult[]]> = [
    [plural(failures.length, 'failure'), failures],
    [plural(warnings.length, 'warning'), warnings],
    [`${unchecked.length} could not be checked`, unchecked],
  ];
  return (
    <section className={`checks-summary checks-summary--${tone}`} aria-label="Checks summary">
      <p className="checks-summary__count">
        Checks: {passed} of {checks.length} passed{tone === 'pass' ? '.' : ''}
      </p>
      {groups.map(([title, items]) =>
        items.length === 0 ? null : (
          <p key={title} className="checks-summary__group">
            <span className="checks-summary__title">{title}:</span>{' '}
            {items.map((check, index) => (
              <span key={check.id}>
                {index > 0 && ', '}
                <button type="button" className="link-button" onClick={() => goTo(check)}>{check.label}</button>
              </span>
            ))}
          </p>
        ),
      )}
    </section>
  );
}
