// The e2e harness's public surface (see docs/testing.md).
export { startHarness, RENDERER_DIR, PRELOAD_FILE, type Harness, type HarnessOptions, type ReceivedItem } from './start-harness';
export { launchBrowser, closeSharedBrowser, CHROMIUM_PATH, CHROMIUM_ARGS } from './browser';
export { harnessForFile } from './harness-for-file';
