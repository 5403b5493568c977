// The analysis section of docs/benchmarks.md, generated from the run's own figures so it can never
// contradict the table: each goal is stated with this run's value and verdict, a missed goal with
// what its row says it includes, and the load average says whether the machine was busy.
import type { Figure } from './figures';
import type { Machine } from './machine';

/** The value the verdict looked at: the median, or the largest sample for a figure judged on it. */
const value = (figure: Figure): string => {
  if (!figure.summary) return figure.text ?? 'n/a';
  const judged = figure.judgedOn === 'max' ? figure.summary.max : figure.summary.median;
  const shown = figure.unit === '×' ? `${judged.toFixed(2)}×` : `${judged >= 100 ? judged.toFixed(0) : judged.toFixed(1)} ${figure.unit}`.trim();
  return figure.judgedOn === 'max' ? `${shown} (the largest of ${figure.summary.n})` : shown;
};

/**
 * For a missed goal: the physical floors measured beside it in this run, and whether the least of
 * them is already above the goal (then no implementation can meet it on this machine).
 */
function floorSentence(goal: Figure, figures: readonly Figure[]): string {
  const floors = figures.filter((figure) => figure.floorOf === goal.name && figure.group === goal.group && figure.summary);
  if (floors.length === 0) return '';
  const listed = floors.map((floor) => `${floor.name}: ${value(floor)}`).join('; ');
  const lowest = Math.min(...floors.map((floor) => floor.summary!.median));
  const above = goal.max !== undefined && lowest > goal.max;
  return ` Physical floor measured beside it: ${listed}${above ? ` — above the goal itself, so no implementation can meet ${goal.goal} on this machine` : ''}.`;
}

/** Busy: a 1-minute load average above half the cores, at the start or the end of the run. */
export function machineBusy(machine: Machine, loadStart: number, loadEnd: number): boolean {
  return Math.max(loadStart, loadEnd) > machine.cores / 2;
}

export function analysis(figures: readonly Figure[], machine: Machine, loadStart: number, loadEnd: number): string {
  const goals = figures.filter((figure) => figure.verdict !== 'report');
  const missed = goals.filter((figure) => figure.verdict === 'missed');
  const unmeasured = goals.filter((figure) => figure.verdict === 'n/a');
  const busy = machineBusy(machine, loadStart, loadEnd);
  const lines = ['## Analysis of this run (generated from the table above)', ''];
  lines.push(
    busy
      ? `**The machine was busy**: load average ${loadStart.toFixed(2)} at the start and ${loadEnd.toFixed(2)} at the end on ${machine.cores} cores (above ${machine.cores / 2}). Ratios to a baseline measured in the same run carry across machines better than absolute times, but both sides slow down unevenly under load: read this run's verdicts with care and confirm on a quiet machine.`
      : `The machine was quiet enough: load average ${loadStart.toFixed(2)} at the start and ${loadEnd.toFixed(2)} at the end on ${machine.cores} cores.`,
    '',
  );
  lines.push(`${goals.length - missed.length - unmeasured.length} of ${goals.length} goals met in this run; ${missed.length} missed; ${unmeasured.length} not measured.`, '');
  for (const figure of goals) {
    const verdict = figure.verdict === 'met' ? 'met' : figure.verdict === 'missed' ? '**MISSED**' : 'not measured';
    lines.push(`- ${figure.group}: ${figure.name}: ${value(figure)} against ${figure.goal}: ${verdict}.${figure.verdict === 'missed' && figure.note ? ` What it includes: ${figure.note}.` : ''}${figure.verdict === 'missed' ? floorSentence(figure, figures) : ''}`);
  }
  return lines.join('\n');
}
