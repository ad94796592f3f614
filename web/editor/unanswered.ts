import { h } from '../shared/dom.ts';
import { refresh } from './editor-pane.ts';
import { run } from './feedback.ts';
import { app, byId, t, titleOf } from './state.ts';

/** The anonymised report of questions the assistant could not answer, turned into drafts. */
export async function loadUnanswered(showEntries: () => void): Promise<void> {
  const { groups } = await app.api.unanswered();
  const list = byId('group-list');
  const date = (iso: string) => new Date(iso).toLocaleDateString(t.dateLocale);
  if (groups.length === 0) {
    list.replaceChildren(h('li', {}, t.noUnanswered));
    return;
  }
  list.replaceChildren(
    ...groups.map((group, index) => {
      const selectId = `group-${index}-target`;
      const select = h('select', { id: selectId });
      for (const entry of app.entries)
        select.append(h('option', { value: entry.id }, `${titleOf(entry)} (${entry.id})`));
      return h(
        'li',
        { class: 'group' },
        h('p', { class: 'group-text', lang: group.locale }, group.text),
        h('p', { class: 'entry-meta' }, t.asked(group.count, date(group.lastAskedAt))),
        group.examples.length > 1
          ? h('ul', {}, ...group.examples.slice(1).map((example) => h('li', { lang: group.locale }, example)))
          : null,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void run(async () => {
                  const view = await app.api.toDraft(group.id);
                  showEntries();
                  await refresh(view, t.draftCreated);
                }),
            },
            t.toDraft,
          ),
          h('label', { for: selectId }, t.addTo),
          select,
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void run(async () => {
                  const view = await app.api.toAlternatives(group.id, select.value);
                  showEntries();
                  await refresh(view, t.phrasingsAdded);
                }),
            },
            t.add,
          ),
        ),
      );
    }),
  );
}
