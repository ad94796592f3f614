import { createHash } from 'node:crypto';
import type { Language } from '../knowledge/locales.ts';
import type { Entry, LearnedCounts, Settings } from '../knowledge/schema.ts';
import { lasting, memo } from '../memo.ts';
import { scoring as tuning } from './config.ts';
import { phrasingTerms, questionTerms } from './locale-index.ts';
import type { SynonymTable } from './normalize.ts';

/**
 * The settings without their learned counts: what the knowledge table's META stores (the counts
 * are an item of their own), what the publish gate matches with, and what `kb learn` counts with.
 */
export function withoutLearned<S extends Pick<Settings, 'matcher'>>(settings: S): S {
  const { learned: _learned, ...matcher } = settings.matcher;
  return { ...settings, matcher };
}

/**
 * A learned second opinion (docs/matching.md, round 18): naive Bayes over the matcher's own
 * terms, counted from labelled questions (the blind corpora's tuning parts, never their held-back
 * parts: `npm run kb -- learn`) and from the entries' phrasings. Hand-written rules from tuning
 * parts had stopped carrying over to held-back parts; counts learned from all of them at once
 * did: on the held-back parts of corpora 1–28, 89.2 % → 90.8 % answered correctly and 5.0 % →
 * 4.0 % false answers.
 */

/** The label of questions that no entry answers. */
export const outOfScope = '(none)';

export type { LearnedCounts };

export interface Opinion {
  id: string;
  probability: number;
}

/** The best labels for a question's terms, most probable first. */
export type Classifier = (terms: readonly string[]) => Opinion[];

/**
 * Distinct terms of a text, tagged by language: of the question sentence for a question. The
 * index's own analyses (remembered there), so a question and the phrasings are not analysed twice.
 */
export function learnedTerms(
  text: string,
  language: Language,
  synonyms: SynonymTable,
  question: boolean,
): string[] {
  const terms = (question ? questionTerms : phrasingTerms)(text, language, synonyms);
  return [...new Set(terms.filter((term) => term.focus === 1).map((term) => `${language}:${term.term}`))];
}

/**
 * The text of `learned.json`: keys in a fixed order, so that `kb learn` and `kb export` (which
 * reads the counts back from the table, where a map keeps no order) write the same bytes.
 */
export function learnedJson(learned: LearnedCounts): string {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  const { confidence, trainedOn, examples, terms } = learned;
  const ordered = {
    confidence,
    trainedOn: { files: trainedOn.files, questions: trainedOn.questions },
    examples: sorted(examples),
    terms: sorted(terms),
  };
  return `${JSON.stringify(ordered)}\n`;
}

/** Counts while counting: per label, its examples and, per term, the examples that have it. */
export interface Counts {
  examples: Record<string, number>;
  terms: Record<string, Record<string, number>>;
}

/** Adds one labelled example to counts (used by `kb learn` and for the entries' phrasings). */
export function countExample(counts: Counts, label: string, terms: readonly string[]): void {
  counts.examples[label] = (counts.examples[label] ?? 0) + 1;
  const perTerm = counts.terms[label] ?? {};
  counts.terms[label] = perTerm;
  for (const term of terms) perTerm[term] = (perTerm[term] ?? 0) + 1;
}

/**
 * A label's term counts as one string ("de:daten=12 wetter en:data=3"): the counts travel in the
 * settings, a DynamoDB item, and a map of thousands of attributes made every read and write of
 * it slow; one string per label is read as fast as any other text. Terms go by language, whose
 * tag (up to the first colon) is written only where it changes, and a count of 1 is not written:
 * half of all terms are seen once, and the tags were a quarter of the text (round 23: 135 →
 * 91 KB for the counts of 71 corpora). The older form, every term tagged and counted, reads the same.
 */
export function packTerms(terms: Counts['terms']): Record<string, string> {
  return Object.fromEntries(Object.entries(terms).map(([label, perTerm]) => [label, packLabel(perTerm)]));
}

function packLabel(perTerm: Record<string, number>): string {
  let language = '';
  return Object.entries(perTerm)
    .map(([key, count]) => {
      const at = key.indexOf(':');
      return { tag: key.slice(0, Math.max(0, at)), key, bare: key.slice(at + 1), count };
    })
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .map(({ tag, key, bare, count }) => {
      // A term that itself holds a colon keeps its tag, so it reads back alike.
      const written = tag === language && !bare.includes(':') ? bare : key;
      language = tag;
      return count === 1 ? written : `${written}=${count}`;
    })
    .join(' ');
}

function unpackTerms(packed: Readonly<Record<string, string>>): Counts['terms'] {
  return Object.fromEntries(Object.entries(packed).map(([label, text]) => [label, unpackLabel(text)]));
}

function unpackLabel(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let language = '';
  for (const pair of text.split(' ')) {
    if (!pair) continue;
    const at = pair.lastIndexOf('=');
    let key = at < 0 ? pair : pair.slice(0, at);
    const colon = key.indexOf(':');
    if (colon >= 0) language = key.slice(0, colon);
    else if (language) key = `${language}:${key}`;
    counts[key] = at < 0 ? 1 : Number(pair.slice(at + 1));
  }
  return counts;
}

/** The counts of `learned.json` as counts to add to (the packed strings read once). */
function countsOf(learned: Pick<LearnedCounts, 'examples' | 'terms'>): Counts {
  return { examples: { ...learned.examples }, terms: unpackTerms(learned.terms) };
}

/**
 * Multinomial naive Bayes with additive smoothing (`learnedSmoothing`). The counts are taken as they are; `phrasings`
 * adds each entry phrasing as one more example of its entry, so an entry that staff added since
 * the counts were made is known too.
 */
export function createClassifier(
  learned: Pick<LearnedCounts, 'examples' | 'terms'>,
  phrasings: readonly { id: string; terms: readonly string[] }[],
): Classifier {
  return naiveBayes(countsOf(learned), phrasings).classify;
}

/** The label of questions that some entry answers, for `createScopeClassifier`. */
const inScope = '(some entry)';

/**
 * Whether any entry answers at all, as a probability that none does: the same counts with every
 * entry's merged into one label. Asked "none or that entry?" among twenty-six labels, naive Bayes
 * spreads a near miss's evidence over the entries that share its words; asked "none or any?", it
 * does not (round 19: on the tuning parts, each corpus left out in turn, 6 of 43 false answers
 * fewer for 2 of 5,723 right answers).
 */
export function createScopeClassifier(
  learned: Pick<LearnedCounts, 'examples' | 'terms'>,
  phrasings: readonly { id: string; terms: readonly string[] }[],
): (terms: readonly string[]) => number {
  return scopeClassifier(countsOf(learned), phrasings);
}

function scopeClassifier(
  counts: Readonly<Counts>,
  phrasings: readonly { id: string; terms: readonly string[] }[],
): (terms: readonly string[]) => number {
  const merged: Counts = { examples: {}, terms: {} };
  for (const [label, examples] of Object.entries(counts.examples)) {
    const into = label === outOfScope ? outOfScope : inScope;
    merged.examples[into] = (merged.examples[into] ?? 0) + examples;
    const perTerm = merged.terms[into] ?? {};
    merged.terms[into] = perTerm;
    for (const [term, count] of Object.entries(counts.terms[label] ?? {}))
      perTerm[term] = (perTerm[term] ?? 0) + count;
  }
  const { classify } = naiveBayes(
    merged,
    phrasings.map(({ terms }) => ({ id: inScope, terms })),
  );
  return (terms) => classify(terms).find((opinion) => opinion.id === outOfScope)?.probability ?? 0;
}

/** The classifier of `counts` with the phrasings added (to `counts` itself), and its vocabulary. */
function naiveBayes(
  counts: Counts,
  phrasings: readonly { id: string; terms: readonly string[] }[],
): { classify: Classifier; vocabulary: ReadonlySet<string> } {
  for (const { id, terms } of phrasings) countExample(counts, id, terms);
  const labels = Object.keys(counts.examples);
  const vocabulary = new Set(Object.values(counts.terms).flatMap((perTerm) => Object.keys(perTerm)));
  const model = labels.map((label) => {
    const perTerm = counts.terms[label] ?? {};
    const total = Object.values(perTerm).reduce((sum, count) => sum + count, 0);
    return {
      label,
      prior: Math.log(counts.examples[label] ?? 1),
      perTerm,
      denominator: Math.log(total + tuning.learnedSmoothing * vocabulary.size),
    };
  });
  const classify: Classifier = (terms) => {
    const known = terms.filter((term) => vocabulary.has(term));
    const logs = model.map(({ prior, perTerm, denominator }) =>
      known.reduce(
        (log, term) => log + Math.log((perTerm[term] ?? 0) + tuning.learnedSmoothing) - denominator,
        prior,
      ),
    );
    const top = Math.max(...logs);
    const weights = logs.map((log) => Math.exp(log - top));
    const sum = weights.reduce((a, b) => a + b, 0);
    return model
      .map(({ label }, index) => ({ id: label, probability: (weights[index] ?? 0) / sum }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, 3);
  };
  return { classify, vocabulary };
}

/** The entries' phrasings as examples for `createClassifier`. */
export function phrasingExamples(
  entries: readonly Entry[],
  synonyms: Readonly<Record<Language, SynonymTable>>,
): { id: string; terms: string[] }[] {
  return entries.flatMap((entry) =>
    (Object.keys(synonyms) as Language[]).flatMap((language) => {
      const localized = entry[language];
      if (!localized) return [];
      return [localized.question, ...localized.alternatives].map((phrasing) => ({
        id: entry.id,
        terms: learnedTerms(phrasing, language, synonyms[language], false),
      }));
    }),
  );
}

/** The second opinion's two classifiers: which entry, and whether none at all. */
export interface Classifiers {
  opinions: Classifier;
  /** The probability that no entry answers (`createScopeClassifier`). */
  outside: (terms: readonly string[]) => number;
  /** Whether the counts or the phrasings have every one of these terms. */
  knows: (terms: readonly string[]) => boolean;
}

const classifiers = lasting('learned-classifiers', () => new Map<string, Classifiers>());

/**
 * The classifier of these counts and entries, remembered by their content: every reload of the
 * published knowledge base builds a matcher, and counting the phrasings again took 0.1–0.2 s.
 */
export function classifierFor(
  learned: Pick<LearnedCounts, 'examples' | 'terms'>,
  entries: readonly Entry[],
  synonyms: Readonly<Record<Language, SynonymTable>>,
): Classifiers {
  const phrasings = entries.map((entry) => [
    entry.id,
    entry.de?.question,
    entry.de?.alternatives,
    entry.en?.question,
    entry.en?.alternatives,
  ]);
  const key = createHash('sha256')
    .update(JSON.stringify([learned.examples, learned.terms, phrasings]))
    .digest('hex');
  return memo(
    classifiers,
    key,
    () => {
      const examples = phrasingExamples(entries, synonyms);
      const counts = countsOf(learned);
      // The scope classifier first: the entries' classifier adds the phrasings to `counts`.
      const outside = scopeClassifier(counts, examples);
      const { classify, vocabulary } = naiveBayes(counts, examples);
      return {
        opinions: classify,
        outside,
        knows: (terms: readonly string[]) => terms.every((term) => vocabulary.has(term)),
      };
    },
    4,
  );
}

/**
 * An entry the matcher did not rank, when the opinion is nearly sure of it (`learnedUnrankedSure`)
 * and the matcher came close (`learnedUnrankedFrom`): a question whose words the entries do not
 * know ("Weshalb kriegn mir ne Warnung, wenn nüschd weg is?", "Which number should I ring to
 * check a mail?") is capped at "about something else", while the counts know those words from
 * other citizens' questions. Only when the counts know every word of the question (`byOpinion`
 * checks `knows`): a word nobody used before ("bestraft") may be what it is about. A question
 * that a "no answer" rule caught has confidence 0 and stays unanswered. Chosen on the tuning
 * parts, each corpus left out in turn: 16 more right answers of 6,771, 1 more false of 3,397.
 */
function beyondTheRanking<T extends { entry: { id: string }; score: number }, D extends Decision<T>>(
  decision: D,
  opinion: Opinion,
  unranked: ((id: string) => T | undefined) | undefined,
): D {
  if (
    opinion.probability < tuning.learnedUnrankedSure ||
    decision.confidence < tuning.learnedUnrankedFrom ||
    !unranked
  )
    return decision;
  const item = unranked(opinion.id);
  return item ? { ...decision, status: 'answer', ranked: [item, ...decision.ranked] } : decision;
}

/** What the second opinion knows of the question besides the two classifiers' opinion. */
export interface OpinionContext<T> {
  /** The probability from which the opinion counts (`learned.confidence`). */
  confidence: number;
  /** The probability that no entry answers (`Classifiers.outside`). */
  outside?: number;
  /** An entry the matcher did not rank, scored for this question (`beyondTheRanking`). */
  unranked?: (id: string) => T | undefined;
  /** Whether the counts know every word of the question (`Classifiers.knows`); default yes. */
  knows?: boolean;
}

/** A decision in the matcher's terms: its confidence and its ranked entries, best first. */
export interface Decision<T extends { entry: { id: string }; score: number }> {
  status: 'answer' | 'suggest' | 'none';
  confidence: number;
  ranked: T[];
}

/**
 * The matcher's decision with the second opinion, trusted only when it is sure (`confidence`): it
 * may answer with an entry the matcher ranked but did not answer with, put another of the
 * matcher's ranked entries first when that one scored within `learnedSwitchWithin` of the first,
 * or hold back an answer when it is sure nothing answers. An entry the matcher did not rank it
 * brings only when nearly sure of it (`beyondTheRanking`), never after a "no answer" rule, and it
 * leaves an answer of `learnedLeavesFrom` or more alone (an entry's own phrasings, "Wie lange ist
 * der Angriff her?").
 */
export function secondOpinion<T extends { entry: { id: string }; score: number }, D extends Decision<T>>(
  decision: D,
  opinion: Opinion | undefined,
  question: OpinionContext<T>,
): D {
  const decided = byOpinion(decision, opinion, question);
  // Nearly sure that no entry answers (`createScopeClassifier`): a less than confident answer
  // becomes a suggestion, so the citizen can still pick it.
  return decided.status === 'answer' &&
    decided.confidence < tuning.learnedOutsideUnder &&
    (question.outside ?? 0) >= tuning.learnedOutsideFrom
    ? { ...decided, status: 'suggest' }
    : decided;
}

function byOpinion<T extends { entry: { id: string }; score: number }, D extends Decision<T>>(
  decision: D,
  opinion: Opinion | undefined,
  { confidence, unranked, knows = true }: OpinionContext<T>,
): D {
  if (!opinion || opinion.probability < confidence) return decision;
  const answered = decision.status === 'answer';
  // A suggestion at no more than the unknown-topic cap (the matcher capped a question about a
  // thing the entries never mention: "Is my Xbox safe now?") with a word the counts do not know
  // either: only a nearly sure opinion answers it (round 20; each corpus left out: 1 right answer
  // fewer of 9,241, "Xbox" no false answer).
  if (
    !answered &&
    !knows &&
    decision.confidence <= tuning.unknownTopicCap &&
    opinion.probability < tuning.learnedUnrankedSure
  )
    return decision;
  if (answered && decision.confidence >= tuning.learnedLeavesFrom) return decision;
  if (opinion.id === outOfScope) return answered ? { ...decision, status: 'suggest' } : decision;
  const [top] = decision.ranked;
  const chosen = decision.ranked.find((item) => item.entry.id === opinion.id);
  if (!chosen) return answered || !knows ? decision : beyondTheRanking(decision, opinion, unranked);
  if (!top || (answered && top === chosen)) return decision;
  if (answered && top.score - chosen.score > tuning.learnedSwitchWithin) return decision;
  return {
    ...decision,
    status: 'answer',
    ranked: [chosen, ...decision.ranked.filter((item) => item !== chosen)],
  };
}
