import { diffWords } from 'diff';
import { type Child, h } from '../shared/dom.ts';
import type { Entry, EntryView } from './api.ts';
import type { Locale } from './form.ts';
import { checkLine } from './gate-report.ts';
import { dateTime, t } from './state.ts';

/**
 * What the reviewer needs to approve a change: who wrote it and when, the quality check, and per
 * field and language a word-level diff of the draft against the published text (struck through
 * = removed, underlined = new; screen readers hear "entfernt:"/"neu:" before each part).
 */
type LocalizedField = 'question' | 'alternatives' | 'keywords' | 'answer' | 'tests' | 'notAnswered';
const localizedFields: LocalizedField[] = [
  'question',
  'answer',
  'alternatives',
  'keywords',
  'tests',
  'notAnswered',
];

const asText = (value: string | readonly string[] | undefined) =>
  Array.isArray(value) ? value.join('\n') : ((value as string | undefined) ?? '');

function diffParts(before: string, after: string): Child[] {
  return diffWords(before, after).map((part) => {
    if (part.added) return h('ins', {}, h('span', { class: 'visually-hidden' }, t.addedMark), part.value);
    if (part.removed) return h('del', {}, h('span', { class: 'visually-hidden' }, t.removedMark), part.value);
    return part.value;
  });
}

interface FieldChange {
  label: string;
  locale?: Locale;
  before: string;
  after: string;
}

function changes(before: Entry, after: Entry): FieldChange[] {
  const found: FieldChange[] = [];
  const meta: [string, string, string][] = [
    [t.kind, before.kind, after.kind],
    [t.reviewedAt, before.reviewedAt ?? '', after.reviewedAt ?? ''],
    [t.related, (before.related ?? []).join(', '), (after.related ?? []).join(', ')],
  ];
  for (const [label, old, next] of meta) if (old !== next) found.push({ label, before: old, after: next });
  for (const locale of ['de', 'en'] as const) {
    for (const field of localizedFields) {
      const old = asText(before[locale][field]);
      const next = asText(after[locale][field]);
      if (old === next) continue;
      const label = t.fieldIn(t.fieldNames[field], locale === 'de' ? t.german : t.english);
      found.push({ label, locale, before: old, after: next });
    }
  }
  return found;
}

/** The review panel for an entry with a draft; null without one. */
export function renderReview(view: EntryView | null): HTMLElement | null {
  const draft = view?.draft;
  if (!view || !draft) return null;
  const published = view.published?.entry;
  let body: Child[];
  if (draft.deleted) body = [h('p', { class: 'review-note' }, t.reviewDeleted)];
  else if (!published || !draft.entry) body = [h('p', { class: 'review-note' }, t.reviewNew)];
  else {
    const found = changes(published, draft.entry);
    body =
      found.length === 0
        ? [h('p', { class: 'review-note' }, t.reviewNothing)]
        : [
            h('p', { class: 'hint' }, t.legend),
            ...found.map((change) =>
              h(
                'div',
                { class: 'diff-field' },
                h('h4', {}, change.label),
                h(
                  'p',
                  { class: 'diff', ...(change.locale ? { lang: change.locale } : {}) },
                  ...diffParts(change.before, change.after),
                ),
              ),
            ),
          ];
  }
  return h(
    'section',
    { id: 'review', class: 'review', 'aria-labelledby': 'review-title' },
    h('h3', { id: 'review-title' }, t.reviewTitle),
    h('p', {}, t.reviewBy(draft.authors.join(', '), dateTime(draft.updatedAt))),
    draft.reviewRequestedAt ? h('p', {}, t.reviewRequestedAt(dateTime(draft.reviewRequestedAt))) : null,
    draft.check ? checkLine(draft.check) : null,
    ...body,
  );
}
