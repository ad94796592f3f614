import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new empty folder in the system's temp folder (`<prefix>XXXXXX`), removed when the current
 * test finishes, passed or failed: every `npm test` once left hundreds of them in /tmp. Inside a
 * test only (vitest refuses `onTestFinished` in hooks): a folder made in `beforeAll` or
 * `beforeEach` is made with `mkdtemp` and given to `removeTempDir` in `afterAll` or `afterEach`.
 */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => removeTempDir(dir));
  return dir;
}

/** Removes a temporary folder and all it holds; nothing when it is gone already or was never made. */
export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
