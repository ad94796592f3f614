import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { entryToYaml } from '../../functions/lib/editing/files.ts';
import { entryFromQuestion, slugify } from '../../functions/lib/editing/from-question.ts';
import { applyChange, runGate } from '../../functions/lib/editing/gate.ts';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { entrySchema } from '../../functions/lib/knowledge/schema.ts';
import { groupQuestions, type UnansweredItem } from '../../functions/lib/unanswered/report.ts';

const item = (text: string, n: number, locale: 'de' | 'en' = 'de'): UnansweredItem => ({
  sk: `2026-01-0${n}T00:00:00.000Z#${n}`,
  at: `2026-01-0${n}T00:00:00.000Z`,
  text,
  locale,
  status: 'none',
  expiresAt: 0,
});

describe('grouping unanswered questions', () => {
  it('groups similar questions per language, counts them, keeps the oldest as representative', () => {
    const groups = groupQuestions([
      item('Wann öffnet das Bürgerbüro?', 4),
      item('Öffnet das Bürgerbüro heute?', 3),
      item('Ich heiße [Name], wann öffnet das Bürgerbüro wieder?', 2),
      item('When does the citizens office open?', 5, 'en'),
      item('Gibt es Schadenersatz?', 1),
    ]);
    expect(groups[0]).toMatchObject({
      text: 'Ich heiße [Name], wann öffnet das Bürgerbüro wieder?',
      count: 3,
      lastAskedAt: '2026-01-04T00:00:00.000Z',
    });
    expect(groups.map((group) => group.count)).toEqual([3, 1, 1]);
    expect(new Set(groups.map((group) => group.id)).size).toBe(3);
    // Stable ids: the same input gives the same ids.
    expect(groupQuestions([item('Gibt es Schadenersatz?', 1)])[0]?.id).toBe(
      groups.find((group) => group.text === 'Gibt es Schadenersatz?')?.id,
    );
  });
});

describe('drafts from questions', () => {
  it('derives kebab-case ids', () => {
    expect(slugify('Wer zahlt den Schaden für Ärger?')).toBe('wer-zahlt-den-schaden-fuer-aerger');
    expect(slugify('Ich heiße [Name], Frage')).toBe('ich-heisse-frage');
    expect(slugify('???')).toBe('new-entry');
    expect(slugify(`${'a'.repeat(30)} ${'b'.repeat(30)}`).length).toBeLessThanOrEqual(48);
  });

  it('builds a valid entry with the other language marked for translation', () => {
    const entry = entryFromQuestion({ id: 'opening-hours', locale: 'en', question: 'When do you open?' });
    expect(entrySchema.safeParse(entry).success).toBe(true);
    expect(entry.de.question).toBe('[Übersetzung fehlt] When do you open?');
    expect(entry.en.answer).toBe('[Answer missing]');
  });
});

describe('entry YAML', () => {
  it('writes answers as literal blocks and reads back the same entry', async () => {
    const { entries } = await loadKnowledgeDir();
    for (const entry of entries) {
      const text = entryToYaml(entry);
      expect(text).toMatch(/answer: \|/);
      expect(entrySchema.parse(parse(text))).toEqual(entry);
    }
  });
});

describe('publish gate', () => {
  it('passes an answer-only change and refuses one that breaks the entry’s test questions', async () => {
    const { entries, settings } = await loadKnowledgeDir();
    if (!settings) throw new Error('no settings');
    const target = entries.find((entry) => entry.id === 'passwords');
    if (!target) throw new Error('no passwords entry');
    const answerOnly = applyChange(entries, 'passwords', { ...target, de: { ...target.de, answer: 'Neu.' } });
    expect(runGate(entries, answerOnly, settings, []).passed).toBe(true);
    const broken = applyChange(entries, 'passwords', {
      ...target,
      de: { ...target.de, question: 'Parkplätze', alternatives: [], keywords: [] },
      en: { ...target.en, question: 'Parking', alternatives: [], keywords: [] },
    });
    const report = runGate(entries, broken, settings, []);
    expect(report.passed).toBe(false);
    expect(
      report.newFailures.every((failure) => failure.expected === 'passwords' || failure.got === 'passwords'),
    ).toBe(true);
  });
});
