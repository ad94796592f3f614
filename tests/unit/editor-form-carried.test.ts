import { describe, expect, it } from 'vitest';
import { entrySchema } from '../../functions/lib/knowledge/schema.ts';
import { fromEntry, toEntry } from '../../web/editor/form.ts';

describe('when an editor saves an entry that has a Leichte Sprache text', () => {
  it('keeps the de-x-ls block, which the form does not show', () => {
    const entry = entrySchema.parse({
      id: 'example',
      kind: 'faq',
      de: { question: 'Frage?', answer: 'Antwort.' },
      en: { question: 'Question?', answer: 'Answer.' },
      'de-x-ls': { question: 'Leichte Frage?', answer: 'Leichte Antwort.' },
    });
    const saved = entrySchema.parse(toEntry(fromEntry(entry)));
    expect(saved['de-x-ls']).toEqual(entry['de-x-ls']);
  });
});

describe('when an editor saves the questions an entry does not answer', () => {
  const entry = entrySchema.parse({
    id: 'example',
    kind: 'faq',
    de: { question: 'Frage?', answer: 'Antwort.', notAnswered: ['Was kostet das?', 'Wer war schuld?'] },
    en: { question: 'Question?', answer: 'Answer.' },
  });

  it('keeps them, one per line, and adds none where there were none', () => {
    const values = fromEntry(entry);
    expect(values.locales.de?.notAnswered).toBe('Was kostet das?\nWer war schuld?');
    const saved = entrySchema.parse(toEntry(values));
    expect(saved.de.notAnswered).toEqual(['Was kostet das?', 'Wer war schuld?']);
    expect(saved.en.notAnswered).toBeUndefined();
  });

  it('drops empty lines and removes the list when every line is cleared', () => {
    const values = fromEntry(entry);
    const de = values.locales.de;
    if (!de) throw new Error('no German block');
    de.notAnswered = '\n  Wer war schuld?  \n\n';
    expect(entrySchema.parse(toEntry(values)).de.notAnswered).toEqual(['Wer war schuld?']);
    de.notAnswered = '   ';
    expect(entrySchema.parse(toEntry(values)).de.notAnswered).toBeUndefined();
  });
});
