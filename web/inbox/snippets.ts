/**
 * Answer snippets ("Textbausteine"): after a breach the same question arrives hundreds of times.
 * The DPO picks a saved answer and inserts it at the cursor, saves the current answer under a
 * title, or deletes one (after a confirmation, because the whole team shares them).
 */
import type { Snippet } from '../../functions/lib/escalations/snippet-store.ts';
import { ApiError } from '../shared/api-client.ts';
import { h } from '../shared/dom.ts';
import { parseMarkdown } from '../shared/markdown.ts';
import { renderBlocks } from '../shared/markdown-dom.ts';
import { api, report } from './api.ts';
import { t } from './locale.ts';
import { announce } from './page.ts';

/** Puts `text` into the field at the cursor (replacing a selection) and updates the preview. */
function insertAtCursor(field: HTMLTextAreaElement, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input'));
  field.focus();
}

/**
 * The snippets for the answer field: a picker (shown above the field: pick, insert, then adapt)
 * and a form to save the current answer (below it, folded away). Loads the team's snippets itself.
 */
export function renderSnippets(field: HTMLTextAreaElement): { picker: HTMLElement; saver: HTMLElement } {
  const texts = t();
  const body = h('div', { class: 'snippet-list' });
  const picker = h(
    'section',
    { class: 'panel snippets', 'aria-labelledby': 'snippets-title' },
    h('h3', { id: 'snippets-title' }, texts.snippetsTitle),
    h('p', { class: 'hint' }, texts.snippetsIntro),
    body,
  );
  const saver = h(
    'details',
    { class: 'panel snippet-save' },
    h('summary', {}, texts.snippetSaveTitle),
    saveForm(field, (id) => void load(id)),
  );
  let snippets: Snippet[] = [];

  const renderList = (selectedId?: string) => {
    if (snippets.length === 0) {
      body.replaceChildren(h('p', { class: 'hint', id: 'snippets-none' }, texts.snippetsNone));
      return;
    }
    const select = h('select', { id: 'snippet-select' });
    for (const snippet of snippets)
      select.append(
        h(
          'option',
          { value: snippet.id, ...(snippet.id === selectedId ? { selected: true } : {}) },
          snippet.title,
        ),
      );
    const shown = h('div', { class: 'answer rendered snippet-text', id: 'snippet-text' });
    const chosen = () => snippets.find((snippet) => snippet.id === select.value);
    const showChosen = () => shown.replaceChildren(renderBlocks(parseMarkdown(chosen()?.text ?? '')));
    select.addEventListener('change', showChosen);
    showChosen();
    const insert = h(
      'button',
      { type: 'button', class: 'secondary', id: 'snippet-insert' },
      texts.snippetInsert,
    );
    insert.addEventListener('click', () => {
      const snippet = chosen();
      if (!snippet) return;
      insertAtCursor(field, snippet.text);
      announce(texts.snippetInserted(snippet.title));
    });
    const confirmSlot = h('div', { class: 'confirm-slot' });
    const remove = h(
      'button',
      { type: 'button', class: 'danger', id: 'snippet-delete' },
      texts.snippetDelete,
    );
    remove.addEventListener('click', () => {
      const snippet = chosen();
      if (snippet) confirmDelete(confirmSlot, remove, snippet, () => void load());
    });
    body.replaceChildren(
      h('label', { for: 'snippet-select' }, texts.snippetSelect),
      select,
      shown,
      h('div', { class: 'actions' }, insert, remove),
      confirmSlot,
    );
  };

  const load = async (selectedId?: string) => {
    try {
      snippets = (await api<{ items: Snippet[] }>('/v1/snippets')).items;
      renderList(selectedId);
    } catch (error) {
      report(error);
    }
  };
  void load();
  return { picker, saver };
}

/** "Really delete?" in the page itself (no browser dialog), focus on the safe choice. */
function confirmDelete(
  slot: HTMLElement,
  opener: HTMLButtonElement,
  snippet: Snippet,
  deleted: () => void,
): void {
  const texts = t();
  const yes = h('button', { type: 'button', class: 'danger' }, texts.snippetDeleteConfirm);
  const no = h('button', { type: 'button', class: 'secondary' }, texts.cancel);
  no.addEventListener('click', () => {
    slot.replaceChildren();
    opener.focus();
  });
  yes.addEventListener('click', async () => {
    try {
      await api(`/v1/snippets/${encodeURIComponent(snippet.id)}`, { method: 'DELETE' });
      announce(texts.snippetDeleted(snippet.title));
    } catch (error) {
      // Someone else deleted it already: the list is reloaded either way.
      if (!(error instanceof ApiError && error.status === 404)) report(error);
    }
    deleted();
  });
  slot.replaceChildren(
    h(
      'div',
      { role: 'group', 'aria-labelledby': 'snippet-delete-question', class: 'confirm' },
      h('p', { id: 'snippet-delete-question' }, texts.snippetDeleteQuestion(snippet.title)),
      h('div', { class: 'actions' }, yes, no),
    ),
  );
  no.focus();
}

/** Saves the answer field's text under a title. */
function saveForm(field: HTMLTextAreaElement, saved: (id: string) => void): HTMLElement {
  const texts = t();
  const title = h('input', {
    type: 'text',
    id: 'snippet-title',
    name: 'title',
    maxlength: '100',
    autocomplete: 'off',
    'aria-describedby': 'snippet-title-hint',
  });
  const form = h(
    'form',
    { id: 'snippet-save-form', novalidate: true },
    h('label', { for: 'snippet-title' }, texts.snippetTitleLabel),
    title,
    h('p', { id: 'snippet-title-hint', class: 'hint' }, texts.snippetTitleHint),
    h('button', { type: 'submit', class: 'secondary' }, texts.snippetSave),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = title.value.trim();
    const text = field.value.trim();
    if (!name) {
      announce(texts.snippetTitleMissing, 'error');
      title.focus();
      return;
    }
    if (!text) {
      announce(texts.snippetTextMissing, 'error');
      field.focus();
      return;
    }
    try {
      const snippet = await api<Snippet>('/v1/snippets', { method: 'POST', body: { title: name, text } });
      title.value = '';
      announce(texts.snippetSaved(name));
      saved(snippet.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') announce(texts.snippetFull, 'error');
      else report(error);
    }
  });
  return form;
}
