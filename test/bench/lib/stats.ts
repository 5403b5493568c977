// Median, min and max over repetitions; figures, never assertions.

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

/** Runs `once` `warmup` times unmeasured, then `runs` times, and returns the measured samples. */
export async function repeat(runs: number, once: (index: number) => Promise<number>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await once(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await once(i));
  return samples;
}

export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
