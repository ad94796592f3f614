import { foldWord } from './stemming.ts';

/**
 * Colloquial and dialect forms that follow a rule (the participles below). The forms one by one
 * ("ick", "haste", "gonna") are data: `synonyms` in the settings (`knowledge/settings.yaml`, and
 * the template for another town), where staff can extend them and where they cost the ask
 * function's bundle nothing. A listed form wins over these rules (`standardWords` in normalize.ts).
 */

/**
 * Berlin "j" for "g" in participles ("jehackt", "jeklaut"), not in "jetzt" or "jemand(en)"; also
 * after a separable prefix ("uffjebrochen", "rinjekommen", "abjegriffen", "vorjelesen").
 */
const berlinParticiple =
  /^(?!jemand)(uff|auf|rin|rein|raus|ruff|rauf|ab|an|aus|ein|mit|weg|zu|zurück|zuruck|runter|vor|nach|her|hin|durch)?je([bcdfghklmnpqrsvwz][a-z]{2,}(?:t|en))$/;
/** The standard form of a separable prefix in Berlin speech. */
const berlinPrefix: Readonly<Record<string, string>> = {
  uff: 'auf',
  rin: 'rein',
  ruff: 'rauf',
  zuruck: 'zurück',
};

/**
 * Southern participles without the "e" of "ge-" ("gschickt", "gmeldt", "gfundn"): no standard
 * German word starts with "g" and one of these consonants (then a vowel, "l", "r" or "ch", so
 * a name such as "gmx.net" is left alone).
 */
const southernParticiple = /^g([bdfhkmpstwz](?:[aeiouy]|[lr]|ch)[a-z]+(?:t|n|en))$/;

/** The standard words for a folded word form, or undefined when it is standard already. */
export function colloquial(word: string, locale: 'de' | 'en'): string[] | undefined {
  const berlin = locale === 'de' ? berlinParticiple.exec(word) : null;
  if (berlin) {
    const prefix = berlin[1] ?? '';
    return [`${foldWord(berlinPrefix[prefix] ?? prefix)}ge${berlin[2]}`];
  }
  if (locale === 'de' && southernParticiple.test(word)) return [`ge${word.slice(1)}`];
  return undefined;
}

/** Whether a folded word is a colloquial participle (evidence for German in language detection). */
export function isColloquial(word: string, locale: 'de' | 'en'): boolean {
  return locale === 'de' && (berlinParticiple.test(word) || southernParticiple.test(word));
}
