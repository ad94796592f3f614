import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWeb } from '../../web/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web assets, built once per test run (every local stack in the run serves them). */
    webOutDir: string;
  }
}

/** Builds the web assets once for the whole run instead of once per test file. */
export default async function setup(project: TestProject) {
  const webOutDir = `${await mkdtemp(path.join(tmpdir(), 'faq-web-'))}/`;
  await buildWeb(webOutDir);
  project.provide('webOutDir', webOutDir);
  return async () => {
    await rm(webOutDir, { recursive: true, force: true });
  };
}
