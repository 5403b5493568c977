// The e2e harness's public surface (see docs/testing.md).
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/common/contract';
import type { Result } from '../../../electron/common/errors';
export { startHarness, RENDERER_DIR, PRELOAD_FILE, type Harness, type HarnessOptions, type ReceivedItem } from './start-harness';
export { launchBrowser, closeSharedBrowser, CHROMIUM_PATH, CHROMIUM_ARGS } from './browser';
export { harnessForFile } from './harness-for-file';

/** `window.workbench` as a test in the page sees it: the bridge's invoke, typed by the contract. */
export interface PageBridge {
  invoke<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  invoke(method: unknown, input?: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
