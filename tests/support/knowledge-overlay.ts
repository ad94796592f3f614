import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readKnowledgeFiles } from '../../functions/lib/knowledge/files.ts';
import { importKnowledge } from '../../functions/lib/knowledge/store.ts';
import {
  type SourceFile,
  type ValidationReport,
  validateKnowledgeBase,
} from '../../functions/lib/knowledge/validate.ts';

/**
 * A knowledge base made of the shipped one plus a fixture folder laid over it: the fixture's
 * `settings.yaml` and `entries/<id>.yaml` hold only what they add or change (a locale, its
 * texts, an entry's locale block). Objects merge, lists and values replace. This is how a town
 * adds a locale: settings and texts, no code.
 */
export async function overlayKnowledge(fixtureDir: string): Promise<SourceFile[]> {
  const base = await readKnowledgeFiles();
  const overlay = await readKnowledgeFiles(path.resolve(fixtureDir));
  const byFile = new Map(base.map((file) => [file.file, file]));
  for (const file of overlay) {
    const under = byFile.get(file.file);
    const text = under ? stringify(merge(parse(under.text), parse(file.text))) : file.text;
    byFile.set(file.file, { file: file.file, text });
  }
  return [...byFile.values()];
}

function merge(under: unknown, over: unknown): unknown {
  if (!isPlainObject(under) || !isPlainObject(over)) return over;
  const result: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) result[key] = merge(under[key], value);
  return result;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates the overlaid knowledge base and publishes it into the running local stack's table. */
export async function importOverlay(fixtureDir: string): Promise<ValidationReport> {
  const report = validateKnowledgeBase(await overlayKnowledge(fixtureDir));
  if (report.problems.length > 0 || !report.settings) {
    const lines = report.problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message}`);
    throw new Error(`The fixture knowledge base is invalid:\n${lines.join('\n')}`);
  }
  await importKnowledge(report.entries, report.settings, 'files');
  return report;
}
