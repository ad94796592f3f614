import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { EvalCase } from '../../functions/lib/knowledge/evaluate.ts';
import type { Entry, Language as Locale, Settings } from '../../functions/lib/knowledge/schema.ts';
import type { Matcher, MatchResult, MatchStatus } from '../../functions/lib/matcher/matcher.ts';
import { analyze, buildSynonyms, type SynonymTable } from '../../functions/lib/matcher/normalize.ts';

/**
 * What a team would build instead of a hand-written index: fuse.js, MiniSearch and Orama, each
 * over the same phrasings and, for MiniSearch and Orama, the project's own folding (stop words,
 * synonyms, umlauts, stemming), so only the ranking differs. Each library ranks; the decision
 * (answer, suggest, none) uses one score threshold per library, calibrated on the corpus's
 * tuning part like ours.
 */
export interface Ranker {
  name: string;
  rank(question: string, locale: Locale): { id: string; score: number }[];
}

const locales = ['de', 'en'] as const;

interface Phrasing {
  id: string;
  entryId: string;
  text: string;
}

/**
 * One document per phrasing (the question, each alternative, the keywords together), as FAQ
 * search is usually set up: one document per entry made long entries match everything, and
 * BM25's length normalisation then punished exactly the entries with the most phrasings.
 */
function phrasings(entries: readonly Entry[], locale: Locale): Phrasing[] {
  return entries.flatMap((entry) => {
    const localized = entry[locale];
    return [localized.question, ...localized.alternatives, localized.keywords.join(' ')]
      .filter((text) => text.trim() !== '')
      .map((text, index) => ({ id: `${entry.id}#${index}`, entryId: entry.id, text }));
  });
}

/**
 * Each entry's best phrasing, best first, scored per distinct question term: BM25 sums over the
 * question's terms, so without this a long out-of-scope story outscored every short question and
 * set the calibrated threshold out of reach.
 */
function bestEntries(
  hits: readonly { entryId: string; score: number }[],
  questionTerms: number,
): { id: string; score: number }[] {
  const best = new Map<string, number>();
  for (const { entryId, score } of hits) best.set(entryId, Math.max(best.get(entryId) ?? 0, score));
  return [...best]
    .map(([id, score]) => ({ id, score: score / Math.max(1, questionTerms) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
}

/** Plain fuse.js with default options over every phrasing (what a first attempt would do). */
export function fuseRanker(entries: readonly Entry[]): Ranker {
  const fuses = Object.fromEntries(
    locales.map((locale) => [
      locale,
      new Fuse(
        entries.map((entry) => ({
          id: entry.id,
          question: entry[locale].question,
          alternatives: entry[locale].alternatives,
        })),
        { keys: ['question', 'alternatives'], includeScore: true },
      ),
    ]),
  ) as Record<Locale, Fuse<{ id: string; question: string; alternatives: string[] }>>;
  return {
    name: 'fuse.js (default options)',
    rank: (question, locale) =>
      fuses[locale]
        .search(question, { limit: 3 })
        .map((hit) => ({ id: hit.item.id, score: 1 - (hit.score ?? 1) })),
  };
}

/** MiniSearch: BM25 with fuzzy terms (edit distance 20 % of the term) and the project's folding. */
export function miniSearchRanker(entries: readonly Entry[], settings: Pick<Settings, 'synonyms'>): Ranker {
  const indexes = Object.fromEntries(
    locales.map((locale) => {
      const synonyms = buildSynonyms(settings.synonyms[locale], locale);
      const tokenize = (text: string) => analyze(text, locale, synonyms);
      const index = new MiniSearch<Phrasing>({
        fields: ['text'],
        storeFields: ['entryId'],
        tokenize,
        processTerm: (term) => term,
        searchOptions: { fuzzy: 0.2, combineWith: 'OR' },
      });
      index.addAll(phrasings(entries, locale));
      return [locale, { index, tokenize }];
    }),
  ) as Record<Locale, { index: MiniSearch<Phrasing>; tokenize: (text: string) => string[] }>;
  return {
    name: 'MiniSearch (BM25, fuzzy)',
    rank: (question, locale) => {
      const { index, tokenize } = indexes[locale];
      const hits = index.search(question).map((hit) => ({ entryId: String(hit.entryId), score: hit.score }));
      return bestEntries(hits, new Set(tokenize(question)).size);
    },
  };
}

/** Orama: BM25 with typo tolerance 1 and the project's folding as its tokenizer. */
export function oramaRanker(entries: readonly Entry[], settings: Pick<Settings, 'synonyms'>): Ranker {
  const indexes = Object.fromEntries(
    locales.map((locale) => {
      const synonyms: SynonymTable = buildSynonyms(settings.synonyms[locale], locale);
      // Each token once, as Orama's own tokenizer returns them: its BM25 counts a repeated token
      // as another matching document, which turned the IDF of common terms negative. The end
      // mark keeps Orama from matching every term that starts with a question's stem
      // ("stadt" in "stadtverwalt"), which it does for any term without it.
      const tokenize = (raw: string) => [
        ...new Set(analyze(raw, locale, synonyms).map((term) => `${term}.`)),
      ];
      const db = create({
        schema: { entryId: 'string', text: 'string' } as const,
        components: {
          tokenizer: {
            language: locale === 'de' ? 'german' : 'english',
            normalizationCache: new Map(),
            tokenize,
          },
        },
      });
      const inserted = insertMultiple(
        db,
        phrasings(entries, locale).map(({ entryId, text }) => ({ entryId, text })),
      );
      if (inserted instanceof Promise) throw new Error('Orama inserted asynchronously');
      return [locale, { db, tokenize }];
    }),
  ) as Record<
    Locale,
    {
      db: ReturnType<typeof create<{ entryId: 'string'; text: 'string' }>>;
      tokenize: (raw: string) => string[];
    }
  >;
  return {
    name: 'Orama (BM25, tolerance 1)',
    rank: (question, locale) => {
      const { db, tokenize } = indexes[locale];
      const results = oramaSearch(db, {
        term: question,
        properties: ['text'],
        tolerance: 1,
        threshold: 1,
        limit: 50,
      });
      if (results instanceof Promise) throw new Error('Orama searched asynchronously');
      const hits = results.hits.map((hit) => ({ entryId: String(hit.document.entryId), score: hit.score }));
      return bestEntries(hits, tokenize(question).length);
    },
  };
}

/**
 * A ranker as a matcher: the project's language detection, then `answer` from `threshold` on,
 * `suggest` from half of it, else `none` (the same three outcomes as the project's matcher).
 */
export function asMatcher(
  ranker: Ranker,
  entries: readonly Entry[],
  detect: (question: string) => Locale,
  threshold: number,
): Matcher {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return {
    detectLanguage: detect,
    match(question: string, locale?: Locale): MatchResult {
      const lang = locale ?? detect(question);
      const ranked = ranker
        .rank(question, lang)
        .flatMap(({ id, score }) => {
          const entry = byId.get(id);
          return entry ? [{ entry, score, topical: true }] : [];
        })
        .filter((item) => item.score >= threshold / 2);
      const confidence = ranked[0]?.score ?? 0;
      const status: MatchStatus = confidence >= threshold ? 'answer' : ranked.length > 0 ? 'suggest' : 'none';
      return { status, locale: lang, confidence, ranked: status === 'answer' ? ranked.slice(0, 1) : ranked };
    },
  };
}

/**
 * The answer threshold for a ranker, chosen on the tuning cases: the most questions answered
 * correctly while at most 5 % of the out-of-scope questions are answered (else the fewest false
 * answers). Scores are computed once; each candidate threshold is one of them.
 */
export function calibrate(
  ranker: Ranker,
  detect: (question: string) => Locale,
  cases: readonly EvalCase[],
): number {
  const tops = cases.map((testCase) => {
    const top = ranker.rank(testCase.question, detect(testCase.question))[0];
    const right = new Set([testCase.expected, ...(testCase.accept ?? [])]);
    return {
      score: top?.score ?? 0,
      inScope: testCase.expected !== null,
      right: top ? right.has(top.id) : false,
    };
  });
  const inScope = tops.filter((top) => top.inScope).length || 1;
  const outOfScope = tops.filter((top) => !top.inScope).length || 1;
  let best = { threshold: Number.POSITIVE_INFINITY, correct: -1, falseRate: 1 };
  for (const { score: threshold } of tops) {
    if (threshold <= 0) continue;
    const answered = tops.filter((top) => top.score >= threshold);
    const correct = answered.filter((top) => top.inScope && top.right).length / inScope;
    const falseRate = answered.filter((top) => !top.inScope).length / outOfScope;
    const ok = falseRate <= 0.05;
    const better = ok
      ? best.falseRate > 0.05 || correct > best.correct
      : best.falseRate > 0.05 && falseRate < best.falseRate;
    if (better) best = { threshold, correct, falseRate };
  }
  return best.threshold;
}
