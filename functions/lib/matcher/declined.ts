import { localeBlock, localeTags } from '../knowledge/locales.ts';
import type { Entry, LocalizedEntry } from '../knowledge/schema.ts';

/**
 * What entries do not answer. Word overlap cannot tell "asks what the entry says" from "asks
 * something else about the same thing" ("Wurden Daten veröffentlicht?" against "Wer hat die
 * Daten gekauft?"): both share the entry's words, and the second was answered with confidence.
 * Staff list such questions per entry (`notAnswered`). An entry about to answer is scored a
 * second time against its own phrasings and, as an entry of its own, against its declined
 * questions; if those fit the question better, it does not answer.
 *
 * Both sides are scored in one index of their own (the entries, then each entry's declined
 * questions at position `entries.length + i`), so their words weigh the same on both sides.
 * The entries' own index stays without the declined questions: there their words would count
 * as known, and an unknown word is what tells most out-of-scope questions apart.
 */
export function withDeclined(entries: readonly Entry[]): Entry[] {
  const declined = entries.map((entry) => {
    const blocks = localeTags(entry).map((tag) => [
      tag,
      asPhrasings(localeBlock(entry, tag)?.notAnswered ?? []),
    ]);
    return { ...entry, kind: 'faq', ...Object.fromEntries(blocks) } as Entry;
  });
  return [...entries, ...declined];
}

/** The declined questions as a block's phrasings (none: an empty question, which indexes nothing). */
function asPhrasings(questions: readonly string[]): LocalizedEntry {
  const [question = '', ...alternatives] = questions;
  return { question, alternatives, keywords: [], answer: '', tests: [] };
}

/** Whether any entry lists questions it does not answer (else no second index is built). */
export function hasDeclined(entries: readonly Entry[]): boolean {
  return entries.some((entry) =>
    localeTags(entry).some((tag) => (localeBlock(entry, tag)?.notAnswered?.length ?? 0) > 0),
  );
}
