import type { LoadedKnowledge } from '../knowledge/cache.ts';
import type { Entry, Locale } from '../knowledge/schema.ts';
import type { MatchResult, MatchStatus } from '../matcher/matcher.ts';

export interface AskResponse {
  status: MatchStatus;
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
  /** The fallback text from the settings for `suggest` and `none`. */
  message?: string;
}

/**
 * Answers a citizen's question from the published knowledge base:
 * matcher decision -> response in the question's language.
 */
export function ask(knowledge: LoadedKnowledge, question: string, locale?: Locale): AskResponse {
  const result: MatchResult = knowledge.matcher.match(question, locale);
  const entriesById = new Map(knowledge.snapshot.entries.map((entry) => [entry.id, entry]));
  const lang = result.locale;
  const brief = (entry: Entry) => ({ entryId: entry.id, question: entry[lang].question });
  const texts = knowledge.snapshot.settings.texts[lang];
  const confidence = Math.round(result.confidence * 1000) / 1000;

  const best = result.ranked[0]?.entry;
  if (result.status === 'answer' && best) {
    return {
      status: 'answer',
      locale: lang,
      confidence,
      answer: {
        entryId: best.id,
        question: best[lang].question,
        text: best[lang].answer,
        ...(best.reviewedAt ? { reviewedAt: best.reviewedAt } : {}),
        kind: best.kind,
        related: best.related.flatMap((id) => {
          const entry = entriesById.get(id);
          return entry ? [brief(entry)] : [];
        }),
      },
      suggestions: [],
      offerEscalation: best.kind === 'escalate',
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
