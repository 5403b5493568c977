// One row of the bench table. A benchmark never throws its way out of the run: whatever it could
// not measure becomes a row whose value reads "n/a (reason)".
import { summarize, type Summary } from './stats';

export type Verdict = 'met' | 'missed' | 'report' | 'n/a';

export interface Figure {
  group: string;
  name: string;
  unit: 'ms' | 'KB' | 'MB' | '×' | '';
  summary: Summary | null;
  /** Shown instead of numbers when summary is null ("n/a (why)"), or next to them. */
  text: string | null;
  goal: string;
  verdict: Verdict;
  note: string | null;
  /** What the verdict looked at: the median (default) or the largest sample (e.g. the longest frame). */
  judgedOn?: 'median' | 'max';
  /** The goal's bound (for a goal), so a physical floor can be compared with it. */
  max?: number;
  /** For a physical floor: the name of the goal (same group, same unit and baseline) it bounds from below. */
  floorOf?: string;
}

export interface FigureInput {
  group: string;
  name: string;
  unit: Figure['unit'];
  goal?: string;
  /** Goal as an upper bound on the median; no bound = "report". */
  max?: number;
  note?: string;
  /** This figure is the least any implementation could reach for that goal (same group, same baseline). */
  floorOf?: string;
}

/** The optional links a figure carries from its input. */
const links = (input: FigureInput): Pick<Figure, 'max' | 'floorOf'> => ({ ...(input.max !== undefined ? { max: input.max } : {}), ...(input.floorOf ? { floorOf: input.floorOf } : {}) });

export function measured(input: FigureInput, samples: readonly number[] | number): Figure {
  const summary = summarize(typeof samples === 'number' ? [samples] : samples);
  const verdict: Verdict = input.max === undefined ? 'report' : summary.median <= input.max ? 'met' : 'missed';
  return { group: input.group, name: input.name, unit: input.unit, summary, text: null, goal: input.goal ?? 'report', verdict, note: input.note ?? null, ...links(input) };
}

/** A figure judged on its largest sample (e.g. the longest frame of all runs), against input.max. */
export function measuredOnMax(input: FigureInput, samples: readonly number[]): Figure {
  const summary = summarize(samples);
  const verdict: Verdict = input.max === undefined ? 'report' : summary.max <= input.max ? 'met' : 'missed';
  return { group: input.group, name: input.name, unit: input.unit, summary, text: null, goal: input.goal ?? 'report', verdict, note: input.note ?? null, judgedOn: 'max', ...links(input) };
}

export function notAvailable(input: FigureInput, reason: string): Figure {
  return { group: input.group, name: input.name, unit: input.unit, summary: null, text: `n/a (${reason})`, goal: input.goal ?? 'report', verdict: 'n/a', note: input.note ?? null, ...links(input) };
}

export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // One line, short: the table is for reading, the full error goes to stderr.
  return message.split('\n')[0]!.slice(0, 160);
}

/**
 * A goal as a ratio to a baseline measured in the same run: both medians are printed in the note,
 * and the verdict is on the ratio. `extra` adds to the note (what each side includes).
 */
export function ratioFigure(input: FigureInput, numerator: { label: string; ms: number }, baseline: { label: string; ms: number }, extra = ''): Figure {
  const value = numerator.ms / baseline.ms;
  const note = `${numerator.label} ${numerator.ms.toFixed(1)} ms ÷ ${baseline.label} ${baseline.ms.toFixed(1)} ms${extra ? `; ${extra}` : ''}`;
  return measured({ ...input, unit: '×', note }, value);
}
