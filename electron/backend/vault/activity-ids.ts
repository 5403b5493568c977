// Activity ids sort by time as plain strings: <ms base36, 10 chars>-<counter, 4 chars>-<random>.
// The counter keeps ids strictly increasing within a millisecond and when the clock steps back.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports';

const TIME_WIDTH = 10;
const COUNTER_WIDTH = 4;

export class ActivityIdGenerator {
  #lastMs = 0;
  #counter = 0;

  constructor(private readonly clock: Clock) {}

  next(): string {
    const now = Math.max(0, Math.floor(this.clock.now()));
    if (now > this.#lastMs) {
      this.#lastMs = now;
      this.#counter = 0;
    } else {
      this.#counter += 1;
      if (this.#counter >= 36 ** COUNTER_WIDTH) {
        this.#lastMs += 1;
        this.#counter = 0;
      }
    }
    return `${this.#lastMs.toString(36).padStart(TIME_WIDTH, '0')}-${this.#counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${randomBytes(4).toString('hex')}`;
  }

  /** Seeds from an id already on disk so new ids sort after it even if the clock went back. */
  observe(id: string): void {
    const [time, counter] = id.split('-');
    const ms = Number.parseInt(time ?? '', 36);
    const count = Number.parseInt(counter ?? '', 36);
    if (!Number.isFinite(ms) || !Number.isFinite(count)) return;
    if (ms > this.#lastMs || (ms === this.#lastMs && count > this.#counter)) {
      this.#lastMs = ms;
      this.#counter = count;
    }
  }
}
