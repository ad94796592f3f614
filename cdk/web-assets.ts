import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isRenderedFile, renderTownPage } from '../functions/lib/knowledge/pages.ts';
import type { Settings } from '../functions/lib/knowledge/schema.ts';
import { temporaryFolder } from './temporary-folder.ts';

/**
 * The web assets as the bucket gets them: a copy of `dir` with the pages and stylesheets
 * rendered for the town of the deployed settings (the same renderer the local server uses on
 * every request). A change of the town's settings therefore needs a deploy to reach the pages;
 * the widget reads the town from the API and follows a publish at once.
 */
export function renderWebAssets(dir: string, settings: Settings): string {
  const out = temporaryFolder('faq-web-');
  cpSync(dir, out, { recursive: true });
  for (const entry of readdirSync(out, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !isRenderedFile(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    writeFileSync(file, renderTownPage(readFileSync(file, 'utf8'), settings));
  }
  return out;
}
