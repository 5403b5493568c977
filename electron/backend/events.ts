// Main owns the truth and pushes changes; services emit through this small typed bus and the glue
// (or the test harness) forwards every event to the renderer.
import type { ContractEvents, EventName } from '../common/contract';

export type EventSink = <E extends EventName>(event: E, payload: ContractEvents[E]) => void;

export class EventBus {
  readonly #listeners = new Set<(event: EventName, payload: unknown) => void>();

  emit: EventSink = (event, payload) => {
    for (const listener of this.#listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber (a closed window) must not break the backend.
      }
    }
  };

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
