import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOptionalStringFromEnv } from '../config/env.ts';
import { lasting, memo } from '../memo.ts';
import type { EvalCase } from './evaluate.ts';
import type { SourceFile } from './validate.ts';
import { learnedFile, type ValidationReport, validateKnowledgeBase } from './validate.ts';

/** The default knowledge base shipped with the project. */
export const defaultKnowledgeDir = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

/**
 * The knowledge folder `npm start` imports and `npm run kb` works on: KNOWLEDGE_DIR (e.g. a
 * folder made with `kb init`), else the shipped `knowledge/`.
 */
export function knowledgeDirFromEnv(): string {
  const dir = getOptionalStringFromEnv('KNOWLEDGE_DIR');
  return dir ? path.resolve(dir) : defaultKnowledgeDir;
}

/**
 * Reads `settings.yaml`, every `entries/*.yaml`, the quoted documents `sources/*.txt` and the
 * learned counts `learned.json` (if any) of a knowledge folder.
 */
export async function readKnowledgeFiles(dir = defaultKnowledgeDir): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  try {
    files.push({ file: 'settings.yaml', text: await readFile(path.join(dir, 'settings.yaml'), 'utf8') });
  } catch {
    // Reported as missing by the validator.
  }
  const entryDir = path.join(dir, 'entries');
  const names = (await readdir(entryDir).catch(() => [] as string[]))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  for (const name of names) {
    files.push({ file: `entries/${name}`, text: await readFile(path.join(entryDir, name), 'utf8') });
  }
  try {
    files.push({ file: learnedFile, text: await readFile(path.join(dir, learnedFile), 'utf8') });
  } catch {
    // Optional: a knowledge base without learned counts matches without the second opinion.
  }
  const sourceDir = path.join(dir, 'sources');
  for (const name of (await readdir(sourceDir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    files.push({ file: `sources/${name}`, text: await readFile(path.join(sourceDir, name), 'utf8') });
  }
  return files;
}

/**
 * Reports remembered by their files' content, for the life of the process (`lasting`): every
 * test file's local stack seeds the same knowledge base, and validating it (YAML, the settings'
 * schema, the sources) took 0.2–0.6 s of CPU each time. Each caller gets its own copy, so one
 * that changes its report changes no other's.
 */
const reports = lasting('knowledge-reports', () => new Map<string, ValidationReport>());

/** Reads and validates a knowledge folder. */
export async function loadKnowledgeDir(dir = defaultKnowledgeDir): Promise<ValidationReport> {
  const files = await readKnowledgeFiles(dir);
  const key = createHash('sha256').update(JSON.stringify(files)).digest('hex');
  return structuredClone(memo(reports, key, () => validateKnowledgeBase(files), 4));
}

/** Reads a JSONL evaluation file: `{"question", "expected": id | null, "locale"?}` per line. */
export async function readEvalFile(file: string): Promise<EvalCase[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const data = JSON.parse(line) as Partial<EvalCase>;
      if (typeof data.question !== 'string' || !('expected' in data)) {
        throw new Error(`${file}:${number}: each line needs "question" and "expected"`);
      }
      return data as EvalCase;
    });
}
