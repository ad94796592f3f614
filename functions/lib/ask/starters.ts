import type { KnowledgeSnapshot, Locale } from '../knowledge/schema.ts';
import { type TownView, townView } from '../knowledge/town-view.ts';
import { textsOf } from './ask.ts';

/** What the widget shows when it opens: a few questions a citizen can ask with one click. */
export interface StartersResponse {
  locale: Locale;
  questions: { entryId: string; question: string }[];
  /** Who runs the assistant: the widget's title, intro, forwarding form and colours use it. */
  town: TownView;
  /** The configured locales, default first, for the widget's language switch. */
  locales: { tag: Locale; name: string }[];
  /**
   * The widget's own texts for this locale from the settings (`texts.<tag>.widget`), for a
   * locale the widget has no built-in strings for. Absent when the settings have none.
   */
  texts?: Record<string, string>;
}

/**
 * The starter questions of the published settings, in the given locale (the default one for a
 * tag that is not configured). Each is the entry's own question, so a click is answered by
 * exactly that entry. Ids no longer published are skipped (validation refuses them, but a
 * stale snapshot must not break the widget). A locale without its own starters uses its
 * parent's ids (`matchAlso`), then German's.
 */
export function starterQuestions(snapshot: KnowledgeSnapshot, requested: Locale): StartersResponse {
  const { settings } = snapshot;
  const configured = settings.locales.find((config) => config.tag === requested);
  const locale = configured?.tag ?? settings.locales[0]?.tag ?? 'de';
  const parent = settings.locales.find((config) => config.tag === locale)?.matchAlso;
  const byId = new Map(snapshot.entries.map((entry) => [entry.id, entry]));
  const ids =
    settings.starters?.[locale] ??
    (parent ? settings.starters?.[parent] : undefined) ??
    settings.starters?.de ??
    [];
  const widgetTexts = settings.texts[locale]?.widget;
  return {
    locale,
    questions: ids.flatMap((id) => {
      const entry = byId.get(id);
      return entry ? [{ entryId: entry.id, question: textsOf(settings, entry, locale).question }] : [];
    }),
    town: townView(snapshot.settings),
    locales: settings.locales.map(({ tag, name }) => ({ tag, name })),
    ...(widgetTexts ? { texts: widgetTexts } : {}),
  };
}
