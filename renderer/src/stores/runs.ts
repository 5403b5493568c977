// The runs page's state, kept while the user looks elsewhere (results are evidence: they stay until
// cleared, not until the next navigation).
import type { RunAcrossResult } from '../../../electron/common/tools/tool-results';
import { EMPTY_DRAFT, type RequestDraft } from '../features/api-console/request-draft';
import { createStore, useStore } from './create-store';

export interface RunsState {
  chosen: ReadonlySet<string>;
  draft: RequestDraft;
  confirmWrite: boolean;
  acceptMissingScope: boolean;
  results: RunAcrossResult[] | null;
  /** When the results came back, for "results of HH:MM". */
  ranAt: number | null;
  /** The request the results answer (the editor may have changed since). */
  ranDraft: RequestDraft | null;
}

const store = createStore<RunsState>({
  chosen: new Set(),
  draft: { ...EMPTY_DRAFT, path: '/api/tickets' },
  confirmWrite: false,
  acceptMissingScope: false,
  results: null,
  ranAt: null,
  ranDraft: null,
});

export function useRuns(): RunsState {
  return useStore(store);
}

export function updateRuns(patch: Partial<RunsState> | ((previous: RunsState) => Partial<RunsState>)): void {
  store.set((previous) => ({ ...previous, ...(typeof patch === 'function' ? patch(previous) : patch) }));
}
