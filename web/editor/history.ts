import { h } from '../shared/dom.ts';
import { rollback } from './actions.ts';
import type { NumberedVersion } from './api.ts';
import { run } from './feedback.ts';
import { app, calendarDate, dateTime, t, ui } from './state.ts';

/**
 * The versions of an entry as people count them (1, 2, 3 …, newest first) with date, author and
 * approver; version 1 is usually the text from the knowledge files. Any version but the current
 * one can be restored as a draft (it goes through review like any change).
 */
function describe(version: NumberedVersion): string {
  const parts = [t.version(version.number)];
  if (version.origin === 'files') {
    parts.push(t.fromFiles);
    if (version.entry?.reviewedAt) parts.push(t.publishedOn(calendarDate(version.entry.reviewedAt)));
  } else {
    if (version.publishedAt) parts.push(t.publishedAt(dateTime(version.publishedAt)));
    parts.push(t.by(version.authors.join(', '), version.approver));
  }
  if (version.current) parts.push(t.current);
  return parts.join(' · ');
}

export async function loadHistory(id: string): Promise<void> {
  const { versions } = await app.api.history(id);
  const section = document.getElementById('history');
  if (!section || app.current?.view?.id !== id) return;
  section.replaceChildren(
    h('h3', { id: 'history-title' }, t.historyTitle),
    versions.length === 0
      ? h('p', {}, t.noHistory)
      : h(
          'ol',
          { class: 'history' },
          ...versions.map((version) =>
            h(
              'li',
              { 'data-number': String(version.number) },
              h('p', { class: 'version-line' }, describe(version)),
              h('p', { class: 'entry-meta' }, version.entry ? version.entry[ui].question : t.deletedVersion),
              version.current
                ? null
                : h(
                    'button',
                    {
                      type: 'button',
                      class: 'rollback secondary',
                      'data-version': String(version.version),
                      onclick: () => void run(() => rollback(id, version.version)),
                    },
                    t.rollback(version.number),
                  ),
            ),
          ),
        ),
  );
}
