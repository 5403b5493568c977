// What renderer/early-questions.js (a classic script at the top of index.html) asked before the app's
// modules ran: taken once by the vault store and the catalog, which otherwise ask themselves.
import type { Result } from '../../../electron/common/errors';
import type { InstallsGrid, VaultStatus } from '../../../electron/common/model';

interface EarlyQuestions {
  status: Promise<Result<VaultStatus>>;
  grid: Promise<Result<InstallsGrid>>;
  /** The last `vault.changed` seen before the app followed it itself, if any. */
  changed(): VaultStatus | null;
  stop(): void;
}

declare global {
  interface Window {
    __workbenchEarly?: EarlyQuestions;
  }
}

let statusTaken = false;
let gridTaken = false;

export function takeEarlyStatus(): EarlyQuestions | null {
  if (statusTaken) return null;
  statusTaken = true;
  return window.__workbenchEarly ?? null;
}

export function takeEarlyGrid(): Promise<Result<InstallsGrid>> | null {
  if (gridTaken) return null;
  gridTaken = true;
  return window.__workbenchEarly?.grid ?? null;
}
