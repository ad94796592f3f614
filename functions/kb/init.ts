// `npm run kb -- init --dir DIR`: a knowledge base for another town and incident, from the template.
import { cp, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todoLines } from '../lib/knowledge/placeholders.ts';

/** The template (docs/own-incident.md): generic entries ready to use, incident entries as drafts. */
export const templateDir = fileURLToPath(new URL('../../templates/incident/', import.meta.url));

export class InitRefusedError extends Error {
  override name = 'InitRefusedError';
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return true;
  if (!info.isDirectory()) return false;
  return (await readdir(dir)).length === 0;
}

async function countTodos(dir: string): Promise<{ files: number; markers: number }> {
  let files = 0;
  let markers = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const found = todoLines(await readFile(path.join(entry.parentPath, entry.name), 'utf8')).length;
    if (found > 0) files++;
    markers += found;
  }
  return { files, markers };
}

/**
 * Copies the template into `dir` (created when missing). Refuses a folder that holds anything,
 * so an existing knowledge base is never overwritten. Returns the next steps to print.
 */
export async function initKnowledgeDir(dir: string, from = templateDir): Promise<string> {
  const target = path.resolve(dir);
  if (!(await isEmptyOrMissing(target)))
    throw new InitRefusedError(`${target} is not empty; kb init only writes into a new or empty folder.`);
  await cp(from, target, { recursive: true, errorOnExist: true, force: false });
  const todos = await countTodos(target);
  const relative = path.relative(process.cwd(), target);
  const shown = !relative ? '.' : relative.startsWith('..') ? target : relative;
  return [
    `Created a knowledge base in ${shown} with ${todos.markers} TODO marker(s) in ${todos.files} file(s).`,
    '',
    'Next steps (docs/own-incident.md):',
    `  1. Fill every TODO: settings.yaml (the town, its contacts and colours), sources/notice.txt`,
    '     (your notice, word for word) and the incident entries (entries/*.yaml marked TODO).',
    `  2. npm run kb -- validate --dir ${shown}     lists each remaining TODO with file and line`,
    `  3. KNOWLEDGE_DIR=${shown} DATA_DIR=$(mktemp -d) npm start     try it on http://127.0.0.1:3000`,
    `     (or: KNOWLEDGE_DIR=${shown} npm run kb -- import, next to a running npm start)`,
    `  4. KNOWLEDGE_DIR=${shown} npx cdk deploy -c stage=<stage>     see docs/deploy.md`,
  ].join('\n');
}
