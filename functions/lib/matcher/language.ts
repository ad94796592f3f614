import type { Language } from '../knowledge/locales.ts';
import type { Entry } from '../knowledge/schema.ts';
import { canonicalWord, formsOf, isColloquial, words } from './normalize.ts';
import { stopWords } from './stop-words.ts';

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
function languageEvidence(
  question: string,
  locale: Language,
  surface: ReadonlySet<string>,
  forms: ReadonlySet<string>,
): number {
  const other: Language = locale === 'de' ? 'en' : 'de';
  let evidence = /[äöüß]/i.test(question) ? (locale === 'de' ? 2 : 0) : 0;
  for (const word of words(question)) {
    const folded = canonicalWord(word, locale);
    // A colloquial form counts unless it is also a plain word of the other language ("do", "i").
    const colloquial = forms.has(folded) || isColloquial(folded, locale);
    if (stopWords[locale].has(folded) || (colloquial && !stopWords[other].has(folded))) evidence += 1;
    else if (surface.has(folded)) evidence += 0.5;
  }
  return evidence;
}

/** Language detection over the entries' own words; the surface sets are built once, here. */
export function languageDetector(
  entries: readonly Entry[],
  synonyms: Partial<Record<string, Readonly<Record<string, string>>>> = {},
): {
  languageLead(question: string): number;
  detectLanguage(question: string, fallback?: Language): Language;
} {
  const surface = { de: surfaceWordsOf(entries, 'de'), en: surfaceWordsOf(entries, 'en') };
  // Dialect and chat forms ("ick", "gonna") are evidence for their language, like its stop words.
  const forms = {
    de: new Set(formsOf(synonyms.de ?? {}, 'de')),
    en: new Set(formsOf(synonyms.en ?? {}, 'en')),
  };

  /** German minus English evidence: positive for German, negative for English. */
  function languageLead(question: string): number {
    return (
      languageEvidence(question, 'de', surface.de, forms.de) -
      languageEvidence(question, 'en', surface.en, forms.en)
    );
  }

  function detectLanguage(question: string, fallback: Language = 'de'): Language {
    const lead = languageLead(question);
    if (lead === 0) return fallback;
    return lead > 0 ? 'de' : 'en';
  }

  return { languageLead, detectLanguage };
}
