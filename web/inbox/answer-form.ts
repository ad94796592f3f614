/**
 * The answer form with a live preview: the DPO writes Markdown and sees, beside it, exactly what
 * the citizen will see (the same safe renderer as the widget; the mail's HTML part comes from the
 * same parser on the server). A half-written answer survives a language switch or a trip back to
 * the list: it is kept in memory for this tab only, never stored.
 */
import { h } from '../shared/dom.ts';
import { parseMarkdown } from '../shared/markdown.ts';
import { renderBlocks } from '../shared/markdown-dom.ts';
import { t } from './locale.ts';
import { announce } from './page.ts';

const drafts = new Map<string, string>();

/** The form, and its answer field (the snippets insert into it). */
export function renderAnswerForm(
  ticketId: string,
  send: (text: string) => Promise<boolean>,
): { form: HTMLFormElement; field: HTMLTextAreaElement } {
  const texts = t();
  const field = h('textarea', {
    id: 'answer-text',
    name: 'text',
    rows: '12',
    maxlength: '5000',
    required: true,
    'aria-describedby': 'answer-hint',
  });
  field.value = drafts.get(ticketId) ?? '';
  const preview = h('div', { id: 'answer-preview', class: 'answer rendered' });
  const showPreview = () => {
    drafts.set(ticketId, field.value);
    const blocks = parseMarkdown(field.value);
    preview.replaceChildren(
      blocks.length ? renderBlocks(blocks) : h('p', { class: 'hint' }, texts.previewEmpty),
    );
  };
  field.addEventListener('input', showPreview);
  showPreview();
  const form = h(
    'form',
    { id: 'answer-form', novalidate: true },
    h(
      'div',
      { class: 'answer-grid' },
      h(
        'div',
        {},
        h('label', { for: 'answer-text' }, texts.answerLabel),
        field,
        h('p', { id: 'answer-hint', class: 'hint' }, texts.answerHint),
      ),
      h(
        'section',
        { class: 'preview-box', 'aria-labelledby': 'preview-title' },
        h('h4', { id: 'preview-title' }, texts.previewTitle),
        preview,
      ),
    ),
    h('button', { type: 'submit' }, texts.sendAnswer),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = field.value.trim();
    if (!text) {
      announce(texts.answerMissing, 'error');
      field.focus();
      return;
    }
    void send(text).then((sent) => sent && drafts.delete(ticketId));
  });
  return { form, field };
}
