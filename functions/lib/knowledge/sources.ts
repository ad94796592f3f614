import type { Entry, Language } from './schema.ts';

/**
 * The rule "every answer rests on a source", checked per entry: at least one source, notice
 * quotes that really occur in the notice, general advice marked as such in both languages
 * (and only with a general-guidance source), legal statements reviewed by the DPO.
 */

/** The words that mark general advice in an answer, per locale (matched case-insensitively). */
export const generalAdviceMarkers: Record<Language, RegExp> = {
  de: /allgemeine[nr]? Hinweis/i,
  en: /general advice/i,
};

/**
 * Makes a quote comparable with the notice: whitespace runs become one space, and the
 * typographic variants the notice uses (non-breaking hyphen in "E‑Mail", non-breaking space,
 * curly quotes) become their plain forms, so editors can type quotes on any keyboard.
 */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201a]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SourceProblem {
  field: string;
  message: string;
}

/**
 * Problems with an entry's sources. `notice` is the notice's text, or undefined when the
 * settings name no notice (then every notice quote is a problem).
 */
export function sourceProblems(entry: Entry, notice: string | undefined): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const sources = entry.sources ?? [];
  if (sources.length === 0) {
    problems.push({
      field: 'sources',
      message:
        'every entry needs at least one source (notice, public-record, law, general-guidance or product)',
    });
  }
  const normalisedNotice = notice === undefined ? undefined : normaliseQuote(notice);
  sources.forEach((source, index) => {
    if (source.kind !== 'notice') return;
    if (normalisedNotice === undefined) {
      problems.push({
        field: `sources.${index}.quote`,
        message: 'quotes the notice, but settings.yaml names no notice file (notice.file)',
      });
    } else if (!normalisedNotice.includes(normaliseQuote(source.quote))) {
      problems.push({
        field: `sources.${index}.quote`,
        message: 'this passage does not occur in the notice; quote it word for word',
      });
    }
  });
  const hasGuidance = sources.some((source) => source.kind === 'general-guidance');
  for (const locale of ['de', 'en'] as const) {
    const marked = generalAdviceMarkers[locale].test(entry[locale].answer);
    if (marked && !hasGuidance) {
      problems.push({
        field: `${locale}.answer`,
        message: 'marks general advice, but the entry has no general-guidance source',
      });
    } else if (!marked && hasGuidance) {
      problems.push({
        field: `${locale}.answer`,
        message: `has a general-guidance source; mark that advice in the answer as ${locale === 'de' ? '"(allgemeiner Hinweis)"' : '"(general advice)"'}`,
      });
    }
  }
  if (sources.some((source) => source.kind === 'law') && !entry.needsReview && !entry.legalReview) {
    problems.push({
      field: 'needsReview',
      message:
        'cites a law: set needsReview: true until the data protection officer has confirmed it (then record legalReview)',
    });
  }
  return problems;
}
