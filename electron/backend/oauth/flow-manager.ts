// Pending flows, keyed by their single-use `state`. A flow moves forward only: started →
// browser-opened | waiting-for-paste → callback-received → exchanging → verifying → stored, or ends
// failed / cancelled. Every move is pushed as a 'flow.progress' event. The state is forgotten the
// moment a callback claims it, so a second use finds nothing.
import { WorkbenchError, type ErrorShape } from '../../common/errors';
import type { FailedCheck, FlowError, FlowStep, FlowView, RedirectMode } from '../../common/model';
import type { EventBus } from '../events';
import type { Clock } from '../ports';
import type { StoredAccount, StoredApp } from '../vault/vault-types';
import type { LoopbackLease } from './loopback-server';

export interface FlowRecord {
  view: FlowView;
  state: string;
  nonce: string;
  codeVerifier: string | null;
  app: StoredApp;
  account: StoredAccount;
  baseUrl: string;
  redirectUri: string;
  registeredRedirectUri: string;
  lease: LoopbackLease | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** Resolves when the flow reaches stored, failed or cancelled. */
  finished: Promise<FlowView>;
  finish: (view: FlowView) => void;
}

const TERMINAL: ReadonlySet<FlowStep> = new Set(['stored', 'failed', 'cancelled']);
const KEEP_FINISHED = 50;

const HINTS: Partial<Record<string, string>> = {
  OAUTH_INVALID_CLIENT: 'Check the client id and secret, and try the other client-auth method (HTTP Basic / in the body).',
  OAUTH_INVALID_GRANT: 'Connect again; if it repeats, register exactly the redirect URL shown for the app.',
  OAUTH_REDIRECT_MISMATCH: 'Register exactly the redirect URL shown for the app, or change the redirect mode.',
  HTML_RESPONSE: 'Is the subdomain right? A wrong one answers a web page.',
  FLOW_TIMEOUT: 'Start again and finish the sign-in in the browser within the time limit.',
  PORT_IN_USE: 'Close the program using the port, or pick another port in the app settings.',
  OAUTH_ID_TOKEN_INVALID: 'Nothing was stored. See which claim failed; the server or the app settings disagree with this flow.',
};

export function isTerminal(step: FlowStep): boolean {
  return TERMINAL.has(step);
}

export class FlowManager {
  readonly #flows = new Map<string, FlowRecord>();
  readonly #byState = new Map<string, string>();

  constructor(
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  create(input: {
    id: string;
    app: StoredApp;
    account: StoredAccount;
    baseUrl: string;
    mode: RedirectMode;
    state: string;
    nonce: string;
    codeVerifier: string | null;
    redirectUri: string;
    registeredRedirectUri: string;
    authorizeUrl: string;
    lease: LoopbackLease | null;
    timeoutMs: number;
  }): FlowRecord {
    const now = this.clock.now();
    let finish: (view: FlowView) => void = () => undefined;
    const finished = new Promise<FlowView>((resolve) => {
      finish = resolve;
    });
    const record: FlowRecord = {
      view: {
        id: input.id,
        appId: input.app.id,
        accountId: input.account.id,
        step: 'started',
        authorizeUrl: input.authorizeUrl,
        redirectUri: input.redirectUri,
        mode: input.mode,
        startedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + input.timeoutMs).toISOString(),
        installId: null,
        error: null,
        stoppedAt: null,
      },
      state: input.state,
      nonce: input.nonce,
      codeVerifier: input.codeVerifier,
      app: input.app,
      account: input.account,
      baseUrl: input.baseUrl,
      redirectUri: input.redirectUri,
      registeredRedirectUri: input.registeredRedirectUri,
      lease: input.lease,
      timer: null,
      finished,
      finish,
    };
    this.#flows.set(input.id, record);
    this.#byState.set(input.state, input.id);
    record.timer = setTimeout(() => {
      if (this.#byState.get(record.state) === record.view.id) {
        const minutes = input.timeoutMs >= 60_000 ? `${Math.round(input.timeoutMs / 60_000)} min` : `${Math.round(input.timeoutMs / 1000)} s`;
        const view = this.fail(record, new WorkbenchError('FLOW_TIMEOUT', `No callback arrived within ${minutes}: the sign-in in the browser was not finished, or the browser could not reach the redirect URL.`));
        this.events.emit('notice', { level: 'error', message: view.error?.message ?? 'The flow timed out.' });
      }
    }, input.timeoutMs);
    record.timer.unref?.();
    this.#prune();
    this.events.emit('flow.progress', { ...record.view });
    return record;
  }

  get(flowId: string): FlowRecord {
    const record = this.#flows.get(flowId);
    if (!record) throw new WorkbenchError('FLOW_NOT_FOUND', 'No such flow: it may have finished long ago. Start a new one.', { flowId });
    return record;
  }

  /** The pending flow waiting for this state, without claiming it. */
  peekByState(state: string): FlowRecord | null {
    const id = this.#byState.get(state);
    return id ? (this.#flows.get(id) ?? null) : null;
  }

  /** Claims a pending flow's state: single use. Returns null when unknown or already used. */
  claim(state: string): FlowRecord | null {
    const record = this.peekByState(state);
    if (!record) return null;
    this.#byState.delete(state);
    if (record.timer) clearTimeout(record.timer);
    record.timer = null;
    return record;
  }

  list(): FlowView[] {
    return [...this.#flows.values()].map((r) => ({ ...r.view })).reverse();
  }

  step(record: FlowRecord, step: FlowStep, patch: Partial<FlowView> = {}): FlowView {
    if (isTerminal(record.view.step)) return { ...record.view };
    // Where it stopped, so the steps can show which one failed and which never ran.
    const stoppedAt = step === 'failed' || step === 'cancelled' ? record.view.step : null;
    record.view = { ...record.view, ...patch, step, stoppedAt };
    this.events.emit('flow.progress', { ...record.view });
    if (isTerminal(step)) this.#end(record);
    return { ...record.view };
  }

  fail(record: FlowRecord, error: unknown, failedChecks: FailedCheck[] = []): FlowView {
    const shape: ErrorShape = error instanceof WorkbenchError ? error.toShape() : { code: 'INTERNAL', message: 'The flow failed inside the workbench. The details are in the log.' };
    const hint = HINTS[shape.code];
    const failure: FlowError = { code: shape.code, message: shape.message, failedChecks };
    return this.step(record, 'failed', { error: hint ? { ...failure, hint } : failure });
  }

  cancel(flowId: string): FlowView {
    const record = this.get(flowId);
    if (isTerminal(record.view.step)) return { ...record.view };
    // Only a flow still waiting for its callback can be cancelled; once the code is being exchanged
    // the outcome is a few hundred milliseconds away and is reported as it is.
    if (this.#byState.get(record.state) !== record.view.id) return { ...record.view };
    return this.step(record, 'cancelled', { error: { code: 'FLOW_CANCELLED', message: 'The flow was cancelled.', failedChecks: [] } });
  }

  pending(): FlowRecord[] {
    return [...this.#flows.values()].filter((r) => !isTerminal(r.view.step));
  }

  #end(record: FlowRecord): void {
    this.#byState.delete(record.state);
    if (record.timer) clearTimeout(record.timer);
    record.timer = null;
    const lease = record.lease;
    record.lease = null;
    // Secrets of a finished flow are not kept around in memory longer than needed.
    record.state = '';
    record.nonce = '';
    record.codeVerifier = null;
    void lease?.release();
    record.finish({ ...record.view });
  }

  #prune(): void {
    const finished = [...this.#flows.values()].filter((r) => isTerminal(r.view.step));
    for (const record of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.#flows.delete(record.view.id);
  }
}
