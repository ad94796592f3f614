import fc from 'fast-check';
import Fuse from 'fuse.js/basic';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir, readEvalFile } from '../../functions/lib/knowledge/files.ts';
import type { Entry, Settings } from '../../functions/lib/knowledge/schema.ts';
import { FuzzyBucket } from '../../functions/lib/matcher/fuzzy-bucket.ts';
import { Tally } from '../../functions/lib/matcher/masks.ts';
import { createMatcher } from '../../functions/lib/matcher/matcher.ts';
import { compilePhrases, lowerCase, rephrase } from '../../functions/lib/matcher/phrases.ts';
import { scopeOf } from '../../functions/lib/matcher/scope.ts';

// The shortcuts that keep a question fast on a large knowledge base change no outcome: each is
// checked against the plain computation it replaces.

describe('a bucket of words searched for misspellings', () => {
  const options = { includeScore: true, threshold: 0.35, minMatchCharLength: 3 };
  // Few letters, so that many words are near each other and the filter has work to do.
  const word = fc.stringMatching(/^[aeinrst]{3,9}$/);

  it('finds what fuse.js finds over all its words, in the same order and with the same scores', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, (words, typed) => {
        const plain = new Fuse(words, options).search(typed, { limit: 2 });
        const bucket = new FuzzyBucket(words, options.threshold).search(typed, 2);
        expect(bucket.map(({ item, score }) => [item, score])).toEqual(
          plain.map(({ item, score }) => [item, score]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out only words too different to be found', () => {
    const bucket = new FuzzyBucket(['passwort', 'personal', 'zugriffe'], 0.35);
    expect(bucket.search('pasword', 2).map(({ item }) => item)).toEqual(['passwort']);
    expect(bucket.search('xyzxyzx', 2)).toEqual([]);
  });
});

describe('the sums of one scoring pass', () => {
  it('start from zero again, whatever the pass before left', () => {
    const tally = new Tally(4);
    tally.reset().touch(1);
    tally.touch(3);
    tally.first[1] = 0.5;
    tally.second[3] = 2;
    tally.masks[2] = 7;
    tally.reset();
    expect([...tally.first, ...tally.second, ...tally.masks].every((value) => value === 0)).toBe(true);
    expect(tally.size).toBe(0);
  });
});

describe('entries scored level', () => {
  let settings: Settings;
  beforeAll(async () => {
    const loaded = (await loadKnowledgeDir()).settings;
    if (!loaded) throw new Error('the shipped settings do not load');
    settings = loaded;
  });

  const entry = (id: string): Entry => ({
    id,
    kind: 'faq',
    related: [],
    de: {
      question: 'Wie pflege ich meine Kakteen im Winter?',
      alternatives: [],
      keywords: [],
      answer: 'A.',
      tests: [],
    },
    en: {
      question: 'How do I care for my cacti in winter?',
      alternatives: [],
      keywords: [],
      answer: 'A.',
      tests: [],
    },
  });

  it('are ranked in the order of their ids, however the knowledge base lists them', () => {
    const ids = ['kakteen-b', 'kakteen-10', 'kakteen-a', 'kakteen-1'];
    const matcher = createMatcher(ids.map(entry), settings);
    const result = matcher.match('Kakteen im Winter pflegen', 'de');
    expect(result.ranked.map((ranked) => ranked.entry.id)).toEqual(
      [...ids].sort((a, b) => a.localeCompare(b)).slice(0, settings.matcher.maxSuggestions),
    );
    expect(new Set(result.ranked.map((ranked) => ranked.score)).size).toBe(1);
  });
});

/** One of `texts`, with some of its words capitalised, shouted or lowered. */
const withCapitals = (texts: readonly string[]) =>
  fc.tuple(fc.nat(), fc.array(fc.constantFrom('lower', 'capital', 'shout', 'keep'))).map(([index, cases]) =>
    (texts[index % texts.length] ?? '').replace(/\p{L}+/gu, (word) => {
      const how = cases.pop() ?? 'keep';
      if (how === 'shout') return word.toUpperCase();
      if (how === 'lower') return word.toLowerCase();
      return how === 'capital' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    }),
  );

describe('phrase rules tried case-exact on the lowercased text first', () => {
  let rules: readonly (readonly [string, string])[] = [];
  /** The plain computation the probes stand in for: every pattern, case-blind, in order. */
  let plain: (text: string) => string = (text) => text;
  let texts: string[] = [];
  beforeAll(async () => {
    const report = await loadKnowledgeDir();
    rules = [...(report.settings?.phrases?.de ?? []), ...(report.settings?.phrases?.en ?? [])];
    const patterns = rules.map(([source, replacement]) => [new RegExp(source, 'giu'), replacement] as const);
    plain = (text) =>
      patterns.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
    // Real wordings that some rule rephrases: a comparison on the others would say nothing.
    const wordings = report.entries.flatMap((entry) => [...entry.de.alternatives, ...entry.en.alternatives]);
    texts = wordings.slice(0, 600).filter((text) => plain(text) !== text);
  });

  it('give the same text as every pattern tried case-blind, whatever the capitals', () => {
    expect(texts.length).toBeGreaterThan(50);
    const compiled = compilePhrases(rules);
    const typed = withCapitals(texts);
    fc.assert(
      fc.property(typed, (text) => {
        expect(rephrase(text, compiled)).toBe(plain(text));
      }),
      { numRuns: 300 },
    );
  });

  it('give the same text with the letters whose lower case is no case folding: İ and ſ (review)', () => {
    const compiled = compilePhrases(rules);
    for (const text of texts.slice(0, 60)) {
      for (const changed of [text.replace(/i/u, 'İ'), `İlker, ${text}`, text.replace(/s/u, 'ſ')])
        expect(rephrase(changed, compiled), changed).toBe(plain(changed));
    }
  });

  it('try a rule published with a capital case-blind (no probe)', () => {
    expect(rephrase('ich bin da', compilePhrases([['\\bIch\\b', 'X']]))).toBe('X bin da');
  });
});

describe("the settings' never-said and instruction patterns tried case-exact on the lowercased text", () => {
  it.each(['neverSaid', 'instructions'] as const)(
    '%s find what the patterns find case-blind, whatever the capitals',
    async (list) => {
      const report = await loadKnowledgeDir();
      const sources = report.settings?.matcher[list] ?? [];
      const scope = scopeOf({ [list]: sources });
      const blind = sources.map((source) => new RegExp(source, 'iu'));
      // Questions of corpus 1 that some pattern finds: a comparison on the others would say nothing.
      const questions = (await readEvalFile('knowledge/eval/corpus.jsonl')).map(
        (testCase) => testCase.question,
      );
      const found = questions.filter((question) => blind.some((pattern) => pattern.test(question)));
      expect(found.length).toBeGreaterThan(10);
      const typed = withCapitals(found);
      fc.assert(
        fc.property(typed, (text) => {
          const lower = lowerCase(text);
          expect(scope[list].map((pattern) => pattern.test(lower))).toEqual(
            blind.map((pattern) => pattern.test(text)),
          );
        }),
        { numRuns: 200 },
      );
    },
  );
});
