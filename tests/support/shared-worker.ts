// Setup of the projects whose files share a worker process (`isolate: false` in vitest.config.ts).
// Sharing keeps what is expensive to load and holds no state of this project: node_modules (the
// SDK, aws-cdk-lib, dynalite), loaded once per worker by Node itself. Everything that can hold
// state of a test file is given back fresh before the next file, as a process of its own would:
// - this repository's modules (the document client, settings and knowledge caches, the loaded
//   handlers) are evaluated again: vitest's module registry is reset after each file;
// - process.env is restored (the local stack points the handlers at its database through it).
// Spies are restored by vitest itself after each file; module mocks are not, so files that
// mock modules run in an isolated project.
import { afterAll, vi } from 'vitest';

const environment = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
  vi.resetModules();
});
