import { defineConfig } from 'vitest/config';

/** Test files that mock modules (`vi.mock`): a shared worker would keep their mocks for the next file. */
const mocking = ['tests/unit/locales.test.ts'];

/**
 * Tiers whose files share a worker (`isolate: false`): a fresh process per file imported the
 * SDK, aws-cdk-lib and the local stack again every time (most of an integration file's time).
 * `tests/support/shared-worker.ts` gives every file its own copy of this project's modules and
 * environment all the same, so no state leaks from one file into the next.
 */
const shared = {
  isolate: false,
  setupFiles: ['tests/support/shared-worker.ts', 'tests/support/quiet-bundling.ts'],
};

/**
 * `npm test`: unit, CDK and integration tiers with coverage. The browser tier has its own config
 * (`vitest.browser.config.ts`, `npm run test:browser`): its Chromium alone spends about 230
 * CPU-seconds, more than two cores can give in the 3 minutes `npm test` may take (docs/testing.md).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    // Three files at a time on two cores: an integration file waits on its local stack's I/O
    // part of the time. Two workers were slower (vitest with coverage: 150 against 145 s, 1 Dec
    // 2026); the browser tier, which once ran here too, has its own config.
    maxWorkers: 3,
    env: {
      // Quiet by default: tests that read logs switch them on (tests/support/logs.ts).
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      // The SDK's notice about Node 20 says nothing about the code under test.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The X-Ray SDK (loaded by every handler that imports observability/tracer.ts) installs an
      // async hook with destroy tracking on load, unless in manual mode: every promise of the
      // worker, the database's and the SDK's included, then paid for it, about 7 % of an
      // integration file's CPU. Outside Lambda Powertools switches tracing off, so the hook
      // carried no context here. Child processes (`npm start` in local-start.test.ts) inherit it.
      AWS_XRAY_MANUAL_MODE: 'true',
    },
    coverage: {
      provider: 'v8',
      include: ['functions/lib/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { 'functions/lib/**/*.ts': { lines: 90 } },
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: mocking, ...shared },
      },
      {
        extends: true,
        test: { name: 'cdk', include: ['tests/cdk/**/*.test.ts'], ...shared },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // Web assets are built once per run; local stacks in every test file serve that build.
          globalSetup: ['tests/support/global-setup.ts'],
          ...shared,
        },
      },
      {
        // A fresh process per file: a module mock must not reach the next file.
        extends: true,
        test: { name: 'unit-mocks', include: mocking, setupFiles: ['tests/support/quiet-bundling.ts'] },
      },
    ],
  },
});
