import { lasting, memo, memoFor } from '../memo.ts';

/**
 * Phrases whose words mean something else one by one ("tell if" is to recognise, not to tell;
 * "get hold of" is to reach, not to hold): replaced by one word the knowledge base uses, in
 * entries and questions alike. Synonyms map single words only.
 *
 * The rules are data: `phrases` in the settings, per language the matcher analyses, each a
 * regular expression (flags `giu`) and its replacement ("$1" for a group). They were code until
 * round 14; as data they left the `ask` bundle (9.6 KB of its 150 KB budget), and a town can
 * extend them like its synonyms.
 *
 * Phrases see the text as written, before colloquial forms are standardised (colloquial.ts), so
 * a pattern lists the forms it must catch ("ich|ick", "affected|efected"). Standardising first
 * was measured (30 Nov 2026): 4 tuning answers lost and 1 gained, as phrases then also fired on
 * forms such as "is dit" → "ist das"; not taken.
 */
export type PhraseRules = readonly (readonly [RegExp, string])[];

/**
 * The settings' phrase rules of a language, compiled. The same rules give the same object, so
 * the texts rephrased with them are remembered across matchers: an editor's publish builds two
 * matchers over the same phrasings, and each applies about 130 patterns to some 4,000 of them.
 */
export function compilePhrases(rules: readonly (readonly [string, string])[] = []): PhraseRules {
  return memo(
    compiled,
    JSON.stringify(rules),
    () => rules.map(([source, replacement]) => [new RegExp(source, 'giu'), replacement] as const),
    8,
  );
}

const compiled = lasting('phrase-rules', () => new Map<string, PhraseRules>());
/** Texts remembered per rule set, up to a bound (`memo`, like the stems). */
const rephrased = lasting('rephrased', () => new WeakMap<PhraseRules, Map<string, string>>());

/** The text with every phrase replaced (before folding, colloquial forms and stop words). */
export function rephrase(text: string, phrases: PhraseRules = []): string {
  if (phrases.length === 0) return text;
  return memoFor(rephrased, phrases, text, () =>
    phrases.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text),
  );
}
