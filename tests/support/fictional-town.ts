import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { initKnowledgeDir } from '../../functions/kb/init.ts';

/**
 * The fictional town of the `kb init` tests (tests/fixtures/fictional-town): Gemeinde
 * Beispielstedt, a ransomware attack on its file server. Invented throughout: no real town.
 */
export const fictionalTownFixture = path.resolve(import.meta.dirname, '../fixtures/fictional-town');

function merge(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base = target && typeof target === 'object' && !Array.isArray(target) ? target : {};
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) result[key] = merge(result[key], value);
  return result;
}

/**
 * Fills the TODOs of a folder made by `kb init` the way a town would: the fixture's values into
 * the files (objects merge, lists and texts replace), and its notice into sources/notice.txt.
 */
export async function fillFictionalTown(dir: string): Promise<void> {
  const fills = parseYaml(await readFile(path.join(fictionalTownFixture, 'fill.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  for (const [file, patch] of Object.entries(fills)) {
    const target = path.join(dir, file);
    const data = parseYaml(await readFile(target, 'utf8'));
    await writeFile(target, stringifyYaml(merge(data, patch), { lineWidth: 0 }));
  }
  await writeFile(
    path.join(dir, 'sources/notice.txt'),
    await readFile(path.join(fictionalTownFixture, 'notice.txt')),
  );
}

/** A filled knowledge base of the fictional town in a new temporary folder (`kb init` + fill). */
export async function fictionalTownKnowledge(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'faq-town-')), 'beispielstedt');
  await initKnowledgeDir(dir);
  await fillFictionalTown(dir);
  return dir;
}
