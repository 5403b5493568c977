// The contract's flows.* methods, and the loopback server's two entries (callbacks and the
// /oauth/install "App URL"). A flow that fails, for any reason, changes no stored install: the
// vault is written once, at the end, after every fail-level check has passed.
import { WorkbenchError } from '../../common/errors';
import type { CheckResult, FailedCheck, FlowView } from '../../common/model';
import { checkSubdomain } from '../../common/subdomain';
import { newId } from '../ids';
import type { MethodsOf } from '../../common/contract';
import type { ServiceSlice } from '../service';
import type { StoredApp } from '../vault/vault-types';
import { findAccount } from '../accounts/accounts-service';
import { findApp as findStoredApp } from '../apps/apps-service';
import { buildAuthorizeUrl } from './authorize-url';
import type { PageResult } from './callback-page';
import { parseCallbackParams } from './callback-params';
import { runChecks } from './checks/run-checks';
import { DEFAULT_FLOW_TIMEOUT_MS, type OAuthDeps } from './deps';
import type { OAuthCore } from './oauth-core';
import { FlowManager, isTerminal, type FlowRecord } from './flow-manager';
import { buildInstall, installToReplace } from './install-record';
import { InstallConfirmations } from './install-confirmations';
import { INSTALL_PATH, LoopbackServers, type CallbackRequest } from './loopback-server';
import { mapAuthorizeError } from './oauth-errors';
import { newPkcePair, randomToken } from './random';
import { asPasteApp, redirectUriForFlow, redirectUriToRegister } from './redirect-uri';

/** Every flows method but the install entry, which install-entry-service.ts serves. */
type FlowMethods = Exclude<MethodsOf<'flows'>, 'flows.installEntry'>;

/** Flows started through an app's App URL and still waiting, at most (a burst cannot queue more). */
export const MAX_PENDING_INSTALL_FLOWS = 3;

export interface StartOptions {
  /** false when the browser is already there (the install entry redirects it). */
  openBrowser?: boolean;
  /** A one-off paste-mode flow for an app set up for another mode (the app is not changed). */
  mode?: 'paste';
}

export interface FlowsService extends ServiceSlice<FlowMethods> {
  /** Starts a flow; `openBrowser: false` when the browser is already there (the install entry redirects it). */
  startFlow(appId: string, accountId: string, options?: StartOptions): Promise<FlowView>;
  /** Resolves when the flow is stored, failed or cancelled. */
  waitForFlow(flowId: string): Promise<FlowView>;
  /**
   * Keeps the app's loopback server up so `GET /oauth/install?account={sub}` works before any flow
   * is started (testing Gorgias's Connect App button with this app as the App URL).
   */
  serveInstallEntry(appId: string): Promise<{ port: number; url: string; release(): Promise<void> }>;
  /** Ports with a running loopback server (the server stops when no flow needs it). */
  listeningPorts(): Promise<number[]>;
  close(): Promise<void>;
}

const page = (status: number, ok: boolean, title: string, message: string): PageResult => ({ status, ok, title, message });

export function createFlowsService(deps: OAuthDeps, core: OAuthCore): FlowsService {
  const manager = new FlowManager(deps.events, deps.clock);
  const timeoutMs = deps.flowTimeoutMs ?? DEFAULT_FLOW_TIMEOUT_MS;
  const servers = new LoopbackServers({ onCallback: handleCallback, onInstall: handleInstall }, deps.logger);
  const confirmations = new InstallConfirmations((pending) => deps.events.emit('flow.installConfirmations', pending), () => deps.clock.now());
  /** Per app: how many install entries are on, and the flows they started (or are starting). */
  const entries = new Map<string, { leases: number; flowIds: Set<string>; starting: number }>();

  function pendingInstallFlows(appId: string): number {
    const entry = entries.get(appId);
    if (!entry) return 0;
    const waiting = [...entry.flowIds].filter((flowId) => !isTerminal(manager.get(flowId).view.step));
    entry.flowIds = new Set(waiting);
    return waiting.length + entry.starting;
  }

  /** The entry is off: nothing it started may keep waiting (nor keep the loopback server up). */
  function endInstallEntry(appId: string): void {
    confirmations.dropApp(appId);
    const entry = entries.get(appId);
    if (!entry) return;
    entries.delete(appId);
    for (const flowId of entry.flowIds) manager.cancel(flowId);
  }

  // A copy: the flow keeps the app as it was when it started, whatever is edited meanwhile.
  const findApp = (appId: string): StoredApp => structuredClone(findStoredApp(deps.vault, appId));

  async function startFlow(appId: string, accountId: string, options: StartOptions = {}): Promise<FlowView> {
    const stored = findApp(appId);
    const app = options.mode === 'paste' ? asPasteApp(stored) : stored;
    findAccount(deps.vault, accountId);
    if (app.clientSecret.length === 0) throw new WorkbenchError('INVALID_ARGUMENT', 'Save the app\'s client secret before connecting: the code exchange needs it.', { appId });
    const { account, baseUrl } = await deps.resolveAccount(accountId);
    const mode = app.redirect.mode;
    if (mode === 'relay' && app.redirect.port === 0) {
      throw new WorkbenchError('INVALID_ARGUMENT', 'Relay mode needs a fixed loopback port (the relay page forwards to it): set one in the app\'s redirect settings.', { appId });
    }
    const lease = mode === 'paste' ? null : await servers.acquire(app.redirect.port, { appId: app.id, callbackPaths: [app.redirect.path] });
    try {
      const redirectUri = redirectUriForFlow(app, lease?.port ?? null, account.subdomain);
      const state = randomToken();
      const nonce = randomToken();
      const pkce = app.pkce ? newPkcePair() : null;
      const authorizeUrl = buildAuthorizeUrl({ baseUrl, clientId: app.clientId, scopes: app.scopes, redirectUri, state, nonce, pkceChallenge: pkce?.challenge ?? null });
      const record = manager.create({
        id: newId('flow'),
        app,
        account,
        baseUrl,
        mode,
        state,
        nonce,
        codeVerifier: pkce?.verifier ?? null,
        redirectUri,
        registeredRedirectUri: redirectUriToRegister(app, lease?.port),
        authorizeUrl,
        lease,
        timeoutMs,
      });
      const context = { appId: app.id, accountId: account.id, installId: null };
      await core.activity.record({ kind: 'authorize', context, method: 'GET', url: authorizeUrl, status: null, durationMs: null, secrets: [state, nonce] });
      if (options.openBrowser !== false) {
        try {
          await deps.openInBrowser(authorizeUrl);
        } catch (error) {
          deps.logger.warn(`could not open the browser: ${(error as Error)?.message ?? 'unknown'}`);
          deps.events.emit('notice', { level: 'warning', message: 'The browser could not be opened: copy the sign-in URL from the flow and open it yourself.' });
        }
      }
      return manager.step(record, mode === 'paste' ? 'waiting-for-paste' : 'browser-opened');
    } catch (error) {
      await lease?.release();
      throw error;
    }
  }

  /** From callback-received to stored (or failed). Never throws: the outcome is the flow's step. */
  async function resume(record: FlowRecord, callback: { code: string | null; error: string | null; errorDescription: string | null }): Promise<FlowView> {
    const context = { appId: record.app.id, accountId: record.account.id, installId: null };
    try {
      if (callback.error) throw mapAuthorizeError({ error: callback.error, description: callback.errorDescription }, record.redirectUri);
      if (!callback.code) throw new WorkbenchError('OAUTH_ERROR', 'The callback carries neither a code nor an error: the server did not finish the authorization.');
      const nonce = record.nonce;
      manager.step(record, 'exchanging');
      const tokens = await core.tokens.exchangeCode({
        baseUrl: record.baseUrl,
        credentials: { clientId: record.app.clientId, clientSecret: record.app.clientSecret, method: record.app.clientAuth },
        code: callback.code,
        redirectUri: record.redirectUri,
        registeredRedirectUri: record.registeredRedirectUri,
        codeVerifier: record.codeVerifier,
        context,
      });
      manager.step(record, 'verifying');
      const obtainedAtMs = deps.clock.now();
      const stateCheck: CheckResult = { id: 'state', label: 'state', outcome: 'pass', detail: 'The callback\'s state matched this flow (256 random bits, used once).' };
      const result = await runChecks({
        tokens,
        baseUrl: record.baseUrl,
        clientId: record.app.clientId,
        clientSecret: record.app.clientSecret,
        nonce,
        requestedScopes: record.app.scopes,
        obtainedAtMs,
        skewSeconds: core.skewSeconds,
        keys: core.keys,
        context,
        stateCheck,
      });
      if (result.failures.length > 0) {
        const error = new WorkbenchError(
          'OAUTH_ID_TOKEN_INVALID',
          `The id_token failed ${result.failures.map((c) => `${c.label}: ${c.detail}`).join(' ')} Nothing was stored.`,
          { failedChecks: result.failures.map((c) => c.id) },
        );
        return failFlow(record, error, result.failures);
      }
      const install = buildInstall({
        appId: record.app.id,
        accountId: record.account.id,
        tokens,
        requestedScopes: record.app.scopes,
        obtainedAtMs,
        expiresAt: result.expiresAt,
        expirySource: result.expirySource,
        checks: result.checks,
      });
      const installId = await deps.vault.putInstall(install, (data) => {
        if (!data.apps.some((a) => a.id === record.app.id) || !data.accounts.some((a) => a.id === record.account.id)) {
          throw new WorkbenchError('NOT_FOUND', 'The app or account was deleted during the flow: nothing was stored.');
        }
        return installToReplace(data, install);
      });
      const view = manager.step(record, 'stored', { installId });
      deps.events.emit('installs.changed', { installId });
      const warnings = result.checks.filter((c) => c.outcome === 'warn').length;
      deps.events.emit('notice', { level: 'success', message: `Connected ${record.app.name} to ${record.account.label || record.account.subdomain}${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.` });
      return view;
    } catch (error) {
      if (!(error instanceof WorkbenchError)) deps.logger.error('flow failed unexpectedly', error);
      return failFlow(record, error, []);
    }
  }

  function failFlow(record: FlowRecord, error: unknown, failedChecks: FailedCheck[]): FlowView {
    const view = manager.fail(record, error, failedChecks);
    deps.events.emit('notice', { level: 'error', message: view.error?.message ?? 'The flow failed.' });
    return view;
  }

  function pageFor(view: FlowView): PageResult {
    if (view.step === 'stored') return page(200, true, 'Connected', 'The workbench received the authorization and stored the install.');
    if (view.step === 'cancelled') return page(400, false, 'Cancelled', 'This sign-in was cancelled in the workbench.');
    const denied = view.error?.code === 'OAUTH_ACCESS_DENIED';
    return page(denied ? 403 : 400, false, denied ? 'Consent denied' : 'Sign-in failed', view.error?.message ?? 'The flow failed.');
  }

  async function handleCallback(request: CallbackRequest): Promise<PageResult> {
    const parsed = parseCallbackParams(request.params);
    const candidate = parsed.ok ? manager.peekByState(parsed.state) : null;
    // The state must belong to a flow waiting on this very server and path; anything else is refused
    // without touching the flow, so a forged or replayed request cannot spoil a real sign-in.
    const matches = candidate !== null && candidate.lease?.port === request.port && candidate.app.redirect.path === request.path;
    const context = { appId: candidate?.app.id ?? null, accountId: candidate?.account.id ?? null, installId: null };
    if (!parsed.ok || !matches) {
      const answer = !parsed.ok
        ? page(400, false, 'Callback ignored', parsed.reason)
        : page(400, false, 'Unknown or used sign-in', 'This callback\'s state does not match any sign-in waiting here: it was already used, has expired, or was started elsewhere. Start a new connection from the workbench.');
      await core.activity.record({ kind: 'callback', context, method: 'GET', url: request.url, status: answer.status, durationMs: null, error: { code: 'OAUTH_STATE_MISMATCH', message: answer.message } });
      return answer;
    }
    const record = manager.claim(parsed.state);
    if (!record) return page(400, false, 'Unknown or used sign-in', 'This sign-in was already completed.');
    // Recorded on arrival, before the exchange, so the log reads in order; the page's status depends
    // on the outcome and is not known yet.
    await core.activity.record({ kind: 'callback', context, method: 'GET', url: request.url, status: null, durationMs: null, secrets: [parsed.state, parsed.code ?? ''] });
    manager.step(record, 'callback-received');
    return pageFor(await resume(record, parsed));
  }

  async function handleInstall(request: { port: number; params: URLSearchParams; appId: string }): Promise<PageResult | { redirect: string }> {
    const raw = request.params.get('account') ?? '';
    const checked = checkSubdomain(raw);
    if (!checked.ok) return page(400, false, 'No account', `Install needs ?account={subdomain}. ${checked.reason}`);
    const entry = entries.get(request.appId);
    if (!entry) return page(404, false, 'Not found', 'The App URL is not turned on for this app.');
    // Reserved before any await, so a burst of requests cannot all pass the count.
    if (pendingInstallFlows(request.appId) >= MAX_PENDING_INSTALL_FLOWS) {
      return page(429, false, 'Too many sign-ins waiting', 'Several sign-ins started from this App URL are still waiting: finish or cancel them in the workbench first.');
    }
    entry.starting += 1;
    try {
      const known = deps.vault.data().accounts.find((a) => a.subdomain === checked.subdomain && !a.builtInSandbox && !a.customBaseUrl);
      if (!known) {
        const outcome = await confirmations.ask({ appId: request.appId, appName: findApp(request.appId).name, subdomain: checked.subdomain });
        if (outcome !== 'accepted') {
          const why = outcome === 'refused' ? 'You refused this account in the workbench.' : outcome === 'timeout' ? 'Nobody confirmed this account in the workbench in time.' : 'The App URL was turned off in the workbench.';
          return page(403, false, 'Account not added', `${why} No account was created and no sign-in started.`);
        }
        if (entries.get(request.appId) !== entry) return page(404, false, 'Not found', 'The App URL was turned off in the workbench.');
      }
      const account = known ?? (await deps.ensureAccountForSubdomain(checked.subdomain));
      const view = await startFlow(request.appId, account.id, { openBrowser: false });
      if (entries.get(request.appId) === entry) entry.flowIds.add(view.id);
      else manager.cancel(view.id);
      return { redirect: view.authorizeUrl };
    } catch (error) {
      const message = error instanceof WorkbenchError ? error.message : 'The flow could not be started. The details are in the log.';
      if (!(error instanceof WorkbenchError)) deps.logger.error('install entry failed', error);
      const status = error instanceof WorkbenchError && error.code === 'RATE_LIMITED' ? 429 : error instanceof WorkbenchError && error.code === 'CONFLICT' ? 409 : 400;
      return page(status, false, 'Could not start the sign-in', message);
    } finally {
      entry.starting -= 1;
    }
  }

  async function paste(flowId: string, pasted: string): Promise<FlowView> {
    const record = manager.get(flowId);
    if (isTerminal(record.view.step)) throw new WorkbenchError('CONFLICT', `This flow has already ${record.view.step === 'stored' ? 'finished' : record.view.step === 'cancelled' ? 'been cancelled' : 'failed'}: start a new one.`, { flowId });
    let url: URL;
    try {
      url = new URL(pasted.trim());
    } catch {
      throw new WorkbenchError('INVALID_URL', 'Paste the whole address the browser landed on, starting with https:// or http://.');
    }
    const expected = new URL(record.redirectUri);
    if (url.origin !== expected.origin || url.pathname !== expected.pathname) {
      throw new WorkbenchError('OAUTH_REDIRECT_MISMATCH', `The pasted address (${url.origin}${url.pathname}) is not the redirect URL this flow sent (${expected.origin}${expected.pathname}). The flow is still waiting.`, { redirectUri: record.redirectUri });
    }
    // An error answer is read before anything else: "access_denied" says more than "no state".
    const answeredError = url.searchParams.get('error');
    const pastedState = url.searchParams.get('state');
    if (answeredError && (pastedState === null || pastedState !== record.state)) {
      const mapped = mapAuthorizeError({ error: answeredError, description: url.searchParams.get('error_description') }, record.redirectUri);
      throw new WorkbenchError(mapped.code, `${mapped.message} (The pasted address carries ${pastedState === null ? 'no state' : 'another sign-in\'s state'}, so this flow is still waiting: approve in the browser and paste the new address, or Cancel.)`);
    }
    const parsed = parseCallbackParams(url.searchParams);
    if (!parsed.ok) throw new WorkbenchError('INVALID_ARGUMENT', `${parsed.reason} The flow is still waiting.`);
    if (parsed.state !== record.state) {
      throw new WorkbenchError('OAUTH_STATE_MISMATCH', 'The pasted address carries another state than this flow sent: it belongs to another (or an older) sign-in. The flow is still waiting.');
    }
    const claimed = manager.claim(parsed.state);
    if (!claimed) throw new WorkbenchError('CONFLICT', 'This flow is no longer waiting for its callback.', { flowId });
    const context = { appId: record.app.id, accountId: record.account.id, installId: null };
    await core.activity.record({ kind: 'callback', context, method: 'PASTE', url: url.toString(), status: null, durationMs: null, secrets: [parsed.state, parsed.code ?? ''] });
    manager.step(claimed, 'callback-received');
    return resume(claimed, parsed);
  }

  return {
    'flows.start': ({ appId, accountId, mode }) => startFlow(appId, accountId, mode ? { mode } : {}),
    'flows.cancel': async ({ flowId }) => manager.cancel(flowId),
    'flows.paste': ({ flowId, url }) => paste(flowId, url),
    'flows.list': async () => manager.list(),
    'flows.installConfirmations': async () => confirmations.list(),
    'flows.confirmInstall': async ({ id, accept }) => {
      confirmations.decide(id, accept);
      return confirmations.list();
    },
    startFlow,
    waitForFlow: (flowId) => manager.get(flowId).finished,
    async serveInstallEntry(appId) {
      const app = findApp(appId);
      const lease = await servers.acquire(app.redirect.port, { appId, callbackPaths: [app.redirect.path], installEntry: true });
      const entry = entries.get(appId) ?? { leases: 0, flowIds: new Set<string>(), starting: 0 };
      entry.leases += 1;
      entries.set(appId, entry);
      let released = false;
      return {
        port: lease.port,
        url: `http://127.0.0.1:${lease.port}${INSTALL_PATH}`,
        release: async () => {
          if (released) return;
          released = true;
          entry.leases -= 1;
          if (entry.leases === 0 && entries.get(appId) === entry) endInstallEntry(appId);
          await lease.release();
        },
      };
    },
    listeningPorts: () => servers.listening(),
    async close() {
      confirmations.dropApp(null);
      for (const record of manager.pending()) manager.cancel(record.view.id);
      await servers.closeAll();
    },
  };
}
