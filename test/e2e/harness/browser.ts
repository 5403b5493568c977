// One headless Debian Chromium per test file (vitest runs each file in its own process), shared by
// every harness in that file: launching costs far more than a fresh context, and CI has two cores.
// Never downloads a browser: playwright-core drives /usr/bin/chromium (docs/stack.md, trap 8).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let shared: Promise<Browser> | null = null;

/** The file's shared browser, launched on first use (each context gets a fresh profile). */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    return Promise.reject(new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package (apt-get install -y chromium) or set WORKBENCH_CHROMIUM.`));
  }
  shared ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }).catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

/** Closes the shared browser; call it in afterAll of a file that used startHarness. */
export async function closeSharedBrowser(): Promise<void> {
  const pending = shared;
  shared = null;
  if (pending) await (await pending).close();
}
