import type { Entry } from './api.ts';

/**
 * The entry form's values <-> an entry. Lists are edited one item per line; the server
 * validates the result with the same schema as the knowledge files, so this stays lenient.
 */
export type Locale = 'de' | 'en';

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
    { question: string; alternatives: string; keywords: string; answer: string; tests: string }
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
    const value = values.locales[locale];
    return {
      question: value.question,
      alternatives: lines(value.alternatives),
      keywords: lines(value.keywords),
      answer: value.answer,
      tests: lines(value.tests),
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
    de: localized('de'),
    en: localized('en'),
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

export function fromEntry(entry: Entry | undefined): FormValues {
  const localized = (locale: Locale) => ({
    question: entry?.[locale].question ?? '',
    alternatives: (entry?.[locale].alternatives ?? []).join('\n'),
    keywords: (entry?.[locale].keywords ?? []).join('\n'),
    answer: entry?.[locale].answer ?? '',
    tests: (entry?.[locale].tests ?? []).join('\n'),
  });
  return {
    id: entry?.id ?? '',
    kind: entry?.kind ?? 'faq',
    reviewedAt: entry?.reviewedAt ?? '',
    related: (entry?.related ?? []).join(', '),
    locales: { de: localized('de'), en: localized('en') },
    carried: carriedOf(entry),
  };
}
