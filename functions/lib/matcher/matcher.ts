import {
  type Analysis,
  defaultLocales,
  isLanguage,
  type Language,
  type Locale,
  type LocaleConfig,
} from '../knowledge/locales.ts';
import type { Entry, Settings } from '../knowledge/schema.ts';
import { scoring as tuning } from './config.ts';
import { decide } from './decide.ts';
import { hasDeclined, withDeclined } from './declined.ts';
import { languageDetector } from './language.ts';
import { type Classifiers, classifierFor, learnedTerms, secondOpinion } from './learned.ts';
import { LocaleIndex, scoreOf } from './locale-index.ts';
import { asksBeyondTheNotice } from './never-said.ts';
import { buildSynonyms, questionSentence, type SynonymTable } from './normalize.ts';
import { answerablePart, firstQuestion } from './parts.ts';
import { lowerCase, lowerCasePattern } from './phrases.ts';
import { isInstruction, saysNoWord } from './requests.ts';
import { asksAboutAnotherService, asksAboutTheAttack, type Known, scopeOf } from './scope.ts';
import { plainApostrophes } from './stemming.ts';

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
  /**
   * With an answer: a further question of the message that no entry answers, left out of the
   * match (parts.ts), so the citizen is offered to forward it.
   */
  leftOut?: string;
}

export type MatcherOptions = Settings['matcher'];

export type { EntryScore } from './locale-index.ts';
export { editDistance, plausibleTypo } from './typos.ts';

/** A message of a few words ("Na, alles fit?"), which may be small talk itself. */
const brief = (question: string) => (question.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= tuning.briefWords;

/** The honest "no answer": no entry, no suggestions. */
const noAnswer = (locale: Locale): MatchResult => ({ status: 'none', locale, confidence: 0, ranked: [] });

/** Questions left out at two depths of a message, in the order the citizen asked them. */
const joined = (inner: string | undefined, outer: string) =>
  inner === undefined ? outer : `${inner} ${outer}`;

/**
 * An answer to part of a message, with the question left out (parts.ts); undefined when the part
 * got no answer, or only small talk: "Guten Tag liebe Stadt, und was hat das gekostet?" greets
 * before it asks, and the greeting answers no part of it.
 */
function partly(result: MatchResult, leftOut: string): MatchResult | undefined {
  return result.status === 'answer' && result.ranked[0]?.entry.kind !== 'smalltalk'
    ? { ...result, leftOut }
    : undefined;
}

/** A matcher built once per published knowledge base; `match` is synchronous and fast. */
export interface Matcher {
  /** `locale`: any configured tag; a question clearly in another analysed language may override it. */
  match(question: string, locale?: Locale): MatchResult;
  detectLanguage(question: string, fallback?: Language): Language;
}

/** Builds the matcher for a set of entries and the settings' thresholds and synonyms. */
export function createMatcher(
  entries: readonly Entry[],
  settings: Pick<Settings, 'matcher' | 'synonyms' | 'phrases'> & {
    locales?: readonly LocaleConfig[];
    town?: Pick<NonNullable<Settings['town']>, 'shortName'>;
  },
): Matcher {
  const options = settings.matcher;
  const { languageLead, detectLanguage } = languageDetector(entries, settings.synonyms);
  const configs = new Map((settings.locales ?? defaultLocales).map((config) => [config.tag, config]));
  const analysisOf = (tag: Locale): Analysis =>
    configs.get(tag)?.analysis ?? (isLanguage(tag) ? tag : 'none');
  // Each locale's index is built when a question first needs it: a cold start pays for one.
  // A locale with `matchAlso` indexes its parent's phrasings too, under its own analysis.
  const entryIndex = new Map(entries.map((entry, index) => [entry.id, index]));
  // One synonym table per locale, shared by its index and its index of declined questions.
  const tables = new Map<Locale, SynonymTable>();
  const synonymsOf = (locale: Locale, parent: Locale | undefined, analysis: Analysis): SynonymTable => {
    let table = tables.get(locale);
    if (!table) {
      const pairs =
        settings.synonyms[locale] ??
        (parent === undefined ? undefined : settings.synonyms[parent]) ??
        (isLanguage(analysis) ? settings.synonyms[analysis] : undefined) ??
        {};
      table = buildSynonyms(pairs, analysis, isLanguage(analysis) ? settings.phrases?.[analysis] : undefined);
      tables.set(locale, table);
    }
    return table;
  };
  const lazyIndexes = (indexed: readonly Entry[]) => {
    const indexes = new Map<Locale, LocaleIndex>();
    return (locale: Locale): LocaleIndex => {
      let index = indexes.get(locale);
      if (!index) {
        const parent = configs.get(locale)?.matchAlso;
        const analysis = analysisOf(locale);
        const sources = parent === undefined ? [locale] : [locale, parent];
        index = new LocaleIndex(analysis, indexed, synonymsOf(locale, parent, analysis), sources);
        indexes.set(locale, index);
      }
      return index;
    };
  };
  const indexOf = lazyIndexes(entries);
  // The settings' lists of other services and senders, and the words that name this town and
  // its incident (scope.ts).
  const scope = scopeOf({
    services: options.otherServices,
    senders: options.otherSenders,
    incidentWords: options.incidentWords,
    neverSaid: options.neverSaid,
    instructions: options.instructions,
    townName: settings.town?.shortName,
  });
  // A service or sender the entries themselves speak of (a town whose knowledge base covers its
  // swimming pool) is no "other" one: the locale's index knows its words.
  const knownIn =
    (locale: Locale): Known =>
    (word) =>
      indexOf(locale).knows(word);
  // What entries do not answer (`notAnswered`): the entries and their declined questions, in
  // an index of their own (see declined.ts).
  const declinedIndexOf = hasDeclined(entries) ? lazyIndexes(withDeclined(entries)) : undefined;

  /** A FAQ entry's neighbours in a locale's index (built already: `rank` ran there first). */
  const neighboursIn = (locale: Locale) => (entry: Entry) =>
    indexOf(locale)
      .neighbours(entryIndex.get(entry.id) ?? -1)
      .map((neighbour) => entries[neighbour]);

  // Entries scored level go in the order of their ids. Ranking sorts numbers, not records: each
  // entry's score in thousandths (what a ranking shows) and its place among the ids, packed in
  // one key. At 2,000 entries a question scores about 1,000 of them, and a sort of records with
  // `localeCompare` for ties was a fifth of its time.
  const byPlace = [...entries.keys()].sort((a, b) =>
    (entries[a] as Entry).id.localeCompare((entries[b] as Entry).id),
  );
  const place = new Int32Array(entries.length);
  byPlace.forEach((index, position) => {
    place[index] = position;
  });
  const slots = Math.max(entries.length, 1);

  // Where each entry stands in the scores of the current `rank` (read only for entries it scored).
  const listed = new Int32Array(entries.length);

  function rank(question: string, locale: Locale, typos = true, only?: ReadonlySet<number>): RankedEntry[] {
    const scores = indexOf(locale).score(question, typos, only);
    const keys = new Float64Array(scores.length / 4);
    for (let at = 0; at < keys.length; at++) {
      const index = scores[at * 4] ?? 0;
      listed[index] = at * 4;
      // Scores lie in 0..1 by construction (coverages and shares); the clamp only keeps a key
      // that could not be packed from taking another entry's place.
      const thousandths = Math.min(1000, Math.max(0, Math.round((scores[at * 4 + 1] ?? 0) * 1000) || 0));
      keys[at] = (1000 - thousandths) * slots + (place[index] ?? 0);
    }
    keys.sort();
    const ranked: RankedEntry[] = [];
    for (const key of keys) {
      const position = key % slots;
      const index = byPlace[position] ?? -1;
      const entry = entries[index];
      if (entry)
        ranked.push({
          entry,
          score: (1000 - (key - position) / slots) / 1000,
          topical: scores[(listed[index] ?? 0) + 2] === 1,
        });
    }
    return ranked;
  }

  /**
   * Two neighbouring entries scored level on a message with a story ("Ich schicke der Stadt
   * Rechnungen per Mail. Bin ich betroffen?"): the story's words may tip it either way, the
   * question sentence says what is asked. Scored alone, it decides which of the two goes first.
   */
  function settleTie(question: string, ranked: RankedEntry[], locale: Locale): RankedEntry[] {
    const [top, next] = ranked;
    // Only an answer is at stake: suggestions offer both anyway.
    if (!top || !next || top.score < options.answerThreshold || top.score - next.score > tuning.nearTie)
      return ranked;
    const analysis = analysisOf(locale);
    const asked = isLanguage(analysis)
      ? questionSentence(question, analysis, indexOf(locale).synonyms)
      : undefined;
    // A few words around the question ("bitte schnell", "Danke!") are no story to outweigh it.
    if (asked === undefined || question.length - asked.length < tuning.storyChars) return ranked;
    // Only the two tied entries are scored again: a full second pass doubled the time per question.
    const pair = new Set([top, next].map((ranked) => entryIndex.get(ranked.entry.id) ?? -1));
    const alone = new Map(rank(asked, locale, true, pair).map((entry) => [entry.entry.id, entry.score]));
    if ((alone.get(next.entry.id) ?? 0) <= (alone.get(top.entry.id) ?? 0)) return ranked;
    return [{ ...next, score: top.score }, { ...top, score: next.score }, ...ranked.slice(2)];
  }

  // An act that decides between neighbours (settings: `matcher.precedence`), compiled once.
  const precedence = (options.precedence ?? []).map((rule) => ({
    ...rule,
    when: lowerCasePattern(rule.when),
    unless: rule.unless === undefined ? undefined : lowerCasePattern(rule.unless),
  }));

  /**
   * "Unsere Buchhaltung hat eine gefälschte Rechnung geöffnet. Welche Schritte …?": the story
   * describes the fake mail in many words, the act (opened, clicked) in one; the act decides
   * what is asked. The preferred entry goes first, with the leader's score, when it is among
   * the first three behind an entry it takes precedence over (round 34; from further down it
   * cost six tuning questions to their learned counts).
   */
  function byPrecedence(question: string, ranked: RankedEntry[]): RankedEntry[] {
    const [top] = ranked;
    const rules = top ? precedence.filter((rule) => rule.over.includes(top.entry.id)) : [];
    if (!top || rules.length === 0) return ranked;
    const lower = lowerCase(question);
    const finds = (pattern: RegExp | undefined) =>
      pattern?.test(pattern.ignoreCase ? question : lower) === true;
    for (const rule of rules) {
      if (!finds(rule.when) || finds(rule.unless)) continue;
      const at = ranked.slice(1, 3).findIndex((item) => item.entry.id === rule.prefer) + 1;
      const preferred = ranked[at];
      if (at === 0 || !preferred) continue;
      return [
        { ...preferred, score: top.score },
        { ...top, score: preferred.score },
        ...ranked.filter((_, index) => index !== 0 && index !== at),
      ];
    }
    return ranked;
  }

  /** A question about the attack without small talk among its entries (`asksAboutTheAttack`). */
  const aboutTheAttack = (question: string, ranked: RankedEntry[]) =>
    asksAboutTheAttack(question) ? ranked.filter((item) => item.entry.kind !== 'smalltalk') : ranked;

  /** After a decline nothing answers: the other entries may only be suggested. */
  const suggestOnly: MatcherOptions = { ...options, answerThreshold: Number.POSITIVE_INFINITY };

  /**
   * `decide`, unless the leading entry is about to answer a question it declines: one whose
   * declined questions (`notAnswered`) fit it better than the entry's own phrasings. Then the
   * rest is only suggested: a question about an entry's subject that it does not answer is
   * rarely answered by the next entry either ("Did the authority fine the town?" is not for the
   * data protection officer's address).
   */
  function decideDeclining(question: string, ranked: RankedEntry[], locale: Locale): MatchResult {
    const top = ranked[0];
    if (declinedIndexOf && top && top.score >= options.answerThreshold) {
      const own = entryIndex.get(top.entry.id) ?? -1;
      const declined = own + entries.length;
      const scores = declinedIndexOf(locale).score(question, true, new Set([own, declined]));
      const [says, not] = [scoreOf(scores, own), scoreOf(scores, declined)];
      // Declined only for words the entry does not know: a question said entirely in the
      // entry's own words ("Ist das eine komische Mail?") asks what the entry says.
      if (says && not && not.coverage > says.coverage && not.score > says.score + tuning.declineMargin)
        return decide(ranked.slice(1), locale, suggestOnly, neighboursIn(locale), brief(question));
    }
    return decide(ranked, locale, options, neighboursIn(locale), brief(question));
  }

  // The learned second opinion (learned.ts), built when a question first needs it. Counts that
  // know fewer than half of the entries describe another knowledge base (another town's, the
  // bench's generated one) and are left out.
  const learned =
    options.learned &&
    entries.filter((entry) => (options.learned?.examples[entry.id] ?? 0) > 0).length * 2 >= entries.length
      ? options.learned
      : undefined;
  let classifier: Classifiers | undefined;
  const languageTable = (language: Language) => synonymsOf(language, undefined, language);
  function withOpinion(question: string, result: MatchResult): MatchResult {
    const language = analysisOf(result.locale);
    if (!learned || !isLanguage(language)) return result;
    classifier ??= classifierFor(learned, entries, { de: languageTable('de'), en: languageTable('en') });
    const terms = learnedTerms(question, language, languageTable(language), true);
    const [opinion] = classifier.opinions(terms);
    // An entry the matcher did not rank comes with its own score for this question (taken only
    // when the counts know every word of it: learned.ts, `beyondTheRanking`).
    const unranked = (id: string): RankedEntry | undefined => {
      const index = entryIndex.get(id);
      const entry = index === undefined ? undefined : entries[index];
      if (index === undefined || !entry) return undefined;
      const [scored] = rank(question, result.locale, true, new Set([index]));
      return { entry, score: scored?.score ?? 0, topical: true };
    };
    return secondOpinion(result, opinion, {
      confidence: learned.confidence,
      outside: classifier.outside(terms),
      unranked,
      knows: classifier.knows(terms),
    });
  }

  function match(typed: string, locale?: Locale): MatchResult {
    const question = plainApostrophes(typed);
    const whole = matchAlone(question, locale);
    const decided = withOpinion(whole.asked, whole.result);
    // A later question beyond the notice was left out (parts.ts): the rest is answered, or nothing.
    if (whole.leftOut !== undefined)
      return decided.status === 'answer'
        ? (partly(decided, whole.leftOut) ?? noAnswer(decided.locale))
        : decided;
    if (whole.refused || decided.status === 'answer') return decided;
    // Not answered as a whole: a message of two questions may still ask first what an entry
    // answers ("Is my data stolen? Also, where can I renew my parking permit?").
    const first = firstQuestion(question);
    if (!first) return decided;
    const alone = matchAlone(first.rest, locale);
    const firstDecided = withOpinion(alone.asked, alone.result);
    if (firstDecided.confidence < tuning.firstQuestionConfidence) return decided;
    return partly(firstDecided, joined(alone.leftOut, first.leftOut)) ?? decided;
  }

  /**
   * The result, and the text it answers: the message, or its answerable part and the question
   * left out (parts.ts).
   */
  function matchAlone(
    question: string,
    locale?: Locale,
  ): { asked: string; leftOut?: string; refused?: boolean; result: MatchResult } {
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
    // is no question to the town, another service of the town ("Wo beantrage ich einen
    // Personalausweis?") none for this assistant, and what the notice never says ("Wann wird OWA
    // wieder eingeschaltet?", "Did the authority fine the town?") none that an entry answers: the
    // citizen gets the honest "no answer" and the offer to forward the question. Not suggestions:
    // entries about the same subject answer something else, and the data protection officer can
    // answer the question itself (round 12: 1 of about 2,200 in-scope tuning questions trips one
    // of these rules).
    if (isInstruction(question, scope.instructions) || saysNoWord(question))
      return { asked: question, refused: true, result: noAnswer(preferred) };
    const known = knownIn(preferred);
    const beyond = (text: string) =>
      asksAboutAnotherService(text, scope, known) || asksBeyondTheNotice(text, scope, known);
    // Two questions, one beyond the notice ("Was wurde gestohlen, und werden die Täter
    // strafrechtlich verfolgt?", round 29) or about another service ("Was ist passiert, und kann
    // ich morgen meinen Personalausweis abholen?", round 31; "Wann hat das Freibad auf? Und bin
    // ich von dem Hack betroffen?", round 34, which the incident's words keep in scope as a
    // whole): the other is answered, this one offered to forward.
    const part = answerablePart(question, beyond, (text) => scope.incidentItself.test(text));
    if (part !== undefined) {
      const inner = matchAlone(part.rest, locale);
      return { ...inner, leftOut: joined(inner.leftOut, part.leftOut) };
    }
    if (beyond(question)) return { asked: question, refused: true, result: noAnswer(preferred) };
    return { asked: question, result: matchRanked(question, preferred, lead) };
  }

  function matchRanked(question: string, preferred: Locale, lead: number): MatchResult {
    const first = decideDeclining(
      question,
      byPrecedence(
        question,
        settleTie(question, aboutTheAttack(question, rank(question, preferred)), preferred),
      ),
      preferred,
    );
    if (first.status === 'answer') return first;
    const preferredAnalysis = analysisOf(preferred);
    const other: Language =
      preferredAnalysis === 'de' ? 'en' : preferredAnalysis === 'en' ? 'de' : lead < 0 ? 'en' : 'de';
    // Without typo tolerance when the language was clear: this pass only catches a misdetected
    // language, and it stays cheap. With it when nothing told the language ("goodby").
    const second = aboutTheAttack(question, rank(question, other, lead === 0));
    if ((second[0]?.score ?? 0) > first.confidence + 0.15) return decideDeclining(question, second, other);
    return first;
  }

  return { match, detectLanguage };
}
