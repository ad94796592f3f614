import type { KnowledgeSnapshot, Locale } from '../knowledge/schema.ts';
import { type TownView, townView } from '../knowledge/town.ts';

/** What the widget shows when it opens: a few questions a citizen can ask with one click. */
export interface StartersResponse {
  locale: Locale;
  questions: { entryId: string; question: string }[];
  /** Who runs the assistant: the widget's title, intro, forwarding form and colours use it. */
  town: TownView;
}

/**
 * The starter questions of the published settings, in the given language. Each is the entry's
 * own question, so a click is answered by exactly that entry. Ids no longer published are
 * skipped (validation refuses them, but a stale snapshot must not break the widget).
 */
export function starterQuestions(snapshot: KnowledgeSnapshot, locale: Locale): StartersResponse {
  const byId = new Map(snapshot.entries.map((entry) => [entry.id, entry]));
  const ids = snapshot.settings.starters?.[locale] ?? [];
  return {
    locale,
    questions: ids.flatMap((id) => {
      const entry = byId.get(id);
      return entry ? [{ entryId: entry.id, question: entry[locale].question }] : [];
    }),
    town: townView(snapshot.settings),
  };
}
