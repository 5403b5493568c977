// Figure 6: a 50 MB JSON answer from the sandbox's GET /api/sandbox/large?size_mb=50 (deterministic,
// seeded: electron/backend/sandbox/large-response.ts). "Response received" is the baseline: a bare
// fetch of the same URL with the same token, body read to the end. Then the backend's api.send
// (fetch + pretty-print + line index) in Node, api.send through the bridge into the page, the last
// lines through api.responseLines, and — when the API console UI exists — visible on screen and the
// longest frame while scrolling to the end.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { Backend } from '../../../electron/backend/create-backend';
import type { ReceivedItem } from '../../e2e/harness';
import { reindentJson } from '../../../electron/backend/tools/api-console/json-reindent';
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
});

let lastBody = '';

/** One timing of each CPU step the worker takes on this body (off main), to say where its time goes. */
function processingParts(raw: string): string {
  const time = (work: () => unknown) => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const bytes = Buffer.from(raw, 'utf8');
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
async function mainHeapGrowth(setup: BigResponseSetup, input: FigureInput): Promise<Figure> {
  const before = mainHeapBytes();
  const sent = await setup.backend['api.send'](request(setup.installId));
  const after = mainHeapBytes();
  const grown = after.heap + after.buffers - (before.heap + before.buffers);
  const note = `growth ${(grown / 1e6).toFixed(0)} MB (JS heap ${((after.heap - before.heap) / 1e6).toFixed(0)} MB, array buffers ${((after.buffers - before.buffers) / 1e6).toFixed(0)} MB) ÷ body ${(sent.sizeBytes / 1e6).toFixed(0)} MB, after full collections, with the answer kept (${sent.totalLines.toLocaleString('en')} lines); response ${sent.responseId}`;
  return measured({ ...input, note }, grown / sent.sizeBytes);
}

async function bareFetchMs(setup: BigResponseSetup): Promise<number> {
  const info = await setup.backend['system.info'](undefined);
  const install = setup.backend.vault.data().installs.find((candidate) => candidate.id === setup.installId);
  if (!info.sandboxBaseUrl || !install) throw new Error('no running sandbox or no sandbox install');
  const start = performance.now();
  const response = await fetch(`${info.sandboxBaseUrl}/${setup.subdomain}/api/sandbox/large?size_mb=${BIG_MB}`, { headers: { authorization: `Bearer ${install.accessToken}` } });
  const body = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200 || body.length < BIG_MB * 1024 * 1024 * 0.9) throw new Error(`the sandbox answered ${response.status} with ${body.length} characters`);
  lastBody = body;
  return ms;
}

interface BridgeTiming {
  send: number;
  lastLines: number;
  totalLines: number;
  error: string | null;
}

/** In the page: api.send through window.workbench, then the last 200 lines, as a virtual list would ask. */
function sendThroughBridge(input: ApiSendInput): Promise<BridgeTiming> {
  type Answer = { ok: boolean; value?: { responseId: string; totalLines: number; lines?: string[] }; error?: { message: string } };
  const { workbench } = window as unknown as { workbench: { invoke(method: string, input: unknown): Promise<Answer> } };
  const api = { send: (i: unknown) => workbench.invoke('api.send', i), responseLines: (i: unknown) => workbench.invoke('api.responseLines', i) };
  const start = performance.now();
  return api.send(input).then(async (sent) => {
    const send = performance.now() - start;
    if (!sent.ok || !sent.value) return { send, lastLines: 0, totalLines: 0, error: sent.error?.message ?? 'api.send failed' };
    const total = sent.value.totalLines;
    const before = performance.now();
    const lines = await api.responseLines({ responseId: sent.value.responseId, start: Math.max(0, total - 200), count: 200 });
    return { send, lastLines: performance.now() - before, totalLines: total, error: lines.ok ? null : 'api.responseLines failed' };
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
  const bridge = { group, name: 'api.send through the bridge → first lines in the page', unit: 'ms' as const };
  const processing = { group, name: 'response received → first lines in the page (bridge − bare fetch)', unit: 'ms' as const };
  const last = { group, name: 'api.responseLines: last 200 lines into the page, right after the send', unit: 'ms' as const };
  const visible = { group, name: 'response received → visible in the console (UI)', unit: 'ms' as const };
  const visibleRatio = { group, name: 'received → visible ÷ the bare fetch (medians)', unit: '×' as const, goal: '≤ 1×', max: 1 };
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
      lastBody = '';
      figures.push(await mainHeapGrowth(setup, heapRatio));
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
      measured({ ...bridge, note: 'performance.now() in the page around window.workbench.invoke("api.send") (harness bridge: Playwright binding)' }, measuredPairs.map((p) => p.timing.send)),
      measured({ ...processing, note: 'each bridge sample minus the bare fetch made just before it: what the workbench adds once the bytes are in' }, measuredPairs.map((p) => p.timing.send - p.bare)),
      measured(last, measuredPairs.map((p) => p.timing.lastLines)),
    );
  } else {
    const reason = failure ?? 'no bridge sample';
    figures.push(notAvailable(bridge, reason), notAvailable(processing, reason), notAvailable(last, reason));
  }

  try {
    let lines = 0;
    const samples = await repeat(RUNS, async () => {
      const start = performance.now();
      const sent = await setup.backend['api.send'](request(setup.installId));
      const ms = performance.now() - start;
      if (sent.status !== 200) throw new Error(`api.send answered ${sent.status}: ${sent.errorMessage ?? sent.hint ?? ''}`);
      lines = sent.totalLines;
      return ms;
    });
    log(`  ${BIG_MB} MB answer: ${lines.toLocaleString('en')} pretty-printed lines`);
    figures.push(measured({ ...node, note: `${lines.toLocaleString('en')} lines once pretty-printed; CPU steps a full pretty-print takes on this body: ${lastBody ? processingParts(lastBody) : 'n/a'}` }, samples));
  } catch (error) {
    figures.push(notAvailable(node, errorReason(error)));
  }
  lastBody = '';

  const timings: ConsoleUiTiming[] = [];
  try {
    for (let i = 0; i < UI_RUNS; i += 1) timings.push(await measureConsoleUi(setup.page, setup.received, BIG_MB));
  } catch (error) {
    if (timings.length === 0) {
      const reason = `API console UI not usable: ${errorReason(error)}; UI part pending`;
      figures.push(notAvailable(visible, reason), notAvailable(visibleRatio, reason), notAvailable(frame, reason));
      return figures;
    }
  }
  const baseline = bareMedian() ?? 0;
  const visibleMedian = summarize(timings.map((t) => t.visibleMs - baseline)).median;
  figures.push(
    ratioFigure(visibleRatio, { label: 'received → visible', ms: visibleMedian }, { label: 'bare fetch', ms: baseline }),
    measured({ ...visible, note: `Send click → first ticket painted (median ${summarize(timings.map((t) => t.visibleMs)).median.toFixed(0)} ms) minus the bare fetch's median (${baseline.toFixed(0)} ms); of the click → painted time, the backend answered api.send at ${answeredNote(timings)} after the click` }, timings.map((t) => t.visibleMs - baseline)),
    measuredOnMax(
      { ...frame, note: `requestAnimationFrame deltas while scrolling the answer to the end in ~300 jumps (per run: ${timings.map((t) => `${t.frames} frames in ${(t.scrollMs / 1000).toFixed(1)} s, longest ${t.longestFrameMs.toFixed(0)} ms after jump ${t.longestAt}, ${t.slowFrames} over 50 ms`).join('; ')}); each run's longest frame, judged on the max` },
      timings.map((t) => t.longestFrameMs),
    ),
  );
  return figures;
}
