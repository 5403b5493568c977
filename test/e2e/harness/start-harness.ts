// The end-to-end harness: the built renderer in real headless Chromium, talking through the REAL
// built preload to a REAL backend in this Node process, on a temp data folder. What Electron does
// between them (IPC, sender checks, event forwarding) is done here by the same generic pieces main
// uses (the dispatcher, the renderer-URL check). See docs/testing.md.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDispatcher } from '../../../electron/backend/dispatch/dispatcher';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import type { Clock, KeyProtector } from '../../../electron/backend/ports';
import type { EventName } from '../../../electron/common/contract';
import { EVENT_CHANNEL } from '../../../electron/common/ipc-channels';
import type { Result } from '../../../electron/common/errors';
import { createRecordingPorts } from '../../fakes/recording-ports';
import { launchBrowser } from './browser';
import { createIpcHandler } from './ipc-handler';
import { EMIT_FUNCTION, INVOKE_BINDING, preloadInitScript, readBuiltPreload } from './preload-shim';
import { startStaticServer } from './static-server';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_DIR = join(repoRoot, 'dist', 'renderer');
export const PRELOAD_FILE = join(repoRoot, 'dist', 'preload', 'preload.cjs');

export interface HarnessOptions {
  /** Reuse a data folder (kept on close); by default a fresh temp folder (removed on close). */
  dataDir?: string;
  keyProtector?: KeyProtector;
  flowTimeoutMs?: number;
  /** The backend's (and so the sandbox's) clock, for tests that move time. */
  clock?: Clock;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** How long Playwright actions and waits may take before failing (default 10 s). */
  actionTimeoutMs?: number;
  /** Defaults to the file's shared browser (launchBrowser()). */
  browser?: Browser;
}

export interface ReceivedItem {
  kind: 'result' | 'event';
  method?: string;
  event?: string;
  data: unknown;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** The backend currently serving the page (a new object after restartBackend()). */
  readonly backend: Backend;
  dataDir: string;
  /** Where dist/renderer is served, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** The page the harness opens: `${baseUrl}/index.html`. */
  rendererUrl: string;
  /** EVERYTHING the page got over the bridge (Results and events), for secret-leak assertions. */
  received: ReceivedItem[];
  receivedText(): string;
  /** What the backend sent to the "system browser". */
  openedUrls: string[];
  /** What main copied to the clipboard. */
  clipboard: string[];
  /** Uncaught exceptions in the renderer page (a UI test may assert it stays empty). */
  pageErrors: string[];
  /** console.error output and failed resource loads of the renderer page. */
  consoleErrors: string[];
  /** A second page in a separate context (no bridge), at `url` or the last opened URL: the user's browser. */
  systemBrowser(url?: string): Promise<Page>;
  /** Closes the backend, creates a new one on the same data folder, reloads the page. */
  restartBackend(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    return await build(options, cleanups, cleanup);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function build(options: HarnessOptions, cleanups: Array<() => Promise<unknown>>, cleanup: () => Promise<void>): Promise<Harness> {
  const preloadSource = await readBuiltPreload(PRELOAD_FILE);

  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'workbench-e2e-')));
  if (ownsDataDir) cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

  const recording = createRecordingPorts(options.keyProtector ? { keyProtector: options.keyProtector } : {});
  const received: ReceivedItem[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  const server = await startStaticServer(RENDERER_DIR);
  cleanups.push(() => server.close());
  const rendererUrl = `${server.baseUrl}/index.html`;

  const browser = options.browser ?? (await launchBrowser());
  const context = await browser.newContext({
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    // Nothing may sit between the page and the served files (the app has no service worker either).
    serviceWorkers: 'block',
  });
  cleanups.push(() => context.close());
  // Shorter than vitest's test timeout, so a missing element fails with Playwright's message naming
  // the locator instead of a bare "test timed out".
  context.setDefaultTimeout(options.actionTimeoutMs ?? 10_000);
  const systemContexts: BrowserContext[] = [];
  cleanups.push(async () => Promise.all(systemContexts.splice(0).map((extra) => extra.close())));

  // The backend, swappable by restartBackend(); calls wait while it is being replaced.
  let backend: Backend | null = null;
  let ready: Promise<Backend> = Promise.reject(new Error('backend not started'));
  ready.catch(() => undefined);
  let stopForwarding: () => void = () => undefined;
  let page: Page | null = null;

  const pushEvent = (event: EventName, payload: unknown) => {
    received.push({ kind: 'event', event, data: payload });
    const target = page;
    if (!target || target.isClosed()) return;
    target
      .evaluate(
        ([name, channel, message]) => {
          const emit = (globalThis as unknown as Record<string, unknown>)[name];
          if (typeof emit === 'function') emit(channel, message);
        },
        [EMIT_FUNCTION, EVENT_CHANNEL, { event, payload }] as const,
      )
      // The page may be reloading or gone; like Electron, a message to a dead frame is dropped.
      .catch(() => undefined);
  };

  const startBackend = async () => {
    const created = await createBackend({
      dataDir,
      ports: options.clock ? { ...recording.ports, clock: options.clock } : recording.ports,
      sandboxPort: 0,
      ...(options.flowTimeoutMs !== undefined ? { flowTimeoutMs: options.flowTimeoutMs } : {}),
    });
    backend = created;
    stopForwarding = created.subscribe(pushEvent);
    return created;
  };
  const stopBackend = async () => {
    const current = backend;
    backend = null;
    stopForwarding();
    stopForwarding = () => undefined;
    if (current) await current.close();
  };
  ready = startBackend();
  await ready;
  cleanups.push(stopBackend);

  const handle = createIpcHandler({
    rendererUrl,
    // INTERNAL failures are printed, as main logs them, so a failing test shows the cause.
    dispatch: async (method, input) => createDispatcher(await ready, { error: (message, error) => console.error(`[e2e harness] ${message}`, error) })(method, input),
    record: (method, result: Result<unknown>) => received.push({ kind: 'result', method, data: result }),
  });
  // Registered before the preload's init script so the binding exists when the preload runs.
  // Answers cross as one JSON string, parsed by the shim: Playwright carries a string in one piece,
  // where a large object (1,000 installs) would be serialised value by value over CDP, a cost
  // Electron's IPC does not have.
  await context.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, ...args: unknown[]) =>
    JSON.stringify(
      await handle(
        {
          fromOurPage: page !== null && source.page === page,
          isMainFrame: page !== null && source.frame === page.mainFrame(),
          url: source.frame.url(),
          mainFrameUrl: page?.mainFrame().url() ?? '',
        },
        channel,
        ...args,
      ),
    ),
  );
  await context.addInitScript({ content: preloadInitScript(preloadSource) });

  page = await context.newPage();
  const mainPage = page;
  mainPage.on('pageerror', (error) => pageErrors.push(error.message));
  mainPage.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await mainPage.goto(rendererUrl, { waitUntil: 'load' });

  return {
    page: mainPage,
    context,
    browser,
    get backend() {
      if (!backend) throw new Error('The backend is restarting.');
      return backend;
    },
    dataDir,
    baseUrl: server.baseUrl,
    rendererUrl,
    received,
    receivedText: () => JSON.stringify(received),
    openedUrls: recording.openedUrls,
    clipboard: recording.clipboard,
    pageErrors,
    consoleErrors,
    async systemBrowser(url) {
      const target = url ?? recording.openedUrls.at(-1);
      if (!target) throw new Error('The backend has not opened any URL in the system browser yet.');
      const userContext = await browser.newContext();
      systemContexts.push(userContext);
      const userPage = await userContext.newPage();
      await userPage.goto(target);
      return userPage;
    },
    async restartBackend() {
      let release: (value: Backend) => void = () => undefined;
      let fail: (error: unknown) => void = () => undefined;
      // Calls made during the restart wait for the new backend instead of reaching the closed one.
      ready = new Promise<Backend>((resolve, reject) => {
        release = resolve;
        fail = reject;
      });
      ready.catch(() => undefined);
      await stopBackend();
      try {
        release(await startBackend());
      } catch (error) {
        fail(error);
        throw error;
      }
      await mainPage.reload({ waitUntil: 'load' });
    },
    async close() {
      // The page first, so no call reaches a backend that is shutting down.
      await context.close().catch(() => undefined);
      await cleanup();
    },
  };
}
