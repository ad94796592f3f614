import type { Entry, LocalizedEntry } from './schema.ts';

/**
 * The assistant's locales. Which locales a knowledge base has is data (`locales:` in the
 * settings); only the two language analyses (stemming, stop words) and the German and English
 * interface texts are code. Kept free of zod so the ask function's bundle stays small.
 */

/** The languages the matcher can analyse (stemming, stop words, language detection). */
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

/** How a locale's texts are analysed for matching; `none`: folding only, no stemming or stop words. */
export const analyses = ['de', 'en', 'none'] as const;
export type Analysis = (typeof analyses)[number];

/** A configured locale's BCP 47 tag, e.g. `de`, `en`, `de-x-ls`, `pl`. */
export type Locale = string;

/** The readability rule sets `kb validate` can apply to a locale's texts. */
export const readabilityRules = ['leichte-sprache'] as const;
export type ReadabilityRule = (typeof readabilityRules)[number];

/** One entry of `locales:` in the settings. */
export interface LocaleConfig {
  tag: Locale;
  /** The locale's name in the locale itself ("Polski"), for the language switch and the editor. */
  name: string;
  analysis: Analysis;
  /** The parent locale whose phrasings also match, and whose texts stand in where this one has none. */
  matchAlso?: Locale;
  readability?: ReadabilityRule;
  /**
   * Whether every entry must carry this locale's block (`kb validate` errors), or a missing block
   * is only a warning and the parent's text is served. Default true.
   */
  required?: boolean;
}

/** The locales of a knowledge base whose settings predate `locales:`. */
export const defaultLocales: readonly LocaleConfig[] = [
  { tag: 'de', name: 'Deutsch', analysis: 'de' },
  { tag: 'en', name: 'English', analysis: 'en' },
];

/** The Leichte Sprache tag: a private-use subtag of German (BCP 47 has no registered one). */
export const easyGerman = 'de-x-ls';

export function isLanguage(value: string | undefined): value is Language {
  return value === 'de' || value === 'en';
}

/**
 * Where a locale's texts come from, most specific first: the locale itself, its `matchAlso`
 * parents, then German (every entry has German). Loops in the settings are cut off.
 */
export function fallbackChain(locales: readonly LocaleConfig[], tag: Locale): Locale[] {
  const chain: Locale[] = [];
  let current: Locale | undefined = tag;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    const here: Locale = current;
    current = locales.find((locale) => locale.tag === here)?.matchAlso;
  }
  if (!chain.includes('de')) chain.push('de');
  return chain;
}

/** The first built-in language on a locale's fallback chain (for mails and date formats). */
export function languageOf(locales: readonly LocaleConfig[], tag: Locale): Language {
  return fallbackChain(locales, tag).find(isLanguage) ?? 'de';
}

/**
 * The analysis of a tag where the settings are not at hand (grouping unanswered questions):
 * its primary language when that is analysed (`de-x-ls` -> `de`), else folding only.
 */
export function analysisOfTag(tag: Locale): Analysis {
  const primary = tag.split('-')[0];
  return isLanguage(primary) ? primary : 'none';
}

/** The built-in language of a tag without the settings at hand (`de-x-ls` -> `de`; German otherwise). */
export function languageOfTag(tag: Locale): Language {
  const analysis = analysisOfTag(tag);
  return isLanguage(analysis) ? analysis : 'de';
}

const tagPattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const isBlock = (value: unknown): value is LocalizedEntry =>
  typeof value === 'object' && value !== null && 'question' in value && 'answer' in value;

/** One locale's texts of an entry, or undefined when the entry has no block for it. */
export function localeBlock(entry: Entry, tag: Locale): LocalizedEntry | undefined {
  const block = (entry as Record<string, unknown>)[tag];
  return isBlock(block) ? block : undefined;
}

/** Every locale tag an entry carries: `de`, `en` and the blocks named by a further tag. */
export function localeTags(entry: Entry): Locale[] {
  return ['de', 'en', ...extraLocaleTags(entry)];
}

/** The locale tags an entry carries beyond `de` and `en` (blocks named by a tag). */
export function extraLocaleTags(entry: Entry): Locale[] {
  return Object.entries(entry)
    .filter(([key, value]) => key !== 'de' && key !== 'en' && tagPattern.test(key) && isBlock(value))
    .map(([key]) => key);
}
