// The flows under way, kept current from `flow.progress` events so the connect view, the grid and
// the toasts agree on where each flow is.
import type { FlowView } from '../../../electron/common/model';
import { workbench } from '../workbench/client';
import { createStore, useStore } from './create-store';

const store = createStore<Record<string, FlowView>>({});

export function rememberFlow(flow: FlowView): void {
  store.set((flows) => ({ ...flows, [flow.id]: flow }));
}

/** Subscribes once for the app's lifetime; returns the unsubscribe for tests and hot reload. */
export function trackFlows(): () => void {
  const api = workbench();
  void api.flows.list().then((result) => {
    if (result.ok) for (const flow of result.value) rememberFlow(flow);
  });
  return api.on('flow.progress', rememberFlow);
}

export function useFlow(id: string): FlowView | undefined {
  return useStore(store)[id];
}

export function useFlows(): Record<string, FlowView> {
  return useStore(store);
}

export const FINISHED_STEPS = new Set<FlowView['step']>(['stored', 'failed', 'cancelled']);
