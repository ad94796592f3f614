import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** `npm run test:fidelity`: the integration suite again, against DynamoDB Local instead of dynalite. */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['tests/integration/**/*.test.ts'],
      globalSetup: ['tests/support/dynamodb-local.ts'],
    },
  }),
);
