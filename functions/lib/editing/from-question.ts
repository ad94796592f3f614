import type { StaffIdentity } from '../auth/groups.ts';
import { BadRequestError, TooManyPhrasingsError } from '../http/errors.ts';
import { type Language, languageOfTag } from '../knowledge/locales.ts';
import { type Entry, type Locale, localeBlock, maxPhrasings } from '../knowledge/schema.ts';
import { anonymise } from '../unanswered/anonymise.ts';
import { listDrafts, listPublished } from './store.ts';
import { type EntryView, readEntry, saveDraft } from './workflow.ts';

/**
 * New drafts that start from a question: a group of the unanswered report, or a DPO's answer.
 * The schema wants both languages; the missing one gets a visible placeholder that staff
 * must translate before approving.
 */
export const translationMarker = { de: '[Übersetzung fehlt]', en: '[Translation missing]' } as const;
export const answerMarker = { de: '[Antwort ergänzen]', en: '[Answer missing]' } as const;

/** A kebab-case id from a question: "Wer zahlt den Schaden?" -> "wer-zahlt-den-schaden". */
export function slugify(text: string): string {
  const slug = text
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 48 ? slug.slice(0, 48).replace(/-[^-]*$/, '') : slug;
  return cut || 'new-entry';
}

/** An id that no published entry and no draft uses yet. */
export async function freeId(base: string): Promise<string> {
  const [drafts, published] = await Promise.all([listDrafts(), listPublished()]);
  const taken = new Set([...drafts.map((draft) => draft.entryId), ...published.map((item) => item.entry.id)]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Builds a new FAQ entry in one language, with placeholders in the other. */
export function entryFromQuestion(options: {
  id: string;
  locale: Locale;
  question: string;
  alternatives?: readonly string[];
  answer?: string;
}): Entry {
  // A question asked in another locale (Leichte Sprache, a third language) starts the entry's
  // German or English text; the editor adds the other locales' blocks.
  const locale = languageOfTag(options.locale);
  const other: Language = locale === 'de' ? 'en' : 'de';
  const question = clip(options.question.trim(), 300);
  const filled = {
    question,
    alternatives: [...new Set((options.alternatives ?? []).map((text) => clip(text.trim(), 300)))]
      .filter((text) => text && text !== question)
      .slice(0, maxPhrasings),
    keywords: [],
    answer: clip(options.answer?.trim() || answerMarker[locale], 4000),
    tests: [],
  };
  const placeholder = {
    question: clip(`${translationMarker[other]} ${question}`, 300),
    alternatives: [],
    keywords: [],
    answer: clip(`${translationMarker[other]} ${options.answer?.trim() || answerMarker[other]}`, 4000),
    tests: [],
  };
  return {
    id: options.id,
    kind: 'faq',
    related: [],
    de: locale === 'de' ? filled : placeholder,
    en: locale === 'en' ? filled : placeholder,
  };
}

/**
 * Creates a draft entry from a question (anonymised again: it may come from a ticket).
 * Returns the new entry's view; its id is derived from the question unless given.
 */
export async function draftFromQuestion(
  source: {
    locale: Locale;
    question: string;
    alternatives?: readonly string[];
    answer?: string;
    id?: string;
  },
  who: StaffIdentity,
): Promise<EntryView> {
  const question = anonymise(source.question);
  const id = source.id ?? (await freeId(slugify(question)));
  const entry = entryFromQuestion({
    id,
    locale: source.locale,
    question,
    alternatives: (source.alternatives ?? []).map(anonymise),
    ...(source.answer ? { answer: source.answer } : {}),
  });
  return saveDraft(id, entry, 0, who);
}

/**
 * Adds phrasings to an entry (its draft, else its published text) as a new draft. Phrasings the
 * entry already has are skipped; when the new ones would take the locale block past
 * `maxPhrasings`, nothing is added (`too_many_phrasings`): staff remove or merge phrasings first.
 */
export async function addAlternatives(
  entryId: string,
  locale: Locale,
  phrasings: readonly string[],
  who: StaffIdentity,
): Promise<EntryView> {
  const current = await readEntry(entryId);
  const entry = current.draft ? current.draft.entry : current.published?.entry;
  if (!entry)
    throw new BadRequestError('This entry is about to be deleted; restore it first.', 'entry_deleted');
  // Phrasings go to the entry's block of that locale, or its built-in language's block.
  const block = localeBlock(entry, locale) ? locale : languageOfTag(locale);
  const localized = localeBlock(entry, block) ?? entry.de;
  const known = new Set([localized.question, ...localized.alternatives].map((text) => text.toLowerCase()));
  const added: string[] = [];
  for (const text of phrasings.map((phrasing) => clip(anonymise(phrasing), 300))) {
    if (known.has(text.toLowerCase())) continue;
    known.add(text.toLowerCase());
    added.push(text);
  }
  const count = localized.alternatives.length;
  if (count + added.length > maxPhrasings)
    throw new TooManyPhrasingsError({ count, adding: added.length, limit: maxPhrasings });
  const next: Entry = {
    ...entry,
    [block]: { ...localized, alternatives: [...localized.alternatives, ...added] },
  };
  return saveDraft(entryId, next, current.version, who);
}
