import type { LoadedKnowledge } from '../knowledge/cache.ts';
import { fallbackChain, type Locale, localeBlock } from '../knowledge/locales.ts';
import type { Entry, LocalizedEntry, Settings } from '../knowledge/schema.ts';
import type { MatchResult, MatchStatus } from '../matcher/matcher.ts';
import { UnknownLocaleError } from './locale-errors.ts';

export interface AskResponse {
  status: MatchStatus;
  /** The locale the reply is in: a configured tag (`de`, `en`, `de-x-ls`, ...). */
  locale: Locale;
  confidence: number;
  answer?: {
    entryId: string;
    question: string;
    text: string;
    reviewedAt?: string;
    kind: Entry['kind'];
    /** Follow-up questions (the entry's related entries) in the same locale. */
    related: { entryId: string; question: string }[];
    /** Single-use token for one "was this helpful?" vote on this answer (set by the handler). */
    voteToken?: string;
  };
  suggestions: { entryId: string; question: string }[];
  /** True when the citizen should be offered to forward the question to the DPO. */
  offerEscalation: boolean;
  /**
   * The fallback text from the settings for `suggest` and `none`; with an answer, the text
   * (`texts.<locale>.partial`) that says a further question of the message was left out.
   */
  message?: string;
  /** With an answer: the citizen's further question that no entry answers (forwarding is offered). */
  leftOut?: string;
}

/** Refuses a tag the settings do not configure (a clear 400 rather than a German guess). */
export function requireLocale(settings: Settings, locale: Locale): void {
  if (!settings.locales.some((config) => config.tag === locale)) throw new UnknownLocaleError(locale);
}

/**
 * An entry's texts in a locale: its own block, else its `matchAlso` parent's, else German
 * (an entry without a Leichte Sprache block answers in standard German).
 */
export function textsOf(settings: Settings, entry: Entry, locale: Locale): LocalizedEntry {
  for (const tag of fallbackChain(settings.locales, locale)) {
    const block = localeBlock(entry, tag);
    if (block) return block;
  }
  return entry.de;
}

/** The settings' fallback texts ("I don't know", "did you mean") of a locale, by the same chain. */
export function fallbackTexts(settings: Settings, locale: Locale): Settings['texts']['de'] {
  for (const tag of fallbackChain(settings.locales, locale)) {
    const texts = settings.texts[tag];
    if (texts) return texts;
  }
  return settings.texts.de;
}

/**
 * The note beside an answer whose message asked a further question no entry answers: the first
 * `partial` text along the locale's fallback chain (optional in every block).
 */
function partialText(settings: Settings, locale: Locale): { message?: string } {
  const partial = fallbackChain(settings.locales, locale)
    .map((tag) => settings.texts[tag]?.partial)
    .find((text) => text !== undefined);
  return partial === undefined ? {} : { message: partial };
}

/**
 * Answers a citizen's question from the published knowledge base:
 * matcher decision -> response in the question's language.
 */
export function ask(knowledge: LoadedKnowledge, question: string, locale?: Locale): AskResponse {
  const settings = knowledge.snapshot.settings;
  if (locale !== undefined) requireLocale(settings, locale);
  const result: MatchResult = knowledge.matcher.match(question, locale);
  const entriesById = new Map(knowledge.snapshot.entries.map((entry) => [entry.id, entry]));
  const lang = result.locale;
  const brief = (entry: Entry) => ({ entryId: entry.id, question: textsOf(settings, entry, lang).question });
  const texts = fallbackTexts(settings, lang);
  const confidence = Math.round(result.confidence * 1000) / 1000;

  const best = result.ranked[0]?.entry;
  if (result.status === 'answer' && best) {
    const localized = textsOf(settings, best, lang);
    return {
      status: 'answer',
      locale: lang,
      confidence,
      answer: {
        entryId: best.id,
        question: localized.question,
        text: localized.answer,
        ...(best.reviewedAt ? { reviewedAt: best.reviewedAt } : {}),
        kind: best.kind,
        related: best.related.flatMap((id) => {
          const entry = entriesById.get(id);
          return entry ? [brief(entry)] : [];
        }),
      },
      suggestions: [],
      ...(result.leftOut === undefined
        ? { offerEscalation: best.kind === 'escalate' }
        : {
            offerEscalation: true,
            leftOut: result.leftOut,
            ...partialText(settings, lang),
          }),
    };
  }
  return {
    status: result.status,
    locale: lang,
    confidence,
    suggestions: result.status === 'suggest' ? result.ranked.map(({ entry }) => brief(entry)) : [],
    offerEscalation: true,
    message: result.status === 'suggest' ? texts.suggest : texts.none,
  };
}
