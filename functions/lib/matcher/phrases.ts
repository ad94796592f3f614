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
 * A rule: its pattern (flags `giu`), its replacement and, when the pattern allows, a probe: the
 * same pattern without `i`, tried on the lowercased text first. Most rules match no question, and
 * V8 tries a case-blind Unicode pattern at about twice the cost of a case-exact one (measured
 * 1 Dec 2026: 555 against 243 µs for all 287 rules on a question). A probe can only miss where
 * lowercasing and case folding differ, which NFKC (applied before) and the patterns' lowercase
 * letters rule out; a pattern with capitals, a case property or a back-reference gets no probe.
 */
type PhraseRule = readonly [pattern: RegExp, replacement: string, probe: RegExp];

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
      rules.map(
        ([source, replacement]) => [new RegExp(source, 'giu'), replacement, new RegExp(source, 'u')] as const,
      ),
    8,
  );
}

const compiled = lasting('phrase-rules', () => new Map<string, PhraseRules>());
/** Texts remembered per rule set, up to a bound (`memo`, like the stems). */
const rephrased = lasting('rephrased', () => new WeakMap<PhraseRules, Map<string, string>>());

/** The text with every phrase replaced (before folding, colloquial forms and stop words). */
export function rephrase(text: string, phrases: PhraseRules = []): string {
  if (phrases.length === 0) return text;
  return memoFor(rephrased, phrases, text, () => {
    let current = text;
    let lower = current.toLowerCase();
    for (const [pattern, replacement, probe] of phrases) {
      if (!probe.test(lower)) continue;
      const next = current.replace(pattern, replacement);
      if (next === current) continue;
      current = next;
      lower = current.toLowerCase();
    }
    return current;
  });
}
