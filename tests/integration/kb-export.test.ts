import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKnowledge } from '../../functions/lib/editing/files.ts';
import { defaultKnowledgeDir, loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge, loadPublished } from '../../functions/lib/knowledge/store.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { type KbFailure, runKb as kb } from '../support/kb.ts';
import { startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let work: string;

async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {
    'settings.yaml': await readFile(path.join(dir, 'settings.yaml'), 'utf8'),
  };
  for (const name of (await readdir(path.join(dir, 'entries'))).sort())
    files[`entries/${name}`] = await readFile(path.join(dir, 'entries', name), 'utf8');
  return files;
}

beforeAll(async () => {
  stack = await startTestStack();
  work = await mkdtemp(path.join(tmpdir(), 'faq-kb-'));
});

afterAll(async () => {
  await stack?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('kb export / import round trip', () => {
  it('import(export(x)) equals x, and a second export is byte-identical', async () => {
    const before = await loadPublished();
    if (!before) throw new Error('no knowledge base');
    // Awkward content an editor may type: YAML indicators, quotes, lists, trailing spaces, umlauts.
    const tricky: Entry = {
      id: 'tricky-text',
      kind: 'faq',
      related: ['what-happened'],
      // Every source kind, and the legal review state, must survive export and import.
      needsReview: true,
      legalReview: { by: 'Bettina Amon', date: '2021-05-10' },
      sources: [
        { kind: 'notice', quote: 'Der Server wurde vollständig neu aufgesetzt', note: 'key: "value"' },
        {
          kind: 'public-record',
          publisher: 'Microsoft Security Response Center (MSRC)',
          title: 'Multiple Security Updates Released for Exchange Server',
          date: '2021-03-02',
          url: 'https://msrc-blog.microsoft.com/2021/03/02/multiple-security-updates-released-for-exchange-server/',
        },
        { kind: 'law', article: 'Art. 15 DSGVO', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
        { kind: 'general-guidance', note: '- a note that looks like a list' },
        { kind: 'product', note: 'The chat forwards questions.' },
      ],
      de: {
        question: 'Was bedeutet "Stand: 04.05."?',
        alternatives: ['- mit Strich', 'key: value', '#kein Kommentar', "it's 'quoted'"],
        keywords: ['yes', 'no', '123', 'true'],
        answer:
          '# Überschrift\n\n- Punkt: eins\n- Punkt *zwei*\n\n    eingerückt\n\nEnde mit [Link](https://strasburg.de) (allgemeiner Hinweis).',
        tests: ['Stand 04.05.?'],
      },
      en: {
        question: 'What does "as of" mean?',
        alternatives: [],
        keywords: [],
        answer: 'One line only: no newline (general advice)',
        tests: [],
      },
    };
    await importKnowledge([...before.entries, tricky], before.settings);
    const live = await loadPublished();
    if (!live) throw new Error('no knowledge base');

    // Export into a fresh folder, import it back: the same knowledge base.
    const first = path.join(work, 'first');
    await exportKnowledge(first, live.entries, live.settings);
    const report = await loadKnowledgeDir(first);
    expect(report.problems).toEqual([]);
    expect(report.entries).toEqual(live.entries);
    expect(report.settings).toEqual(live.settings);
    await importKnowledge(report.entries, report.settings as NonNullable<typeof report.settings>);
    const again = await loadPublished();
    expect(again?.entries).toEqual(live.entries);

    // Export again (fresh folder, and over the first): byte-identical.
    const second = path.join(work, 'second');
    await exportKnowledge(second, again?.entries ?? [], live.settings);
    const repeat = await exportKnowledge(first, again?.entries ?? [], live.settings);
    expect(repeat.written).toBe(0);
    expect(await snapshotFiles(second)).toEqual(await snapshotFiles(first));

    // Into the shipped folder (a copy): only the changed entry is written, hand-formatted files
    // and the commented settings.yaml stay as they are.
    const shipped = path.join(work, 'shipped');
    await cp(defaultKnowledgeDir, shipped, { recursive: true });
    const result = await exportKnowledge(shipped, live.entries, live.settings);
    expect(result).toEqual({ written: 1, unchanged: live.entries.length - 1, removed: 0 });
    const original = await snapshotFiles(defaultKnowledgeDir);
    const exported = await snapshotFiles(shipped);
    expect(exported['entries/tricky-text.yaml']).toBe(
      (await snapshotFiles(first))['entries/tricky-text.yaml'],
    );
    delete exported['entries/tricky-text.yaml'];
    expect(exported).toEqual(original);
    // The learned counts come back from the table as the same bytes, not inside settings.yaml.
    expect(await readFile(path.join(shipped, 'learned.json'), 'utf8')).toBe(
      await readFile(path.join(defaultKnowledgeDir, 'learned.json'), 'utf8'),
    );
    expect(exported['settings.yaml']).not.toContain('learned');

    // Export removes files of entries that no longer exist.
    await exportKnowledge(shipped, before.entries, live.settings);
    expect(await readdir(path.join(shipped, 'entries'))).not.toContain('tricky-text.yaml');
    await importKnowledge(before.entries, before.settings);
  });

  it('the kb command exports the local table and refuses invalid files with the report', async () => {
    // In-process (a tsx process per command cost seconds each; kb-cli.test.ts runs the real
    // command): each command opens the database in DATA_DIR, as `npm run kb` does, not the
    // database of this file's stack.
    const dataDir = path.join(work, 'data');
    const out = path.join(work, 'exported');
    const stackVersion = (await loadPublished())?.version;
    // The commands point the environment at their database (connectLocalDatabase), as in their
    // own process; the stack's environment comes back afterwards.
    const saved = { ...process.env };
    process.env.DATA_DIR = dataDir;
    try {
      await kb('import', '--dir', defaultKnowledgeDir);
      await kb('export', '--dir', out);
      const exported = await snapshotFiles(out);
      await kb('import', '--dir', out);
      expect((await kb('export', '--dir', out)).stdout).toContain('0 file(s) written');
      expect(await snapshotFiles(out)).toEqual(exported);
      const report = await loadKnowledgeDir(out);
      expect(report.problems).toEqual([]);
      expect(report.entries).toEqual((await loadKnowledgeDir(defaultKnowledgeDir)).entries);

      await writeFile(
        path.join(out, 'entries', 'greeting.yaml'),
        exported['entries/greeting.yaml']?.replace(/answer: \|-?\n(?: {4}.*\n|\n)+/, 'answer: ""\n') ?? '',
      );
      const refused = await kb('import', '--dir', out).then(
        () => undefined,
        (error: KbFailure) => error,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toContain('entries/greeting.yaml  de.answer');
      expect(refused?.stderr).toContain('nothing was changed');
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
    // The imports went to DATA_DIR's database, not to the stack's.
    expect((await loadPublished())?.version).toBe(stackVersion);
  }, 60_000);
});
