import Fuse from 'fuse.js';
import { type EvalCase, evaluate } from '../../functions/lib/knowledge/evaluate.ts';
import type { Entry, Locale, Settings } from '../../functions/lib/knowledge/schema.ts';
import { createMatcher, type Matcher } from '../../functions/lib/matcher/matcher.ts';

/**
 * The baseline a first attempt would write: fuse.js with default options over every entry's
 * question and alternative phrasings; the best hit is the answer.
 */
export function createBaseline(entries: readonly Entry[]): Matcher {
  const docs = entries.flatMap((entry) =>
    (['de', 'en'] as const).map((locale) => ({
      entry,
      locale,
      question: entry[locale].question,
      alternatives: entry[locale].alternatives,
    })),
  );
  const fuse = new Fuse(docs, { keys: ['question', 'alternatives'], includeScore: true });
  return {
    detectLanguage: () => 'de',
    match(question: string) {
      const hit = fuse.search(question, { limit: 3 })[0];
      const locale: Locale = hit?.item.locale ?? 'de';
      const confidence = 1 - (hit?.score ?? 1);
      return {
        status: hit ? 'answer' : 'none',
        locale,
        confidence,
        ranked: hit ? [{ entry: hit.item.entry, score: confidence, topical: true }] : [],
      };
    },
  };
}

/** Deterministic pseudo-random numbers, so every run benchmarks the same knowledge base. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const syllables = [
  'ka',
  'to',
  'ber',
  'lin',
  'sch',
  'au',
  'ver',
  'ung',
  'ge',
  'mel',
  'dat',
  'stra',
  'ei',
  'ne',
  'ur',
  'pol',
  'ri',
  'fen',
  'ter',
  'mo',
];

/** A large synthetic knowledge base (valid entries with long, realistic-length phrasings). */
export function generateKnowledgeBase(size: number, seed = 42): Entry[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const vocabulary = Array.from({ length: 6000 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(syllables)).join(''),
  );
  const sentence = (words: number) => `${Array.from({ length: words }, () => pick(vocabulary)).join(' ')}?`;
  const localized = () => ({
    question: sentence(8 + Math.floor(next() * 8)),
    alternatives: Array.from({ length: 8 }, () => sentence(6 + Math.floor(next() * 10))),
    keywords: Array.from({ length: 4 }, () => pick(vocabulary)),
    answer: 'Antwort.',
    tests: [],
  });
  return Array.from({ length: size }, (_, index) => ({
    id: `generated-${index}`,
    kind: 'faq' as const,
    related: [],
    de: localized(),
    en: localized(),
  }));
}

/** Questions for the large knowledge base: phrasings of random entries with a typo and extra words. */
export function generatedQuestions(entries: readonly Entry[], count: number, seed = 7): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const entry = entries[Math.floor(next() * entries.length)] as Entry;
    const words = entry.de.alternatives[Math.floor(next() * entry.de.alternatives.length)]?.split(' ') ?? [];
    const position = Math.floor(next() * words.length);
    words[position] = (words[position] ?? '').slice(1);
    return `${words.join(' ')} bitte schnell`;
  });
}

export interface LatencyStats {
  p50: number;
  p99: number;
  mean: number;
}

/** Milliseconds per question, after a warm-up round. */
export function latency(matcher: Matcher, questions: readonly string[], rounds = 1): LatencyStats {
  for (const question of questions.slice(0, 20)) matcher.match(question);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const start = process.hrtime.bigint();
      matcher.match(question);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
}

export interface MatcherBench {
  dev: {
    matcher: { accuracy: number; falseAnswerRate: number; p50: number; p99: number };
    baseline: { accuracy: number; falseAnswerRate: number; p50: number; p99: number };
  };
  large: {
    entries: number;
    questions: number;
    buildMs: number;
    matcher: LatencyStats;
    baseline: LatencyStats;
  };
  ratios: { accuracyGain: number; devP99Speedup: number; largeP99Speedup: number };
}

/** Runs matcher and baseline side by side on the dev set and on a generated large knowledge base. */
export function benchMatcher(
  entries: readonly Entry[],
  settings: Settings,
  dev: readonly EvalCase[],
  largeSize = 2000,
): MatcherBench {
  const matcher = createMatcher(entries, settings);
  const baseline = createBaseline(entries);
  const questions = dev.map((testCase) => testCase.question);
  const ours = evaluate(matcher, dev);
  const theirs = evaluate(baseline, dev);
  const oursLatency = latency(matcher, questions, 20);
  const theirsLatency = latency(baseline, questions, 20);

  const large = generateKnowledgeBase(largeSize);
  const buildStart = performance.now();
  const largeMatcher = createMatcher(large, settings);
  const buildMs = performance.now() - buildStart;
  const largeBaseline = createBaseline(large);
  const largeQuestions = [...generatedQuestions(large, 150), ...questions];
  const largeOurs = latency(largeMatcher, largeQuestions, 3);
  // The baseline takes seconds per question here: a sample of 60 keeps the run in minutes.
  const largeTheirs = latency(largeBaseline, largeQuestions.slice(0, 60), 1);

  return {
    dev: {
      matcher: {
        accuracy: ours.inScope.accuracy,
        falseAnswerRate: ours.outOfScope.falseAnswerRate,
        ...pick(oursLatency),
      },
      baseline: {
        accuracy: theirs.inScope.accuracy,
        falseAnswerRate: theirs.outOfScope.falseAnswerRate,
        ...pick(theirsLatency),
      },
    },
    large: {
      entries: largeSize,
      questions: largeQuestions.length,
      buildMs,
      matcher: largeOurs,
      baseline: largeTheirs,
    },
    ratios: {
      accuracyGain: ours.inScope.accuracy - theirs.inScope.accuracy,
      devP99Speedup: theirsLatency.p99 / oursLatency.p99,
      largeP99Speedup: largeTheirs.p99 / largeOurs.p99,
    },
  };
}

function pick(stats: LatencyStats): { p50: number; p99: number } {
  return { p50: stats.p50, p99: stats.p99 };
}
