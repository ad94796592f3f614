import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import type { Analysis } from '../knowledge/locales.ts';
import { lasting, memo } from '../memo.ts';
import type { PhraseRules } from './phrases.ts';

// The word level of normalisation (see normalize.ts): folding, stemming (memoised) and the
// synonym tables, shared by indexing and querying.

/**
 * Apostrophes as phones and German keyboards type them ("what’s", "geht´s", "don`t"): the plain
 * one that the phrase rules and word lists are written with.
 */
export const plainApostrophes = (text: string): string =>
  /[’‘ʼ´`]/u.test(text) ? text.replace(/[’‘ʼ´`]/gu, "'") : text;

/**
 * Chat and web spellings made plain, before words are split. A domain ("web.de",
 * "t-online.de") is one word, the name of a provider or site: split, its parts read as words
 * ("web" as in Outlook Web App). Letters typed three times or more ("heyyy", "pleeease") are
 * typed once: chat stretches words, German spelling never needs it; a word of one letter held down is
 * dropped.
 */
export function plainSpelling(input: string): string {
  const text = plainApostrophes(input);
  // Most texts have neither a dot nor a letter three times in a row: checked first, since this
  // runs for every word of every phrasing when a matcher builds its index.
  const domains = text.includes('.')
    ? text.replace(
        /\b([\p{L}\p{N}][\p{L}\p{N}-]*)\.(de|com|net|org|eu|info|io|at|ch)\b/giu,
        (_, name: string, tld: string) => `${name.replace(/-/g, '')}${tld}`,
      )
    : text;
  if (!/(\p{L})\1\1/u.test(domains)) return domains;
  return (
    domains
      // Letters held down one after another ("üüüüüü", "jjjjjöööö") are no word at all, not
      // those letters typed once.
      .replace(/(?<!\p{L})(?:(\p{L})\1{2,})+(?!\p{L})/gu, ' ')
      .replace(/(\p{L})\1{2,}/gu, '$1')
  );
}

/** Lower-cases, applies Unicode compatibility folding and joins "E-Mail"-style spellings. */
export function foldText(text: string): string {
  return plainSpelling(text.normalize('NFKC'))
    .toLocaleLowerCase('de')
    .replace(/\be[\s-]?mail/g, 'email')
    .replace(/\bwlan\b/g, 'wlan');
}

/** Splits folded text into words (letters and digits only). */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** German spelling folding: ae/oe/ue written for umlauts and ß become one form. */
export function foldGerman(word: string): string {
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
export function stripDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** A word in the one spelling both sides compare: German folding, then no diacritics ("schön" -> "schon"). */
export function foldWord(word: string): string {
  return stripDiacritics(foldGerman(word));
}

/** A word whose last letter was typed twice in chat ("hii", "thxx"), typed once; else undefined. */
export function typedOnce(word: string): string | undefined {
  return /(\p{L})\1$/u.test(word) ? word.slice(0, -1) : undefined;
}

/** Soft initial consonants of Saxon and Thuringian speech, written as spoken ("Bassword", "Dermin"). */
const hardened: Readonly<Record<string, string>> = { b: 'p', d: 't', g: 'k' };

/**
 * A word as it is spoken, written the standard way, or undefined: English without the dropped
 * "g" ("stayin", "nothin"), German with the hard initial consonant that East Central German
 * softens ("Bassword" -> "password"). Only tried for words the vocabulary does not know.
 */
export function spokenForm(word: string, locale: string): string | undefined {
  if (word.length < 5) return undefined;
  if (locale === 'en') return /[^aeiou]in$/.test(word) ? `${word}g` : undefined;
  const hard = locale === 'de' ? hardened[word[0] ?? ''] : undefined;
  return hard ? `${hard}${word.slice(1)}` : undefined;
}

/** Light extra step for German participles that the Snowball stemmer keeps (informiert -> informi, like informieren). */
function stemGermanWord(word: string): string {
  // A participle of a verb in "-ern" ("geändert", "gesichert", "verändert") stems like its
  // infinitive ("ändern" -> "and"); Snowball keeps the "-ert" and the two never meet.
  const ernParticiple = /^(?:ge|ver|be|ent)(.{3,})ert$/.exec(word);
  if (ernParticiple && word.length >= 8) {
    const infinitive = `${word.startsWith('ge') ? word.slice(2, -1) : word.slice(0, -1)}n`;
    return stemGerman(infinitive);
  }
  let stem = stemGerman(word);
  if (stem.length > 6 && stem.endsWith('iert')) stem = stem.slice(0, -3);
  if (
    stem.length > 6 &&
    stem.startsWith('ge') &&
    // "Geschäft", "geltend" are no participles (folded words have no umlauts: "geschaft", "gerat").
    !/^ge(?:gen|heim|biet|fahr|rät|rat|setz|schäft|schaft|sund|lt)/.test(stem)
  ) {
    stem = stem.slice(2);
  }
  return stem;
}

/** Stems one folded word in the given language. */
/** English irregular participles and past forms stand for their verb ("seen" for "see"). */
// A Map, not an object: a question word such as "constructor" must not find Object.prototype.
const englishBase: ReadonlyMap<string, string> = new Map(
  Object.entries({
    seen: 'see',
    saw: 'see',
    stolen: 'steal',
    stole: 'steal',
    taken: 'take',
    took: 'take',
    known: 'know',
    knew: 'know',
    sent: 'send',
    got: 'get',
    gotten: 'get',
    written: 'write',
    wrote: 'write',
    done: 'do',
    did: 'do',
    gone: 'go',
    went: 'go',
    given: 'give',
    gave: 'give',
    found: 'find',
    lost: 'lose',
    heard: 'hear',
    brought: 'bring',
    bought: 'buy',
    caught: 'catch',
    thought: 'think',
    broke: 'break',
    broken: 'break',
    began: 'begin',
    begun: 'begin',
    chose: 'choose',
    chosen: 'choose',
    kept: 'keep',
    left: 'leave',
    made: 'make',
    meant: 'mean',
    paid: 'pay',
    said: 'say',
    sold: 'sell',
    told: 'tell',
    understood: 'understand',
    won: 'win',
    hidden: 'hide',
    hid: 'hide',
    spoke: 'speak',
    spoken: 'speak',
  }),
);

export function stem(word: string, locale: Analysis): string {
  // A locale without a language analysis (`analysis: none`) matches folded words as written.
  if (locale === 'none') return memo(plain, word, () => stripDiacritics(word));
  return memo(stems[locale], word, () => {
    if (/^\p{N}+$/u.test(word)) return word;
    const stemmed =
      locale === 'de' ? stemGermanWord(foldGerman(word)) : stemEnglish(englishBase.get(word) ?? word);
    return stripDiacritics(stemmed);
  });
}

/** Prepares a word for lookup in the locale's stop-word list and synonym table. */
export function canonicalWord(word: string, locale: Analysis): string {
  if (locale === 'none') return memo(plain, word, () => stripDiacritics(word));
  return memo(canonicals[locale], word, () => stripDiacritics(locale === 'de' ? foldGerman(word) : word));
}

// Words repeat across phrasings and questions, and stemming is the costly step of building the
// index (a cold start) and of every question: results are remembered, up to a bound (`memo`).
const stems = lasting('stems', () => ({ de: new Map<string, string>(), en: new Map<string, string>() }));
const canonicals = lasting('canonicals', () => ({
  de: new Map<string, string>(),
  en: new Map<string, string>(),
}));
const plain = lasting('plain', () => new Map<string, string>());

/** The key under which a synonym is also found by its stem (marked, so no word collides with it). */
function stemKey(word: string, locale: Analysis): string {
  return `~${stem(word, locale)}`;
}

/** The synonym of an inflected form of a synonym's source word ("komische" -> "komisch"). */
export function inflected(
  synonyms: SynonymTable,
  word: string,
  locale: Analysis,
): readonly string[] | undefined {
  const [source, ...replacement] = synonyms.get(stemKey(word, locale)) ?? [];
  return source && word.startsWith(source.slice(1)) ? replacement : undefined;
}

/**
 * Synonyms as a word -> replacement words map, folded the same way as questions; for a language
 * the matcher analyses, with the settings' phrase rules (phrases.ts), read before the words.
 */
export type SynonymTable = ReadonlyMap<string, readonly string[]> & { readonly phrases?: PhraseRules };

/** Builds the synonym table of a locale from the settings' word -> replacement pairs. */
export function buildSynonyms(pairs: Readonly<Record<string, string>>, locale: Analysis): SynonymTable {
  const table = new Map<string, string[]>();
  for (const [from, to] of Object.entries(pairs)) {
    const source = words(from).map((word) => canonicalWord(word, locale));
    if (source.length !== 1 || !source[0]) continue;
    table.set(
      source[0],
      words(to).map((word) => canonicalWord(word, locale)),
    );
  }
  // A replacement that is a synonym itself ("cracker" -> "hacker" -> "angreifer") reads one step
  // on, from the table as written (so the order of the pairs does not matter): the index holds
  // only the last word (30 such pairs found nothing before round 22).
  const written = new Map(table);
  for (const [from, to] of written)
    table.set(
      from,
      to.flatMap((word) => (word !== from && written.get(word)) || word),
    );
  // Inflected forms ("komische", "Gauners") find the synonym through the stem of its word; the
  // source word comes first (marked) so that only its inflections do: "rechnen" shares the stem
  // of "rechner" but is not a form of it.
  for (const [from, to] of [...table]) {
    const key = stemKey(from, locale);
    if (!table.has(key)) table.set(key, [`~${from}`, ...to]);
  }
  return table;
}
