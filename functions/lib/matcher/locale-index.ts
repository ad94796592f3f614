// One module: `LocaleIndex.score` is one scoring pass whose steps share many locals (weights,
// masks, coverage); splitting it would pass a dozen values around. Lookup helpers stay beside it.
import { type Analysis, type Locale, localeBlock } from '../knowledge/locales.ts';
import type { Entry, LocalizedEntry } from '../knowledge/schema.ts';
import { lasting, memoFor } from '../memo.ts';
import { scoring as tuning } from './config.ts';
import { FuzzyBucket } from './fuzzy-bucket.ts';
import { addBits, hasBit, isEmpty, maskBits, setBit, Tally } from './masks.ts';
import { analyzeTerms, type SynonymTable, stem, type Term } from './normalize.ts';
import { canonicalWord, foldWord, spokenForm, typedOnce, words } from './stemming.ts';
import { isMisspeltStopWord, peopleWords, stopWords } from './stop-words.ts';
import { plausibleTypo, realWords } from './typos.ts';

interface Phrasing {
  entry: number;
  terms: string[];
  /**
   * Words of a phrasing that shrank to one term ("look like" -> "look", "so long" -> "long"):
   * its stop words, folded. Without them, the one word alone ("look", "long") would say all of
   * the phrasing; with them it says half, and the whole phrasing ("looks like a scam") all.
   */
  unsaid?: string[];
}

interface TermMatch {
  term: string;
  similarity: number;
  /**
   * Only part of a compound was found ("Bauantrag" -> "antrag"): the rest is unknown. Always
   * set, so that every match has one shape (the scoring loop's optimised code relies on it).
   */
  partial: boolean;
}

/** Question terms beyond this are ignored (bit masks; a 500-character question has fewer). */
const maxQueryTerms = Math.min(48, maskBits);

/** A term in more phrasings than this is "common": it only adds to candidates found by rarer terms. */
const longPostings = 512;

/**
 * The analysed terms of a phrasing, remembered per synonym table (one table per settings, see
 * `buildSynonyms`): a publish builds the index again with one entry changed, and analysing the
 * unchanged phrasings anew was two thirds of a build. Read-only: the index copies what it keeps.
 */
const analyses = lasting('analyses', () => new WeakMap<SynonymTable, Map<string, readonly Term[]>>());

export const phrasingTerms = (text: string, locale: Analysis, synonyms: SynonymTable): readonly Term[] =>
  memoFor(analyses, synonyms, `${locale}\u0000${text}`, () => analyzeTerms(text, locale, synonyms));

/**
 * The last question's analysis. A question about to be answered is scored twice in one locale
 * with one synonym table: by the entries, then by what the leading entry declines
 * (`notAnswered`); the analysis was a quarter of a long question's time.
 */
let lastQuestion:
  | { text: string; locale: Analysis; synonyms: SynonymTable; terms: readonly Term[] }
  | undefined;

export function questionTerms(text: string, locale: Analysis, synonyms: SynonymTable): readonly Term[] {
  if (lastQuestion?.text !== text || lastQuestion.locale !== locale || lastQuestion.synonyms !== synonyms)
    lastQuestion = { text, locale, synonyms, terms: analyzeTerms(text, locale, synonyms, { focus: true }) };
  return lastQuestion.terms;
}

/** One locale's inverted index: stemmed terms of every phrasing, idf weights, typo buckets. */
export class LocaleIndex {
  readonly phrasings: Phrasing[] = [];
  readonly postings = new Map<string, number[]>();
  readonly idf = new Map<string, number>();
  private readonly fuzzyBuckets = new Map<string, FuzzyBucket>();
  /** Typo lookup runs on words as written (and synonyms' source words), not on stems. */
  private readonly bucketWords = new Map<string, string[]>();
  private readonly wordTerms = new Map<string, Set<string>>();
  private readonly maxIdf: number;
  /** Small-talk entries: answered only when the question says most of one of their phrasings. */
  readonly smalltalk = new Set<number>();
  /** Per entry, the ids of its phrasings (a re-score of a few entries walks only these). */
  private readonly phrasingsByEntry: number[][] = [];
  private readonly entryCount: number;
  /**
   * Per phrasing, side by side in typed arrays (a question at 2,000 entries covers thousands of
   * phrasings, and reading them from the records was slow): the sum of its terms' weights, for
   * the share of the phrasing that the question covers, and its entry.
   */
  private readonly phrasingWeights: Float64Array;
  private readonly phrasingEntries: Int32Array;
  /** 1 for a phrasing with `unsaid` words. */
  private readonly withUnsaid: Uint8Array;
  /** A scoring pass's sums per phrasing and per entry, made on first need (see `Tally`). */
  private phrasingTally?: Tally;
  private entryTally?: Tally;

  /** `locale` is the analysis; `sources` the locale blocks whose phrasings are indexed. */
  constructor(
    readonly locale: Analysis,
    entries: readonly Entry[],
    readonly synonyms: SynonymTable,
    sources: readonly Locale[] = [locale],
  ) {
    this.entryCount = entries.length;
    const entriesWithTerm = new Map<string, Set<number>>();
    entries.forEach((entry, entryIndex) => {
      if (entry.kind === 'smalltalk') this.smalltalk.add(entryIndex);
      const blocks = sources.flatMap((tag) => localeBlock(entry, tag) ?? []);
      for (const text of blocks.flatMap(phrasingsOf)) {
        const analysed = phrasingTerms(text, locale, synonyms);
        for (const { word, term } of analysed) this.addWord(word, term);
        const terms = [...new Set(analysed.map(({ term }) => term))];
        if (terms.length === 0) continue;
        this.phrasingsByEntry[entryIndex] = [
          ...(this.phrasingsByEntry[entryIndex] ?? []),
          this.phrasings.length,
        ];
        const unsaid =
          terms.length === 1
            ? words(text).filter(
                (word) => !phrasingTerms(word, locale, synonyms).some(({ term }) => terms.includes(term)),
              )
            : [];
        this.phrasings.push({
          entry: entryIndex,
          terms,
          ...(unsaid.length ? { unsaid: unsaid.map(foldWord) } : {}),
        });
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
      if (word.startsWith('~') || word.startsWith('=')) continue;
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
    this.phrasingWeights = new Float64Array(this.phrasings.length);
    this.phrasingEntries = new Int32Array(this.phrasings.length);
    this.withUnsaid = new Uint8Array(this.phrasings.length);
    this.phrasings.forEach((phrasing, id) => {
      this.phrasingWeights[id] = phrasing.terms.reduce((sum, term) => sum + (this.idf.get(term) ?? 0), 0);
      this.phrasingEntries[id] = phrasing.entry;
      this.withUnsaid[id] = phrasing.unsaid ? 1 : 0;
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

  /**
   * Whether a phrasing of this index uses the word, in any form its analysis reads alike (a stop
   * word counts as used: it names nothing). A service the entries speak of is no other service.
   */
  knows(word: string): boolean {
    const canonical = canonicalWord(word.toLocaleLowerCase('de'), this.locale);
    return this.wordTerms.has(canonical) || (this.locale !== 'none' && stopWords[this.locale].has(canonical));
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
    if (this.idf.has(term)) return [{ term, similarity: 1, partial: false }];
    // A last letter typed twice in chat ("hii", "byee", "thxx") is the word typed once.
    const once = typedOnce(word);
    const doubled = once === undefined ? undefined : stem(once, this.locale);
    if (doubled && this.idf.has(doubled)) return [{ term: doubled, similarity: 1, partial: false }];
    if ((term.length < 4 && word.length < 4) || realWords.has(word)) return [];
    const fuzzy = typos && word.length >= 4 ? this.fuzzy(word) : [];
    if (fuzzy.length > 0) return fuzzy;
    const parts = this.compoundParts(term);
    if (parts.length > 0) return parts;
    // Last, the word as spoken ("stayin", "Bassword"), tried like a word of its own (it has no
    // spoken form again): a misspelling or compound of the word as written is likelier.
    const spoken = spokenForm(word, this.locale);
    if (!spoken) return [];
    const standard = this.known(stem(spoken, this.locale)) ?? this.known(spoken);
    return standard
      ? [{ term: standard[1], similarity: 1, partial: false }]
      : this.lookup(stem(spoken, this.locale), typos, spoken);
  }

  /** Misspelt words: fuse.js over the vocabulary's words with the same first letter and a similar length. */
  private fuzzy(word: string): TermMatch[] {
    const hits: TermMatch[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      const bucket = `${word.slice(0, 1)}${length}`;
      let fuzzy = this.fuzzyBuckets.get(bucket);
      if (!fuzzy) {
        const terms = this.bucketWords.get(bucket);
        if (!terms) continue;
        fuzzy = new FuzzyBucket(terms, tuning.fuzzyThreshold);
        this.fuzzyBuckets.set(bucket, fuzzy);
      }
      for (const hit of fuzzy.search(word, 2)) {
        if (!plausibleTypo(word, hit.item)) continue;
        const similarity = tuning.fuzzyFactor * (1 - (hit.score ?? 0));
        for (const term of this.wordTerms.get(hit.item) ?? [])
          hits.push({ term, similarity, partial: false });
      }
    }
    // Two swapped letters ("wierd", "recieve", "twon") are one slip, but fuse.js scores them as
    // two errors: words of the same length are checked directly (a bucket holds few words). A
    // four-letter slip of a function word ("wnat") stays one: it is dropped like the word.
    const slipOfStopWord =
      word.length === 4 && this.locale !== 'none' && isMisspeltStopWord(word, this.locale);
    if (word.length >= 4 && !slipOfStopWord && !realWords.has(word))
      for (const known of this.bucketWords.get(`${word.slice(0, 1)}${word.length}`) ?? [])
        if (oneSlipApart(word, known))
          for (const term of this.wordTerms.get(known) ?? [])
            hits.push({ term, similarity: tuning.fuzzyFactor * (1 - 1 / word.length), partial: false });
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

  /**
   * Scores every entry that shares a term with the question (or only the entries in `only`);
   * returns entry index -> score.
   */
  score(question: string, typos = true, only?: ReadonlySet<number>): EntryScores {
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
        owned: boolean;
      }
    >();
    const analysed = questionTerms(question, this.locale, this.synonyms);
    for (const { term, word, focus, mustMatch, verbLike, questionWord, frame, named, owned } of analysed) {
      const seen = queryTerms.get(term);
      queryTerms.set(term, {
        word: seen?.word ?? word,
        questionWord,
        frame,
        named: named || (seen?.named ?? false),
        owned: owned || (seen?.owned ?? false),
        focus: Math.max(focus, seen?.focus ?? 0),
        mustMatch: mustMatch || (seen?.mustMatch ?? false),
        verbLike: verbLike && (seen?.verbLike ?? true),
      });
    }
    if (queryTerms.size === 0) return new Float64Array(0);
    const asks = question.includes('?');

    // Raw weights first: rare known words weigh most; unknown words by their length and form.
    const raw = [...queryTerms].flatMap(([term, info]) => {
      // A topic word ("fined", "Polizei") is a word of its own, never a typo of a known one
      // ("fined" is not "find"): only the word itself, or its stem, counts as known.
      const matches = info.mustMatch
        ? this.lookup(term, false, info.word).filter((match) => !match.partial && match.similarity === 1)
        : this.lookup(term, typos, info.word);
      if (matches.length === 0 && this.locale !== 'none' && isMisspeltStopWord(info.word, this.locale))
        return [];
      // A frame word ("tun", "stimmt", "tell") asks but names nothing: unknown, it weighs little;
      // a person ("Oma") weighs little however rare the entries' few mentions make it (round 25).
      let weight: number;
      if (!matches.length)
        weight = info.frame
          ? this.maxIdf * tuning.frameWeight
          : this.unknownWeight(info.verbLike) * (term.length <= 3 ? tuning.unknownShort : 1);
      else {
        weight = Math.max(...matches.map((match) => this.idf.get(match.term) ?? 0));
        if (info.frame && this.locale !== 'none' && peopleWords[this.locale].has(info.word))
          weight = Math.min(weight, this.maxIdf * tuning.personWeight);
      }
      // Spelled out, not spread from `info`: one shape for every term, which the optimised code
      // of this function relies on (a spread shape changed with the question: 200 deopts a run).
      const { word, questionWord, frame, named, owned, focus, mustMatch, verbLike } = info;
      return [{ word, questionWord, frame, named, owned, focus, mustMatch, verbLike, matches, weight }];
    });
    // An implicit question ("Stimmt das?", "Was nun?", "Is that true?") has no topic of its own:
    // it points back to the story, which then weighs in full (the story's unknown words still
    // do not make the question "about something else": a story is full of them). So does a
    // question whose own words the entries never use ("… Are we in trouble?", round 21).
    const implicit = !raw.some((term) => term.focus === 1 && !term.questionWord && term.matches.length > 0);
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

    const candidates = only && [...only].flatMap((entry) => this.phrasingsByEntry[entry] ?? []);
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
      owned,
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
      // A person with a possessive in the question sentence ("Ist meine Oma betroffen?", "my
      // tenants") is whom the question is asked for, not what it asks ("eine Frau oder einen
      // Mann, keinen Computer" asks for a person): an entry that names one in a phrasing ("die
      // Konten meiner Oma", `passwords`) covered more of the question than the entry it asks
      // for (round 36). It weighs in the context share above, and nowhere else.
      if (inQuestion && frame && owned && this.locale !== 'none' && peopleWords[this.locale].has(word))
        continue;
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

    // Per phrasing: how much of the question it covers (`first`), how much of it the question
    // covers (`second`), and which question terms it matched (`masks`).
    this.phrasingTally ??= new Tally(this.phrasings.length);
    const covered = this.phrasingTally.reset();
    const add = (id: number, termIndex: number, query: number, phrasingWeight: number) => {
      if (isEmpty(covered.masks, id)) covered.touch(id);
      else if (hasBit(covered.masks, id, termIndex)) return; // matches are best first
      setBit(covered.masks, id, termIndex);
      covered.first[id] = (covered.first[id] ?? 0) + query;
      covered.second[id] = (covered.second[id] ?? 0) + phrasingWeight;
    };
    // Rare terms first: they create the candidates; a common term with a long posting list then
    // only checks the phrasings already found, instead of walking its whole list.
    const order = matched
      .map((_, index) => index)
      .sort((a, b) => (matched[b]?.weight ?? 0) - (matched[a]?.weight ?? 0));
    for (const termIndex of order) {
      const { weight, matches } = matched[termIndex] as (typeof matched)[number];
      for (const match of matches) {
        const query = weight * match.similarity;
        const phrasingWeight = (this.idf.get(match.term) ?? 0) * match.similarity;
        const postings = this.postings.get(match.term) ?? [];
        if (candidates) {
          // A re-score of a few entries: their own phrasings, not the term's whole posting list.
          for (const id of candidates)
            if (this.phrasings[id]?.terms.includes(match.term)) add(id, termIndex, query, phrasingWeight);
        } else if (covered.size > 0 && postings.length > longPostings && postings.length > covered.size * 4) {
          for (let at = 0; at < covered.size; at++) {
            const id = covered.touched[at] ?? 0;
            if (this.phrasings[id]?.terms.includes(match.term)) add(id, termIndex, query, phrasingWeight);
          }
        } else {
          for (const id of postings) add(id, termIndex, query, phrasingWeight);
        }
      }
    }

    // Per entry: the best phrasing's score (`first`) and coverage (`second`), and which question
    // terms the entry's vocabulary covers (`masks`).
    this.entryTally ??= new Tally(this.entryCount);
    const best = this.entryTally.reset();
    // A question sentence with many content words says more than any one phrasing: how much
    // of a phrasing it says weighs more than how much of it the phrasing covers.
    // An implicit question asks about its whole story, so the story's words count here too.
    const storyParts = raw.filter((term) => term.focus === 0 && !term.questionWord && !term.frame).length;
    const askedParts = implicit ? questionParts + storyParts : questionParts;
    const queryShare = tuning.queryShare * Math.min(1, tuning.phrasingWords / Math.max(1, askedParts));
    const phrasingShare = 1 - queryShare;
    let questionWords: Set<string> | undefined;
    for (let at = 0; at < covered.size; at++) {
      const id = covered.touched[at] ?? 0;
      const phrasingWeight = this.phrasingWeights[id] ?? 0;
      if (phrasingWeight === 0) continue;
      const queryCoverage = Math.min(1, (covered.first[id] ?? 0) / queryWeight);
      let phrasingCoverage = Math.min(1, (covered.second[id] ?? 0) / phrasingWeight);
      const phrasing = this.withUnsaid[id] === 1 ? this.phrasings[id] : undefined;
      if (phrasing?.unsaid) {
        // The unsaid words together weigh as much as the one term (see `Phrasing.unsaid`).
        questionWords ??= new Set(words(question).map(foldWord));
        const said = phrasing.unsaid.filter((word) => questionWords?.has(word)).length;
        phrasingCoverage *= (1 + said / phrasing.unsaid.length) / 2;
      }
      const entry = this.phrasingEntries[id] ?? 0;
      if (isEmpty(best.masks, entry)) {
        best.touch(entry);
        best.first[entry] = queryCoverage ** queryShare * phrasingCoverage ** phrasingShare;
        best.second[entry] = phrasingCoverage;
      } else {
        // The score is a weighted geometric mean, never above the arithmetic one: a phrasing
        // that cannot beat the entry's best skips the two powers (most of an entry's phrasings;
        // the margin keeps rounding from deciding).
        const bound = queryShare * queryCoverage + phrasingShare * phrasingCoverage;
        if (bound * (1 + 1e-9) >= (best.first[entry] ?? 0)) {
          const score = queryCoverage ** queryShare * phrasingCoverage ** phrasingShare;
          if (score > (best.first[entry] ?? 0)) best.first[entry] = score;
        }
        best.second[entry] = Math.max(best.second[entry] ?? 0, phrasingCoverage);
      }
      addBits(best.masks, entry, covered.masks, id);
    }
    const scores: EntryScores = new Float64Array(best.size * 4);
    for (let at = 0; at < best.size; at++) {
      const entry = best.touched[at] ?? 0;
      let total = 0;
      let content = 0;
      for (let termIndex = 0; termIndex < matched.length; termIndex++) {
        if (!hasBit(best.masks, entry, termIndex)) continue;
        const { weight, matches, content: isContent } = matched[termIndex] as (typeof matched)[number];
        total += weight * (matches[0]?.similarity ?? 0);
        // A weak typo match ("passport" ~ "password") is a guess: half of it counts for the topic.
        const similarity = matches[0]?.similarity ?? 0;
        if (isContent) content += weight * similarity * (similarity < tuning.weakMatch ? 0.5 : 1);
      }
      const coverage = Math.min(1, total / queryWeight);
      const top = { score: best.first[entry] ?? 0, phrasing: best.second[entry] ?? 0 };
      // Evidence: one common word ("Stadt", "Phishing") is not enough to answer confidently.
      const evidence = Math.min(1, total / (tuning.minEvidence * this.maxIdf));
      let score = (tuning.entryShare * coverage + (1 - tuning.entryShare) * top.score) * evidence;
      // Not more than a suggestion: a question mostly about something unknown ("Reisepass",
      // "library"), about numbers or money this entry does not speak of, or small talk that
      // only shares a side word with one of the entry's phrasings ("Hilfe" in "Danke für die Hilfe").
      const numbersUnanswered =
        numbersUnknown || mustMatch.some((index) => !hasBit(best.masks, entry, index));
      // A vague question is answered only by small talk that it says exactly ("Wie geht's?").
      const vagueCapped = vague && !(this.smalltalk.has(entry) && top.score >= tuning.exactPhrasing);
      // Small talk that is no question ("Danke dir, bist 'ne Wucht"): the words around the thanks
      // or greeting are pleasantries, not another topic.
      const pleasantry = this.smalltalk.has(entry) && !asks && top.phrasing >= tuning.smalltalkCoverage;
      const capped =
        (unknownTopic && !pleasantry) ||
        vagueCapped ||
        numbersUnanswered ||
        ((this.smalltalk.has(entry) || raw.length === 1) && top.phrasing < tuning.smalltalkCoverage);
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
      scores[at * 4] = entry;
      scores[at * 4 + 1] = score;
      scores[at * 4 + 2] = topical ? 1 : 0;
      scores[at * 4 + 3] = coverage;
    }
    return scores;
  }
}

/** An entry's score for a question, and whether it shares the question's topic (may be suggested). */
export interface EntryScore {
  score: number;
  topical: boolean;
  /** How much of the question's weight the entry's vocabulary covers (0..1). */
  coverage: number;
}

/**
 * The entries a question touched with their `EntryScore`s, four numbers each: entry, score,
 * topical (1 or 0), coverage. At 2,000 entries a Map with a record per entry was most of the
 * 400 KB a question allocated, and the collections of the young generation it caused set the
 * p99 (measured 1 Dec 2026).
 */
export type EntryScores = Float64Array;

/** One entry's score in `scores` (a search: for the few entries of a re-score). */
export function scoreOf(scores: EntryScores, entry: number): EntryScore | undefined {
  for (let at = 0; at < scores.length; at += 4)
    if (scores[at] === entry)
      return { score: scores[at + 1] ?? 0, topical: scores[at + 2] === 1, coverage: scores[at + 3] ?? 0 };
  return undefined;
}

const phrasingsOf = (localized: LocalizedEntry) => [
  localized.question,
  ...localized.alternatives,
  ...localized.keywords,
];

/**
 * Whether two words of the same length are one slip apart: one letter replaced or two
 * neighbouring letters swapped (their edit distance is 1), without building a distance table.
 */
function oneSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  for (let index = 0; index < a.length; index++) {
    if (a[index] === b[index]) continue;
    if (first === -1) {
      first = index;
      continue;
    }
    // A second difference: only the neighbour of a swap, and nothing after it.
    return (
      index === first + 1 &&
      a[first] === b[index] &&
      a[index] === b[first] &&
      a.slice(index + 1) === b.slice(index + 1)
    );
  }
  return true;
}
