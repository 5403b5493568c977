// The browser door's first render: the BUILT CLI's `serve` as a child process on a 1,000-install
// passphrase vault, the built renderer in headless Chromium over HTTP. Each sample is a reload:
// navigation start → the frame after the installs grid is in the DOM (the same probe and condition as
// the window's first render, test/bench/ui/first-render.ts). The baseline, measured alternately in the
// same run with the same Chromium: a static HTML page of the same grid (the served page's own DOM once
// rendered, its stylesheets inlined, no script), served from 127.0.0.1. Goal (issues 11 and 13): the
// ratio ≤ 1.5×, like the window's. The first painted grid is the first paint's inert copy
// (renderer/src/first-paint) when it draws; navigation start → React's grid (interactive) is reported
// beside it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { withVault } from '../cli/vault-setup';
import { closeSharedBrowser, launchBrowser } from '../e2e/harness';
import { addBigVault, generateBigVault } from './generators/big-vault';
import type { BenchModule } from './lib/bench-module';
import { errorReason, measured, notAvailable, type Figure } from './lib/figures';
import { loadAverage } from './lib/machine';
import { summarize } from './lib/stats';
import { FIRST_PAINT_NOTE, INTERACTIVE_SCREEN, MAIN_SCREEN, waitForFirstRender } from './ui/first-render';
import { firstDataProbe } from './ui/page-probes';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(repoRoot, 'dist', 'cli', 'cli.js');
const ASSETS = join(repoRoot, 'dist', 'renderer', 'assets');
const PASSPHRASE = 'serve bench passphrase';
// 15 reloads each side: the per-reload spread (page and static alike) is wide on a 2-core machine, and 7 left the medians ±10% apart between quiet runs.
const RUNS = 15;
const TIMEOUT = 30_000;
const GROUP = 'serve';
const RATIO = { group: GROUP, name: 'first render through serve (1,000 installs) ÷ the same grid as static HTML (medians)', unit: '×' as const, goal: '≤ 1.5×', max: 1.5 };

// tsx (esbuild keepNames) wraps named functions in __name(); page functions need it defined too.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

function startServe(dataDir: string): Promise<{ child: ChildProcess; link: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--no-open'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, WORKBENCH_DATA_DIR: dataDir, WORKBENCH_PASSPHRASE: PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, link: out.trim() });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err.trim().split('\n').at(-1) ?? ''}`)));
  });
}

async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/** The page as painted, frozen: its DOM with the stylesheets inlined and every script and CSP removed. */
async function staticCopy(page: Page): Promise<string> {
  const css = (await Promise.all((await readdir(ASSETS)).filter((file) => file.endsWith('.css')).map((file) => readFile(join(ASSETS, file), 'utf8')))).join('\n');
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.querySelectorAll('script, link, meta[http-equiv]').forEach((node) => node.remove());
    return `<!doctype html>\n${root.outerHTML}`;
  });
  return html.replace('</head>', `<style>${css}</style></head>`);
}

function serveStatic(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

/** One reload: when the grid was first painted and when React's was (the static page has no inert copy: the same time). */
async function firstRender(page: Page): Promise<{ painted: number; interactive: number }> {
  await page.reload({ waitUntil: 'load' });
  return waitForFirstRender(page, TIMEOUT);
}

export async function benchServe(log: (line: string) => void): Promise<Figure[]> {
  if (!existsSync(CLI)) return [notAvailable(RATIO, 'dist/cli/cli.js missing: npm run build')];
  const dataDir = await mkdtemp(join(tmpdir(), 'workbench-bench-serve-'));
  let serve: { child: ChildProcess; link: string } | null = null;
  let baseline: { server: Server; url: string } | null = null;
  const loadAtStart = loadAverage();
  try {
    // The big vault's apps, accounts and installs (the grid's data), under a passphrase the CLI can use.
    await withVault(dataDir, PASSPHRASE, (backend) => backend.vault.update((draft) => addBigVault(draft, generateBigVault())));
    serve = await startServe(dataDir);
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    try {
      await context.addInitScript(NAME_SHIM);
      const served = await context.newPage();
      await served.addInitScript(firstDataProbe, MAIN_SCREEN);
      await served.addInitScript(firstDataProbe, INTERACTIVE_SCREEN);
      await served.goto(serve.link, { waitUntil: 'load' });
      // React's grid, not the first paint's copy, is frozen as the baseline.
      await waitForFirstRender(served, TIMEOUT);
      baseline = await serveStatic(await staticCopy(served));
      const plain = await context.newPage();
      await plain.addInitScript(firstDataProbe, MAIN_SCREEN);
      await plain.addInitScript(firstDataProbe, INTERACTIVE_SCREEN);
      await plain.goto(baseline.url, { waitUntil: 'load' });
      // One warm-up each, then alternately, so both see the same machine.
      await firstRender(served);
      await firstRender(plain);
      const serveTimes: number[] = [];
      const interactiveTimes: number[] = [];
      const staticTimes: number[] = [];
      const ratios: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const through = await firstRender(served);
        const still = (await firstRender(plain)).painted;
        serveTimes.push(through.painted);
        interactiveTimes.push(through.interactive);
        staticTimes.push(still);
        ratios.push(through.painted / still);
      }
      const median = (values: number[]) => summarize(values).median.toFixed(0);
      log(`  serve: first render ${median(serveTimes)} ms (interactive ${median(interactiveTimes)} ms), static grid ${median(staticTimes)} ms (medians; load ${loadAtStart} → ${loadAverage()})`);
      return [
        // The ratio of the medians, like every other goal row (the UI's first render included); the
        // per-pair ratios, noisier because one slow static load skews its pair, are in the note.
        measured({ ...RATIO, note: `${median(serveTimes)} ms ÷ ${median(staticTimes)} ms (medians); per-pair ratios ${summarize(ratios).min.toFixed(2)}–${summarize(ratios).max.toFixed(2)}, median ${summarize(ratios).median.toFixed(2)}×; reload in headless Chromium; ${FIRST_PAINT_NOTE}; static = that DOM frozen, CSS inlined, no script; load average ${loadAtStart} → ${loadAverage()}` }, summarize(serveTimes).median / summarize(staticTimes).median),
        measured({ group: GROUP, name: 'first render through serve (wall)', unit: 'ms' }, serveTimes),
        measured({ group: GROUP, name: 'first render through serve: navigation start → grid interactive (React mounted)', unit: 'ms', note: 'the same reloads: the frame after React\'s grid (no [inert] around it) is in the DOM' }, interactiveTimes),
        measured({ group: GROUP, name: 'the same grid as static HTML (wall)', unit: 'ms' }, staticTimes),
      ];
    } finally {
      await context.close();
      await closeSharedBrowser();
    }
  } catch (error) {
    return [notAvailable(RATIO, errorReason(error))];
  } finally {
    if (serve) await stopServe(serve.child);
    if (baseline) await new Promise((resolve) => baseline!.server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const bench: BenchModule = { name: 'serve (the browser door: first render of the 1,000-install grid)', order: 70, run: (context) => benchServe(context.log) };

// Alone: `npx tsx test/bench/serve.bench.ts` prints the figures (after `npx vite build`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchServe((line) => process.stdout.write(`${line}\n`)).then((figures) => {
    for (const figure of figures) process.stdout.write(`${figure.name}: median ${figure.summary?.median.toFixed(2) ?? figure.text} ${figure.unit} (${figure.verdict})\n`);
  });
}
