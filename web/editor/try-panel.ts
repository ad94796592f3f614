import { h } from '../shared/dom.ts';
import { renderBlocks } from '../widget/dom.ts';
import { parseMarkdown } from '../widget/markdown.ts';
import { ApiError, type AskResponse } from './api.ts';
import { readForm } from './entry-form.ts';
import { run } from './feedback.ts';
import { toEntry } from './form.ts';
import { app, t, ui } from './state.ts';

/** "Frage ausprobieren": how the assistant answers a question with the drafts and without. */
function renderAnswer(title: string, response: AskResponse): HTMLElement {
  const body =
    response.status === 'answer' && response.answer
      ? [
          h('p', { class: 'entry-meta' }, `${response.answer.entryId} (${response.confidence})`),
          h('div', { class: 'preview' }, renderBlocks(parseMarkdown(response.answer.text))),
        ]
      : [
          h('p', {}, response.message ?? ''),
          h(
            'ul',
            {},
            ...response.suggestions.map((item) => h('li', {}, `${item.question} (${item.entryId})`)),
          ),
        ];
  return h(
    'div',
    { class: 'try-result' },
    h('h4', {}, title),
    h('p', { class: 'try-status' }, t.tryStatus[response.status] ?? response.status),
    ...body,
  );
}

export function renderTryPanel(): HTMLElement {
  const question = h('input', { type: 'text', id: 'try-question', autocomplete: 'off' });
  const locale = h(
    'select',
    { id: 'try-locale' },
    // Every configured locale (Leichte Sprache, ...); German and English before the list loads.
    ...(app.locales.length
      ? app.locales
      : [
          { tag: 'de', name: 'Deutsch' },
          { tag: 'en', name: 'English' },
        ]
    ).map(({ tag, name }) => h('option', { value: tag, lang: tag }, name)),
  );
  locale.value = ui;
  const results = h('div', { id: 'try-results', class: 'try-results', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'try', 'aria-labelledby': 'try-title' },
    h('h3', { id: 'try-title' }, t.tryTitle),
    h('label', { for: 'try-question' }, t.tryQuestion),
    question,
    h('label', { for: 'try-locale' }, t.tryLocale),
    locale,
    h('button', { type: 'submit', id: 'try-button' }, t.tryButton),
    results,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    const language = locale.value || 'de';
    void run(async () => {
      // The unsaved form counts as a draft too, when it is valid enough to send.
      const unsaved = app.current ? toEntry(readForm()) : undefined;
      const result = await app.api.tryQuestion(text, language, unsaved).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 400 && unsaved)
          return app.api.tryQuestion(text, language);
        throw error;
      });
      results.replaceChildren(
        renderAnswer(t.tryDraft, result.draft),
        renderAnswer(t.tryPublished, result.published),
      );
    });
  });
  return form;
}
