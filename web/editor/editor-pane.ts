import { h } from '../shared/dom.ts';
import { approve, discard, publish, removeEntry, requestReview, save } from './actions.ts';
import type { EntryView } from './api.ts';
import { entryFields } from './entry-form.ts';
import { announce, run } from './feedback.ts';
import { fromEntry } from './form.ts';
import { loadHistory } from './history.ts';
import { loadEntries, renderList, stateOf } from './list.ts';
import { renderReview } from './review.ts';
import { renderReviewMarker, renderSources } from './sources.ts';
import { app, byId, calendarDate, t, titleOf } from './state.ts';
import { renderTryPanel } from './try-panel.ts';

/**
 * The editor pane: status, the review panel (what changes), the form, the workflow buttons and,
 * apart from them, the destructive ones. A disabled button always says why, next to it.
 */
function statusLine(view: EntryView | null): string {
  if (!view) return t.states.new;
  const published = view.published;
  const parts = [
    published
      ? published.entry.reviewedAt
        ? t.publishedOn(calendarDate(published.entry.reviewedAt))
        : t.publishedNoDate
      : t.notPublished,
  ];
  if (view.draft) {
    parts.push(t.draftBy(stateOf(view), view.draft.authors.join(', ')));
    if (view.draft.approvedBy) parts.push(t.approvedBy(view.draft.approvedBy));
  }
  if (!app.fourEyes) parts.push(t.fourEyesOff);
  return parts.join(' · ');
}

/** A workflow button; when disabled, the reason is shown beside it and linked for screen readers. */
function step(id: string, label: string, onclick: () => void, why: string | undefined): HTMLElement {
  const button = h('button', { type: 'button', id, onclick, disabled: why !== undefined }, label);
  if (why === undefined) return h('div', { class: 'step' }, button);
  button.setAttribute('aria-describedby', `${id}-why`);
  return h('div', { class: 'step' }, button, h('p', { class: 'why', id: `${id}-why` }, why));
}

function workflowButtons(view: EntryView | null): HTMLElement {
  const draft = view?.draft;
  const steps: HTMLElement[] = [
    h('div', { class: 'step' }, h('button', { type: 'submit', id: 'save' }, t.save)),
  ];
  if (draft) {
    const reviewWhy =
      draft.state === 'draft' ? undefined : draft.state === 'review' ? t.why.alreadyInReview : t.why.approved;
    const approveWhy = draft.byYou
      ? t.why.byYou
      : draft.state === 'draft'
        ? t.why.notInReview
        : draft.state === 'approved'
          ? t.why.approved
          : undefined;
    const publishWhy = app.fourEyes && draft.state !== 'approved' ? t.why.needsApproval : undefined;
    const keep = h('input', { type: 'checkbox', id: 'keep-reviewed' });
    steps.push(
      step('request-review', t.requestReview, () => void run(requestReview), reviewWhy),
      step('approve', t.approve, () => void run(approve), approveWhy),
      h(
        'div',
        { class: 'step publish-step' },
        step('publish', t.publish, () => void run(() => publish(keep.checked)), publishWhy),
        draft.deleted
          ? null
          : h('div', { class: 'check-field' }, keep, h('label', { for: 'keep-reviewed' }, t.keepReviewedAt)),
      ),
    );
  }
  return h('div', { class: 'actions workflow' }, ...steps);
}

function dangerButtons(view: EntryView | null): HTMLElement | null {
  const draft = view?.draft;
  const canDelete = Boolean(view?.published) && !draft?.deleted;
  if (!draft && !canDelete) return null;
  return h(
    'div',
    { class: 'actions danger-zone', role: 'group', 'aria-label': t.dangerTitle },
    draft
      ? h(
          'button',
          { type: 'button', id: 'discard', class: 'danger', onclick: () => void run(discard) },
          t.discard,
        )
      : null,
    canDelete
      ? h(
          'button',
          { type: 'button', id: 'delete', class: 'danger', onclick: () => void run(removeEntry) },
          t.remove,
        )
      : null,
  );
}

export function renderEditor(view: EntryView | null): void {
  const isNew = view === null;
  app.current = { view, isNew };
  const content = view?.draft?.entry ?? view?.published?.entry;
  const values = fromEntry(
    content,
    app.locales.map((locale) => locale.tag),
  );
  const heading = h(
    'h2',
    { id: 'editor-title', tabindex: '-1' },
    isNew ? t.newEntryTitle : t.editing(titleOf(view)),
  );
  const form = h(
    'form',
    { id: 'entry-form', 'aria-labelledby': 'editor-title' },
    ...entryFields(values, isNew),
    workflowButtons(view),
    h('div', { id: 'gate-report', class: 'gate-report', hidden: true }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(save);
  });
  byId('editor-pane').replaceChildren(
    heading,
    h('p', { id: 'entry-status', class: 'entry-status' }, statusLine(view)),
    renderReviewMarker(content, t.sources) ?? '',
    renderReview(view) ?? '',
    form,
    dangerButtons(view) ?? '',
    renderSources(content, t.sources),
    renderTryPanel(),
    h('section', { id: 'history', 'aria-labelledby': 'history-title' }),
  );
  heading.focus();
  renderList();
  if (view?.published || view?.draft) void run(() => loadHistory(view.id));
}

export async function openEntry(id: string): Promise<void> {
  renderEditor(await app.api.get(id));
}

export function openNew(): void {
  renderEditor(null);
}

/** Reloads the list, shows the entry again (or nothing) and announces what happened. */
export async function refresh(view: EntryView | null, message: string): Promise<void> {
  await loadEntries();
  if (view) renderEditor(view);
  else byId('editor-pane').replaceChildren();
  announce(message);
}
