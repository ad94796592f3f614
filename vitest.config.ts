import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    // Three files at a time on two cores: a browser file waits on Chromium and its local stack
    // about half of its time, so with two workers the cores idled (1.3 of 2 busy on average).
    maxWorkers: 3,
    // Web assets are built once per run; local stacks in every test file serve that build.
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/quiet-bundling.ts'],
    env: {
      // Quiet by default: tests that read logs switch them on (tests/support/logs.ts).
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      // The SDK's notice about Node 20 says nothing about the code under test.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    coverage: {
      provider: 'v8',
      include: ['functions/lib/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { 'functions/lib/**/*.ts': { lines: 90 } },
    },
  },
});
