import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, parse as parseYaml, Scalar, visit } from 'yaml';
import type { EvalCase } from '../knowledge/evaluate.ts';
import { defaultKnowledgeDir, readEvalFile } from '../knowledge/files.ts';
import { extraLocaleTags, localeBlock } from '../knowledge/locales.ts';
import { type Entry, entrySchema, type Settings } from '../knowledge/schema.ts';
import { learnedFile } from '../knowledge/validate.ts';
import { learnedJson } from '../matcher/learned.ts';

/**
 * The knowledge base as files: the live knowledge base written back to `knowledge/` in the
 * layout of the hand-written files, so `kb export` -> `kb import` changes nothing and a second
 * export is byte-identical.
 */

/** The eval cases a knowledge folder's settings point at (`publishing.evalFile`), or none. */
export async function evalCasesFor(dir: string, settings: Settings): Promise<EvalCase[]> {
  const file = settings.publishing.evalFile;
  return file ? readEvalFile(path.resolve(dir, file)) : [];
}

/** Writes the stored eval cases to the settings' eval file, unless it already holds them. */
async function exportEvalCases(dir: string, settings: Settings, cases: readonly EvalCase[]): Promise<void> {
  const file = settings.publishing.evalFile;
  if (!file || cases.length === 0) return;
  const target = path.resolve(dir, file);
  const existing = await readEvalFile(target).catch(() => undefined);
  const plain = (list: readonly EvalCase[]) => JSON.parse(JSON.stringify(list)) as unknown;
  if (existing && isDeepStrictEqual(plain(existing), plain(cases))) return;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(
    target,
    cases
      .map((testCase) => JSON.stringify(testCase))
      .join('\n')
      .concat('\n'),
  );
}

/** Key order of an entry file (the order staff know from the shipped files). */
function orderedEntry(entry: Entry): Record<string, unknown> {
  const localized = (locale: string) => {
    const block = localeBlock(entry, locale) ?? entry.de;
    return {
      question: block.question,
      alternatives: block.alternatives,
      keywords: block.keywords,
      answer: block.answer,
      tests: block.tests,
      // Only where staff listed some: the shipped files stay as they were without them.
      ...(block.notAnswered?.length ? { notAnswered: block.notAnswered } : {}),
    };
  };
  return {
    id: entry.id,
    kind: entry.kind,
    ...(entry.reviewedAt ? { reviewedAt: entry.reviewedAt } : {}),
    related: entry.related,
    ...(entry.needsReview !== undefined ? { needsReview: entry.needsReview } : {}),
    ...(entry.legalReview ? { legalReview: entry.legalReview } : {}),
    ...(entry.sources ? { sources: entry.sources } : {}),
    de: localized('de'),
    en: localized('en'),
    // Further locales (Leichte Sprache, ...) after German and English, as in the shipped files.
    ...Object.fromEntries(extraLocaleTags(entry).map((locale) => [locale, localized(locale)])),
  };
}

/** One entry as YAML: answers as literal blocks, the date quoted, no line folding. */
export function entryToYaml(entry: Entry): string {
  const document = new Document(orderedEntry(entry));
  visit(document, {
    Pair(_, pair) {
      const key = (pair.key as Scalar | null)?.value;
      if (!(pair.value instanceof Scalar)) return;
      if (key === 'answer') pair.value.type = Scalar.BLOCK_LITERAL;
      if (key === 'reviewedAt' || key === 'date') pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return document.toString({ lineWidth: 0 });
}

export function settingsToYaml(settings: Settings): string {
  return `# Settings of the incident FAQ assistant (exported from the live knowledge base).\n\n${new Document(settings).toString({ lineWidth: 0 })}`;
}

/**
 * The notice that sources quote is a file of the knowledge folder, not stored in the table:
 * an export into a folder without it copies the shipped one, so the folder validates.
 */
async function exportNotice(dir: string, settings: Settings): Promise<void> {
  const file = settings.notice?.file;
  if (!file) return;
  const target = path.join(dir, file);
  if ((await readFile(target).catch(() => undefined)) !== undefined) return;
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(path.join(defaultKnowledgeDir, file), target);
}

/** Writes `text` to `file` unless it holds it already. */
async function writeIfChanged(file: string, text: string): Promise<void> {
  if ((await readFile(file, 'utf8').catch(() => undefined)) !== text) await writeFile(file, text);
}

/** True when `file` already holds exactly this entry (whatever its formatting). */
async function holdsEntry(file: string, entry: Entry): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  try {
    const parsed = entrySchema.safeParse(parseYaml(text));
    return parsed.success && isDeepStrictEqual(parsed.data, entry);
  } catch {
    return false;
  }
}

/**
 * Writes settings and entries into `dir`. Only files whose content changed are written, so
 * hand-formatted files and the comments in `settings.yaml` survive and a repeated export
 * changes nothing. Entry files of entries that no longer exist are removed (otherwise an
 * import would bring them back).
 */
export async function exportKnowledge(
  dir: string,
  entries: readonly Entry[],
  withSettings: Settings,
  evalCases: readonly EvalCase[] = [],
): Promise<{ written: number; unchanged: number; removed: number }> {
  const entryDir = path.join(dir, 'entries');
  await mkdir(entryDir, { recursive: true });
  // The learned counts are a file of their own (`learned.json`), not part of `settings.yaml`.
  const { learned, ...matcher } = withSettings.matcher;
  const settings: Settings = { ...withSettings, matcher };
  if (learned) await writeIfChanged(path.join(dir, learnedFile), learnedJson(learned));
  const settingsFile = path.join(dir, 'settings.yaml');
  const existing = await readFile(settingsFile, 'utf8').catch(() => undefined);
  let same = false;
  try {
    same =
      existing !== undefined && isDeepStrictEqual(parseYaml(existing), JSON.parse(JSON.stringify(settings)));
  } catch {
    same = false;
  }
  if (!same) await writeFile(settingsFile, settingsToYaml(settings));
  await exportEvalCases(dir, settings, evalCases);
  await exportNotice(dir, settings);
  const keep = new Set(entries.map((entry) => `${entry.id}.yaml`));
  let removed = 0;
  for (const name of await readdir(entryDir)) {
    if (/\.ya?ml$/.test(name) && !keep.has(name)) {
      await rm(path.join(entryDir, name));
      removed++;
    }
  }
  let written = 0;
  for (const entry of entries) {
    const file = path.join(entryDir, `${entry.id}.yaml`);
    if (await holdsEntry(file, entry)) continue;
    await writeFile(file, entryToYaml(entry));
    written++;
  }
  return { written, unchanged: entries.length - written, removed };
}
