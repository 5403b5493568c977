// Builds `window.workbench` ({ invoke, on }) over a transport. The preload uses it with ipcRenderer;
// the end-to-end harness runs the built preload itself, so the tests exercise this very code. It
// holds no method list: main's dispatcher is the one judge of which methods exist.
import type { Result } from '../common/errors';
import type { WorkbenchBridge } from '../common/workbench-api';

export interface BridgeTransport {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to every event; returns an unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

const MAX_NAME_LENGTH = 100;

const transportFailure = (): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'The workbench backend did not answer.' },
});

const badName = (): Result<never> => ({
  ok: false,
  error: { code: 'UNKNOWN_METHOD', message: 'A method name is a short string such as "apps.list".' },
});

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createBridge(transport: BridgeTransport): WorkbenchBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const ensureSubscribed = () => {
    unsubscribe ??= transport.subscribe((event, payload) => {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch {
          // One faulty listener must not starve the others.
        }
      }
    });
  };

  return {
    async invoke(method: unknown, input?: unknown): Promise<Result<unknown>> {
      if (typeof method !== 'string' || method.length === 0 || method.length > MAX_NAME_LENGTH) return badName();
      try {
        const answer = await transport.invoke(method, input);
        return isResult(answer) ? answer : transportFailure();
      } catch {
        return transportFailure();
      }
    },
    on(event: unknown, listener: unknown): () => void {
      if (typeof event !== 'string' || typeof listener !== 'function') return () => undefined;
      ensureSubscribed();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // A wrapper per registration, so registering one function twice needs two unsubscribes.
      const wrapped = (payload: unknown) => (listener as (p: unknown) => void)(payload);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
