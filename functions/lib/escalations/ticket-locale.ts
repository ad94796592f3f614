import { type Language, type Locale, languageOf } from '../knowledge/locales.ts';
import type { Settings } from '../knowledge/schema.ts';
import type { Matcher } from '../matcher/matcher.ts';

/**
 * The locale a forwarded question is stored in (the DPO sees it, the answer mail follows it).
 * The question's own language decides, as detected by the matcher; the widget's locale is a hint
 * that breaks a tie, and is kept when it agrees: a question from the Leichte Sprache mode that
 * reads German stays `de-x-ls`. A locale the matcher cannot detect (`analysis: none`) is kept as
 * chosen; a tag the settings do not configure is ignored here (the handler refuses it first).
 */
export function ticketLocale(
  settings: Pick<Settings, 'locales'>,
  matcher: Pick<Matcher, 'detectLanguage'>,
  question: string,
  hint: Locale | undefined,
): Locale {
  const config = hint === undefined ? undefined : settings.locales.find((locale) => locale.tag === hint);
  if (!config) return matcher.detectLanguage(question, 'de');
  if (config.analysis === 'none') return config.tag;
  const hintLanguage: Language = languageOf(settings.locales, config.tag);
  const detected = matcher.detectLanguage(question, hintLanguage);
  return detected === hintLanguage ? config.tag : detected;
}
