import { defineConfig } from 'vitest/config';

// Tests run in Node only: the backend for real, the renderer through headless Chromium (test/e2e).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/no-network.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e suites each start a Chromium; two cores here, so keep the fan-out modest.
    maxWorkers: 2,
  },
});
