// Figures 4–7: the built renderer in headless Chromium through the e2e harness, with the real
// backend on the big vault written by vault.bench.ts (1,000 installs, 10,000 activity entries).
// Order: a few real flows on the big vault (they also give the sandbox install the big response
// needs), first render, switch install, heap, big response, heap again. Each part fails alone.
import { closeSharedBrowser, startHarness, type Harness } from '../e2e/harness';
import { errorReason, measured, notAvailable, type Figure } from './lib/figures';
import { demoPair, recordFlowSteps, sandboxFlow } from './lib/flow-steps';
import { summarize } from './lib/stats';
import { benchBigResponse, BIG_MB } from './ui/big-response';
import { rendererHeapMb } from './ui/cdp-memory';
import { benchBridgeCost, benchFirstRender, benchGridRender } from './ui/first-render';
import { benchSwitchInstall } from './ui/switch-install';
import type { BenchModule } from './lib/bench-module';

const FLOWS = 5;
// tsx (esbuild keepNames) wraps named functions in __name(); page functions need it defined too.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

async function flowsOnBigVault(harness: Harness): Promise<{ figures: Figure[]; installId: string | null; subdomain: string }> {
  const input = { group: 'flow', name: 'callback received → install stored, on the 1,000-install vault', unit: 'ms' as const };
  try {
    const backend = harness.backend;
    const recorder = recordFlowSteps(backend);
    const pair = await demoPair(backend);
    const runs = [];
    for (let i = 0; i < FLOWS + 1; i += 1) runs.push(await sandboxFlow(backend, recorder, pair.appId, pair.accountId));
    const measuredRuns = runs.slice(1);
    const store = summarize(measuredRuns.map((run) => run.checksAndStore)).median;
    const write = summarize(measuredRuns.map((run) => run.vaultWrite)).median;
    return {
      figures: [measured({ ...input, note: `same flow as above with the big vault open: verifying→stored median ${store.toFixed(1)} ms, of which the vault write (putInstall) ${write.toFixed(1)} ms` }, measuredRuns.map((run) => run.total))],
      installId: runs.at(-1)?.installId ?? null,
      subdomain: pair.subdomain,
    };
  } catch (error) {
    return { figures: [notAvailable(input, errorReason(error))], installId: null, subdomain: 'sandbox' };
  }
}

async function heap(harness: Harness, name: string): Promise<Figure> {
  const input = { group: 'memory', name, unit: 'MB' as const };
  try {
    return measured({ ...input, note: 'CDP Performance.getMetrics JSHeapUsedSize after HeapProfiler.collectGarbage' }, await rendererHeapMb(harness.context, harness.page));
  } catch (error) {
    return notAvailable(input, errorReason(error));
  }
}

function mainHeap(name: string): Figure {
  const usage = process.memoryUsage();
  return measured(
    { group: 'memory', name, unit: 'MB', note: `bench process (backend + Playwright + sandbox in one Node): rss ${(usage.rss / 1024 / 1024).toFixed(0)} MB, external ${(usage.external / 1024 / 1024).toFixed(0)} MB, array buffers ${(usage.arrayBuffers / 1024 / 1024).toFixed(0)} MB` },
    usage.heapUsed / 1024 / 1024,
  );
}

export async function benchUi(dataDir: string, log: (line: string) => void): Promise<{ figures: Figure[]; browserVersion: string | null }> {
  let harness: Harness;
  try {
    harness = await startHarness({ dataDir, viewport: { width: 1280, height: 800 } });
  } catch (error) {
    console.error(error);
    const reason = `the e2e harness did not start: ${errorReason(error)}`;
    const names: Array<[string, string, Figure['unit']]> = [
      ['UI', 'first render', 'ms'],
      ['UI', 'switch install', 'ms'],
      ['big response', `${BIG_MB} MB response`, 'ms'],
      ['memory', 'renderer JS heap', 'MB'],
    ];
    await closeSharedBrowser().catch(() => undefined);
    return { figures: names.map(([group, name, unit]) => notAvailable({ group, name, unit }, reason)), browserVersion: null };
  }
  const figures: Figure[] = [];
  const browserVersion = harness.browser.version();
  try {
    await harness.context.addInitScript({ content: NAME_SHIM });
    const flows = await flowsOnBigVault(harness);
    figures.push(...flows.figures);
    figures.push(...(await benchFirstRender(harness.page, harness.received)));
    figures.push(...(await benchGridRender(harness.page)));
    figures.push(...(await benchBridgeCost(harness.page, harness.backend)));
    figures.push(...(await benchSwitchInstall(harness.page)));
    figures.push(await heap(harness, 'renderer JS heap after the 1,000-install vault'));
    if (flows.installId) {
      figures.push(...(await benchBigResponse({ backend: harness.backend, page: harness.page, received: harness.received, installId: flows.installId, subdomain: flows.subdomain }, log)));
    } else {
      figures.push(notAvailable({ group: 'big response', name: `${BIG_MB} MB response`, unit: 'ms' }, 'no sandbox install (the flow failed)'));
    }
    figures.push(await heap(harness, `renderer JS heap after the ${BIG_MB} MB response`));
    figures.push(mainHeap(`bench process (Node) heap after the ${BIG_MB} MB response`));
    if (harness.pageErrors.length > 0) log(`  page errors: ${harness.pageErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await harness.close().catch(() => undefined);
    await closeSharedBrowser().catch(() => undefined);
  }
  return { figures, browserVersion };
}

export const bench: BenchModule = {
  name: 'UI in headless Chromium (first render, switch, big response, memory)',
  order: 40,
  async run(context) {
    const ui = await benchUi(context.dataDir, context.log);
    if (ui.browserVersion) context.setMachine('chromium', ui.browserVersion);
    return ui.figures;
  },
};
