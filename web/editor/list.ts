import { h } from '../shared/dom.ts';
import type { EntryView } from './api.ts';
import { openEntry } from './editor-pane.ts';
import { run } from './feedback.ts';
import { app, byId, t, titleOf } from './state.ts';

/** The list of entries with their state, filtered by the search field. */
export function stateOf(entry: EntryView): string {
  if (entry.draft?.deleted) return t.states.deleted;
  if (entry.draft) return t.states[entry.draft.state];
  return t.states.published;
}

function matches(entry: EntryView, query: string): boolean {
  if (!query) return true;
  const content = entry.draft?.entry ?? entry.published?.entry;
  const haystack = [
    entry.id,
    content?.de.question,
    content?.en.question,
    content?.de.answer,
    content?.en.answer,
  ]
    .join(' ')
    .toLowerCase();
  return haystack.includes(query);
}

export function renderList(): void {
  const search = document.getElementById('search') as HTMLInputElement | null;
  const list = byId('entry-list');
  if (!search || !list) return;
  const query = search.value.trim().toLowerCase();
  const shown = app.entries.filter((entry) => matches(entry, query));
  list.replaceChildren(
    ...(shown.length === 0
      ? [h('li', {}, t.noEntries)]
      : shown.map((entry) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'entry-button',
                'data-entry': entry.id,
                'aria-current': app.current?.view?.id === entry.id ? 'true' : undefined,
                onclick: () => void run(() => openEntry(entry.id)),
              },
              h('span', { class: 'entry-title' }, titleOf(entry)),
              h('span', { class: 'entry-meta' }, `${stateOf(entry)} · ${entry.id}`),
              h(
                'span',
                { class: 'entry-meta' },
                t.helpful(entry.feedback.helpful, entry.feedback.notHelpful),
              ),
            ),
          ),
        )),
  );
}

export async function loadEntries(): Promise<void> {
  const result = await app.api.list();
  app.entries = result.entries;
  app.fourEyes = result.fourEyes;
  app.locales = result.locales ?? [];
  renderList();
}
