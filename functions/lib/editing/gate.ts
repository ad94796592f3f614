import { createHash } from 'node:crypto';
import {
  type EvalCase,
  type EvalFailure,
  type EvalReport,
  evaluate,
  selfTestCases,
} from '../knowledge/evaluate.ts';
import type { Entry, Settings } from '../knowledge/schema.ts';
import { withoutLearned } from '../matcher/learned.ts';
import { createMatcher } from '../matcher/matcher.ts';
import { memo } from '../memo.ts';

/**
 * The publish gate. It runs the knowledge base's own test phrasings (every entry's `tests`)
 * and the eval file's cases against the published state and against the published state with
 * the change applied, matched without the learned counts: it judges what an editor changes, the
 * entries' phrasings, and the counts (made from the corpora by `kb learn`, not by an edit) would
 * carry an entry whose phrasings were broken (round 20). It refuses the change when accuracy would fall below
 * `publishing.minAccuracy` or the false-answer rate rise above `publishing.maxFalseAnswerRate`.
 * When the published state already misses a threshold, the bar for that metric is the current
 * value instead: the change may not make it worse (otherwise a base that starts below the bar
 * would block every fix). The report lists the cases that pass now and would fail afterwards.
 */
export interface GateMetrics {
  accuracy: number;
  falseAnswerRate: number;
  cases: number;
}

export interface GateReport {
  passed: boolean;
  reasons: string[];
  before: GateMetrics;
  after: GateMetrics;
  thresholds: { minAccuracy: number; maxFalseAnswerRate: number };
  /** Cases that pass now and would fail with the change: what would break. */
  newFailures: EvalFailure[];
}

function casesFor(entries: readonly Entry[], evalCases: readonly EvalCase[]): EvalCase[] {
  const ids = new Set(entries.map((entry) => entry.id));
  // An eval question about a deleted entry is out of scope afterwards: it must not be answered.
  const evalFor = evalCases.map((testCase) =>
    testCase.expected !== null && !ids.has(testCase.expected) ? { ...testCase, expected: null } : testCase,
  );
  return [...selfTestCases(entries), ...evalFor];
}

/**
 * The report of one state, remembered: a change is checked, then published, and the state after
 * one publish is the state before the next, so the same state was evaluated up to three times
 * (a matcher build and some 200 questions, about a second each). Keyed by a hash of everything
 * the report depends on. Up to sixteen states: a report is a few kilobytes, and `memo` empties a
 * full cache at once, so with four every fourth new state forgot the others, and a review, its
 * publish or a rollback to a state of a few publishes ago evaluated it again.
 */
const reportLimit = 16;
const reports = new Map<string, EvalReport>();

function reportFor(
  entries: readonly Entry[],
  settings: Settings,
  evalCases: readonly EvalCase[],
): EvalReport {
  const cases = casesFor(entries, evalCases);
  const matched = withoutLearned(settings);
  const key = createHash('sha256')
    .update(JSON.stringify([entries, matched, cases]))
    .digest('hex');
  return memo(reports, key, () => evaluate(createMatcher(entries, matched), cases), reportLimit);
}

const caseKey = (testCase: { question: string; expected: string | null }) =>
  `${testCase.expected ?? ''}\u0000${testCase.question}`;

/** Applies one change (new content, or deletion when `entry` is undefined) to a set of entries. */
export function applyChange(entries: readonly Entry[], entryId: string, entry: Entry | undefined): Entry[] {
  const others = entries.filter((item) => item.id !== entryId);
  return (entry ? [...others, entry] : others).sort((a, b) => a.id.localeCompare(b.id));
}

/** Evaluates a change against the published entries; see the module comment for the rule. */
export function runGate(
  published: readonly Entry[],
  after: readonly Entry[],
  settings: Settings,
  evalCases: readonly EvalCase[],
): GateReport {
  const beforeReport = reportFor(published, settings, evalCases);
  const afterReport = reportFor(after, settings, evalCases);
  const metrics = (report: typeof beforeReport): GateMetrics => ({
    accuracy: report.inScope.accuracy,
    falseAnswerRate: report.outOfScope.falseAnswerRate,
    cases: report.total,
  });
  const before = metrics(beforeReport);
  const afterMetrics = metrics(afterReport);
  const { minAccuracy, maxFalseAnswerRate } = settings.publishing;
  const reasons: string[] = [];
  if (afterMetrics.accuracy < Math.min(minAccuracy, before.accuracy)) {
    reasons.push(
      `accuracy would fall to ${afterMetrics.accuracy} (now ${before.accuracy}, minimum ${minAccuracy})`,
    );
  }
  if (afterMetrics.falseAnswerRate > Math.max(maxFalseAnswerRate, before.falseAnswerRate)) {
    reasons.push(
      `false-answer rate would rise to ${afterMetrics.falseAnswerRate} (now ${before.falseAnswerRate}, maximum ${maxFalseAnswerRate})`,
    );
  }
  const failingBefore = new Set(beforeReport.failures.map(caseKey));
  const newFailures = afterReport.failures.filter((failure) => !failingBefore.has(caseKey(failure)));
  return {
    passed: reasons.length === 0,
    reasons,
    before,
    after: afterMetrics,
    thresholds: { minAccuracy, maxFalseAnswerRate },
    newFailures,
  };
}
