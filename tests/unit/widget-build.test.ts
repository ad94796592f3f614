import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../web/build.ts';

const budgetBytes = 20 * 1024;
let outDir: string | undefined;

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('widget bundle', () => {
  it(`stays within the ${budgetBytes / 1024} KB gzip budget and is self-contained`, async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'faq-widget-'));
    const sizes = await buildWeb(`${outDir}/`);
    const widget = sizes.widget;
    expect(widget).toBeDefined();
    // The figures go with a failure, not into every green run (`npm run build:web` prints them).
    expect(
      widget?.gzip,
      `widget.js: ${widget?.raw} bytes raw, ${widget?.gzip} bytes gzipped`,
    ).toBeLessThanOrEqual(budgetBytes);
    const code = await readFile(path.join(outDir, 'widget.js'), 'utf8');
    expect(gzipSync(code, { level: 9 }).length).toBe(widget?.gzip);
    // No third-party requests, no eval, no persistent storage, no HTML parsing of API data.
    expect(code).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(code).not.toMatch(
      /\beval\(|new Function\(|localStorage|document\.cookie|innerHTML|insertAdjacentHTML/,
    );
  });

  it('ships the pages with no inline script or style', async () => {
    outDir ??= await mkdtemp(path.join(tmpdir(), 'faq-widget-'));
    for (const page of ['index.html', 'privacy.html', 'accessibility.html']) {
      const html = await readFile(path.join(outDir, page), 'utf8');
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    }
  });
});
