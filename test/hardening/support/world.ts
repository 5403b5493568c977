// A whole product on loopback for the hardening suites: a real backend on a temp data folder (real
// vault files, fake keychain), its own sandbox (so a suite can inject the sandbox's faults and drive
// its clock), apps and accounts created through the dispatcher like the renderer would, and
// "connect" done by the Node stand-in for the system browser. Nothing leaves 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { startSandbox, type Sandbox } from '../../../electron/backend/sandbox/index';
import { createDispatcher } from '../../../electron/backend/dispatch/dispatcher';
import type { Result } from '../../../electron/common/errors';
import type { AccountView, AppView, InstallSummary } from '../../../electron/common/model';
import type { StoredInstall } from '../../../electron/backend/vault/vault-types';
import { createRecordingPorts, type RecordingPorts } from '../../fakes/recording-ports';
import { consentInSandbox } from '../../fakes/sandbox-browser';

export const SCOPES = ['openid', 'email', 'profile', 'offline', 'account:read', 'users:read', 'tickets:read', 'customers:read'];

/** A clock both the backend and the sandbox read, moved by the test (never by real time alone). */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function createTestClock(start = Date.now()): TestClock {
  let offset = 0;
  // Real time keeps flowing underneath (timeouts, durations), the test adds jumps on top.
  return { now: () => start + (Date.now() - start) + offset, advance: (ms) => (offset += ms) };
}

export interface RequestLog {
  method: string;
  url: string;
  /** The form body, when it was one (token POSTs). */
  form: URLSearchParams | null;
  /** The Authorization header sent (API calls carry the access token here). */
  authorization: string | null;
}

export interface World {
  dataDir: string;
  backend: Backend;
  sandbox: Sandbox;
  clock: TestClock;
  recording: RecordingPorts;
  /** Every request the backend made through its fetch port. */
  requests: RequestLog[];
  /**
   * When set, every request the backend makes waits for this first (a test plays network latency:
   * a request that left before a token expired and arrives after).
   */
  fetchGate: ((request: RequestLog) => Promise<void> | void) | null;
  /** Every line the backend logged (with the error's message and stack). */
  logs: string[];
  /** Every event the backend pushed towards the renderer. */
  events: { event: string; payload: unknown }[];
  /** Every Result the dispatcher returned, with the method (for the leak scan). */
  answers: { method: string; input: unknown; result: Result<unknown> }[];
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  /** As call(), throwing when the Result is not ok. */
  must<T = unknown>(method: string, input?: unknown): Promise<T>;
  createApp(fields?: Partial<{ name: string; clientId: string; clientSecret: string; scopes: string[] }>): Promise<AppView>;
  /** An account pointing at this world's sandbox (added there under `subdomain`). */
  createSandboxAccount(subdomain: string): Promise<AccountView>;
  /** flows.start, then consent in the sandbox; resolves with the stored install. */
  connect(appId: string, accountId: string): Promise<InstallSummary>;
  storedInstalls(): StoredInstall[];
  close(): Promise<void>;
}

export interface WorldOptions {
  clock?: TestClock;
  /** Default: a generous limit, so only suites that want 429s get them. */
  rateLimit?: { requests: number; windowMs: number };
  flowTimeoutMs?: number;
  /** The backend's per-request timeout (default 15 s). */
  httpTimeoutMs?: number;
  /** Timers for delayed work (clearing a copied secret); default: real timers. */
  schedule?: (ms: number, run: () => void) => () => void;
}

function formOf(init: RequestInit | undefined): URLSearchParams | null {
  return typeof init?.body === 'string' && init.body.includes('=') ? new URLSearchParams(init.body) : null;
}

function authorizationOf(init: RequestInit | undefined): string | null {
  return init?.headers ? new Headers(init.headers).get('authorization') : null;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const clock = options.clock ?? createTestClock();
  const dataDir = await mkdtemp(join(tmpdir(), 'workbench-hardening-'));
  const sandbox = await startSandbox({ port: 0, clock, rateLimit: options.rateLimit ?? { requests: 1_000_000, windowMs: 1_000 }, logger: { error: () => undefined } });
  const requests: RequestLog[] = [];
  let fetchGate: World['fetchGate'] = null;
  const countingFetch: typeof fetch = async (input, init) => {
    const request: RequestLog = { method: init?.method ?? 'GET', url: String(input instanceof Request ? input.url : input), form: formOf(init), authorization: authorizationOf(init) };
    requests.push(request);
    await fetchGate?.(request);
    const host = new URL(request.url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
      // Tests send nothing off this machine, not even a DNS query: any other host fails exactly
      // as undici fails on a name that does not resolve, and the product's mapping is what is tested.
      throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host }) });
    }
    return globalThis.fetch(input, init);
  };
  const recording = createRecordingPorts({ fetch: countingFetch, ...(options.schedule ? { schedule: options.schedule } : {}) });
  recording.ports.clock = clock;
  // Everything the backend logs is kept (message, and the error's own text) for the leak scan.
  const logs: string[] = [];
  recording.ports.logger = {
    info: (message) => logs.push(`info ${message}`),
    warn: (message) => logs.push(`warn ${message}`),
    error: (message, error) => logs.push(`error ${message} ${error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error ?? '')}`),
  };
  const backend = await createBackend({ dataDir, ports: recording.ports, sandboxPort: 0, ...(options.flowTimeoutMs ? { flowTimeoutMs: options.flowTimeoutMs } : {}), ...(options.httpTimeoutMs ? { httpTimeoutMs: options.httpTimeoutMs } : {}) });
  const events: World['events'] = [];
  backend.subscribe((event, payload) => events.push({ event, payload: structuredClone(payload) }));
  const dispatch = createDispatcher(backend, { error: (message, error) => logs.push(`dispatch ${message} ${error instanceof Error ? error.message : ''}`) });
  const answers: World['answers'] = [];

  const call = async <T,>(method: string, input?: unknown): Promise<Result<T>> => {
    const result = (await dispatch(method, input)) as Result<T>;
    answers.push({ method, input, result });
    return result;
  };
  const must = async <T,>(method: string, input?: unknown): Promise<T> => {
    const result = await call<T>(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };

  let appCount = 0;
  const world: World = {
    dataDir,
    backend,
    sandbox,
    clock,
    recording,
    requests,
    get fetchGate() {
      return fetchGate;
    },
    set fetchGate(gate) {
      fetchGate = gate;
    },
    logs,
    events,
    answers,
    call,
    must,
    async createApp(fields = {}) {
      appCount += 1;
      const clientId = fields.clientId ?? `hardening-app-${appCount}`;
      const clientSecret = fields.clientSecret ?? `hardening-secret-${appCount}-${Math.random().toString(36).slice(2)}`;
      // Registered with port 9: the loopback rule (RFC 8252 §7.3) lets any real port match.
      sandbox.registerClient({ clientId, clientSecret, redirectUris: ['http://127.0.0.1:9/callback'] });
      return must<AppView>('apps.create', {
        name: fields.name ?? `Hardening app ${appCount}`,
        clientId,
        clientSecret,
        scopes: fields.scopes ?? SCOPES,
        redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
        clientAuth: 'basic',
        pkce: false,
      });
    },
    async createSandboxAccount(subdomain) {
      sandbox.addAccount(subdomain, { name: `${subdomain} (hardening)` });
      return must<AccountView>('accounts.create', { subdomain, label: subdomain, kind: 'sandbox', notes: '', customBaseUrl: sandbox.baseUrlFor(subdomain) });
    },
    async connect(appId, accountId) {
      const before = recording.openedUrls.length;
      const flow = await must<{ id: string }>('flows.start', { appId, accountId });
      const authorizeUrl = recording.openedUrls[before];
      if (!authorizeUrl) throw new Error('flows.start opened no browser');
      const outcome = await consentInSandbox(authorizeUrl);
      if (outcome.callbackStatus !== 200) throw new Error(`connect failed (${outcome.callbackStatus}): ${outcome.callbackBody.slice(0, 300)}`);
      const flows = await must<{ id: string; step: string; installId: string | null }[]>('flows.list');
      const done = flows.find((f) => f.id === flow.id);
      if (done?.step !== 'stored' || !done.installId) throw new Error(`flow ended ${done?.step}`);
      const installs = await must<InstallSummary[]>('installs.list');
      return installs.find((i) => i.id === done.installId)!;
    },
    storedInstalls: () => structuredClone(backend.vault.data().installs) as StoredInstall[],
    async close() {
      await backend.close();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}
