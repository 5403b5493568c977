// What the main pane shows. Shared by the sidebar, the grid, the quick switcher and the views
// that move on by themselves (a finished flow opens its install).
import type { RequestDraft } from '../features/api-console/request-draft';
import { createStore, useStore } from './create-store';

/** A request handed to the console (e.g. from a run's result): shown, and sent when `send`. */
export interface ConsoleRequest {
  draft: RequestDraft;
  send: boolean;
}

export type View =
  | { kind: 'home' }
  | { kind: 'app'; id: string }
  | { kind: 'app-new' }
  | { kind: 'account'; id: string }
  | { kind: 'account-new' }
  | { kind: 'install'; id: string }
  | { kind: 'flow'; id: string }
  | { kind: 'vault' }
  // The tools (issue [ui-tools]).
  // `responseId`: a kept answer (a run's result) shown read-only, its request in the form, nothing sent.
  | { kind: 'api-console'; installId: string; request?: ConsoleRequest; responseId?: string }
  | { kind: 'diagnostics'; installId: string }
  | { kind: 'runs' }
  | { kind: 'activity' }
  | { kind: 'inspector' }
  | { kind: 'transfer' }
  | { kind: 'settings' };

const store = createStore<View>({ kind: 'home' });

export function navigate(view: View): void {
  store.set(view);
}

export function currentView(): View {
  return store.get();
}

export function useView(): View {
  return useStore(store);
}
