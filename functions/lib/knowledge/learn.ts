import {
  type Counts,
  countExample,
  type LearnedCounts,
  learnedTerms,
  outOfScope,
  packTerms,
  withoutLearned,
} from '../matcher/learned.ts';
import { createMatcher } from '../matcher/matcher.ts';
import { buildSynonyms } from '../matcher/normalize.ts';
import { type EvalCase, splitOf } from './evaluate.ts';
import { isLanguage } from './locales.ts';
import type { Entry, Settings } from './schema.ts';

/** The blind corpora that `kb learn` counts: `corpus.jsonl`, `corpus-2.jsonl`, … in `eval/`. */
export const isCorpusFile = (name: string) => /^corpus(?:-\d+)?\.jsonl$/.test(name);

/** The probability from which the second opinion counts; chosen on the tuning parts (docs/matching.md). */
export const defaultConfidence = 0.9;

/**
 * The learned counts of `npm run kb -- learn`: each question of the corpora's tuning parts (the
 * held-back parts are skipped here, whatever the caller passes) under its expected entry, or
 * `(none)` when out of scope, by the terms of its question sentence in its detected language.
 * The entries' phrasings are not counted here: the matcher adds them when it starts, so the
 * counts stay valid while staff edit entries.
 */
export function learnCounts(
  entries: readonly Entry[],
  settings: Settings,
  corpora: readonly { file: string; cases: readonly EvalCase[] }[],
  confidence = defaultConfidence,
): LearnedCounts {
  const matcher = createMatcher(entries, withoutLearned(settings));
  const synonyms = {
    de: buildSynonyms(settings.synonyms.de ?? {}, 'de', settings.phrases?.de),
    en: buildSynonyms(settings.synonyms.en ?? {}, 'en', settings.phrases?.en),
  };
  const counts: Counts = { examples: {}, terms: {} };
  let questions = 0;
  for (const { cases } of corpora)
    for (const testCase of cases) {
      if (splitOf(testCase.question) !== 'tuning') continue;
      const language = matcher.detectLanguage(testCase.question);
      if (!isLanguage(language)) continue;
      countExample(
        counts,
        testCase.expected ?? outOfScope,
        learnedTerms(testCase.question, language, synonyms[language], true),
      );
      questions++;
    }
  return {
    confidence,
    trainedOn: { files: corpora.map(({ file }) => file), questions },
    examples: counts.examples,
    terms: packTerms(counts.terms),
  };
}
