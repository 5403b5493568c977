// Figure 3: what the workbench adds to an OAuth code exchange. Built-in sandbox on loopback, consent
// automated (test/fakes/sandbox-browser.ts). Flow: the 'flow.progress' events' times from
// callback-received to stored, i.e. the token POST through the recorded HTTP client (its activity
// line is redacted and logged at once, written to disk meanwhile), the answer's parsing, the
// id_token/access-token checks (signature with the sandbox's JWKS, nonce, at_hash, scopes) and the
// vault write. Baseline: ONE bare token POST (fetch, Basic
// auth, same client, same scopes, same sandbox) for a code obtained the same way; only the POST and
// reading its JSON are timed. Runs alternate so drift hits both alike. The physical floor beside it:
// the bare POST plus bare atomic writes of the two files a NEW install must make durable (a user's
// first connect), and plus ONE atomic write of the install's sealed bytes: what these flows store
// (the same user connects again, so its install is replaced: its file alone) and the least any
// durable store adds.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import { writeFileAtomicSync } from '../../electron/backend/vault/atomic-write';
import { buildAuthorizeUrl } from '../../electron/backend/oauth/authorize-url';
import { basicAuthorization } from '../../electron/backend/oauth/client-auth';
import { createKeyResolver } from '../../electron/backend/oauth/checks/key-resolver';
import { runChecks } from '../../electron/backend/oauth/checks/run-checks';
import { readTokenAnswer } from '../../electron/backend/oauth/token-response';
import { createHttpClient } from '../../electron/backend/http/http-client';
import { createRecordingPorts } from '../fakes/recording-ports';
import { consentInSandbox } from '../fakes/sandbox-browser';
import { demoPair, recordFlowSteps, sandboxFlow, type FlowTiming } from './lib/flow-steps';
import { errorReason, measured, notAvailable, type Figure } from './lib/figures';
import { summarize } from './lib/stats';
import type { BenchModule } from './lib/bench-module';

const RUNS = 21;
const WARMUP = 2;

interface Capture {
  server: Server;
  redirectUri: string;
  next(): Promise<URLSearchParams>;
}

/** The "app" of the bare baseline: a loopback page that only captures the code. */
async function startCapture(): Promise<Capture> {
  let waiting: ((params: URLSearchParams) => void) | null = null;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('captured');
    waiting?.(url.searchParams);
    waiting = null;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    redirectUri: `http://127.0.0.1:${port}/callback`,
    next: () => new Promise((resolve) => (waiting = resolve)),
  };
}

/**
 * The id_token and access-token checks a flow must run on a fresh answer (OpenID Connect Core
 * §3.1.3.7: signature with the account's cached JWKS, iss, aud, exp, iat, nonce, at_hash; then the
 * scope and expiry readings), timed alone on the bare exchange's answer: a client that skips them
 * would accept any token, so they belong to the floor.
 */
function createChecker(): (answer: Record<string, unknown>, input: { baseUrl: string; clientId: string; clientSecret: string; scopes: string[]; nonce: string }) => Promise<number> {
  const http = createHttpClient({ fetch, clock: { now: () => Date.now() }, activity: { record: async () => undefined }, timeoutMs: 8_000 });
  const keys = createKeyResolver(http, { now: () => Date.now() });
  return async (answer, input) => {
    const tokens = readTokenAnswer({ status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(answer), durationMs: 0, host: new URL(input.baseUrl).host }, 'exchange', {});
    const start = performance.now();
    const result = await runChecks({ tokens, baseUrl: input.baseUrl, clientId: input.clientId, clientSecret: input.clientSecret, nonce: input.nonce, requestedScopes: input.scopes, obtainedAtMs: Date.now(), skewSeconds: 120, keys, context: {} });
    const ms = performance.now() - start;
    if (result.failures.length > 0) throw new Error(`the bare answer failed its checks: ${result.failures.map((failure) => failure.id).join(', ')}`);
    return ms;
  };
}

async function bareExchange(backend: Backend, capture: Capture, baseUrl: string, index: number, check: ReturnType<typeof createChecker>): Promise<{ post: number; checks: number }> {
  const app = backend.vault.data().apps.find((candidate) => candidate.builtIn);
  if (!app) throw new Error('no demo app in the vault');
  const captured = capture.next();
  const authorizeUrl = buildAuthorizeUrl({ baseUrl, clientId: app.clientId, scopes: app.scopes, redirectUri: capture.redirectUri, state: `bench-state-${index}`, nonce: `bench-nonce-${index}` });
  const outcome = await consentInSandbox(authorizeUrl);
  if (outcome.callbackStatus !== 200) throw new Error(`baseline consent ended with ${outcome.callbackStatus}`);
  const code = (await captured).get('code');
  if (!code) throw new Error('baseline callback carried no code');
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: capture.redirectUri }).toString();
  const start = performance.now();
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: basicAuthorization(app.clientId, app.clientSecret), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  const json = (await response.json()) as { access_token?: string };
  const ms = performance.now() - start;
  if (response.status !== 200 || !json.access_token) throw new Error(`bare token POST answered ${response.status}`);
  const checks = await check(json, { baseUrl, clientId: app.clientId, clientSecret: app.clientSecret, scopes: app.scopes, nonce: `bench-nonce-${index}` });
  return { post: ms, checks };
}

export async function benchFlowOverhead(log: (line: string) => void): Promise<Figure[]> {
  const flowInput = { group: 'flow', name: 'callback received → install stored', unit: 'ms' as const };
  const bareInput = { group: 'flow', name: 'baseline: one bare token POST', unit: 'ms' as const };
  const ratioInput = { group: 'flow', name: 'flow overhead (flow ÷ bare POST, medians)', unit: '×' as const, goal: '≤ 1.2×', max: 1.2 };
  const bareWritesInput = { group: 'flow', name: 'baseline: bare atomic writes of what a NEW install stores (its file + the main store)', unit: 'ms' as const };
  const floorInput = { group: 'flow', name: 'physical floor of a first connect: (bare POST + those bare writes) ÷ bare POST', unit: '×' as const, floorOf: ratioInput.name };
  const checksInput = { group: 'flow', name: 'baseline: the id_token and access-token checks alone, on the bare answer', unit: 'ms' as const };
  const checkedFloorInput = { group: 'flow', name: 'physical floor of a checked, durable reconnect: (bare POST + the checks + one atomic write) ÷ bare POST', unit: '×' as const, floorOf: ratioInput.name };
  const oneWriteInput = { group: 'flow', name: 'physical floor of these reconnects (the install\'s file alone; any durable store): (bare POST + one atomic write) ÷ bare POST', unit: '×' as const, floorOf: ratioInput.name };
  const dataDir = await mkdtemp(join(tmpdir(), 'workbench-bench-flow-'));
  const recording = createRecordingPorts();
  let backend: Backend | null = null;
  let capture: Capture | null = null;
  try {
    backend = await createBackend({ dataDir, ports: recording.ports, sandboxPort: 0 });
    const live = backend;
    const recorder = recordFlowSteps(live);
    const pair = await demoPair(live);
    capture = await startCapture();

    const flows: FlowTiming[] = [];
    const bares: number[] = [];
    const bareWrites: number[] = [];
    const oneWrites: number[] = [];
    const checkTimes: number[] = [];
    const check = createChecker();
    for (let i = 0; i < RUNS + WARMUP; i += 1) {
      const flow = await sandboxFlow(live, recorder, pair.appId, pair.accountId);
      // The sandbox is started by the first flow; its base URL is known from then on.
      const baseUrl = `${(await live['system.info'](undefined)).sandboxBaseUrl}/${pair.subdomain}`;
      const { post: bare, checks } = await bareExchange(live, capture, baseUrl, i, check);
      // What storing a new install must write at least: its sealed file and the main store (which
      // lists the installs), each as one bare atomic write of the bytes the vault just wrote.
      const newest = live.vault.data().installs.at(-1)!;
      const installFile = join(dataDir, 'installs', `${newest.id}.json`);
      const mainStore = join(dataDir, 'vault.json');
      const [installBytes, mainBytes] = [readFileSync(installFile), readFileSync(mainStore)];
      const writeStart = performance.now();
      writeFileAtomicSync(installFile, installBytes);
      const oneWrite = performance.now() - writeStart;
      writeFileAtomicSync(mainStore, mainBytes);
      const bareWrite = performance.now() - writeStart;
      if (i < WARMUP) continue;
      flows.push(flow);
      bares.push(bare);
      bareWrites.push(bareWrite);
      oneWrites.push(oneWrite);
      checkTimes.push(checks);
    }
    const flowSummary = summarize(flows.map((f) => f.total));
    const bareSummary = summarize(bares);
    const writeSummary = summarize(bareWrites);
    const oneWriteSummary = summarize(oneWrites);
    const checkSummary = summarize(checkTimes);
    const exchange = summarize(flows.map((f) => f.exchange)).median;
    const checks = summarize(flows.map((f) => f.checksAndStore)).median;
    const write = summarize(flows.map((f) => f.vaultWrite)).median;
    log(`  flow medians: exchange step ${exchange.toFixed(1)} ms, checks + vault write ${checks.toFixed(1)} ms (vault write ${write.toFixed(1)} ms)`);
    return [
      measured({ ...flowInput, note: `median split: exchanging→verifying (token POST + redacted activity entry + parse) ${exchange.toFixed(1)} ms, verifying→stored (checks + vault write) ${checks.toFixed(1)} ms, of which the vault write (putInstall: the install's file, and the main store's list when it is new) ${write.toFixed(1)} ms; fresh vault (first-run data only)` }, flows.map((f) => f.total)),
      measured({ ...bareInput, note: 'fetch + JSON of the answer only' }, bares),
      measured({ ...ratioInput, note: `${flowSummary.median.toFixed(1)} ms ÷ ${bareSummary.median.toFixed(1)} ms` }, flowSummary.median / bareSummary.median),
      measured({ ...bareWritesInput, note: 'write + fsync + rename, synchronously, of the new install\'s sealed file and of the main store (its list of installs), the bytes the vault wrote' }, bareWrites),
      measured({ ...floorInput, note: `(${bareSummary.median.toFixed(1)} ms + ${writeSummary.median.toFixed(1)} ms) ÷ ${bareSummary.median.toFixed(1)} ms: a flow that did nothing but the POST and the two durable writes, before any id_token check` }, (bareSummary.median + writeSummary.median) / bareSummary.median),
      measured({ ...oneWriteInput, note: `(${bareSummary.median.toFixed(1)} ms + ${oneWriteSummary.median.toFixed(2)} ms) ÷ ${bareSummary.median.toFixed(1)} ms: write + fsync + rename of the install's sealed file alone, with no check and no list of installs; the least any store that survives a power cut must add` }, (bareSummary.median + oneWriteSummary.median) / bareSummary.median),
      measured({ ...checksInput, note: 'runChecks on the bare exchange\'s answer, the account\'s key set already cached (as in a flow): signature, iss, aud, azp, exp, iat, nonce, at_hash, sub, scopes, expiry' }, checkTimes),
      measured({ ...checkedFloorInput, note: `(${bareSummary.median.toFixed(1)} ms + ${checkSummary.median.toFixed(2)} ms + ${oneWriteSummary.median.toFixed(2)} ms) ÷ ${bareSummary.median.toFixed(1)} ms: the least a flow that checks what it stores (a client that skips the checks accepts any token) and stores it durably can take` }, (bareSummary.median + checkSummary.median + oneWriteSummary.median) / bareSummary.median),
    ];
  } catch (error) {
    console.error(error);
    const reason = errorReason(error);
    return [notAvailable(flowInput, reason), notAvailable(bareInput, reason), notAvailable(ratioInput, reason), notAvailable(bareWritesInput, reason), notAvailable(floorInput, reason), notAvailable(oneWriteInput, reason), notAvailable(checksInput, reason), notAvailable(checkedFloorInput, reason)];
  } finally {
    capture?.server.close();
    capture?.server.closeAllConnections();
    await backend?.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const bench: BenchModule = { name: 'flow overhead (built-in sandbox)', order: 30, run: (context) => benchFlowOverhead(context.log) };
