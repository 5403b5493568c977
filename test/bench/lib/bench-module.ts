// The shape every test/bench/*.bench.ts exports so run.ts picks it up without being edited:
//
//   export const bench: BenchModule = { name: 'vault save', order: 20, run: async (context) => figures };
//
// `order` sorts the steps (lower first; the UI step reads the big vault the vault step writes into
// context.dataDir). A step never throws its way out: what it cannot measure is a notAvailable row.
import type { Figure } from './figures';

export interface BenchContext {
  /** A temp folder shared by the steps of one run (the vault step writes the 1,000-install vault here). */
  dataDir: string;
  /** The repository's root folder. */
  repoRoot: string;
  /** One line on stdout. */
  log(line: string): void;
  /** Adds to the report's Machine section, e.g. setMachine('chromium', '…'). */
  setMachine(key: string, value: string): void;
}

export interface BenchModule {
  /** Shown as the step's title. */
  name: string;
  /** Steps run in ascending order; default 100. */
  order?: number;
  run(context: BenchContext): Promise<Figure[]>;
}

export function isBenchModule(value: unknown): value is BenchModule {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.name === 'string' && typeof candidate.run === 'function' && (candidate.order === undefined || typeof candidate.order === 'number');
}
