// A subdomain the vault does not know, arriving through the App URL (`/oauth/install?account=`), is
// never turned into an account silently: any page (or local process) can open that URL. The browser's
// request waits here until the user accepts or refuses the new account in the workbench, the entry
// is turned off, or the wait times out. Few at a time: a burst of requests cannot queue a crowd.
import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../common/errors';
import type { InstallConfirmation } from '../../common/model';

export const MAX_PENDING_CONFIRMATIONS = 3;
export const CONFIRMATION_TIMEOUT_MS = 5 * 60_000;

export type ConfirmationOutcome = 'accepted' | 'refused' | 'entry-off' | 'timeout';

interface Pending {
  view: InstallConfirmation;
  settle(outcome: ConfirmationOutcome): void;
}

export class InstallConfirmations {
  readonly #pending = new Map<string, Pending>();

  constructor(
    private readonly onChange: (pending: InstallConfirmation[]) => void,
    private readonly now: () => number,
    private readonly timeoutMs = CONFIRMATION_TIMEOUT_MS,
  ) {}

  list(): InstallConfirmation[] {
    return [...this.#pending.values()].map((p) => ({ ...p.view }));
  }

  /**
   * Asks the user; resolves with their answer. Refused at once (a WorkbenchError the entry turns
   * into a page) when the same account is already waiting or too many are.
   */
  ask(request: { appId: string; appName: string; subdomain: string }): Promise<ConfirmationOutcome> {
    const same = [...this.#pending.values()].some((p) => p.view.appId === request.appId && p.view.subdomain === request.subdomain);
    if (same) throw new WorkbenchError('CONFLICT', `The new account "${request.subdomain}" is already waiting for your confirmation in the workbench.`);
    if (this.#pending.size >= MAX_PENDING_CONFIRMATIONS) {
      throw new WorkbenchError('RATE_LIMITED', 'Too many new accounts are waiting for confirmation in the workbench: answer those first.');
    }
    const view: InstallConfirmation = { id: `confirm_${randomUUID().replaceAll('-', '').slice(0, 20)}`, ...request, requestedAt: new Date(this.now()).toISOString() };
    return new Promise<ConfirmationOutcome>((resolve) => {
      const timer = setTimeout(() => settle('timeout'), this.timeoutMs);
      timer.unref?.();
      const settle = (outcome: ConfirmationOutcome): void => {
        if (!this.#pending.delete(view.id)) return;
        clearTimeout(timer);
        resolve(outcome);
        this.onChange(this.list());
      };
      this.#pending.set(view.id, { view, settle });
      this.onChange(this.list());
    });
  }

  decide(id: string, accept: boolean): void {
    const pending = this.#pending.get(id);
    if (!pending) throw new WorkbenchError('NOT_FOUND', 'That confirmation is no longer waiting (it was answered, timed out, or the App URL was turned off).', { id });
    pending.settle(accept ? 'accepted' : 'refused');
  }

  /** The entry was turned off (or the app closes): every wait for that app ends, refused. */
  dropApp(appId: string | null): void {
    for (const pending of [...this.#pending.values()]) {
      if (appId === null || pending.view.appId === appId) pending.settle('entry-off');
    }
  }
}
