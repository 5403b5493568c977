// Each hardening suite records what it did (cases tried, faults injected, and the three numbers that
// must stay 0: crashes, data lost, leaks) as one JSON file per suite. scripts/reliability-report.ts
// points HARDENING_RESULTS_DIR at a fresh folder, runs the suites and writes docs/reliability.md.
// Outside the report (plain `npm test`) the files land in the OS temp folder and nobody reads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SuiteFigures {
  /** Short id, also the file name. */
  suite: string;
  title: string;
  /** Inputs tried (requests, answers, calls, kills…). */
  cases: number;
  /** Faults injected on purpose (0 where the suite injects none). */
  faults: number;
  crashes: number;
  dataLost: number;
  leaks: number;
  /** fast-check seed or the seed of the suite's own random source, for a rerun. */
  seed: number | null;
  /** One line per part of the suite, e.g. "1,200 callback requests: 400, 404, 405". */
  notes: string[];
}

export function resultsDir(): string {
  return process.env.HARDENING_RESULTS_DIR ?? join(tmpdir(), 'workbench-hardening-results');
}

/** A mutable tally the suite fills in as it goes, written once in afterAll. */
export function createFigures(suite: string, title: string, seed: number | null): SuiteFigures & { write(): void; note(line: string): void } {
  const figures: SuiteFigures = { suite, title, cases: 0, faults: 0, crashes: 0, dataLost: 0, leaks: 0, seed, notes: [] };
  return Object.assign(figures, {
    note(line: string) {
      figures.notes.push(line);
    },
    write() {
      const dir = resultsDir();
      mkdirSync(dir, { recursive: true });
      const { suite: name, title: heading, cases, faults, crashes, dataLost, leaks, seed: usedSeed, notes } = figures;
      writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ suite: name, title: heading, cases, faults, crashes, dataLost, leaks, seed: usedSeed, notes }, null, 2)}\n`);
    },
  });
}

/** Seed for a suite: HARDENING_SEED reruns a reported failure; otherwise a fixed one per suite. */
export function suiteSeed(fallback: number): number {
  const fromEnv = Number(process.env.HARDENING_SEED);
  return Number.isInteger(fromEnv) && fromEnv !== 0 ? fromEnv : fallback;
}

/** Counts of a list of labels: "400 ×12, 404 ×3". */
export function tally(values: Iterable<string | number>): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => `${value} ×${count}`)
    .join(', ');
}
