import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:fidelity`: the integration suite again, against DynamoDB Local instead of dynalite.
 * Spelled out rather than merged: `mergeConfig` concatenates arrays, which would run every tier.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: [...(base.test?.globalSetup ?? []), 'tests/support/dynamodb-local.ts'],
    coverage: { enabled: false },
  },
});
