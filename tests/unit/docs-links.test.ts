import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../functions/lib/http/errors.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function documents(): Promise<string[]> {
  const docs = await readdir(path.join(root, 'docs'), { recursive: true, withFileTypes: true });
  return [
    'README.md',
    'CHANGELOG.md',
    ...docs
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
  ];
}

/** Markdown outside fenced code blocks (links in examples are not links). */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsCache = new Map<string, Set<string>>();
async function anchorsOf(file: string): Promise<Set<string>> {
  let anchors = anchorsCache.get(file);
  if (!anchors) {
    const headings = [...prose(await readFile(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)];
    anchors = new Set(headings.map((match) => slug(match[1] ?? '')));
    anchorsCache.set(file, anchors);
  }
  return anchors;
}

describe('documentation links', () => {
  it('when a relative link in README, CHANGELOG or docs/ points nowhere › is reported', async () => {
    const broken: string[] = [];
    let checked = 0;
    for (const document of await documents()) {
      const file = path.join(root, document);
      const text = prose(await readFile(file, 'utf8'));
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^(https?:|mailto:)/.test(target)) continue;
        checked++;
        const [relative = '', anchor] = target.split('#');
        const resolved = relative ? path.resolve(path.dirname(file), relative) : file;
        if (!existsSync(resolved)) broken.push(`${document}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !(await anchorsOf(resolved)).has(anchor))
          broken.push(`${document}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
    // The README links every document: a checker that found no links would prove nothing.
    expect(checked).toBeGreaterThan(10);
  });

  it('when the error-code table in docs/api.md and the ErrorCode union differ › is reported', async () => {
    const api = await readFile(path.join(root, 'docs/api.md'), 'utf8');
    const section = api.slice(api.indexOf('## Error codes'));
    const documented = [...section.matchAll(/^\| `([a-z_]+)`\s*\|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...errorCodes].sort());
  });
});
