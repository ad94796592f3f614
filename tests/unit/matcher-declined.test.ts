import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { type Entry, entrySchema, type Settings } from '../../functions/lib/knowledge/schema.ts';
import { crossCheck } from '../../functions/lib/knowledge/validate.ts';
import { createMatcher } from '../../functions/lib/matcher/matcher.ts';

/**
 * An entry's `notAnswered` list: questions about its subject that its answer does not answer.
 * Made-up entries, so the behaviour is shown apart from the shipped knowledge base's tuning.
 */
let settings: Settings;
beforeAll(async () => {
  const report = await loadKnowledgeDir('knowledge');
  if (!report.settings) throw new Error('settings missing');
  settings = report.settings;
});

const block = (question: string, alternatives: string[], notAnswered?: string[]) => ({
  question,
  alternatives,
  answer: 'Antwort.',
  ...(notAnswered ? { notAnswered } : {}),
});

const pool = (notAnswered?: string[]): Entry[] => [
  entrySchema.parse({
    id: 'pool-closed',
    kind: 'faq',
    de: block(
      'Warum ist das Schwimmbad geschlossen?',
      ['Wieso ist das Freibad zu?', 'Schwimmbad geschlossen, warum?', 'Wird das Schwimmbad renoviert?'],
      notAnswered,
    ),
    en: block('Why is the swimming pool closed?', ['Is the pool being renovated?']),
  }),
  entrySchema.parse({
    id: 'pool-reopens',
    kind: 'faq',
    de: block('Wann öffnet das Schwimmbad wieder?', ['Wann ist die Renovierung des Schwimmbads fertig?']),
    en: block('When does the pool reopen?', ['When is the renovation finished?']),
  }),
];

const near = 'Welche Baufirma renoviert gerade das Schwimmbad?';

describe('when an entry lists questions it does not answer', () => {
  it('answers a question about its subject when nothing is listed', () => {
    const result = createMatcher(pool(), settings).match(near, 'de');
    expect(result.status).toBe('answer');
    expect(result.ranked[0]?.entry.id).toBe('pool-closed');
  });

  it('does not answer a question closer to a listed one than to its own phrasings', () => {
    const matcher = createMatcher(pool(['Welche Firma renoviert das Schwimmbad?']), settings);
    expect(matcher.match(near, 'de').status).not.toBe('answer');
  });

  it('still answers questions in its own words', () => {
    const matcher = createMatcher(pool(['Welche Firma renoviert das Schwimmbad?']), settings);
    for (const question of ['Warum ist das Schwimmbad zu?', 'Wird das Schwimmbad renoviert?']) {
      const result = matcher.match(question, 'de');
      expect(result.status, question).toBe('answer');
      expect(result.ranked[0]?.entry.id, question).toBe('pool-closed');
    }
  });
});

describe('when a declined question is also a phrasing', () => {
  it('reports the contradiction with file and field', () => {
    const entries = pool(['Wieso ist das Freibad zu?']).map((entry) => ({
      entry,
      file: `entries/${entry.id}.yaml`,
    }));
    expect(crossCheck(entries)).toEqual([
      {
        file: 'entries/pool-closed.yaml',
        field: 'de.notAnswered.0',
        message: '"Wieso ist das Freibad zu?" is also a phrasing of "pool-closed"',
      },
    ]);
  });
});
