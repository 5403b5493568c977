// One harness for a whole test file: started before its tests, closed after them together with the
// file's shared Chromium. Tests read the live harness through the setter's variable.
import { afterAll, beforeAll } from 'vitest';
import { closeSharedBrowser } from './browser';
import { startHarness, type Harness, type HarnessOptions } from './start-harness';

export function harnessForFile(options: HarnessOptions, onStarted: (harness: Harness) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
    onStarted(harness);
  });
  afterAll(async () => {
    await harness?.close();
    await closeSharedBrowser();
  });
}
