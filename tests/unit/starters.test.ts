import { describe, expect, it } from 'vitest';
import { starterQuestions } from '../../functions/lib/ask/starters.ts';
import { readKnowledgeFiles } from '../../functions/lib/knowledge/files.ts';
import type { KnowledgeSnapshot } from '../../functions/lib/knowledge/schema.ts';
import { validateKnowledgeBase } from '../../functions/lib/knowledge/validate.ts';

/** The repository's knowledge base, with the settings' starters replaced when given. */
async function setup(starters?: string) {
  const files = await readKnowledgeFiles();
  const edited = files.map((file) =>
    file.file === 'settings.yaml' && starters !== undefined
      ? { ...file, text: file.text.replace(/^starters:\n(?: {2}.*\n)+/m, starters) }
      : file,
  );
  return validateKnowledgeBase(edited);
}

describe('the widget starter questions', () => {
  it('are configured per language in the default settings, 3 to 5 each, and each names an entry', async () => {
    const report = await setup();
    expect(report.problems.filter((problem) => problem.field.startsWith('starters'))).toEqual([]);
    for (const locale of ['de', 'en'] as const) {
      const ids = report.settings?.starters?.[locale] ?? [];
      expect(ids.length).toBeGreaterThanOrEqual(3);
      expect(ids.length).toBeLessThanOrEqual(5);
    }
  });

  it('when a starter names no entry › validation says which one', async () => {
    const report = await setup(
      'starters:\n  de: [what-happened, no-such-entry, data-leaked]\n  en: [what-happened, am-i-affected, data-leaked]\n',
    );
    expect(report.problems).toContainEqual({
      file: 'settings.yaml',
      field: 'starters.de.1',
      message: 'unknown entry id "no-such-entry"',
    });
  });

  it('are served as the entries’ own questions in the asked language, skipping ids no longer published', async () => {
    const report = await setup();
    const settings = report.settings;
    if (!settings) throw new Error('the default settings must be valid');
    const snapshot: KnowledgeSnapshot = {
      version: 1,
      settings: {
        ...settings,
        starters: {
          de: ['what-happened', 'gone', 'data-leaked'],
          en: ['what-happened', 'gone', 'data-leaked'],
        },
      },
      entries: report.entries,
    };
    expect(starterQuestions(snapshot, 'en')).toEqual({
      locale: 'en',
      questions: [
        { entryId: 'what-happened', question: 'What happened?' },
        { entryId: 'data-leaked', question: 'Was data stolen?' },
      ],
      town: expect.objectContaining({ name: 'Stadt Strasburg (Uckermark)', shortName: 'Strasburg' }),
      // The widget's language switch offers the configured locales, named in their own language.
      locales: [
        { tag: 'de', name: 'Deutsch' },
        { tag: 'en', name: 'English' },
        { tag: 'de-x-ls', name: 'Leichte Sprache' },
      ],
    });
    expect(starterQuestions(snapshot, 'de').questions[0]).toEqual({
      entryId: 'what-happened',
      question: 'Was ist passiert?',
    });
  });

  it('when the setting is missing › there are none', async () => {
    const report = await setup();
    const settings = report.settings;
    if (!settings) throw new Error('the default settings must be valid');
    const { starters: _, ...without } = settings;
    expect(
      starterQuestions({ version: 1, settings: without, entries: report.entries }, 'de').questions,
    ).toEqual([]);
  });
});
