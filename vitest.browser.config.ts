import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const { projects: _projects, coverage: _coverage, ...shared } = base.test ?? {};

/**
 * `npm run test:browser`: the browser tier (every page and state at desktop and phone size, with
 * axe), on its own because its Chromium spends about 230 CPU-seconds, which does not fit the
 * 3 minutes `npm test` may take on two cores. `.ci/run` runs it after `npm test`.
 *
 * A fresh process per file (a local stack per file); one Chromium for the whole run, which each
 * file connects to (tests/support/browser-server.ts).
 */
export default defineConfig({
  test: {
    ...shared,
    name: 'browser',
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts', 'tests/support/browser-server.ts'],
    setupFiles: ['tests/support/quiet-bundling.ts'],
  },
});
