import { extraLocaleTags, localeBlock } from '../../functions/lib/knowledge/locales.ts';
import type { Entry } from './api.ts';

/**
 * The entry form's values <-> an entry. Lists are edited one item per line; the server
 * validates the result with the same schema as the knowledge files, so this stays lenient.
 */
/** A configured locale's tag; `de` and `en` always, others from the settings (`locales`). */
export type Locale = string;

/**
 * Fields the form does not edit (sources, legal review state, the Leichte Sprache text until the
 * form offers it): carried through unchanged, so saving a draft never drops them.
 */
export type Carried = Partial<Pick<Entry, 'sources' | 'needsReview' | 'legalReview' | 'de-x-ls'>>;

export interface FormValues {
  id: string;
  kind: string;
  reviewedAt: string;
  related: string;
  locales: Record<
    Locale,
    {
      question: string;
      alternatives: string;
      keywords: string;
      answer: string;
      tests: string;
      notAnswered: string;
    }
  >;
  carried: Carried;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toEntry(values: FormValues): Record<string, unknown> {
  const localized = (locale: Locale) => {
    const value = values.locales[locale] ?? {
      question: '',
      alternatives: '',
      keywords: '',
      answer: '',
      tests: '',
      notAnswered: '',
    };
    const notAnswered = lines(value.notAnswered);
    return {
      question: value.question,
      alternatives: lines(value.alternatives),
      keywords: lines(value.keywords),
      answer: value.answer,
      tests: lines(value.tests),
      ...(notAnswered.length > 0 ? { notAnswered } : {}),
    };
  };
  return {
    id: values.id.trim(),
    kind: values.kind,
    ...(values.reviewedAt ? { reviewedAt: values.reviewedAt } : {}),
    related: values.related
      .split(/[,\s]+/)
      .map((id) => id.trim())
      .filter(Boolean),
    ...values.carried,
    // German and English always; another locale only once it has text (an untouched empty
    // fieldset must not become an invalid block).
    ...Object.fromEntries(
      Object.entries(values.locales)
        .filter(
          ([locale, value]) =>
            locale === 'de' || locale === 'en' || value.question.trim() || value.answer.trim(),
        )
        .map(([locale]) => [locale, localized(locale)]),
    ),
  };
}

export function carriedOf(entry: Entry | undefined): Carried {
  const carried: Carried = {};
  if (entry?.sources) carried.sources = entry.sources;
  if (entry?.needsReview !== undefined) carried.needsReview = entry.needsReview;
  if (entry?.legalReview) carried.legalReview = entry.legalReview;
  if (entry?.['de-x-ls']) carried['de-x-ls'] = entry['de-x-ls'];
  return carried;
}

/** The form values of an entry: German, English, every configured locale and any block it carries. */
export function fromEntry(entry: Entry | undefined, configured: readonly Locale[] = []): FormValues {
  const blockOf = (locale: Locale) =>
    entry ? (localeBlock(entry as Parameters<typeof localeBlock>[0], locale) ?? undefined) : undefined;
  const localized = (locale: Locale) => {
    const block = blockOf(locale);
    return {
      question: block?.question ?? '',
      alternatives: (block?.alternatives ?? []).join('\n'),
      keywords: (block?.keywords ?? []).join('\n'),
      answer: block?.answer ?? '',
      tests: (block?.tests ?? []).join('\n'),
      notAnswered: (block?.notAnswered ?? []).join('\n'),
    };
  };
  const tags = [
    ...new Set([
      'de',
      'en',
      ...configured,
      ...(entry ? extraLocaleTags(entry as Parameters<typeof extraLocaleTags>[0]) : []),
    ]),
  ];
  return {
    id: entry?.id ?? '',
    kind: entry?.kind ?? 'faq',
    reviewedAt: entry?.reviewedAt ?? '',
    related: (entry?.related ?? []).join(', '),
    locales: Object.fromEntries(tags.map((tag) => [tag, localized(tag)])),
    carried: carriedOf(entry),
  };
}
