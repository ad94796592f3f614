import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { esmRequireBanner } from '../../cdk/constructs/app-function.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);

/** `node --check` on a module that starts with the banner, as esbuild emits it. */
async function parses(body: string): Promise<string> {
  const file = path.join(await tempDir('banner-'), 'index.mjs');
  await writeFile(file, `${esmRequireBanner}\n${body}\n`);
  return run(process.execPath, ['--check', file]).then(
    () => 'ok',
    (error: { stderr?: string }) => error.stderr ?? 'failed',
  );
}

describe('the ESM require banner of every Lambda bundle', () => {
  // Regression: the banner declared `createRequire`, and a module's own top-level
  // `import { createRequire } from 'node:module'` (adapters/secrets.ts) made every bundle that
  // contained it a SyntaxError at load, on AWS only (the local server does not bundle).
  it('loads beside a bundled module that imports createRequire itself', async () => {
    expect(
      await parses("import { createRequire } from 'node:module';\nconsole.log(typeof createRequire);"),
    ).toBe('ok');
  });

  it('still gives CommonJS dependencies a require', async () => {
    expect(await parses("require('node:path');")).toBe('ok');
  });
});
