// Builds `window.workbench` over a transport. The preload uses it with ipcRenderer; the end-to-end
// harness injects this very code into Chromium with a transport over Playwright bindings, so the
// tests exercise the preload's behaviour rather than a copy of it.
import { EVENT_NAMES, METHOD_NAMES, isEventName, type EventName, type MethodName } from '../common/contract-names';
import type { Result } from '../common/errors';
import type { WorkbenchApi } from '../common/workbench-api';

export interface BridgeTransport {
  invoke(method: MethodName, input: unknown): Promise<unknown>;
  /** Subscribes to every event; returns an unsubscribe function. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

const transportFailure = (): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'The workbench backend did not answer.' },
});

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createBridge(transport: BridgeTransport): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const [namespace, operation] = method.split('.') as [string, string];
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[operation] = async (input?: unknown): Promise<Result<unknown>> => {
      try {
        const answer = await transport.invoke(method, input);
        return isResult(answer) ? answer : transportFailure();
      } catch {
        return transportFailure();
      }
    };
  }

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>(EVENT_NAMES.map((name) => [name, new Set()]));
  let unsubscribe: (() => void) | null = null;
  const ensureSubscribed = () => {
    unsubscribe ??= transport.subscribe((event, payload) => {
      if (!isEventName(event)) return;
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch {
          // One faulty listener must not starve the others.
        }
      }
    });
  };

  api.on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    ensureSubscribed();
    const set = listeners.get(event)!;
    const wrapped = (payload: unknown) => (listener as (p: unknown) => void)(payload);
    set.add(wrapped);
    return () => set.delete(wrapped);
  };

  return api as unknown as WorkbenchApi;
}
