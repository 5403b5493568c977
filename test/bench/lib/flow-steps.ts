// Runs one OAuth flow through the backend with the sandbox's consent automated, and reads the
// times of its 'flow.progress' steps (taken in this process when each event is emitted).
import { performance } from 'node:perf_hooks';
import type { Backend } from '../../../electron/backend/create-backend';
import type { FlowStep, FlowView } from '../../../electron/common/model';
import { consentInSandbox } from '../../fakes/sandbox-browser';

export type StepTimes = Partial<Record<FlowStep, number>>;

export interface FlowTiming {
  /** callback-received → stored */
  total: number;
  /** exchanging → verifying: the token POST, its activity record and the answer's parsing. */
  exchange: number;
  /** verifying → stored: the checks and the vault write. */
  checksAndStore: number;
  /** Time spent in vault writes (putInstall, update) between callback-received and stored. */
  vaultWrite: number;
  installId: string;
}

export interface FlowRecorder {
  times: Map<string, StepTimes>;
  /** Every vault write of the backend (putInstall, update), as [start, end]. */
  updates: Array<[number, number]>;
}

/**
 * Listens to the flow events, and wraps the backend's vault writes (the services call them on the
 * same object: a flow stores its install with putInstall) to know how much of a flow is the write.
 */
export function recordFlowSteps(backend: Backend): FlowRecorder {
  const times = new Map<string, StepTimes>();
  const updates: Array<[number, number]> = [];
  const vault = backend.vault as unknown as Record<'update' | 'putInstall', (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['update', 'putInstall'] as const) {
    const original = vault[method].bind(backend.vault);
    vault[method] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await original(...args);
      } finally {
        updates.push([start, performance.now()]);
      }
    };
  }
  backend.subscribe((event, payload) => {
    if (event !== 'flow.progress') return;
    const view = payload as FlowView;
    const entry = times.get(view.id) ?? {};
    entry[view.step] ??= performance.now();
    times.set(view.id, entry);
  });
  return { times, updates };
}

export async function sandboxFlow(backend: Backend, recorder: FlowRecorder, appId: string, accountId: string): Promise<FlowTiming> {
  const view = await backend['flows.start']({ appId, accountId });
  const outcome = await consentInSandbox(view.authorizeUrl);
  // The loopback callback answers only once the flow has ended, so its steps are all recorded here.
  const finished = recorder.times.get(view.id);
  const last = (await backend['flows.list'](undefined)).find((flow) => flow.id === view.id);
  if (outcome.callbackStatus !== 200 || !finished?.stored || !finished['callback-received']) {
    throw new Error(`the flow did not store an install (callback ${outcome.callbackStatus}, step ${last?.step ?? 'unknown'}: ${last?.error?.message ?? ''})`);
  }
  const at = (step: FlowStep) => finished[step] ?? Number.NaN;
  const vaultWrite = recorder.updates
    .filter(([start, end]) => start >= at('callback-received') && end <= at('stored') + 0.001)
    .reduce((sum, [start, end]) => sum + (end - start), 0);
  return {
    vaultWrite,
    total: at('stored') - at('callback-received'),
    exchange: at('verifying') - at('exchanging'),
    checksAndStore: at('stored') - at('verifying'),
    installId: last?.installId ?? '',
  };
}

/** The first-run demo app and the "Local sandbox" account (created by the backend on first start). */
export async function demoPair(backend: Backend): Promise<{ appId: string; accountId: string; subdomain: string }> {
  const app = (await backend['apps.list'](undefined)).find((candidate) => candidate.builtIn);
  const account = (await backend['accounts.list'](undefined)).find((candidate) => candidate.builtInSandbox);
  if (!app || !account) throw new Error('the first-run demo app or sandbox account is missing');
  return { appId: app.id, accountId: account.id, subdomain: account.subdomain };
}
