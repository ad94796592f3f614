import Fuse from 'fuse.js';
import {
  type Analysis,
  defaultLocales,
  isLanguage,
  type Language,
  type Locale,
  type LocaleConfig,
  localeBlock,
} from '../knowledge/locales.ts';
import type { Entry, LocalizedEntry, Settings } from '../knowledge/schema.ts';
import { scoring as tuning } from './config.ts';
import {
  analyzeTerms,
  buildSynonyms,
  canonicalWord,
  isColloquial,
  type SynonymTable,
  stem,
  words,
} from './normalize.ts';
import { isInstruction } from './requests.ts';
import { isMisspeltStopWord, stopWords } from './stop-words.ts';
import { editDistance, plausibleTypo, realWords } from './typos.ts';

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
  /** The entry's vocabulary covers enough of the question to be suggested (not just one word). */
  topical: boolean;
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
  /** Typo lookup runs on words as written (and synonyms' source words), not on stems. */
  private readonly bucketWords = new Map<string, string[]>();
  private readonly wordTerms = new Map<string, Set<string>>();
  private readonly maxIdf: number;
  /** Small-talk entries: answered only when the question says most of one of their phrasings. */
  readonly smalltalk = new Set<number>();

  /** `locale` is the analysis; `sources` the locale blocks whose phrasings are indexed. */
  constructor(
    readonly locale: Analysis,
    entries: readonly Entry[],
    readonly synonyms: SynonymTable,
    sources: readonly Locale[] = [locale],
  ) {
    const entriesWithTerm = new Map<string, Set<number>>();
    entries.forEach((entry, entryIndex) => {
      if (entry.kind === 'smalltalk') this.smalltalk.add(entryIndex);
      const blocks = sources.flatMap((tag) => localeBlock(entry, tag) ?? []);
      for (const text of blocks.flatMap(phrasingsOf)) {
        const analysed = analyzeTerms(text, locale, synonyms);
        for (const { word, term } of analysed) this.addWord(word, term);
        const terms = [...new Set(analysed.map(({ term }) => term))];
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
    }
    this.maxIdf = maxIdf;
    // A misspelt synonym ("mensh") finds what the synonym stands for.
    for (const [word, replacement] of synonyms) {
      if (word.startsWith('~')) continue;
      for (const term of replacement.map((item) => stem(item, locale)))
        if (this.idf.has(term)) this.addWord(word, term);
    }
    for (const word of this.wordTerms.keys()) {
      if (word.length < 4) continue;
      const bucket = `${word.slice(0, 1)}${word.length}`;
      const list = this.bucketWords.get(bucket);
      if (list) list.push(word);
      else this.bucketWords.set(bucket, [word]);
    }
    this.phrasings.forEach((phrasing, id) => {
      phrasing.weight = phrasing.terms.reduce((sum, term) => sum + (this.idf.get(term) ?? 0), 0);
      for (const term of phrasing.terms) {
        const list = this.postings.get(term);
        if (list) list.push(id);
        else this.postings.set(term, [id]);
      }
    });
  }

  private vocabularies?: Map<number, { terms: Set<string>; weight: number }>;
  private readonly neighbourLists = new Map<number, number[]>();

  /**
   * Entries whose vocabulary overlaps most with an entry's (weighted by rarity, relative to the
   * smaller vocabulary): the neighbours a citizen may have meant instead ("why-notified" and
   * "when-informed"). Computed per entry on first need, through the postings of its rarer terms,
   * so a large knowledge base never pays for all pairs.
   */
  neighbours(entry: number): readonly number[] {
    const known = this.neighbourLists.get(entry);
    if (known) return known;
    if (!this.vocabularies) {
      const vocabularies = new Map<number, { terms: Set<string>; weight: number }>();
      for (const phrasing of this.phrasings) {
        const vocabulary = vocabularies.get(phrasing.entry) ?? { terms: new Set<string>(), weight: 0 };
        for (const term of phrasing.terms) {
          if (vocabulary.terms.has(term)) continue;
          vocabulary.terms.add(term);
          vocabulary.weight += this.idf.get(term) ?? 0;
        }
        vocabularies.set(phrasing.entry, vocabulary);
      }
      this.vocabularies = vocabularies;
    }
    const own = this.vocabularies.get(entry);
    const shared = new Map<number, number>();
    for (const term of own?.terms ?? []) {
      const postings = this.postings.get(term) ?? [];
      if (postings.length > longPostings) continue;
      const seen = new Set<number>();
      for (const id of postings) {
        const other = this.phrasings[id]?.entry;
        if (other === undefined || other === entry || seen.has(other)) continue;
        seen.add(other);
        shared.set(other, (shared.get(other) ?? 0) + (this.idf.get(term) ?? 0));
      }
    }
    const similar: [number, number][] = [];
    for (const [other, weight] of shared) {
      const smaller = Math.min(own?.weight ?? 1, this.vocabularies.get(other)?.weight ?? 1);
      const similarity = weight / Math.max(smaller, 1e-9);
      if (similarity >= tuning.neighbourSimilarity) similar.push([other, similarity]);
    }
    const list = similar.sort((x, y) => y[1] - x[1]).map(([other]) => other);
    this.neighbourLists.set(entry, list);
    return list;
  }

  private addWord(word: string, term: string): void {
    const set = this.wordTerms.get(word);
    if (set) set.add(term);
    else this.wordTerms.set(word, new Set([term]));
  }

  /**
   * Weight of a question word that the knowledge base does not know: evidence that the question
   * may be about something else. What matters is how much of the question such words are (see
   * `score`), never their capitalisation; a verb form ("eingespielt") weighs less than other
   * words, since it is often just another way to say what the known words already say.
   */
  unknownWeight(verbLike: boolean): number {
    return this.maxIdf * (verbLike ? tuning.unknownVerb : tuning.unknown);
  }

  /** Finds the vocabulary terms a question term stands for: exact, misspelt, or part of a compound. */
  lookup(term: string, typos = true, word = term): TermMatch[] {
    if (this.idf.has(term)) return [{ term, similarity: 1 }];
    if ((term.length < 4 && word.length < 4) || realWords.has(word)) return [];
    const fuzzy = typos && word.length >= 4 ? this.fuzzy(word) : [];
    if (fuzzy.length > 0) return fuzzy;
    return this.compoundParts(term);
  }

  /** Misspelt words: fuse.js over the vocabulary's words with the same first letter and a similar length. */
  private fuzzy(word: string): TermMatch[] {
    const hits: TermMatch[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      const bucket = `${word.slice(0, 1)}${length}`;
      let fuse = this.fuzzyBuckets.get(bucket);
      if (!fuse) {
        const terms = this.bucketWords.get(bucket);
        if (!terms) continue;
        fuse = new Fuse(terms, {
          includeScore: true,
          threshold: tuning.fuzzyThreshold,
          minMatchCharLength: 3,
        });
        this.fuzzyBuckets.set(bucket, fuse);
      }
      for (const hit of fuse.search(word, { limit: 2 })) {
        if (!plausibleTypo(word, hit.item)) continue;
        const similarity = tuning.fuzzyFactor * (1 - (hit.score ?? 0));
        for (const term of this.wordTerms.get(hit.item) ?? []) hits.push({ term, similarity });
      }
      // Two swapped letters ("wierd", "recieve") are one slip, but fuse.js scores them as two
      // errors: such words are checked directly (a bucket holds few words).
      if (word.length >= 5)
        for (const known of this.bucketWords.get(bucket) ?? [])
          if (known.length === word.length && editDistance(word, known) === 1 && !realWords.has(word))
            for (const term of this.wordTerms.get(known) ?? [])
              hits.push({ term, similarity: tuning.fuzzyFactor * (1 - 1 / word.length) });
    }
    const best = new Map<string, TermMatch>();
    for (const hit of hits)
      if ((best.get(hit.term)?.similarity ?? 0) < hit.similarity) best.set(hit.term, hit);
    return [...best.values()].sort((a, b) => b.similarity - a.similarity).slice(0, 2);
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
    // The last part names the thing ("Stadtbücherei" is a library): a known modifier alone
    // leaves the compound as unknown as the word it ends with.
    if (!suffix) return [];
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
  score(question: string, typos = true): Map<number, EntryScore> {
    const scores = new Map<number, EntryScore>();
    const queryTerms = new Map<
      string,
      {
        focus: number;
        mustMatch: boolean;
        verbLike: boolean;
        word: string;
        questionWord: boolean;
        frame: boolean;
        named: boolean;
      }
    >();
    const analysed = analyzeTerms(question, this.locale, this.synonyms, { focus: true });
    for (const { term, word, focus, mustMatch, verbLike, questionWord, frame, named } of analysed) {
      const seen = queryTerms.get(term);
      queryTerms.set(term, {
        word: seen?.word ?? word,
        questionWord,
        frame,
        named: named || (seen?.named ?? false),
        focus: Math.max(focus, seen?.focus ?? 0),
        mustMatch: mustMatch || (seen?.mustMatch ?? false),
        verbLike: verbLike && (seen?.verbLike ?? true),
      });
    }
    if (queryTerms.size === 0) return scores;
    const asks = question.includes('?');

    // Raw weights first: rare known words weigh most; unknown words by their length and form.
    const raw = [...queryTerms].flatMap(([term, info]) => {
      const matches = this.lookup(term, typos, info.word);
      if (matches.length === 0 && this.locale !== 'none' && isMisspeltStopWord(info.word, this.locale))
        return [];
      // A frame word ("tun", "stimmt", "tell") asks but names nothing: it weighs little, known or not.
      const weight =
        info.frame && matches.length === 0
          ? this.maxIdf * tuning.frameWeight
          : matches.length
            ? Math.max(...matches.map((match) => this.idf.get(match.term) ?? 0))
            : this.unknownWeight(info.verbLike) * (term.length <= 3 ? tuning.unknownShort : 1);
      return [{ ...info, matches, weight }];
    });
    // An implicit question ("Stimmt das?", "Was nun?", "Is that true?") has no topic of its own:
    // it points back to the story, which then weighs in full (the story's unknown words still
    // do not make the question "about something else": a story is full of them).
    const implicit = !raw.some((term) => term.focus === 1 && !term.questionWord);
    // Only question and frame words ("Was soll ich tun?", "Tell me more"): a vague question.
    // Question words alone ask something definite here ("Wer war's?", "Wann?").
    const vague = raw.every((term) => term.questionWord) && raw.some((term) => term.frame);
    // A longer message: the sentences around the question sentence (greeting, story) together
    // weigh `contextShare` of the message, however long they are.
    const questionPart = raw.reduce((sum, term) => sum + (term.focus === 1 ? term.weight : 0), 0);
    const contextPart = raw.reduce((sum, term) => sum + (term.focus === 1 ? 0 : term.weight), 0);
    const contextScale =
      !implicit && contextPart > 0 && questionPart > 0
        ? Math.min(1, (tuning.contextShare / (1 - tuning.contextShare)) * (questionPart / contextPart))
        : 1;

    // The story of an implicit question is full of words the knowledge base does not know
    // (people, days, feelings): narration, weighed like a verb form, not like a topic.
    if (implicit)
      for (const term of raw)
        if (term.focus === 0 && term.matches.length === 0) term.weight = this.unknownWeight(true);

    let queryWeight = 0;
    let unknown = 0;
    let questionParts = 0;
    let contentWeight = 0;
    let numbersUnknown = false;
    const matched: { weight: number; matches: TermMatch[]; content: boolean }[] = [];
    const mustMatch: number[] = [];
    for (const {
      matches,
      weight: rawWeight,
      focus,
      mustMatch: required,
      questionWord,
      frame,
      named,
      verbLike,
      word,
    } of raw) {
      const inQuestion = focus === 1 || questionPart === 0;
      const weight = inQuestion ? rawWeight : rawWeight * contextScale;
      // Only the question sentence tells whether the question is about something unknown; a
      // compound with only one known part ("Bauantrag": "antrag") is half unknown.
      // A weak typo match ("heiraten" ~ "heraus") is as uncertain as a half-known compound.
      if (inQuestion) {
        // Counted, not weighed by rarity: every content word of the question sentence is one
        // part of what it asks. Rarity weights made one unknown word as heavy as the rarest
        // known one, and more phrasings (lower weights for common words) tipped clear questions.
        const part = questionWord || frame ? 0 : 1;
        questionParts += part;
        if (frame) {
          // asks, names nothing: never evidence of an unknown topic
        } else if (matches.length === 0) {
          // A thing the knowledge base never mentions, named with an article or possessive
          // ("meine Bücherei", "my iPhone"): the question is about that thing.
          // An unknown verb form ("chatte") mostly says again what the known words say: half.
          // So does a short one ("lol", "omg"): chat filler far more often than a topic.
          unknown += part * (named ? tuning.namedUnknown : verbLike || word.length <= 3 ? 0.5 : 1);
        } else if (matches.every((match) => match.partial || match.similarity < tuning.weakMatch)) {
          // A named compound with one known part ("der Bürgermeister": "burg") names a thing too;
          // a misspelt word after "mein" ("mein pasword") is still the word it looks like.
          const namedThing = named && matches.every((match) => match.partial);
          unknown += (part / 2) * (namedThing ? tuning.namedUnknown : 1);
        }
      }
      queryWeight += weight;
      if (!questionWord) contentWeight += weight;
      // A question about numbers or money in words no entry knows ("gekostet"): none answers it.
      if (required && inQuestion && !matches.length) numbersUnknown = true;
      if (!matches.length || matched.length >= maxQueryTerms) continue;
      // "viel" in a story sentence ("ich habe viel gelesen") does not ask for a number.
      if (required && inQuestion) mustMatch.push(matched.length);
      matched.push({
        weight,
        matches: matches.sort((a, b) => b.similarity - a.similarity),
        content: !questionWord,
      });
    }
    // Unknown words that are a large part of the question: it is probably about something else.
    const unknownTopic = questionParts > 0 && unknown / questionParts >= tuning.unknownShare;

    // Per phrasing: how much of the question it covers (`query`), how much of it the question
    // covers (`phrasing`), and which question terms it matched (a bit mask as a float: exact up
    // to 2^53, so all 48 terms; flat records keep this allocation-light).
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
        if (hasBit(cover.mask, termIndex)) return; // matches are best first
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
    const best = new Map<number, { score: number; phrasing: number }>();
    const entryMasks = new Map<number, number>();
    // A question sentence with many content words says more than any one phrasing: how much
    // of a phrasing it says weighs more than how much of it the phrasing covers.
    // An implicit question asks about its whole story, so the story's words count here too.
    const storyParts = raw.filter((term) => term.focus === 0 && !term.questionWord && !term.frame).length;
    const askedParts = implicit ? questionParts + storyParts : questionParts;
    const queryShare = tuning.queryShare * Math.min(1, tuning.phrasingWords / Math.max(1, askedParts));
    for (const [id, cover] of covered) {
      const phrasing = this.phrasings[id];
      if (!phrasing || phrasing.weight === 0) continue;
      const queryCoverage = Math.min(1, cover.query / queryWeight);
      const phrasingCoverage = Math.min(1, cover.phrasing / phrasing.weight);
      const score = queryCoverage ** queryShare * phrasingCoverage ** (1 - queryShare);
      const previous = best.get(phrasing.entry);
      if (!previous || score > previous.score)
        best.set(phrasing.entry, {
          score,
          phrasing: Math.max(phrasingCoverage, previous?.phrasing ?? 0),
        });
      else previous.phrasing = Math.max(previous.phrasing, phrasingCoverage);
      entryMasks.set(phrasing.entry, unionMask(entryMasks.get(phrasing.entry) ?? 0, cover.mask));
    }
    for (const [entry, mask] of entryMasks) {
      let total = 0;
      let content = 0;
      matched.forEach(({ weight, matches, content: isContent }, termIndex) => {
        if (!hasBit(mask, termIndex)) return;
        total += weight * (matches[0]?.similarity ?? 0);
        // A weak typo match ("passport" ~ "password") is a guess: half of it counts for the topic.
        const similarity = matches[0]?.similarity ?? 0;
        if (isContent) content += weight * similarity * (similarity < tuning.weakMatch ? 0.5 : 1);
      });
      const coverage = Math.min(1, total / queryWeight);
      const top = best.get(entry) ?? { score: 0, phrasing: 0 };
      // Evidence: one common word ("Stadt", "Phishing") is not enough to answer confidently.
      const evidence = Math.min(1, total / (tuning.minEvidence * this.maxIdf));
      let score = (tuning.entryShare * coverage + (1 - tuning.entryShare) * top.score) * evidence;
      // Not more than a suggestion: a question mostly about something unknown ("Reisepass",
      // "library"), about numbers or money this entry does not speak of, or small talk that
      // only shares a side word with one of the entry's phrasings ("Hilfe" in "Danke für die Hilfe").
      const numbersUnanswered = numbersUnknown || mustMatch.some((index) => !hasBit(mask, index));
      // A vague question is answered only by small talk that it says exactly ("Wie geht's?").
      const vagueCapped = vague && !(this.smalltalk.has(entry) && top.score >= tuning.exactPhrasing);
      // Small talk that is no question ("Danke dir, bist 'ne Wucht"): the words around the thanks
      // or greeting are pleasantries, not another topic.
      const pleasantry = this.smalltalk.has(entry) && !asks && top.phrasing >= tuning.smalltalkCoverage;
      const capped =
        (unknownTopic && !pleasantry) ||
        vagueCapped ||
        numbersUnanswered ||
        (this.smalltalk.has(entry) && top.phrasing < tuning.smalltalkCoverage);
      if (capped) score = Math.min(score, tuning.unknownTopicCap);
      // Shares the question's topic: covers enough of it (more when much of it is unknown).
      // Question words ("who", "wann") say nothing about the topic, so they do not count here.
      const topicCoverage = contentWeight > 0 ? content / contentWeight : coverage;
      // A story carries its topic among many other words: it needs less of it covered.
      const topical =
        !numbersUnanswered &&
        topicCoverage >=
          (unknownTopic ? tuning.suggestCoverage : tuning.suggestCoverageKnown) *
            (implicit ? tuning.storyCoverage : 1);
      scores.set(entry, { score, topical });
    }
    return scores;
  }
}

/** Whether bit `index` is set in a float mask (exact for indexes below 53). */
function hasBit(mask: number, index: number): boolean {
  return Math.floor(mask / 2 ** index) % 2 === 1;
}

/**
 * The union of two float masks. The 32-bit `|` operator would drop every bit past the 31st;
 * the masks are split into two 26-bit halves, each safe for `|`.
 */
export function unionMask(a: number, b: number): number {
  const half = 2 ** 26;
  const low = (a % half) | (b % half);
  const high = Math.floor(a / half) | Math.floor(b / half);
  return high * half + low;
}

/** An entry's score for a question, and whether it shares the question's topic (may be suggested). */
export interface EntryScore {
  score: number;
  topical: boolean;
}

const phrasingsOf = (localized: LocalizedEntry) => [
  localized.question,
  ...localized.alternatives,
  ...localized.keywords,
];

/** Folded words of a locale's phrasings, for language detection (much cheaper than an index). */
function surfaceWordsOf(entries: readonly Entry[], locale: Language): ReadonlySet<string> {
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
function languageEvidence(question: string, locale: Language, surface: ReadonlySet<string>): number {
  const other: Language = locale === 'de' ? 'en' : 'de';
  let evidence = /[äöüß]/i.test(question) ? (locale === 'de' ? 2 : 0) : 0;
  for (const word of words(question)) {
    const folded = canonicalWord(word, locale);
    // A colloquial form counts unless it is also a plain word of the other language ("do", "i").
    if (stopWords[locale].has(folded) || (isColloquial(folded, locale) && !stopWords[other].has(folded)))
      evidence += 1;
    else if (surface.has(folded)) evidence += 0.5;
  }
  return evidence;
}

export { editDistance, plausibleTypo } from './typos.ts';

/** A matcher built once per published knowledge base; `match` is synchronous and fast. */
export interface Matcher {
  /** `locale`: any configured tag; a question clearly in another analysed language may override it. */
  match(question: string, locale?: Locale): MatchResult;
  detectLanguage(question: string, fallback?: Language): Language;
}

/** Builds the matcher for a set of entries and the settings' thresholds and synonyms. */
export function createMatcher(
  entries: readonly Entry[],
  settings: Pick<Settings, 'matcher' | 'synonyms'> & { locales?: readonly LocaleConfig[] },
): Matcher {
  const options = settings.matcher;
  const surface = { de: surfaceWordsOf(entries, 'de'), en: surfaceWordsOf(entries, 'en') };
  const configs = new Map((settings.locales ?? defaultLocales).map((config) => [config.tag, config]));
  const analysisOf = (tag: Locale): Analysis =>
    configs.get(tag)?.analysis ?? (isLanguage(tag) ? tag : 'none');
  // Each locale's index is built when a question first needs it: a cold start pays for one.
  // A locale with `matchAlso` indexes its parent's phrasings too, under its own analysis.
  const indexes = new Map<Locale, LocaleIndex>();
  const entryIndex = new Map(entries.map((entry, index) => [entry.id, index]));
  const indexOf = (locale: Locale): LocaleIndex => {
    let index = indexes.get(locale);
    if (!index) {
      const parent = configs.get(locale)?.matchAlso;
      const analysis = analysisOf(locale);
      const synonyms =
        settings.synonyms[locale] ??
        (parent === undefined ? undefined : settings.synonyms[parent]) ??
        (isLanguage(analysis) ? settings.synonyms[analysis] : undefined) ??
        {};
      const sources = parent === undefined ? [locale] : [locale, parent];
      index = new LocaleIndex(analysis, entries, buildSynonyms(synonyms, analysis), sources);
      indexes.set(locale, index);
    }
    return index;
  };

  /** German minus English evidence: positive for German, negative for English. */
  function languageLead(question: string): number {
    return languageEvidence(question, 'de', surface.de) - languageEvidence(question, 'en', surface.en);
  }

  function detectLanguage(question: string, fallback: Language = 'de'): Language {
    const lead = languageLead(question);
    if (lead === 0) return fallback;
    return lead > 0 ? 'de' : 'en';
  }

  function rank(question: string, locale: Locale, typos = true): RankedEntry[] {
    const ranked: RankedEntry[] = [];
    for (const [index, { score, topical }] of indexOf(locale).score(question, typos)) {
      const entry = entries[index];
      if (entry) ranked.push({ entry, score: Math.round(score * 1000) / 1000, topical });
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
    // A suggestion must share the question's topic, not one word of it ("passport" ~ "password").
    // Once one entry shares it, the question is in scope: its neighbours are offered too, since
    // a citizen's words often cover the right entry less than a neighbouring one.
    const inScope = ranked.some((item) => item.topical && item.score >= options.suggestThreshold);
    const kept =
      status === 'none'
        ? []
        : ranked
            .filter(
              (item, position) =>
                item.score >= options.suggestThreshold &&
                (inScope || item.topical || (status === 'answer' && position === 0)),
            )
            .slice(0, options.maxSuggestions);
    if (kept.length === 0) return { status: 'none', locale, confidence, ranked: [] };
    // Unsure, with room left: the first suggestion's neighbours are offered too, since the
    // citizen's words often sit between two entries (why vs when informed, done vs safe now).
    const first = kept[0];
    if (status === 'suggest' && first && first.entry.kind === 'faq' && kept.length < options.maxSuggestions) {
      const index = indexOf(locale);
      for (const neighbour of index.neighbours(entryIndex.get(first.entry.id) ?? -1)) {
        const entry = entries[neighbour];
        if (entry?.kind !== 'faq' || kept.some((item) => item.entry.id === entry.id)) continue;
        const scored = ranked.find((item) => item.entry.id === entry.id);
        kept.push({ entry, score: scored?.score ?? 0, topical: false });
        if (kept.length >= options.maxSuggestions) break;
      }
    }
    return { status, locale, confidence, ranked: kept };
  }

  function match(question: string, locale?: Locale): MatchResult {
    // An explicit locale is a preference (the page's language); a question clearly written in the
    // other language is answered in that one. Otherwise the detected language goes first; the
    // other one is tried only when the first is not confident (a misdetected short question),
    // and it must then win clearly.
    // A locale without an analysed language (`analysis: none`) cannot be detected: when the
    // citizen chose it, it goes first whatever the evidence says.
    const lead = languageLead(question);
    const analysis = locale === undefined ? undefined : analysisOf(locale);
    const hint: Language = isLanguage(analysis) ? analysis : 'de';
    const detected: Language = lead === 0 ? hint : lead > 0 ? 'de' : 'en';
    const overridden =
      Math.abs(lead) >= tuning.localeOverride && isLanguage(analysis) && analysis !== detected;
    const preferred: Locale = locale !== undefined && !overridden ? locale : detected;
    // An instruction to the assistant ("Schreib mir ein Gedicht", "Give me the town's passwords")
    // is no question to the town: no entry answers it, whatever words it shares with one.
    if (isInstruction(question)) return { status: 'none', locale: preferred, confidence: 0, ranked: [] };
    const first = decide(rank(question, preferred), preferred);
    if (first.status === 'answer') return first;
    const preferredAnalysis = analysisOf(preferred);
    const other: Language =
      preferredAnalysis === 'de' ? 'en' : preferredAnalysis === 'en' ? 'de' : lead < 0 ? 'en' : 'de';
    // Without typo tolerance when the language was clear: this pass only catches a misdetected
    // language, and it stays cheap. With it when nothing told the language ("goodby").
    const second = rank(question, other, lead === 0);
    if ((second[0]?.score ?? 0) > first.confidence + 0.15) return decide(second, other);
    return first;
  }

  return { match, detectLanguage };
}
