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
