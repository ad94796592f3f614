import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import type { Locale } from '../knowledge/schema.ts';
import { stopWords, topicWords } from './stop-words.ts';

/**
 * Text normalisation shared by indexing and querying, so both sides always agree:
 * Unicode and case folding, German transliterations (ae/ä, ss/ß), punctuation, stop words,
 * synonyms and stemming. The output is a list of terms.
 */

/** Lower-cases, applies Unicode compatibility folding and joins "E-Mail"-style spellings. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('de')
    .replace(/\be[\s-]?mail/g, 'email')
    .replace(/\bwlan\b/g, 'wlan');
}

/** Splits folded text into words (letters and digits only). */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** German spelling folding: ae/oe/ue written for umlauts and ß become one form. */
function foldGerman(word: string): string {
  return word
    .replace(/ß/g, 'ss')
    .replace(/([^aeqou])ue/g, '$1ü')
    .replace(/^ue/, 'ü')
    .replace(/([^aeo])ae/g, '$1ä')
    .replace(/^ae/, 'ä')
    .replace(/([^aeo])oe/g, '$1ö')
    .replace(/^oe/, 'ö');
}

/** Strips the remaining diacritics (ä -> a, é -> e) after stemming. */
function stripDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Light extra step for German participles that the Snowball stemmer keeps (informiert -> informi, like informieren). */
function stemGermanWord(word: string): string {
  let stem = stemGerman(word);
  if (stem.length > 6 && stem.endsWith('iert')) stem = stem.slice(0, -3);
  if (
    stem.length > 6 &&
    stem.startsWith('ge') &&
    !/^ge(?:gen|heim|biet|fahr|rät|setz|schäft|sund)/.test(stem)
  ) {
    stem = stem.slice(2);
  }
  return stem;
}

/** Stems one folded word in the given language. */
export function stem(word: string, locale: Locale): string {
  return memo(stems[locale], word, () => {
    if (/^\p{N}+$/u.test(word)) return word;
    const stemmed = locale === 'de' ? stemGermanWord(foldGerman(word)) : stemEnglish(word);
    return stripDiacritics(stemmed);
  });
}

/** Prepares a word for lookup in the locale's stop-word list and synonym table. */
export function canonicalWord(word: string, locale: Locale): string {
  return memo(canonicals[locale], word, () => stripDiacritics(locale === 'de' ? foldGerman(word) : word));
}

/**
 * Words repeat across phrasings and questions, and stemming is the costly step of building the
 * index (a cold start) and of every question: remember results, up to a bound.
 */
const memoLimit = 50_000;
const stems = { de: new Map<string, string>(), en: new Map<string, string>() };
const canonicals = { de: new Map<string, string>(), en: new Map<string, string>() };

function memo(cache: Map<string, string>, word: string, compute: () => string): string {
  let value = cache.get(word);
  if (value === undefined) {
    value = compute();
    if (cache.size >= memoLimit) cache.clear();
    cache.set(word, value);
  }
  return value;
}

/** Synonyms as a word -> replacement words map, folded the same way as questions. */
export type SynonymTable = ReadonlyMap<string, readonly string[]>;

/** Builds the synonym table of a locale from the settings' word -> replacement pairs. */
export function buildSynonyms(pairs: Readonly<Record<string, string>>, locale: Locale): SynonymTable {
  const table = new Map<string, string[]>();
  for (const [from, to] of Object.entries(pairs)) {
    const source = words(from).map((word) => canonicalWord(word, locale));
    if (source.length !== 1 || !source[0]) continue;
    table.set(
      source[0],
      words(to).map((word) => canonicalWord(word, locale)),
    );
  }
  return table;
}

/**
 * A matching term and whether its word looks like a topic word: a German noun (capitalised
 * mid-sentence); in English, which has no such cue, a longer word that does not look like a
 * verb or adverb form; in both, words that ask for numbers or money.
 */
export interface Term {
  term: string;
  noun: boolean;
  /** Asks for numbers or money: only an entry that speaks of it may answer. */
  mustMatch: boolean;
}

/**
 * Turns text into matching terms: words, minus stop words, with synonyms replaced, stemmed.
 * The same function indexes the knowledge base and analyses citizens' questions.
 */
export function analyzeTerms(text: string, locale: Locale, synonyms: SynonymTable = new Map()): Term[] {
  const stops = stopWords[locale];
  const terms: Term[] = [];
  const raw = text.normalize('NFKC').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  raw.forEach((token, position) => {
    const mustMatch = topicWords[locale].has(canonicalWord(token.toLocaleLowerCase('de'), locale));
    const noun =
      mustMatch ||
      (locale === 'de'
        ? position > 0 && /^\p{Lu}/u.test(token)
        : token.length >= 6 && !/(?:ed|ing|ly|ise|ize|ate|ect|ure)$/i.test(token));
    for (const word of words(token)) {
      const canonical = canonicalWord(word, locale);
      if (stops.has(canonical)) continue;
      for (const replacement of synonyms.get(canonical) ?? [canonical]) {
        if (replacement.length < 2 && !/\p{N}/u.test(replacement)) continue;
        terms.push({ term: stem(replacement, locale), noun, mustMatch });
      }
    }
  });
  return terms;
}

/** The terms of a text (see `analyzeTerms`). */
export function analyze(text: string, locale: Locale, synonyms: SynonymTable = new Map()): string[] {
  return analyzeTerms(text, locale, synonyms).map(({ term }) => term);
}
