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
export type PhraseRules = readonly PhraseRule[];

/**
 * A rule: its pattern (flags `giu`), its replacement and, for a pattern in lower case, a probe:
 * the same pattern without `i`, tried on the text in lower case (`lowerCase`) first. Most rules
 * match no question, and V8 tries a case-blind Unicode pattern at about twice the cost of a
 * case-exact one (measured 1 Dec 2026: 555 against 243 µs for all 287 rules on a question).
 * The settings' check asks for lower case (schema.ts); a rule published before it with a capital
 * gets no probe (`caseFree`).
 */
type PhraseRule = readonly [pattern: RegExp, replacement: string, probe?: RegExp];

/**
 * The settings' phrase rules of a language, compiled. The same rules give the same object, so
 * the texts rephrased with them are remembered across matchers: an editor's publish builds two
 * matchers over the same phrasings, and each applies about 130 patterns to some 4,000 of them.
 */
export function compilePhrases(rules: readonly (readonly [string, string])[] = []): PhraseRules {
  return memo(
    compiled,
    JSON.stringify(rules),
    () =>
      rules.map(([source, replacement]): PhraseRule => {
        const pattern = new RegExp(source, 'giu');
        return caseFree(source) ? [pattern, replacement, new RegExp(source, 'u')] : [pattern, replacement];
      }),
    8,
  );
}

/**
 * Whether a pattern names no capital letter outside an escape (`\S`) and no property but the
 * general ones (`\p{L}`): then it finds the same on text in lower case without `i` as with it.
 * The settings' check (schema.ts) adds what this quick look misses (ranges such as `[@-\[]`).
 */
export function caseFree(source: string): boolean {
  return !/\p{Lu}|\p{Lt}/u.test(source.replace(/\\(?:[pP]\{(?:[LNPMSZ]|Nd|Letter|Script=\w+)\}|.)/gu, ''));
}

/**
 * A settings pattern tried on text in lower case (`lowerCase`): case-exact when it is written in
 * lower case (`caseFree`), else case-blind, as a pattern published before that check was.
 * For `matcher.neverSaid` and `matcher.precedence`; a pattern with `ignoreCase` wants the text as
 * it was written.
 */
export const lowerCasePattern = (source: string): RegExp => new RegExp(source, caseFree(source) ? 'u' : 'iu');

/**
 * A text in lower case as case-blind matching sees it: "ſ" is "s", and "İ" stays itself
 * (lowered, it becomes two characters, while a case-blind pattern matches it only as itself;
 * found in review).
 */
export function lowerCase(text: string): string {
  return text.replace(/[^İ]+/gu, (run) => run.toLowerCase().replaceAll('ſ', 's'));
}

const compiled = lasting('phrase-rules', () => new Map<string, PhraseRules>());
/** Texts remembered per rule set, up to a bound (`memo`, like the stems). */
const rephrased = lasting('rephrased', () => new WeakMap<PhraseRules, Map<string, string>>());

/** The text with every phrase replaced (before folding, colloquial forms and stop words). */
export function rephrase(text: string, phrases: PhraseRules = []): string {
  if (phrases.length === 0) return text;
  return memoFor(rephrased, phrases, text, () => {
    let current = text;
    let lower = lowerCase(current);
    for (const [pattern, replacement, probe] of phrases) {
      if (probe && !probe.test(lower)) continue;
      const next = current.replace(pattern, replacement);
      if (next === current) continue;
      current = next;
      lower = lowerCase(current);
    }
    return current;
  });
}
