import { createHash } from 'node:crypto';
import type { Matcher } from '../matcher/matcher.ts';
import { type Entry, type Locale, localeBlock, localeTags } from './schema.ts';

export interface EvalCase {
  question: string;
  expected: string | null;
  /** Further entry ids that also answer the question correctly (a question on two topics). */
  accept?: string[];
  locale?: Locale;
  /** Corpus category (plain, typo, colloquial, short, long, two-topics, near-miss, ...). */
  category?: string;
}

export interface EvalFailure {
  question: string;
  expected: string | null;
  got: string | null;
  status: string;
  confidence: number;
}

/** The figures of one group of cases (all, one locale, one category). */
export interface EvalFigures {
  total: number;
  inScope: {
    total: number;
    correct: number;
    /** Answered (status `answer`) with the expected entry or an accepted one. */
    accuracy: number;
    /** The right entry is the answer or the first suggestion. */
    firstRate: number;
    /** The right entry is anywhere in the answer or the suggestions. */
    top3Rate: number;
  };
  outOfScope: {
    total: number;
    falseAnswers: number;
    falseAnswerRate: number;
    /** Out-of-scope questions that got an honest `none` (no unrelated suggestions). */
    none: number;
    noneRate: number;
  };
}

export interface EvalReport extends EvalFigures {
  byLocale: Record<string, EvalFigures>;
  byCategory: Record<string, EvalFigures>;
  /**
   * The most frequent failures: expected -> got (null: out of scope, or no entry at all), with
   * whether `got` was answered or only offered as the first suggestion (a right entry that was
   * only suggested is a failure too, but not a confusion of two entries).
   */
  confusions: Confusion[];
  failures: EvalFailure[];
}

export interface Confusion {
  expected: string | null;
  got: string | null;
  answered: boolean;
  count: number;
}

export interface EvalOptions {
  /**
   * Pass each case's `locale` to the matcher (default). Without it the matcher detects the
   * language, as the chat widget does for typed questions; `locale` then only groups figures.
   */
  passLocale?: boolean;
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000;

interface Outcome {
  testCase: EvalCase;
  status: string;
  ids: string[];
  confidence: number;
}

const rightIds = (testCase: EvalCase) =>
  new Set([...(testCase.expected ? [testCase.expected] : []), ...(testCase.accept ?? [])]);

/**
 * An out-of-scope question answered anyway. A line may name an entry that is also fair
 * (`accept`: "Was it the Hafnium group?" is out of scope, but the attackers entry says what is
 * known): answering with it is no false answer.
 */
const falseAnswer = ({ testCase, status, ids }: Outcome) =>
  status === 'answer' && !rightIds(testCase).has(ids[0] ?? '');

function figures(outcomes: readonly Outcome[]): EvalFigures {
  const inScope = outcomes.filter((outcome) => outcome.testCase.expected !== null);
  const outOfScope = outcomes.filter((outcome) => outcome.testCase.expected === null);
  let correct = 0;
  let first = 0;
  let top3 = 0;
  for (const { testCase, status, ids } of inScope) {
    const right = rightIds(testCase);
    if (status === 'answer' && right.has(ids[0] ?? '')) correct++;
    if (right.has(ids[0] ?? '')) first++;
    if (ids.some((id) => right.has(id))) top3++;
  }
  const falseAnswers = outOfScope.filter(falseAnswer).length;
  const none = outOfScope.filter((outcome) => outcome.status === 'none').length;
  return {
    total: outcomes.length,
    inScope: {
      total: inScope.length,
      correct,
      accuracy: ratio(correct, inScope.length),
      firstRate: ratio(first, inScope.length),
      top3Rate: ratio(top3, inScope.length),
    },
    outOfScope: {
      total: outOfScope.length,
      falseAnswers,
      falseAnswerRate: outOfScope.length === 0 ? 0 : ratio(falseAnswers, outOfScope.length),
      none,
      noneRate: ratio(none, outOfScope.length),
    },
  };
}

function groupBy(outcomes: readonly Outcome[], key: (outcome: Outcome) => string | undefined) {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const name = key(outcome);
    if (name === undefined) continue;
    groups.set(name, [...(groups.get(name) ?? []), outcome]);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => [name, figures(group)]),
  );
}

/**
 * Runs every case through the matcher. In scope: correct means status `answer` with the
 * expected (or an accepted) id. Out of scope (`expected: null`): a false answer is any status
 * `answer` with an entry the line does not accept; an honest `none` offers no unrelated suggestions.
 */
export function evaluate(
  matcher: Matcher,
  cases: readonly EvalCase[],
  options: EvalOptions = {},
): EvalReport {
  const passLocale = options.passLocale ?? true;
  const outcomes: Outcome[] = cases.map((testCase) => {
    const result = matcher.match(testCase.question, passLocale ? testCase.locale : undefined);
    return {
      testCase,
      status: result.status,
      ids: result.ranked.map((item) => item.entry.id),
      confidence: result.confidence,
    };
  });
  const failures: EvalFailure[] = [];
  const confusions = new Map<string, Confusion>();
  for (const { testCase, status, ids, confidence } of outcomes) {
    const answered = status === 'answer' ? (ids[0] ?? null) : null;
    const failed =
      testCase.expected === null
        ? falseAnswer({ testCase, status, ids, confidence })
        : !(answered && rightIds(testCase).has(answered));
    if (!failed) continue;
    const got = testCase.expected === null ? answered : (ids[0] ?? null);
    failures.push({ question: testCase.question, expected: testCase.expected, got, status, confidence });
    const answeredGot = status === 'answer' && got !== null;
    const key = `${testCase.expected}\u0000${got}\u0000${answeredGot}`;
    const pair = confusions.get(key) ?? { expected: testCase.expected, got, answered: answeredGot, count: 0 };
    pair.count++;
    confusions.set(key, pair);
  }
  return {
    ...figures(outcomes),
    byLocale: groupBy(outcomes, (outcome) => outcome.testCase.locale),
    byCategory: groupBy(outcomes, (outcome) => outcome.testCase.category),
    confusions: [...confusions.values()]
      .filter((pair) => pair.got !== null || pair.expected !== null)
      .sort((a, b) => b.count - a.count || String(a.expected).localeCompare(String(b.expected)))
      .slice(0, 10),
    failures,
  };
}

/** Folds a question for the split: case, Unicode form and spacing do not move it between parts. */
function splitKey(question: string): string {
  return question.normalize('NFKC').toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
}

export type EvalSplit = 'tuning' | 'held-back';

/**
 * The fixed split of an evaluation corpus: the first byte of the SHA-256 of the folded
 * question below 128 is the tuning part, else the held-back part. Stable across runs, files
 * and line order, so the held-back part can never be chosen after seeing results.
 */
export function splitOf(question: string): EvalSplit {
  const firstByte = createHash('sha256').update(splitKey(question), 'utf8').digest()[0] ?? 0;
  return firstByte < 128 ? 'tuning' : 'held-back';
}

/** The knowledge base's own regression phrasings: each entry's `tests`, per locale (any tag). */
export function selfTestCases(entries: readonly Entry[]): EvalCase[] {
  return entries.flatMap((entry) =>
    localeTags(entry).flatMap((locale) =>
      (localeBlock(entry, locale)?.tests ?? []).map((question) => ({ question, expected: entry.id, locale })),
    ),
  );
}
