// Each check with an icon AND a word (never colour alone), what was found, and the fix.
import type { CheckOutcome } from '../../../../electron/common/model';
import type { DiagnosticCheck } from '../../../../electron/common/tools/tool-results';
import { WithTimes } from '../../components/time-text';

const OUTCOME: Record<CheckOutcome, { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'pass' },
  warn: { icon: '!', word: 'warning' },
  fail: { icon: '✕', word: 'fail' },
  unchecked: { icon: '?', word: 'could not check' },
};

export function DiagnosticChecks({ checks }: { checks: DiagnosticCheck[] }) {
  return (
    <ul className="checks" aria-label="Diagnostics">
      {checks.map((check) => (
        <li key={check.id} className={`check check--${check.outcome}`} data-check={check.id}>
          <span className="check__icon" aria-hidden="true">{OUTCOME[check.outcome].icon}</span>
          <span className="check__word">{OUTCOME[check.outcome].word}</span>
          <span className="check__label">{check.label}</span>
          <span className="check__detail"><WithTimes text={check.detail} /></span>
          {check.fix && <span className="check__fix">Fix: {check.fix}</span>}
        </li>
      ))}
    </ul>
  );
}
