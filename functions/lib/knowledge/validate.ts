import { createHash } from 'node:crypto';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { lasting, memo } from '../memo.ts';
import { localeProblems } from './locale-checks.ts';
import { placeholderStandIns, placeholderValues, resolvePlaceholders, todoLines } from './placeholders.ts';
import {
  type Entry,
  entrySchema,
  type LearnedCounts,
  learnedSchema,
  localeBlock,
  localeTags,
  type Settings,
  settingsSchema,
} from './schema.ts';
import { sourceProblems } from './sources.ts';
import { townProblems } from './town.ts';

/** One problem in the knowledge base, named by file and field so staff can find it. */
export interface ValidationProblem {
  file: string;
  field: string;
  message: string;
}

export interface SourceFile {
  /**
   * Path relative to the knowledge folder, e.g. `entries/what-happened.yaml`, or a document
   * that sources quote, e.g. `sources/notice-2021-05-04.txt`.
   */
  file: string;
  text: string;
}

export interface ValidationReport {
  entries: Entry[];
  settings?: Settings;
  problems: ValidationProblem[];
  /** Not blocking: e.g. a missing block of a locale marked `required: false` (docs/locales.md). */
  warnings: ValidationProblem[];
}

function issuesToProblems(file: string, error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length ? issue.path.join('.') : '(file)',
    message: issue.message,
  }));
}

/** What parsing one YAML text gives: its value, or the problems (labelled by field only). */
interface ParsedYaml {
  value: unknown;
  problems: Omit<ValidationProblem, 'file'>[];
}

/**
 * Parses YAML texts remembered by their content, for the life of the process (`lasting`): a
 * folder changed in one file (an edited entry, a test's changed setting) is validated again, and
 * parsing the 170 KB of `settings.yaml` was the largest part of that (about 0.3 s of CPU). A few
 * dozen texts are a folder's worth.
 */
const parsedTexts = lasting('knowledge-yaml', () => new Map<string, ParsedYaml>());

function parseYamlText(text: string): ParsedYaml {
  const key = createHash('sha256').update(text).digest('hex');
  return memo(parsedTexts, key, () => parseYamlUncached(text), 200);
}

/**
 * Parses a YAML text; a key twice in one map is a problem too. Duplicates are found here in one
 * pass per map: the parser's own check compares every key with every other, and with the
 * settings' 2,000 synonyms that took most of the time of loading the knowledge base.
 */
function parseYamlUncached(text: string): ParsedYaml {
  const lines = new LineCounter();
  const document = parseDocument(text, { uniqueKeys: false, lineCounter: lines });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? '?';
    return { value: undefined, problems: [{ field: '(file)', message: `not valid YAML (line ${line})` }] };
  }
  const problems: ParsedYaml['problems'] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (seen.has(value)) {
          const line = isScalar(key) && key.range ? lines.linePos(key.range[0]).line : '?';
          problems.push({
            field: String(value),
            message: `not valid YAML (line ${line}): the key is there twice`,
          });
        }
        seen.add(value);
      }
    },
  });
  return { value: document.toJS(), problems };
}

/**
 * A YAML file's value (undefined when it is not valid YAML), with its problems added to
 * `problems`. Each caller gets its own copy of the value: validation fills in defaults.
 */
function parseYamlFile(source: SourceFile, problems: ValidationProblem[]): unknown {
  const parsed = parseYamlText(source.text);
  for (const problem of parsed.problems) problems.push({ file: source.file, ...problem });
  return parsed.value === undefined ? undefined : structuredClone(parsed.value);
}

/**
 * A YAML text's value, as `knowledge/` files are read (remembered by content; a copy each time).
 * Throws when it is not valid YAML or has a key twice.
 */
export function readYamlValue(text: string): unknown {
  const { value, problems } = parseYamlText(text);
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('; '));
  return structuredClone(value);
}

/** Validates one entry object; `file` only labels the problems. */
export function validateEntry(data: unknown, file: string): { entry?: Entry; problems: ValidationProblem[] } {
  const result = entrySchema.safeParse(data);
  return result.success
    ? { entry: result.data, problems: [] }
    : { problems: issuesToProblems(file, result.error) };
}

/**
 * Checks what a single file cannot: unique ids, related ids that exist and differ from the
 * entry itself, and that every entry kind the product relies on is present at most once.
 */
export function crossCheck(entries: readonly { entry: Entry; file: string }[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const firstFile = new Map<string, string>();
  for (const { entry, file } of entries) {
    const previous = firstFile.get(entry.id);
    if (previous)
      problems.push({ file, field: 'id', message: `duplicate id "${entry.id}" (also in ${previous})` });
    else firstFile.set(entry.id, file);
  }
  problems.push(...declinedAnswered(entries));
  for (const { entry, file } of entries) {
    entry.related.forEach((id, index) => {
      if (id === entry.id)
        problems.push({ file, field: `related.${index}`, message: 'an entry cannot relate to itself' });
      else if (!firstFile.has(id))
        problems.push({ file, field: `related.${index}`, message: `unknown entry id "${id}"` });
    });
  }
  return problems;
}

/**
 * A question an entry declines (`notAnswered`) that some entry also lists as one it answers
 * (question, other phrasings or tests): the two lists contradict each other, and the matcher
 * would answer it one time and decline it the next.
 */
function declinedAnswered(entries: readonly { entry: Entry; file: string }[]): ValidationProblem[] {
  const fold = (text: string) => text.toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
  const answeredBy = new Map<string, string>();
  for (const { entry } of entries)
    for (const tag of localeTags(entry)) {
      const block = localeBlock(entry, tag);
      if (!block) continue;
      for (const text of [block.question, ...block.alternatives, ...block.tests])
        answeredBy.set(`${tag}\u0000${fold(text)}`, entry.id);
    }
  return entries.flatMap(({ entry, file }) =>
    localeTags(entry).flatMap((tag) =>
      (localeBlock(entry, tag)?.notAnswered ?? []).flatMap((text, index) => {
        const id = answeredBy.get(`${tag}\u0000${fold(text)}`);
        return id === undefined
          ? []
          : [
              {
                file,
                field: `${tag}.notAnswered.${index}`,
                message: `"${text}" is also a phrasing of "${id}"`,
              },
            ];
      }),
    ),
  );
}

/** Documents that sources quote (`sources/*.txt`) are read beside the entries, not parsed as YAML. */
export const isDocument = (file: string) => file.startsWith('sources/');

/** The knowledge folder's learned counts (`npm run kb -- learn`), added to `settings.matcher.learned`. */
export const learnedFile = 'learned.json';

/** The learned counts of `learned.json`, or the problems that keep them out of the settings. */
function parseLearned(text: string): { data: LearnedCounts } | { problems: ValidationProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      problems: [{ file: learnedFile, field: '(file)', message: 'is not JSON: run npm run kb -- learn' }],
    };
  }
  const result = learnedSchema.safeParse(data);
  return result.success ? { data: result.data } : { problems: issuesToProblems(learnedFile, result.error) };
}

/** Every entry's sources, with notice quotes looked up in the notice that the settings name. */
function checkSources(
  valid: readonly { entry: Entry; file: string }[],
  files: readonly SourceFile[],
  settings: Settings | undefined,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  let notice: string | undefined;
  if (settings?.notice) {
    const file = settings.notice.file;
    notice = files.find((source) => source.file === file)?.text;
    if (notice === undefined)
      problems.push({ file: 'settings.yaml', field: 'notice.file', message: `${file} not found` });
  }
  for (const { entry, file } of valid) {
    for (const problem of sourceProblems(entry, notice)) problems.push({ file, ...problem });
  }
  return problems;
}

/** The widget's starter questions must name entries that exist, or a starter button answers nothing. */
function checkStarters(settings: Settings, ids: ReadonlySet<string>): ValidationProblem[] {
  return Object.entries(settings.starters ?? {}).flatMap(([locale, starters]) =>
    starters.flatMap((id, index) =>
      ids.has(id)
        ? []
        : [
            {
              file: 'settings.yaml',
              field: `starters.${locale}.${index}`,
              message: `unknown entry id "${id}"`,
            },
          ],
    ),
  );
}

/** A precedence rule must name entries that exist, or it never applies. */
function checkPrecedence(settings: Settings, ids: ReadonlySet<string>): ValidationProblem[] {
  return (settings.matcher.precedence ?? []).flatMap((rule, index) =>
    [rule.prefer, ...rule.over].flatMap((id) =>
      ids.has(id)
        ? []
        : [
            {
              file: 'settings.yaml',
              field: `matcher.precedence.${index}`,
              message: `unknown entry id "${id}"`,
            },
          ],
    ),
  );
}

/**
 * A knowledge base made with `kb init` marks what the town still has to write with `TODO`:
 * nothing with a marker left may be published, so each one is a problem (file and line).
 */
function todoProblems(files: readonly SourceFile[]): ValidationProblem[] {
  return files.flatMap((source) =>
    todoLines(source.text).map(({ line, text }) => ({
      file: source.file,
      field: `line ${line}`,
      message: `TODO left: ${text}`,
    })),
  );
}

/**
 * Validates a whole knowledge base given as files: `settings.yaml` and `entries/*.yaml`.
 * Every problem is reported (not just the first), each with its file and field. Placeholders
 * in entries (`{{town.name}}`, placeholders.ts) are resolved from the settings first.
 */
export function validateKnowledgeBase(files: readonly SourceFile[]): ValidationReport {
  const problems: ValidationProblem[] = [];
  const valid: { entry: Entry; file: string }[] = [];
  let settings: Settings | undefined;

  const settingsFile = files.find((source) => source.file === 'settings.yaml');
  if (!settingsFile) problems.push({ file: 'settings.yaml', field: '(file)', message: 'missing' });
  else {
    const data = parseYamlFile(settingsFile, problems);
    if (data !== undefined) {
      const result = settingsSchema.safeParse(data);
      if (result.success) settings = result.data;
      else problems.push(...issuesToProblems(settingsFile.file, result.error));
    }
  }

  const learnedSource = files.find((source) => source.file === learnedFile);
  if (settings && learnedSource) {
    const learned = parseLearned(learnedSource.text);
    if ('data' in learned)
      settings = { ...settings, matcher: { ...settings.matcher, learned: learned.data } };
    else problems.push(...learned.problems);
  }
  if (settings)
    problems.push(...townProblems(settings).map((problem) => ({ file: 'settings.yaml', ...problem })));
  problems.push(...todoProblems(files));
  const values = settings ? placeholderValues(settings) : placeholderStandIns;

  for (const source of files) {
    if (source.file === 'settings.yaml' || source.file === learnedFile || isDocument(source.file)) continue;
    const parsed = parseYamlFile(source, problems);
    if (parsed === undefined) continue;
    const resolved = resolvePlaceholders(parsed, values);
    const data = resolved.value;
    problems.push(...resolved.problems.map((problem) => ({ file: source.file, ...problem })));
    const { entry, problems: entryProblems } = validateEntry(data, source.file);
    problems.push(...entryProblems);
    if (!entry) continue;
    const expectedName = `${entry.id}.yaml`;
    if (!source.file.endsWith(`/${expectedName}`) && source.file !== expectedName) {
      problems.push({ file: source.file, field: 'id', message: `file name must be ${expectedName}` });
    }
    valid.push({ entry, file: source.file });
  }
  if (valid.length === 0 && !problems.some((problem) => problem.file.startsWith('entries/'))) {
    problems.push({ file: 'entries/', field: '(folder)', message: 'no entries found' });
  }
  problems.push(...crossCheck(valid));
  problems.push(...checkSources(valid, files, settings));
  const warnings: ValidationProblem[] = [];
  if (settings) {
    const ids = new Set(valid.map(({ entry }) => entry.id));
    problems.push(...checkStarters(settings, ids), ...checkPrecedence(settings, ids));
    const checked = localeProblems(valid, settings);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
  }
  const entries = valid.map(({ entry }) => entry).sort((a, b) => a.id.localeCompare(b.id));
  return settings ? { entries, settings, problems, warnings } : { entries, problems, warnings };
}
