import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalCase, splitOf } from '../../functions/lib/knowledge/evaluate.ts';
import { loadKnowledgeDir, readEvalFile } from '../../functions/lib/knowledge/files.ts';
import { isCorpusFile, learnCounts } from '../../functions/lib/knowledge/learn.ts';
import type { Settings } from '../../functions/lib/knowledge/schema.ts';
import type { ValidationReport } from '../../functions/lib/knowledge/validate.ts';
import {
  createClassifier,
  createScopeClassifier,
  outOfScope,
  packTerms,
  secondOpinion,
} from '../../functions/lib/matcher/learned.ts';
import { createMatcher, type Matcher } from '../../functions/lib/matcher/matcher.ts';

let report: ValidationReport;
let settings: Settings;
beforeAll(async () => {
  report = await loadKnowledgeDir();
  if (!report.settings) throw new Error('settings missing');
  settings = report.settings;
});

describe('the learned counts', () => {
  it('count only the tuning parts, however the corpora are passed', () => {
    const questions = [
      'Wurden meine Daten gestohlen?',
      'Sind meine Daten weg?',
      'Were my details stolen?',
      'Did anyone take my data?',
      'Hat jemand meine Daten mitgenommen?',
      'Is my data gone?',
    ];
    const cases: EvalCase[] = questions.map((question) => ({ question, expected: 'data-leaked' }));
    const tuning = cases.filter((testCase) => splitOf(testCase.question) === 'tuning').length;
    // The list has both parts, or the test says nothing.
    expect(tuning).toBeGreaterThan(0);
    expect(tuning).toBeLessThan(cases.length);
    const counts = learnCounts(report.entries, settings, [{ file: 'eval/x.jsonl', cases }]);
    expect(counts.trainedOn).toEqual({ files: ['eval/x.jsonl'], questions: tuning });
    expect(counts.examples['data-leaked']).toBe(tuning);
  });

  it('in the knowledge folder are those of every corpus there, made after the last change to one', async () => {
    const learned = settings.matcher.learned;
    if (!learned) throw new Error('knowledge/learned.json is missing: npm run kb -- learn');
    const names = (await readdir('knowledge/eval')).filter(isCorpusFile);
    expect([...learned.trainedOn.files].sort()).toEqual(names.map((name) => `eval/${name}`).sort());
    let tuning = 0;
    for (const name of names)
      tuning += (await readEvalFile(`knowledge/eval/${name}`)).filter(
        (testCase) => splitOf(testCase.question) === 'tuning',
      ).length;
    expect(learned.trainedOn.questions).toBe(tuning);
  });
});

describe('the packed counts', () => {
  const counts = {
    a: { 'de:daten': 3, 'en:data': 2, 'de:wetter': 1, 'en:odd:term': 1 },
    b: { 'en:data': 1, 'de:wetter': 2 },
  };

  it('name a language where it changes and leave out a count of 1', () => {
    expect(packTerms(counts)).toEqual({
      a: 'de:daten=3 wetter en:data=2 en:odd:term',
      b: 'de:wetter=2 en:data',
    });
  });

  it('read alike in the packed form and the older form with every term tagged and counted', () => {
    const examples = { a: 4, b: 2 };
    const older = { a: 'de:daten=3 en:data=2 de:wetter=1 en:odd:term=1', b: 'en:data=1 de:wetter=2' };
    const packed = createClassifier({ examples, terms: packTerms(counts) }, []);
    const tagged = createClassifier({ examples, terms: older }, []);
    for (const terms of [['de:daten'], ['de:wetter'], ['en:data'], ['en:odd:term'], ['wetter']])
      expect(packed(terms)).toEqual(tagged(terms));
  });
});

describe('the classifier', () => {
  const classify = createClassifier(
    {
      examples: { a: 3, [outOfScope]: 3 },
      terms: { a: 'de:daten=3', [outOfScope]: 'de:wetter=3' },
    },
    [{ id: 'b', terms: ['de:passwort'] }],
  );

  it('gives the label whose questions share the terms, and knows entries by their phrasings', () => {
    expect(classify(['de:daten'])[0]?.id).toBe('a');
    expect(classify(['de:wetter'])[0]?.id).toBe(outOfScope);
    expect(classify(['de:passwort'])[0]?.id).toBe('b');
  });

  it('ignores terms it never saw and gives probabilities that add up', () => {
    expect(classify(['de:daten', 'de:unbekannt'])[0]?.id).toBe('a');
    const all = createClassifier({ examples: { a: 1, b: 1 }, terms: { a: 'x=1', b: 'y=1' } }, []);
    const sum = all(['x']).reduce((total, opinion) => total + opinion.probability, 0);
    expect(sum).toBeCloseTo(1, 6);
  });
});

describe('the scope classifier', () => {
  const outside = createScopeClassifier(
    {
      examples: { a: 3, b: 3, [outOfScope]: 3 },
      terms: { a: 'de:daten=3', b: 'de:daten=1 de:passwort=2', [outOfScope]: 'de:wetter=3' },
    },
    [{ id: 'c', terms: ['de:schulz'] }],
  );

  it('tells how likely it is that no entry answers, with all entries as one', () => {
    expect(outside(['de:wetter'])).toBeGreaterThan(0.8);
    expect(outside(['de:daten'])).toBeLessThan(0.1);
    expect(outside(['de:passwort'])).toBeLessThan(0.2);
  });

  it('counts the entries’ phrasings as questions some entry answers', () => {
    expect(outside(['de:schulz'])).toBeLessThan(0.5);
  });
});

describe('the second opinion', () => {
  const item = (id: string, score: number) => ({ entry: { id }, score });
  const decision = (status: 'answer' | 'suggest' | 'none', ...ranked: ReturnType<typeof item>[]) => ({
    status,
    confidence: ranked[0]?.score ?? 0,
    ranked,
  });
  const sure = (id: string) => ({ id, probability: 0.95 });

  it('answers with a suggested entry it is sure of', () => {
    const result = secondOpinion(decision('suggest', item('a', 0.5), item('b', 0.45)), sure('b'), {
      confidence: 0.9,
    });
    expect(result.status).toBe('answer');
    expect(result.ranked.map((ranked) => ranked.entry.id)).toEqual(['b', 'a']);
  });

  it('puts a close runner-up first, but not one far behind', () => {
    expect(
      secondOpinion(decision('answer', item('a', 0.7), item('b', 0.6)), sure('b'), { confidence: 0.9 })
        .ranked[0]?.entry.id,
    ).toBe('b');
    expect(
      secondOpinion(decision('answer', item('a', 0.8), item('b', 0.5)), sure('b'), { confidence: 0.9 })
        .ranked[0]?.entry.id,
    ).toBe('a');
  });

  it('holds back an answer when it is sure nothing answers, unless the matcher is sure of it', () => {
    expect(
      secondOpinion(decision('answer', item('a', 0.7)), sure(outOfScope), { confidence: 0.9 }).status,
    ).toBe('suggest');
    expect(
      secondOpinion(decision('answer', item('a', 0.95)), sure(outOfScope), { confidence: 0.9 }).status,
    ).toBe('answer');
    expect(
      secondOpinion(decision('answer', item('a', 0.95), item('b', 0.9)), sure('b'), {
        confidence: 0.9,
      }).ranked[0]?.entry.id,
    ).toBe('a');
  });

  it('holds back a less than confident answer when it is nearly sure that no entry answers', () => {
    expect(
      secondOpinion(decision('answer', item('a', 0.7)), undefined, { confidence: 0.9, outside: 0.99 }).status,
    ).toBe('suggest');
    expect(
      secondOpinion(decision('answer', item('a', 0.85)), undefined, { confidence: 0.9, outside: 0.99 })
        .status,
    ).toBe('answer');
    expect(
      secondOpinion(decision('answer', item('a', 0.7)), undefined, { confidence: 0.9, outside: 0.8 }).status,
    ).toBe('answer');
    // an answer the opinion chose is held back the same way
    expect(
      secondOpinion(decision('suggest', item('a', 0.6)), sure('a'), { confidence: 0.9, outside: 0.99 })
        .status,
    ).toBe('suggest');
  });

  it('answers a question capped for a word that neither the entries nor the counts know only when nearly sure', () => {
    // "Is my Xbox safe now?": the matcher capped it at the unknown-topic cap (0.5).
    const capped = decision('suggest', item('a', 0.5));
    const fairlySure = { id: 'a', probability: 0.92 };
    expect(secondOpinion(capped, fairlySure, { confidence: 0.9, knows: false }).status).toBe('suggest');
    expect(
      secondOpinion(capped, { id: 'a', probability: 0.96 }, { confidence: 0.9, knows: false }).status,
    ).toBe('answer');
    expect(secondOpinion(capped, fairlySure, { confidence: 0.9, knows: true }).status).toBe('answer');
  });

  it('answers with an entry the matcher did not rank only when nearly sure and the matcher came close', () => {
    const unranked = (id: string) => item(id, 0.3);
    const close = { status: 'none' as const, confidence: 0.5, ranked: [] as ReturnType<typeof item>[] };
    const nearlySure = { id: 'c', probability: 0.99 };
    const answered = secondOpinion(close, nearlySure, { confidence: 0.9, unranked });
    // a word the counts never saw may be what the question is about
    expect(secondOpinion(close, nearlySure, { confidence: 0.9, unranked, knows: false }).status).toBe('none');
    expect(answered.status).toBe('answer');
    expect(answered.ranked.map((ranked) => ranked.entry.id)).toEqual(['c']);
    // a "no answer" rule leaves confidence 0
    expect(secondOpinion({ ...close, confidence: 0 }, nearlySure, { confidence: 0.9, unranked }).status).toBe(
      'none',
    );
    expect(secondOpinion(close, { id: 'c', probability: 0.93 }, { confidence: 0.9, unranked }).status).toBe(
      'none',
    );
    expect(
      secondOpinion({ ...close, confidence: 0.35 }, nearlySure, { confidence: 0.9, unranked }).status,
    ).toBe('none');
  });

  it('brings no entry the matcher did not rank without a way to score it, and stays silent below its confidence', () => {
    expect(secondOpinion(decision('none'), sure('a'), { confidence: 0.9 }).status).toBe('none');
    expect(secondOpinion(decision('suggest', item('a', 0.5)), sure('c'), { confidence: 0.9 }).status).toBe(
      'suggest',
    );
    expect(
      secondOpinion(decision('suggest', item('a', 0.5)), { id: 'a', probability: 0.6 }, { confidence: 0.9 })
        .status,
    ).toBe('suggest');
  });
});

describe('the matcher with the learned counts', () => {
  let alone: Matcher;
  let learned: Matcher;
  beforeAll(() => {
    const { learned: _counts, ...matcher } = settings.matcher;
    alone = createMatcher(report.entries, { ...settings, matcher });
    learned = createMatcher(report.entries, settings);
  });
  const outcome = (matcher: Matcher, question: string) => {
    const result = matcher.match(question);
    return `${result.status} ${result.ranked[0]?.entry.id}`;
  };

  it('answers a question the rules only suggested, with the entry they ranked first', () => {
    const question = 'Was this Exchange problem just your town or lots of others as well?';
    expect(outcome(alone, question)).toBe('suggest exchange-vulnerability');
    expect(outcome(learned, question)).toBe('answer exchange-vulnerability');
  });

  it('leaves out counts that know fewer than half of the entries (another knowledge base)', () => {
    const renamed = report.entries.map((entry) => ({ ...entry, id: `other-${entry.id}`, related: [] }));
    const other = createMatcher(renamed, settings);
    // The example changes with the counts: until round 28 "Were the passwords of the town's staff
    // stolen too?", which round 29's counts (corpora 100-103) take for `passwords`.
    const question = "Were the council's bank accounts hacked?";
    expect(outcome(alone, question)).toBe('answer passwords');
    expect(outcome(learned, question)).toBe('suggest passwords');
    // The renamed knowledge base matches as it would without counts: none of their labels is its.
    expect(outcome(other, question)).toBe('answer other-passwords');
  });
});
