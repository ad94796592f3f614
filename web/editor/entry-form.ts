import { checkLeichteSprache } from '../../functions/lib/knowledge/readability.ts';
import { h } from '../shared/dom.ts';
import { renderBlocks } from '../widget/dom.ts';
import { parseMarkdown } from '../widget/markdown.ts';
import { carriedOf, type FormValues, type Locale } from './form.ts';
import { app, byId, t } from './state.ts';

/** The entry form's fields: id, kind, "Stand", related ids and one fieldset per language. */
export function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
  );
}

export function textInput(value: string): HTMLInputElement {
  const input = h('input', { type: 'text', autocomplete: 'off' });
  input.value = value;
  return input;
}

function textArea(value: string, rows: number): HTMLTextAreaElement {
  const area = h('textarea', { rows: String(rows) });
  area.value = value;
  return area;
}

/** A locale's label: the page's own words for German and English, else its configured name. */
function localeName(locale: Locale): string {
  if (locale === 'de') return t.german;
  if (locale === 'en') return t.english;
  return app.locales.find((configured) => configured.tag === locale)?.name ?? locale;
}

function localeFieldset(locale: Locale, values: FormValues): HTMLElement {
  const value = values.locales[locale] ?? {
    question: '',
    alternatives: '',
    keywords: '',
    answer: '',
    tests: '',
    notAnswered: '',
  };
  const answer = textArea(value.answer, 8);
  const preview = h('div', { class: 'preview', id: `${locale}-preview`, 'aria-live': 'off' });
  const renderPreview = () => preview.replaceChildren(renderBlocks(parseMarkdown(answer.value)));
  answer.addEventListener('input', renderPreview);
  renderPreview();
  const question = textInput(value.question);
  const readability = app.locales.find((configured) => configured.tag === locale)?.readability;
  const check = readability === 'leichte-sprache' ? readabilityCheck(locale, question, answer) : null;
  return h(
    'fieldset',
    { class: 'locale', lang: locale, 'data-locale': locale },
    h('legend', {}, localeName(locale)),
    field(`${locale}-question`, t.question, question),
    field(`${locale}-alternatives`, t.alternatives, textArea(value.alternatives, 5)),
    field(`${locale}-keywords`, t.keywords, textArea(value.keywords, 3)),
    field(`${locale}-answer`, t.answer, answer),
    h('h4', { id: `${locale}-preview-title` }, t.preview),
    preview,
    field(`${locale}-tests`, t.tests, textArea(value.tests, 3)),
    field(`${locale}-notAnswered`, t.notAnswered, textArea(value.notAnswered, 3), t.notAnsweredHint),
    check,
  );
}

/**
 * The Leichte Sprache rules (the same module `kb validate` runs) on the question and answer,
 * updated while staff type: each violation with its rule and sentence.
 */
function readabilityCheck(
  locale: Locale,
  question: HTMLInputElement,
  answer: HTMLTextAreaElement,
): HTMLElement {
  const list = h('ul', { class: 'readability-list' });
  const update = () => {
    const violations = checkLeichteSprache(`${question.value}\n\n${answer.value}`);
    list.replaceChildren(
      ...(violations.length === 0
        ? [h('li', {}, t.readabilityOk)]
        : violations.map((violation) =>
            h('li', {}, h('strong', {}, violation.rule), `: ${violation.message} – „${violation.sentence}“`),
          )),
    );
  };
  question.addEventListener('input', update);
  answer.addEventListener('input', update);
  update();
  return h(
    'section',
    { class: 'readability', 'aria-labelledby': `${locale}-readability-title` },
    h('h4', { id: `${locale}-readability-title` }, t.readabilityTitle),
    list,
  );
}

/** The metadata fields and both languages. */
export function entryFields(values: FormValues, isNew: boolean): HTMLElement[] {
  const kind = h('select', {});
  for (const [value, label] of Object.entries(t.kinds)) {
    const option = h('option', { value }, label);
    option.selected = value === values.kind;
    kind.append(option);
  }
  const idInput = textInput(values.id);
  if (!isNew) idInput.readOnly = true;
  const reviewed = h('input', { type: 'date' });
  reviewed.value = values.reviewedAt;
  return [
    h(
      'div',
      { class: 'meta-fields' },
      field('entry-id', t.id, idInput),
      field('entry-kind', t.kind, kind),
      field('entry-reviewed', t.reviewedAt, reviewed, t.reviewedAtHint),
      field('entry-related', t.related, textInput(values.related)),
    ),
    h(
      'div',
      { class: 'locales' },
      ...Object.keys(values.locales).map((locale) => localeFieldset(locale, values)),
    ),
  ];
}

export function readForm(): FormValues {
  const value = (id: string) => byId<HTMLInputElement>(id).value;
  const localized = (locale: Locale) => ({
    question: value(`${locale}-question`),
    alternatives: value(`${locale}-alternatives`),
    keywords: value(`${locale}-keywords`),
    answer: value(`${locale}-answer`),
    tests: value(`${locale}-tests`),
    notAnswered: value(`${locale}-notAnswered`),
  });
  return {
    id: value('entry-id'),
    kind: value('entry-kind'),
    reviewedAt: value('entry-reviewed'),
    related: value('entry-related'),
    locales: Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('fieldset.locale[data-locale]')].map((fieldset) => {
        const locale = fieldset.dataset.locale ?? 'de';
        return [locale, localized(locale)];
      }),
    ),
    carried: carriedOf(app.current?.view?.draft?.entry ?? app.current?.view?.published?.entry),
  };
}
