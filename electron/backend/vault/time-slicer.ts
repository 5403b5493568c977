// Long work on the main process's event loop, cut into slices: the work calls maybeYield() between
// small steps, and once `budgetMs` have passed since the last yield it waits for a turn of the
// event loop (setImmediate: I/O callbacks, IPC and timers run first). So a 10,000-entry history
// sealed or opened in the background never holds the loop for more than about one frame.
import { performance } from 'node:perf_hooks';

export const SLICE_BUDGET_MS = 3;

export class TimeSlicer {
  #since = performance.now();

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.#since < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.#since = performance.now();
  }
}
