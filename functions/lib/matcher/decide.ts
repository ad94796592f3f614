import type { Locale } from '../knowledge/locales.ts';
import type { Entry } from '../knowledge/schema.ts';
import type { MatcherOptions, MatchResult, MatchStatus, RankedEntry } from './matcher.ts';

/**
 * From ranked entries to an answer, suggestions or none. `neighbours` lists the entries a citizen
 * may have meant instead of `entry` (asked only when suggestions have room left).
 */
export function decide(
  ranked: RankedEntry[],
  locale: Locale,
  options: MatcherOptions,
  neighbours: (entry: Entry) => Iterable<Entry | undefined>,
  /** A message of a few words may be small talk itself: then small talk may be suggested too. */
  brief = false,
): MatchResult {
  const confidence = ranked[0]?.score ?? 0;
  const runnerUp = ranked[1]?.score ?? 0;
  let status: MatchStatus = 'none';
  if (confidence >= options.answerThreshold && confidence - runnerUp >= options.minMargin) status = 'answer';
  else if (confidence >= options.suggestThreshold) status = 'suggest';
  // A suggestion must share the question's topic, not one word of it ("passport" ~ "password").
  // Once one entry shares it, the question is in scope: its neighbours are offered too, since
  // a citizen's words often cover the right entry less than a neighbouring one.
  // Small talk is offered only for a message of a few words ("Na, alles fit?"): a longer question
  // shares only a side word with it ("Wochenende", "Nacht") and is about something else.
  const offered = (item: RankedEntry, position: number) =>
    brief || item.entry.kind !== 'smalltalk' || (status === 'answer' && position === 0);
  const inScope = ranked.some(
    (item, position) => item.topical && item.score >= options.suggestThreshold && offered(item, position),
  );
  const kept =
    status === 'none'
      ? []
      : ranked
          .filter(
            (item, position) =>
              item.score >= options.suggestThreshold &&
              offered(item, position) &&
              (inScope || item.topical || (status === 'answer' && position === 0)),
          )
          .slice(0, options.maxSuggestions);
  if (kept.length === 0) return { status: 'none', locale, confidence, ranked: [] };
  // Unsure, with room left: the first suggestion's neighbours are offered too, since the
  // citizen's words often sit between two entries (why vs when informed, done vs safe now).
  const first = kept[0];
  if (status === 'suggest' && first && first.entry.kind === 'faq' && kept.length < options.maxSuggestions) {
    for (const entry of neighbours(first.entry)) {
      if (entry?.kind !== 'faq' || kept.some((item) => item.entry.id === entry.id)) continue;
      const scored = ranked.find((item) => item.entry.id === entry.id);
      kept.push({ entry, score: scored?.score ?? 0, topical: false });
      if (kept.length >= options.maxSuggestions) break;
    }
  }
  return { status, locale, confidence, ranked: kept };
}
