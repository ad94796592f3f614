import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { startTestStack } from '../support/stack.ts';
import { tempDir } from '../support/temp-dir.ts';

// Each test file's stack once left its mail spool in /tmp: hundreds after a few test runs.
it('removes the spool folder it made itself when it closes, and keeps one it was given', async () => {
  const own = await startTestStack();
  expect(existsSync(own.spoolDir)).toBe(true);
  await own.close();
  expect(existsSync(own.spoolDir)).toBe(false);

  const given = await tempDir('faq-spool-given-');
  const stack = await startTestStack({ spoolDir: given });
  await stack.close();
  expect(existsSync(given)).toBe(true);
});
