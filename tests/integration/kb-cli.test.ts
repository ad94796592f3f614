import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKb as kb, runKbProcess } from '../support/kb.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm run kb -- eval', () => {
  it('prints one JSON object with accuracy, false-answer rate and failures', async () => {
    const dir = await tempDir('faq-eval-');
    const file = path.join(dir, 'cases.jsonl');
    await writeFile(
      file,
      [
        { question: 'Muss ich mein Passwort ändern?', expected: 'passwords' },
        { question: 'Why has Outlook Web App been switched off?', expected: 'outlook-web-app', locale: 'en' },
        { question: 'Wann fährt der nächste Bus nach Pasewalk?', expected: null },
        { question: 'Hallo', expected: 'thanks' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const { stdout } = await kb('eval', file, '--json', '--show-held-back');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      total: 4,
      inScope: { total: 3, correct: 2, accuracy: 0.6667 },
      outOfScope: { total: 1, falseAnswers: 0, falseAnswerRate: 0 },
    });
    expect(report.failures).toEqual([
      expect.objectContaining({ question: 'Hallo', expected: 'thanks', got: 'greeting' }),
    ]);
  });

  it('reports the rates per locale and category, the confusions, and one part of the hash split', async () => {
    const dir = await tempDir('faq-eval-');
    const file = path.join(dir, 'corpus.jsonl');
    const lines = [
      { question: 'Muss ich mein Passwort ändern?', expected: 'passwords', locale: 'de', category: 'plain' },
      {
        question: 'Do I have to change my password?',
        expected: 'passwords',
        locale: 'en',
        category: 'plain',
      },
      { question: 'Hallo', expected: 'thanks', locale: 'de', category: 'short' },
      {
        question: 'Wann fährt der nächste Bus nach Pasewalk?',
        expected: null,
        locale: 'de',
        category: 'municipal',
      },
    ];
    await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    const report = JSON.parse((await kb('eval', file, '--json', '--detect-language')).stdout);
    expect(report.inScope).toMatchObject({ total: 3, correct: 2, accuracy: 0.6667, firstRate: 0.6667 });
    expect(report.outOfScope).toMatchObject({ total: 1, falseAnswers: 0, none: 1, noneRate: 1 });
    expect(Object.keys(report.byLocale)).toEqual(['de', 'en']);
    expect(report.byCategory.plain.inScope).toMatchObject({ total: 2, correct: 2 });
    expect(report.byCategory.municipal.outOfScope).toMatchObject({ total: 1, noneRate: 1 });
    expect(report.confusions).toEqual([{ expected: 'thanks', got: 'greeting', answered: true, count: 1 }]);

    const { splitOf } = await import('../../functions/lib/knowledge/evaluate.ts');
    const tuning = lines.filter((line) => splitOf(line.question) === 'tuning').length;
    const part = JSON.parse((await kb('eval', file, '--json', '--split', 'tuning')).stdout);
    expect(part.total).toBe(tuning);

    // The held-back part's failing questions are not printed unless asked for; figures are.
    expect(splitOf('Hallo')).toBe('held-back');
    expect(report.failures).toEqual([]);
    expect(report.hiddenFailures).toBe(1);
    const text = (await kb('eval', file, '--detect-language')).stdout;
    expect(text).not.toContain('"Hallo"');
    expect(text).toContain('1 failing question(s) of the held-back part not shown');
    const shown = (await kb('eval', file, '--detect-language', '--show-held-back')).stdout;
    expect(shown).toContain('✗ "Hallo"');
  }, 90_000);

  it('reaches the accuracy goals on the dev evaluation set', async () => {
    const { stdout } = await kb('eval', 'knowledge/eval/dev.jsonl', '--json');
    const report = JSON.parse(stdout);
    expect(report.inScope.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.outOfScope.falseAnswerRate).toBeLessThanOrEqual(0.05);
  });
});

describe('npm run kb -- validate', () => {
  it('reports each problem with file and field and exits 1', async () => {
    const dir = await tempDir('faq-invalid-');
    const { cp } = await import('node:fs/promises');
    await cp(path.join(root, 'knowledge'), dir, { recursive: true });
    await writeFile(
      path.join(dir, 'entries', 'broken.yaml'),
      'id: broken\nkind: faq\nrelated: [nowhere]\nde:\n  question: Frage?\n  answer: "[x](javascript:alert(1))"\nen:\n  question: ""\n  answer: Answer.\n',
    );
    await writeFile(
      path.join(dir, 'entries', 'dangling.yaml'),
      'id: dangling\nkind: faq\nrelated: [nowhere]\nde:\n  question: Frage?\n  answer: Antwort.\nen:\n  question: Question?\n  answer: Answer.\n',
    );
    const failure = await kb('validate', '--dir', dir).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/entries\/broken\.yaml\s+de\.answer: unsafe link/);
    expect(failure?.stderr).toMatch(/entries\/broken\.yaml\s+en\.question: must not be empty/);
    expect(failure?.stderr).toMatch(/entries\/dangling\.yaml\s+related\.0: unknown entry id "nowhere"/);
  });
});

describe('npm run kb -- learn', () => {
  it('counts the corpora of a knowledge folder into its learned.json, which loading then reads', async () => {
    const dir = await tempDir('faq-learn-');
    const { cp, readFile, rm } = await import('node:fs/promises');
    await cp(path.join(root, 'knowledge'), dir, { recursive: true });
    await rm(path.join(dir, 'eval'), { recursive: true });
    await rm(path.join(dir, 'learned.json'));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'eval'));
    const { splitOf } = await import('../../functions/lib/knowledge/evaluate.ts');
    const questions = [
      'Wurden Daten gestohlen?',
      'Sind Daten abgeflossen?',
      'Wer war das?',
      'Wie wird das Wetter?',
    ];
    const lines = questions.map((question, index) => ({
      question,
      expected: index < 2 ? 'data-leaked' : null,
    }));
    await writeFile(
      path.join(dir, 'eval', 'corpus.jsonl'),
      lines.map((line) => JSON.stringify(line)).join('\n'),
    );
    const { stdout } = await kb('learn', '--dir', dir);
    const tuning = questions.filter((question) => splitOf(question) === 'tuning').length;
    expect(stdout).toContain(
      `Counted ${tuning} questions of the tuning parts of 1 corpora into learned.json.`,
    );
    const learned = JSON.parse(await readFile(path.join(dir, 'learned.json'), 'utf8'));
    expect(learned.trainedOn).toEqual({ files: ['eval/corpus.jsonl'], questions: tuning });
    const { loadKnowledgeDir } = await import('../../functions/lib/knowledge/files.ts');
    expect((await loadKnowledgeDir(dir)).settings?.matcher.learned?.trainedOn.questions).toBe(tuning);
  });

  it('reports a learned.json that is not valid counts as a problem of that file', async () => {
    const dir = await tempDir('faq-learn-bad-');
    const { cp } = await import('node:fs/promises');
    await cp(path.join(root, 'knowledge'), dir, { recursive: true });
    await writeFile(path.join(dir, 'learned.json'), '{"confidence": 2}');
    const failure = await kb('validate', '--dir', dir).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/learned\.json\s+confidence:/);
    await writeFile(path.join(dir, 'learned.json'), '{"confidence": 0.9,');
    const broken = await kb('validate', '--dir', dir).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(broken?.stderr).toMatch(/learned\.json\s+\(file\): is not JSON: run npm run kb -- learn/);
  });
});

describe('npm run kb -- validate, on sources', () => {
  it('reports an entry without sources and a quote the notice does not contain, and exits 1', async () => {
    const dir = await tempDir('faq-sources-');
    const { cp, readFile } = await import('node:fs/promises');
    await cp(path.join(root, 'knowledge'), dir, { recursive: true });
    const thanks = path.join(dir, 'entries', 'thanks.yaml');
    // Drop the sources block of one entry (from `sources:` up to the German locale).
    await writeFile(thanks, (await readFile(thanks, 'utf8')).replace(/^sources:\n(?: {2}.*\n)+/m, ''));
    const measures = path.join(dir, 'entries', 'measures-taken.yaml');
    await writeFile(
      measures,
      (await readFile(measures, 'utf8')).replace(
        'Der Server wurde vollständig neu aufgesetzt',
        'Der Server ist wieder vollkommen sicher',
      ),
    );
    const failure = await kb('validate', '--dir', dir).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/entries\/thanks\.yaml\s+sources: every entry needs at least one source/);
    expect(failure?.stderr).toMatch(
      /entries\/measures-taken\.yaml\s+sources\.0\.quote: this passage does not occur in the notice/,
    );
  });

  it('passes on the shipped knowledge base (the real `npm run kb` process, end to end)', async () => {
    const { stdout } = await runKbProcess(['validate']);
    expect(stdout).toMatch(/^OK: \d+ entries and settings are valid\./);
  }, 120_000); // npm plus tsx compiling the CLI: slow when the two cores are shared
});
