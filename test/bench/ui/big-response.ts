// Figure 6: a 50 MB JSON answer from the sandbox's GET /api/sandbox/large?size_mb=50 (deterministic,
// seeded: electron/backend/sandbox/large-response.ts). "Response received" is the baseline: a bare
// fetch of the same URL with the same token and the same HTTP client the backend uses (Node's
// fetch), body read to its last byte (as bytes: no decoding counted), made right before each
// sample it is compared with. The console streams the body (printed and indexed in its worker as it
// arrives), so api.send answers with the first screenful before the body ends: figures say when the
// first lines are there and when the whole answer is printed and indexed, in Node, through the
// bridge and on screen, and the longest frame while scrolling to the end of the complete answer.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Backend } from '../../../electron/backend/create-backend';
import type { ReceivedItem } from '../../e2e/harness';
import { reindentJson, scanJson } from '../../../electron/backend/tools/api-console/json-reindent';
import type { ApiSendInput } from '../../../electron/common/contract';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { errorReason, measured, measuredOnMax, notAvailable, ratioFigure, type Figure, type FigureInput } from '../lib/figures';
import { repeat, summarize } from '../lib/stats';
import { measureConsoleUi, type ConsoleUiTiming } from './console-ui';

const RUNS = 3;
export const BIG_MB = 50;
const UI_RUNS = 4;

export interface BigResponseSetup {
  backend: Backend;
  page: Page;
  /** The harness's log of what the page received (stamped to see when api.send answered). */
  received: ReceivedItem[];
  installId: string;
  subdomain: string;
}

const request = (installId: string): ApiSendInput => ({
  installId,
  method: 'GET',
  path: '/api/sandbox/large',
  query: [['size_mb', String(BIG_MB)]],
  headers: [],
  body: null,
  // As the console sends it: answered with the first screenful, the body still arriving.
  stream: true,
});

let lastBody: Uint8Array | null = null;

/** One timing of each CPU step the worker takes on this body (off main), to say where its time goes. */
function processingParts(bytes: Uint8Array): string {
  const time = (work: () => unknown) => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  let printed: ReturnType<typeof reindentJson> = null;
  const pass = time(() => (printed = reindentJson(bytes)));
  const pretty = (printed as ReturnType<typeof reindentJson>)?.bytes.length ?? 0;
  return `in the worker: one re-indent pass (validate, write text + line starts) ${pass.toFixed(0)} ms, timed here on the bench's thread (${(bytes.length / 1e6).toFixed(1)} MB raw, ${(pretty / 1e6).toFixed(1)} MB pretty)`;
}

/** A full garbage collection, without starting Node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  (runInNewContext('gc') as () => void)();
}

/** Main's heap: V8's used heap plus array buffers (the kept body's bytes live there, not in the JS heap). */
function mainHeapBytes(): { heap: number; buffers: number } {
  collectGarbage();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, buffers: usage.arrayBuffers };
}

/**
 * Main's heap growth from one 50 MB answer, measured in this process (backend, sandbox and
 * Playwright share it, so the growth, not the total, is main's share): after a collection before
 * api.send (the sandbox's copy of the answer is already built by the bare fetches) and after it,
 * with the answer kept by the console. Growth ÷ the body's bytes.
 */
async function mainHeapGrowth(setup: BigResponseSetup, input: FigureInput, log: (line: string) => void): Promise<Figure> {
  const before = mainHeapBytes();
  let sent = await setup.backend['api.send'](request(setup.installId));
  // api.send answers with the first screen; the heap is read once the whole answer is kept.
  while (sent.receiving) sent = await setup.backend['api.responseProgress']({ responseId: sent.responseId, waitMs: 5000 });
  const after = mainHeapBytes();
  // The kept print and its line starts live in SharedArrayBuffers the worker made and main holds:
  // process.memoryUsage() in main does not count those (it counts only buffers main's own isolate
  // allocated), so they are added from their sizes (the print measured by a scan of the same body).
  const scanned = lastBody ? scanJson(lastBody) : null;
  const shared = scanned ? scanned.byteLength + scanned.lineCount * 4 : 0;
  const grown = after.heap + after.buffers - (before.heap + before.buffers) + shared;
  const note = `growth ${(grown / 1e6).toFixed(0)} MB (JS heap ${((after.heap - before.heap) / 1e6).toFixed(0)} MB, array buffers ${((after.buffers - before.buffers) / 1e6).toFixed(0)} MB, the kept print in shared memory ${(shared / 1e6).toFixed(0)} MB) ÷ body ${(sent.sizeBytes / 1e6).toFixed(0)} MB, after full collections, with the answer kept (${sent.totalLines.toLocaleString('en')} lines); response ${sent.responseId}`;
  log(`  heap: ${note}`);
  return measured({ ...input, note }, grown / sent.sizeBytes);
}

async function bareFetchMs(setup: BigResponseSetup): Promise<number> {
  const info = await setup.backend['system.info'](undefined);
  const install = setup.backend.vault.data().installs.find((candidate) => candidate.id === setup.installId);
  if (!info.sandboxBaseUrl || !install) throw new Error('no running sandbox or no sandbox install');
  const start = performance.now();
  const response = await fetch(`${info.sandboxBaseUrl}/${setup.subdomain}/api/sandbox/large?size_mb=${BIG_MB}`, { headers: { authorization: `Bearer ${install.accessToken}` } });
  // The last byte in: what "response received" means (decoding it is not receiving it).
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - start;
  if (response.status !== 200 || body.length < BIG_MB * 1024 * 1024 * 0.9) throw new Error(`the sandbox answered ${response.status} with ${body.length} bytes`);
  lastBody = body;
  return ms;
}

interface BridgeTiming {
  /** api.send answered (the first screenful). */
  send: number;
  /** The whole answer printed and indexed (api.responseProgress says it is complete). */
  complete: number;
  lastLines: number;
  totalLines: number;
  error: string | null;
}

/**
 * In the page: api.send through window.workbench (it answers with the first lines while the body
 * still arrives), then api.responseProgress until the answer is complete, then the last 200 lines,
 * as a virtual list would ask.
 */
function sendThroughBridge(input: ApiSendInput): Promise<BridgeTiming> {
  type Answer = { ok: boolean; value?: { responseId: string; totalLines: number; receiving?: boolean; lines?: string[] }; error?: { message: string } };
  const { workbench } = window as unknown as { workbench: { invoke(method: string, input: unknown): Promise<Answer> } };
  const api = {
    send: (i: unknown) => workbench.invoke('api.send', i),
    progress: (i: unknown) => workbench.invoke('api.responseProgress', i),
    responseLines: (i: unknown) => workbench.invoke('api.responseLines', i),
  };
  const start = performance.now();
  return api.send(input).then(async (sent) => {
    const send = performance.now() - start;
    if (!sent.ok || !sent.value) return { send, complete: 0, lastLines: 0, totalLines: 0, error: sent.error?.message ?? 'api.send failed' };
    let now = sent;
    while (now.ok && now.value?.receiving) now = await api.progress({ responseId: sent.value.responseId, waitMs: 5000 });
    const complete = performance.now() - start;
    if (!now.ok || !now.value) return { send, complete, lastLines: 0, totalLines: 0, error: 'api.responseProgress failed' };
    const total = now.value.totalLines;
    const before = performance.now();
    const lines = await api.responseLines({ responseId: sent.value.responseId, start: Math.max(0, total - 200), count: 200 });
    return { send, complete, lastLines: performance.now() - before, totalLines: total, error: lines.ok ? null : 'api.responseLines failed' };
  });
}

function answeredNote(timings: ConsoleUiTiming[]): string {
  const answered = timings.map((t) => t.answeredMs).filter((ms): ms is number => ms !== null);
  return answered.length > 0 ? `median ${summarize(answered).median.toFixed(0)} ms` : 'an unknown time';
}

export async function benchBigResponse(setup: BigResponseSetup, log: (line: string) => void): Promise<Figure[]> {
  const group = 'big response';
  const bare = { group, name: `baseline: bare fetch of the ${BIG_MB} MB answer (response received)`, unit: 'ms' as const };
  const node = { group, name: 'api.send in the backend (Node, no bridge)', unit: 'ms' as const };
  const nodeComplete = { group, name: 'api.send in the backend → whole answer printed and indexed (Node)', unit: 'ms' as const };
  const bridge = { group, name: 'api.send through the bridge → first lines in the page', unit: 'ms' as const };
  const bridgeComplete = { group, name: 'api.send through the bridge → whole answer printed and indexed', unit: 'ms' as const };
  const processing = { group, name: 'response received → first lines in the page (bridge − bare fetch)', unit: 'ms' as const };
  const last = { group, name: 'api.responseLines: last 200 lines into the page, once complete', unit: 'ms' as const };
  const clickRatio = { group, name: 'Send click → first lines visible ÷ the bare fetch (medians)', unit: '×' as const, goal: '≤ 1×', max: 1 };
  const clickComplete = { group, name: 'Send click → complete line count shown (UI)', unit: 'ms' as const };
  const visible = { group, name: 'response received → visible in the console (UI)', unit: 'ms' as const };
  const heapRatio = { group, name: `main's heap growth from the ${BIG_MB} MB answer ÷ its size`, unit: '×' as const, goal: '≤ 3×', max: 3 };
  const frame = { group, name: 'longest frame while scrolling to the end (UI)', unit: 'ms' as const, goal: 'no frame > 100 ms', max: 100 };
  const figures: Figure[] = [];

  // Bare fetch and api.send through the bridge in pairs, so each sample's baseline saw the same machine.
  const bareSamples: number[] = [];
  const bareMedian = () => (bareSamples.length > 0 ? summarize(bareSamples.slice(-RUNS)).median : null);
  const wired = typeof (setup.backend as unknown as Record<string, unknown>)['api.send'] === 'function';
  const pairs: Array<{ bare: number; timing: BridgeTiming }> = [];
  let failure: string | null = null;
  // First, before any big answer is kept: one bare fetch builds the sandbox's copy, then the heap.
  if (wired) {
    try {
      await bareFetchMs(setup);
      figures.push(await mainHeapGrowth(setup, heapRatio, log));
      lastBody = null;
    } catch (error) {
      figures.push(notAvailable(heapRatio, errorReason(error)));
    }
  }
  try {
    await repeat(RUNS, async () => {
      const bareMs = await bareFetchMs(setup);
      bareSamples.push(bareMs);
      if (!wired) return bareMs;
      const timing = await setup.page.evaluate(sendThroughBridge, request(setup.installId));
      if (timing.error) throw new Error(`api.send through the bridge: ${timing.error}`);
      pairs.push({ bare: bareMs, timing });
      return bareMs;
    });
  } catch (error) {
    failure = errorReason(error);
  }
  const measuredBare = bareSamples.slice(-RUNS);
  figures.push(
    measuredBare.length > 0
      ? measured({ ...bare, note: 'fetch with the install\'s token, body read as text; the sandbox builds the answer once and serves it from memory' }, measuredBare)
      : notAvailable(bare, failure ?? 'no sample'),
  );
  if (!wired) {
    const reason = 'api.send is not wired into createBackend yet';
    return [...figures, notAvailable(node, reason), notAvailable(bridge, reason), notAvailable(processing, reason), notAvailable(last, reason), notAvailable(visible, reason), notAvailable(frame, reason)];
  }
  const measuredPairs = pairs.slice(-RUNS);
  if (measuredPairs.length > 0) {
    figures.push(
      measured({ ...bridge, note: 'performance.now() in the page around window.workbench.invoke("api.send"), which answers once the first screenful is printed, the body still arriving (harness bridge: Playwright binding)' }, measuredPairs.map((p) => p.timing.send)),
      measured({ ...bridgeComplete, note: 'api.send, then api.responseProgress (waitMs) until receiving is false: the body in, printed and indexed, search and folds ready' }, measuredPairs.map((p) => p.timing.complete)),
      measured({ ...processing, note: 'each bridge sample minus the bare fetch made just before it: negative = the first lines were in the page before a bare fetch had the whole body' }, measuredPairs.map((p) => p.timing.send - p.bare)),
      measured(last, measuredPairs.map((p) => p.timing.lastLines)),
    );
  } else {
    const reason = failure ?? 'no bridge sample';
    figures.push(notAvailable(bridge, reason), notAvailable(bridgeComplete, reason), notAvailable(processing, reason), notAvailable(last, reason));
  }

  try {
    let lines = 0;
    const completes: number[] = [];
    const samples = await repeat(RUNS, async () => {
      const start = performance.now();
      const sent = await setup.backend['api.send'](request(setup.installId));
      const ms = performance.now() - start;
      if (sent.status !== 200) throw new Error(`api.send answered ${sent.status}: ${sent.errorMessage ?? sent.hint ?? ''}`);
      // Each sample waits for the previous answer's whole print: the worker is one thread, and a
      // send fired while it still prints the last answer queues behind it (what made this figure
      // slower than the bridge's before the body was streamed: back-to-back sends, no wait).
      let now = sent;
      while (now.receiving) now = await setup.backend['api.responseProgress']({ responseId: sent.responseId, waitMs: 5000 });
      completes.push(performance.now() - start);
      lines = now.totalLines;
      return ms;
    });
    log(`  ${BIG_MB} MB answer: ${lines.toLocaleString('en')} pretty-printed lines`);
    figures.push(
      measured({ ...node, note: `api.send answers once the first screenful is printed (the body still arriving); ${lines.toLocaleString('en')} lines once complete` }, samples),
      measured({ ...nodeComplete, note: `streamed: fetch, re-indent and line index overlap; CPU a one-shot pretty-print takes on this body: ${lastBody ? processingParts(lastBody) : 'n/a'}` }, completes.slice(-RUNS)),
    );
  } catch (error) {
    figures.push(notAvailable(node, errorReason(error)), notAvailable(nodeComplete, errorReason(error)));
  }
  lastBody = null;

  const timings: ConsoleUiTiming[] = [];
  const uiBares: number[] = [];
  try {
    for (let i = 0; i < UI_RUNS; i += 1) {
      // The baseline made right before each UI sample, on the same machine in the same state.
      uiBares.push(await bareFetchMs(setup));
      lastBody = null;
      timings.push(await measureConsoleUi(setup.page, setup.received, BIG_MB));
    }
  } catch (error) {
    if (timings.length === 0) {
      const reason = `API console UI not usable: ${errorReason(error)}; UI part pending`;
      figures.push(notAvailable(visible, reason), notAvailable(clickRatio, reason), notAvailable(clickComplete, reason), notAvailable(frame, reason));
      return figures;
    }
  }
  const baseline = uiBares.length > 0 ? summarize(uiBares).median : (bareMedian() ?? 0);
  log(`  UI: bare fetches ${uiBares.map((ms) => ms.toFixed(0)).join(', ')} ms; click → visible ${timings.map((t) => t.visibleMs.toFixed(0)).join(', ')} ms; click → complete ${timings.map((t) => t.completeMs.toFixed(0)).join(', ')} ms`);
  log(`  scrolling: ${timings.map((t) => `${t.frames} frames, longest ${t.longestFrameMs.toFixed(0)} ms after jump ${t.longestAt}, ${t.slowFrames} over 50 ms`).join('; ')}`);
  const clickMedian = summarize(timings.map((t) => t.visibleMs)).median;
  const visibleMedian = clickMedian - baseline;
  figures.push(
    measured({ ...visible, note: `${visibleMedian < 0 ? 'negative: the first lines were on screen before a bare fetch had the whole body. ' : ''}Send click → first ticket painted (median ${clickMedian.toFixed(0)} ms) minus the median of the bare fetches made right before each UI sample (${baseline.toFixed(0)} ms: ${uiBares.map((ms) => ms.toFixed(0)).join(', ')}); of the click → painted time, the backend answered api.send at ${answeredNote(timings)} after the click` }, timings.map((t) => t.visibleMs - baseline)),
    ratioFigure(clickRatio, { label: 'Send click → first lines painted', ms: clickMedian }, { label: 'bare fetch', ms: baseline }, 'the goal "50 MB answer received → visible ÷ the bare fetch ≤ 1×" read strictly: the whole time from the click to the first screen painted (backend, bridge and UI included) against a bare fetch of the whole body made right before each sample; a difference (visible minus bare fetch) would go negative, so the goal is judged on this ratio'),
    measured({ ...clickComplete, note: 'Send click → the line count without "still receiving…" (the answer printed and indexed in full; polled every 50 ms)' }, timings.map((t) => t.completeMs)),
    measuredOnMax(
      { ...frame, note: `requestAnimationFrame deltas while scrolling the answer to the end in ~300 jumps (per run: ${timings.map((t) => `${t.frames} frames in ${(t.scrollMs / 1000).toFixed(1)} s, longest ${t.longestFrameMs.toFixed(0)} ms after jump ${t.longestAt}, ${t.slowFrames} over 50 ms`).join('; ')}); each run's longest frame, judged on the max` },
      timings.map((t) => t.longestFrameMs),
    ),
  );
  return figures;
}
