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

/**
 * One build for the whole run, shared by the projects that name this setup (integration and
 * browser): kept on `globalThis` because each project may load this module on its own.
 */
const shared = globalThis as typeof globalThis & {
  faqWebBuild?: { dir: Promise<string>; users: number };
};

/** Builds the web assets once for the whole run instead of once per test file. */
export default async function setup(project: TestProject) {
  shared.faqWebBuild ??= {
    dir: (async () => {
      const dir = `${await mkdtemp(path.join(tmpdir(), 'faq-web-'))}/`;
      try {
        await buildWeb(dir);
      } catch (error) {
        // A failed build returns no teardown: the folder goes here or never.
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      return dir;
    })(),
    users: 0,
  };
  const build = shared.faqWebBuild;
  build.users += 1;
  const webOutDir = await build.dir;
  project.provide('webOutDir', webOutDir);
  return async () => {
    build.users -= 1;
    if (build.users > 0) return;
    shared.faqWebBuild = undefined;
    await rm(webOutDir, { recursive: true, force: true });
  };
}
