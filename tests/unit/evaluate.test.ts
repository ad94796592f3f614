import { describe, expect, it } from 'vitest';
import { type EvalCase, evaluate } from '../../functions/lib/knowledge/evaluate.ts';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import type { Matcher, MatchResult } from '../../functions/lib/matcher/matcher.ts';

// A matcher that gives fixed results, so the report's bookkeeping is what is tested.
const entry = (id: string) => ({ id }) as Entry;
const fixed = (results: Record<string, Pick<MatchResult, 'status' | 'ranked'>>): Matcher => ({
  detectLanguage: () => 'de',
  match: (question) => ({ locale: 'de', confidence: 0.5, ...results[question] }) as MatchResult,
});
const ranked = (...ids: string[]) => ids.map((id) => ({ entry: entry(id), score: 0.5, topical: true }));

describe('the confusions of an evaluation report', () => {
  const cases: EvalCase[] = [
    { question: 'a', expected: 'passwords', locale: 'de' },
    { question: 'b', expected: 'passwords', locale: 'de' },
    { question: 'c', expected: 'passwords', locale: 'de' },
    { question: 'd', expected: null, locale: 'de' },
  ];
  const report = evaluate(
    fixed({
      a: { status: 'answer', ranked: ranked('attackers') },
      b: { status: 'suggest', ranked: ranked('passwords', 'attackers') },
      c: { status: 'none', ranked: [] },
      d: { status: 'answer', ranked: ranked('greeting') },
    }),
    cases,
  );

  it('tells a wrong answer from a right entry that was only suggested, and from no entry at all', () => {
    expect(report.confusions).toEqual(
      expect.arrayContaining([
        { expected: 'passwords', got: 'attackers', answered: true, count: 1 },
        { expected: 'passwords', got: 'passwords', answered: false, count: 1 },
        { expected: 'passwords', got: null, answered: false, count: 1 },
        { expected: null, got: 'greeting', answered: true, count: 1 },
      ]),
    );
    expect(report.confusions).toHaveLength(4);
  });
});
