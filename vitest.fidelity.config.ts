import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const { projects, ...shared } = base.test ?? {};
const integration = projects?.find(
  (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'integration',
);
const integrationTest =
  integration && typeof integration === 'object' && 'test' in integration ? integration.test : {};

/**
 * `npm run test:fidelity`: the integration suite again, against DynamoDB Local instead of dynalite.
 * Spelled out rather than merged: `mergeConfig` concatenates arrays, which would run every tier.
 * The integration project's settings (shared worker, its setup files) without the other projects.
 */
export default defineConfig({
  test: {
    ...shared,
    ...integrationTest,
    name: 'fidelity',
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: [...(integrationTest?.globalSetup ?? []), 'tests/support/dynamodb-local.ts'],
    coverage: { enabled: false },
  },
});
