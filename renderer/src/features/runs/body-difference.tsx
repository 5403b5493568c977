// A result's body next to the first result's: where they first differ, line by line, from the
// bodies kept in main (pretty-printed the same way, so a line is a field). Only the first lines are
// compared: enough to see which field differs without pulling a 50 MB answer into the renderer.
import { useEffect, useState } from 'react';
import type { RunAcrossResult } from '../../../../electron/common/tools/tool-results';
import { workbench } from '../../workbench/client';

/** Lines compared at most. */
export const COMPARED_LINES = 2000;
/** Differing lines shown from the first one. */
const SHOWN = 3;

export interface BodyComparison {
  /** 0-based index of the first differing line; null when none differs in the compared lines. */
  firstDifference: number | null;
  baseline: string[];
  other: string[];
  /** Both bodies were compared whole. */
  whole: boolean;
}

export function compareLines(baseline: string[], other: string[], baselineTotal: number, otherTotal: number): BodyComparison {
  const length = Math.max(baseline.length, other.length);
  for (let index = 0; index < length; index++) {
    if (baseline[index] !== other[index]) {
      return { firstDifference: index, baseline: baseline.slice(index, index + SHOWN), other: other.slice(index, index + SHOWN), whole: true };
    }
  }
  const whole = baselineTotal <= COMPARED_LINES && otherTotal <= COMPARED_LINES;
  return { firstDifference: whole && baselineTotal !== otherTotal ? length : null, baseline: [], other: [], whole };
}

async function readLines(responseId: string) {
  const answer = await workbench().api.responseLines({ responseId, start: 0, count: COMPARED_LINES });
  return answer.ok ? answer.value : null;
}

export function BodyDifference({ baseline, result }: { baseline: RunAcrossResult; result: RunAcrossResult }) {
  const [comparison, setComparison] = useState<BodyComparison | 'gone' | null>(null);
  useEffect(() => {
    if (!baseline.responseId || !result.responseId) return;
    let live = true;
    void Promise.all([readLines(baseline.responseId), readLines(result.responseId)]).then(([a, b]) => {
      if (!live) return;
      setComparison(a && b ? compareLines(a.lines, b.lines, a.totalLines, b.totalLines) : 'gone');
    });
    return () => {
      live = false;
    };
  }, [baseline.responseId, result.responseId]);

  if (!baseline.responseId || !result.responseId || comparison === null) return null;
  const label = `Body differences from ${baseline.label}`;
  if (comparison === 'gone') return <p className="muted" aria-label={label}>The bodies are no longer kept: run again to compare them.</p>;
  if (comparison.firstDifference === null) {
    return <p className="run-result__diff" aria-label={label}>{comparison.whole ? 'Same body.' : `Same first ${COMPARED_LINES.toLocaleString()} lines of body.`}</p>;
  }
  return (
    <div className="run-result__body-diff" aria-label={label}>
      <p className="run-result__diff run-result__diff--differs">Body differs from line {comparison.firstDifference + 1}:</p>
      <pre className="body-diff">
        {comparison.baseline.map((line, index) => <span key={`a${index}`} className="body-diff__line body-diff__line--baseline">- {line}{'\n'}</span>)}
        {comparison.baseline.length === 0 && <span className="body-diff__line body-diff__line--baseline">- (end of body){'\n'}</span>}
        {comparison.other.map((line, index) => <span key={`b${index}`} className="body-diff__line body-diff__line--other">+ {line}{'\n'}</span>)}
        {comparison.other.length === 0 && <span className="body-diff__line body-diff__line--other">+ (end of body){'\n'}</span>}
      </pre>
    </div>
  );
}
