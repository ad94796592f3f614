import Fuse from 'fuse.js';
import type { Entry, Locale, Settings } from '../knowledge/schema.ts';
import { scoring as tuning } from './config.ts';
import {
  analyze,
  analyzeTerms,
  buildSynonyms,
  canonicalWord,
  type SynonymTable,
  stem,
  words,
} from './normalize.ts';
import { stopWords } from './stop-words.ts';

/**
 * The matcher: an inverted index over the stemmed terms of every entry's question,
 * alternative phrasings and keywords, with fuse.js for typo tolerance on the vocabulary.
 *
 * Why not fuse.js over whole questions? It scans every string on every query (hundreds of
 * milliseconds on a large knowledge base) and scores character overlap, not meaning. Here
 * fuse.js only looks up words that are not in the vocabulary, within a small bucket, and the
 * index touches only phrasings that share a term with the question.
 */

export type MatchStatus = 'answer' | 'suggest' | 'none';

export interface RankedEntry {
  entry: Entry;
  /** Confidence in [0, 1] that this entry answers the question. */
  score: number;
}

export interface MatchResult {
  status: MatchStatus;
  locale: Locale;
  confidence: number;
  /** Best entries first; `answer` uses the first, `suggest` offers up to `maxSuggestions`. */
  ranked: RankedEntry[];
}

export type MatcherOptions = Settings['matcher'];

interface Phrasing {
  entry: number;
  terms: string[];
  /** Sum of the terms' weights, for the share of the phrasing that the question covers. */
  weight: number;
}

interface TermMatch {
  term: string;
  similarity: number;
  /** Only part of a compound was found ("Bauantrag" -> "antrag"): the rest is unknown. */
  partial?: boolean;
}

/** Question terms beyond this are ignored (bit masks; a 500-character question has fewer). */
const maxQueryTerms = 48;

/** A term in more phrasings than this is "common": it only adds to candidates found by rarer terms. */
const longPostings = 512;

class LocaleIndex {
  readonly phrasings: Phrasing[] = [];
  readonly postings = new Map<string, number[]>();
  readonly idf = new Map<string, number>();
  private readonly fuzzyBuckets = new Map<string, Fuse<string>>();
  private readonly bucketTerms = new Map<string, string[]>();
  private readonly maxIdf: number;

  constructor(
    readonly locale: Locale,
    entries: readonly Entry[],
    readonly synonyms: SynonymTable,
  ) {
    const entriesWithTerm = new Map<string, Set<number>>();
    entries.forEach((entry, entryIndex) => {
      const localized = entry[locale];
      for (const text of [localized.question, ...localized.alternatives, ...localized.keywords]) {
        const terms = [...new Set(analyze(text, locale, synonyms))];
        if (terms.length === 0) continue;
        this.phrasings.push({ entry: entryIndex, terms, weight: 0 });
        for (const term of terms) {
          const set = entriesWithTerm.get(term) ?? new Set<number>();
          set.add(entryIndex);
          entriesWithTerm.set(term, set);
        }
      }
    });
    const total = Math.max(entries.length, 1);
    let maxIdf = 1;
    for (const [term, set] of entriesWithTerm) {
      const idf = Math.log(1 + total / set.size);
      this.idf.set(term, idf);
      maxIdf = Math.max(maxIdf, idf);
      if (term.length >= 4) {
        const bucket = `${term.slice(0, 1)}${term.length}`;
        const list = this.bucketTerms.get(bucket);
        if (list) list.push(term);
        else this.bucketTerms.set(bucket, [term]);
      }
    }
    this.maxIdf = maxIdf;
    this.phrasings.forEach((phrasing, id) => {
      phrasing.weight = phrasing.terms.reduce((sum, term) => sum + (this.idf.get(term) ?? 0), 0);
      for (const term of phrasing.terms) {
        const list = this.postings.get(term);
        if (list) list.push(id);
        else this.postings.set(term, [id]);
      }
    });
  }

  /**
   * Weight of a question word that the knowledge base does not know: evidence that the question
   * is about something else. An unknown German noun ("Reisepass") weighs more than an unknown
   * verb form ("durchgeführt"), which is often just another way to say the same thing.
   */
  unknownWeight(noun: boolean): number {
    return this.maxIdf * (noun ? tuning.unknown : tuning.unknownOther);
  }

  /** Finds the vocabulary terms a question term stands for: exact, misspelt, or part of a compound. */
  lookup(term: string, typos = true): TermMatch[] {
    if (this.idf.has(term)) return [{ term, similarity: 1 }];
    if (term.length < 4) return [];
    const fuzzy = typos ? this.fuzzy(term) : [];
    if (fuzzy.length > 0) return fuzzy;
    return this.compoundParts(term);
  }

  /** Misspelt words: fuse.js over the vocabulary words with the same first letter and a similar length. */
  private fuzzy(term: string): TermMatch[] {
    const hits: TermMatch[] = [];
    for (let length = term.length - 1; length <= term.length + 1; length++) {
      const bucket = `${term.slice(0, 1)}${length}`;
      let fuse = this.fuzzyBuckets.get(bucket);
      if (!fuse) {
        const terms = this.bucketTerms.get(bucket);
        if (!terms) continue;
        fuse = new Fuse(terms, {
          includeScore: true,
          threshold: tuning.fuzzyThreshold,
          minMatchCharLength: 3,
        });
        this.fuzzyBuckets.set(bucket, fuse);
      }
      for (const hit of fuse.search(term, { limit: 2 })) {
        hits.push({ term: hit.item, similarity: tuning.fuzzyFactor * (1 - (hit.score ?? 0)) });
      }
    }
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, 2);
  }

  /**
   * German compounds: "Hackerangriff" = "hacker" + "angriff". Both parts known is a match; only
   * one part known ("Bauantrag": "antrag") is a partial match, since the unknown part may name
   * a different topic.
   */
  private compoundParts(term: string): TermMatch[] {
    let suffix: [string, string] | undefined;
    for (let start = 2; start <= term.length - 4 && !suffix; start++) suffix = this.known(term.slice(start));
    let prefix: [string, string] | undefined;
    for (let end = term.length - 2; end >= 4 && !prefix; end--) prefix = this.known(term.slice(0, end));
    const partial = !(prefix && suffix && prefix[0].length + suffix[0].length >= term.length - 2);
    return [prefix, suffix]
      .filter((part): part is [string, string] => part !== undefined)
      .map(([, known]) => ({ term: known, similarity: tuning.compoundFactor, partial }));
  }

  /** A compound part as [part, vocabulary term], directly or through a synonym ("mail" -> "email"). */
  private known(part: string): [string, string] | undefined {
    if (this.idf.has(part)) return [part, part];
    const replacement = this.synonyms.get(part)?.map((word) => stem(word, this.locale));
    return replacement?.length === 1 && replacement[0] && this.idf.has(replacement[0])
      ? [part, replacement[0]]
      : undefined;
  }

  /** Scores every entry that shares a term with the question; returns entry index -> score. */
  score(question: string, typos = true): Map<number, number> {
    const scores = new Map<number, number>();
    const queryTerms = new Map<string, { noun: boolean; mustMatch: boolean }>();
    for (const { term, noun, mustMatch } of analyzeTerms(question, this.locale, this.synonyms)) {
      const seen = queryTerms.get(term);
      queryTerms.set(term, {
        noun: noun || (seen?.noun ?? false),
        mustMatch: mustMatch || (seen?.mustMatch ?? false),
      });
    }
    if (queryTerms.size === 0) return scores;

    let queryWeight = 0;
    let unknownTopic = false;
    const matched: { weight: number; matches: TermMatch[] }[] = [];
    const mustMatch: number[] = [];
    for (const [term, { noun, mustMatch: required }] of queryTerms) {
      const matches = this.lookup(term, typos);
      const weight = matches.length
        ? Math.max(...matches.map((match) => this.idf.get(match.term) ?? 0))
        : this.unknownWeight(noun);
      if (noun && (matches.length === 0 || matches.every((match) => match.partial))) unknownTopic = true;
      queryWeight += weight;
      if (!matches.length || matched.length >= maxQueryTerms) continue;
      if (required) mustMatch.push(matched.length);
      matched.push({ weight, matches: matches.sort((a, b) => b.similarity - a.similarity) });
    }

    // Per phrasing: how much of the question it covers (`query`), how much of it the question
    // covers (`phrasing`), and which question terms it matched (a bit mask; flat records keep
    // this allocation-light, since it runs for every phrasing that shares a term).
    const covered = new Map<number, { query: number; phrasing: number; mask: number }>();
    // Rare terms first: they create the candidates; a common term with a long posting list then
    // only checks the phrasings already found, instead of walking its whole list.
    const order = matched
      .map((_, index) => index)
      .sort((a, b) => (matched[b]?.weight ?? 0) - (matched[a]?.weight ?? 0));
    for (const termIndex of order) {
      const { weight, matches } = matched[termIndex] as (typeof matched)[number];
      const bit = 2 ** termIndex;
      const add = (id: number, match: TermMatch, phrasingWeight: number) => {
        let cover = covered.get(id);
        if (!cover) {
          cover = { query: 0, phrasing: 0, mask: 0 };
          covered.set(id, cover);
        }
        if (Math.floor(cover.mask / bit) % 2 === 1) return; // matches are best first
        cover.mask += bit;
        cover.query += weight * match.similarity;
        cover.phrasing += phrasingWeight;
      };
      for (const match of matches) {
        const phrasingWeight = (this.idf.get(match.term) ?? 0) * match.similarity;
        const postings = this.postings.get(match.term) ?? [];
        if (covered.size > 0 && postings.length > longPostings && postings.length > covered.size * 4) {
          for (const id of [...covered.keys()]) {
            if (this.phrasings[id]?.terms.includes(match.term)) add(id, match, phrasingWeight);
          }
        } else {
          for (const id of postings) add(id, match, phrasingWeight);
        }
      }
    }

    // Per entry: the best phrasing, and which question terms the entry's vocabulary covers.
    const entryMasks = new Map<number, number>();
    for (const [id, cover] of covered) {
      const phrasing = this.phrasings[id];
      if (!phrasing || phrasing.weight === 0) continue;
      const queryCoverage = Math.min(1, cover.query / queryWeight);
      const phrasingCoverage = Math.min(1, cover.phrasing / phrasing.weight);
      const score = queryCoverage ** tuning.queryShare * phrasingCoverage ** (1 - tuning.queryShare);
      if (score > (scores.get(phrasing.entry) ?? 0)) scores.set(phrasing.entry, score);
      const mask = entryMasks.get(phrasing.entry) ?? 0;
      entryMasks.set(phrasing.entry, mask | cover.mask);
    }
    for (const [entry, mask] of entryMasks) {
      let total = 0;
      matched.forEach(({ weight, matches }, termIndex) => {
        if (Math.floor(mask / 2 ** termIndex) % 2 === 1) total += weight * (matches[0]?.similarity ?? 0);
      });
      const entryCoverage = Math.min(1, total / queryWeight);
      const best = scores.get(entry) ?? 0;
      // Evidence: one common word ("Stadt", "Phishing") is not enough to answer confidently.
      const evidence = Math.min(1, total / (tuning.minEvidence * this.maxIdf));
      const score = (tuning.entryShare * entryCoverage + (1 - tuning.entryShare) * best) * evidence;
      // A topic word the knowledge base has never seen ("Reisepass", "library"): the question is
      // probably about something else, so never more than a suggestion. The same for a question
      // about numbers or money that this entry does not speak of.
      const uncovered = unknownTopic || mustMatch.some((index) => Math.floor(mask / 2 ** index) % 2 === 0);
      scores.set(entry, uncovered ? Math.min(score, tuning.unknownTopicCap) : score);
    }
    return scores;
  }
}

/** Folded words of a locale's phrasings, for language detection (much cheaper than an index). */
function surfaceWordsOf(entries: readonly Entry[], locale: Locale): ReadonlySet<string> {
  const surface = new Set<string>();
  for (const entry of entries) {
    const localized = entry[locale];
    for (const text of [localized.question, ...localized.alternatives, ...localized.keywords]) {
      for (const word of words(text)) surface.add(canonicalWord(word, locale));
    }
  }
  return surface;
}

/** How German or English a question looks: stop words and known words of the locale. */
function languageEvidence(question: string, locale: Locale, surface: ReadonlySet<string>): number {
  let evidence = /[äöüß]/i.test(question) ? (locale === 'de' ? 2 : 0) : 0;
  for (const word of words(question)) {
    const folded = canonicalWord(word, locale);
    if (stopWords[locale].has(folded)) evidence += 1;
    else if (surface.has(folded)) evidence += 0.5;
  }
  return evidence;
}

/** A matcher built once per published knowledge base; `match` is synchronous and fast. */
export interface Matcher {
  match(question: string, locale?: Locale): MatchResult;
  detectLanguage(question: string, fallback?: Locale): Locale;
}

/** Builds the matcher for a set of entries and the settings' thresholds and synonyms. */
export function createMatcher(
  entries: readonly Entry[],
  settings: Pick<Settings, 'matcher' | 'synonyms'>,
): Matcher {
  const options = settings.matcher;
  const surface = { de: surfaceWordsOf(entries, 'de'), en: surfaceWordsOf(entries, 'en') };
  // Each language's index is built when a question first needs it: a cold start pays for one.
  const indexes: Partial<Record<Locale, LocaleIndex>> = {};
  const indexOf = (locale: Locale): LocaleIndex => {
    indexes[locale] ??= new LocaleIndex(locale, entries, buildSynonyms(settings.synonyms[locale], locale));
    return indexes[locale];
  };

  function detectLanguage(question: string, fallback: Locale = 'de'): Locale {
    const de = languageEvidence(question, 'de', surface.de);
    const en = languageEvidence(question, 'en', surface.en);
    if (de === en) return fallback;
    return de > en ? 'de' : 'en';
  }

  function rank(question: string, locale: Locale, typos = true): RankedEntry[] {
    const ranked: RankedEntry[] = [];
    for (const [index, score] of indexOf(locale).score(question, typos)) {
      const entry = entries[index];
      if (entry) ranked.push({ entry, score: Math.round(score * 1000) / 1000 });
    }
    return ranked.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  }

  function decide(ranked: RankedEntry[], locale: Locale): MatchResult {
    const confidence = ranked[0]?.score ?? 0;
    const runnerUp = ranked[1]?.score ?? 0;
    let status: MatchStatus = 'none';
    if (confidence >= options.answerThreshold && confidence - runnerUp >= options.minMargin)
      status = 'answer';
    else if (confidence >= options.suggestThreshold) status = 'suggest';
    const kept =
      status === 'none'
        ? []
        : ranked.filter((item) => item.score >= options.suggestThreshold).slice(0, options.maxSuggestions);
    return { status, locale, confidence, ranked: kept };
  }

  function match(question: string, locale?: Locale): MatchResult {
    if (locale) return decide(rank(question, locale), locale);
    // No locale given: the detected language first; the other one only when that is not
    // confident (a misdetected short question), and it must then win clearly.
    const detected = detectLanguage(question);
    const first = decide(rank(question, detected), detected);
    if (first.status === 'answer') return first;
    const other: Locale = detected === 'de' ? 'en' : 'de';
    // Without typo tolerance: this pass only catches a misdetected language, and it stays cheap.
    const second = rank(question, other, false);
    if ((second[0]?.score ?? 0) > first.confidence + 0.15) return decide(second, other);
    return first;
  }

  return { match, detectLanguage };
}
