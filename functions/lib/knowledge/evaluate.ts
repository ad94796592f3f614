import type { Matcher } from '../matcher/matcher.ts';
import type { Entry, Locale } from './schema.ts';

export interface EvalCase {
  question: string;
  expected: string | null;
  locale?: Locale;
}

export interface EvalFailure {
  question: string;
  expected: string | null;
  got: string | null;
  status: string;
  confidence: number;
}

export interface EvalReport {
  total: number;
  inScope: { total: number; correct: number; accuracy: number };
  outOfScope: { total: number; falseAnswers: number; falseAnswerRate: number };
  failures: EvalFailure[];
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000;

/**
 * Runs every case through the matcher. In scope: correct means status `answer` with the
 * expected id. Out of scope (`expected: null`): a false answer is any status `answer`.
 */
export function evaluate(matcher: Matcher, cases: readonly EvalCase[]): EvalReport {
  let inScope = 0;
  let correct = 0;
  let outOfScope = 0;
  let falseAnswers = 0;
  const failures: EvalFailure[] = [];
  for (const testCase of cases) {
    const result = matcher.match(testCase.question, testCase.locale);
    const got = result.status === 'answer' ? (result.ranked[0]?.entry.id ?? null) : null;
    const failure = {
      question: testCase.question,
      expected: testCase.expected,
      got,
      status: result.status,
      confidence: result.confidence,
    };
    if (testCase.expected === null) {
      outOfScope++;
      if (result.status === 'answer') {
        falseAnswers++;
        failures.push(failure);
      }
    } else {
      inScope++;
      if (got === testCase.expected) correct++;
      else failures.push({ ...failure, got: result.ranked[0]?.entry.id ?? null });
    }
  }
  return {
    total: cases.length,
    inScope: { total: inScope, correct, accuracy: ratio(correct, inScope) },
    outOfScope: {
      total: outOfScope,
      falseAnswers,
      falseAnswerRate: outOfScope === 0 ? 0 : ratio(falseAnswers, outOfScope),
    },
    failures,
  };
}

/** The knowledge base's own regression phrasings: each entry's `tests`, per locale. */
export function selfTestCases(entries: readonly Entry[]): EvalCase[] {
  return entries.flatMap((entry) =>
    (['de', 'en'] as const).flatMap((locale) =>
      entry[locale].tests.map((question) => ({ question, expected: entry.id, locale })),
    ),
  );
}
