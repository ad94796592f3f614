/** The ticket view: facts, question, the rendered answer, the actions that fit the status, history. */
import type { InboxTicket } from '../../functions/lib/escalations/tickets.ts';
import { ApiError } from '../shared/api-client.ts';
import { h } from '../shared/dom.ts';
import { parseMarkdown } from '../shared/markdown.ts';
import { renderBlocks } from '../shared/markdown-dom.ts';
import { currentToken } from '../shared/token.ts';
import { renderAnswerForm } from './answer-form.ts';
import { api, me, report, tokenKey } from './api.ts';
import { openCloseForm } from './close-form.ts';
import { formatAge, formatDateTime, t } from './locale.ts';
import { announce, app, nav, renderChrome } from './page.ts';
import { holder } from './queue.ts';
import { renderSnippets } from './snippets.ts';

type Action = 'claim' | 'release' | 'answer' | 'close';

/** Runs an action on the ticket and shows it again with the outcome announced; false when it failed. */
async function perform(ticketId: string, action: Action, body?: unknown): Promise<boolean> {
  try {
    await api(`/v1/inbox/${encodeURIComponent(ticketId)}/${action}`, {
      method: 'POST',
      ...(body ? { body } : {}),
    });
  } catch (error) {
    if (report(error)) await showTicket(ticketId);
    return false;
  }
  await showTicket(ticketId, t().done[action]);
  return true;
}

/**
 * Offers the answer to the editors (POST /v1/inbox/{id}/promote): the server creates an anonymised
 * draft entry; the live region names it. The button stays focusable but reports itself as
 * unavailable afterwards, so one click makes one draft.
 */
async function promote(ticketId: string, button: HTMLButtonElement): Promise<void> {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  try {
    const draft = await api<{ id: string }>(`/v1/inbox/${encodeURIComponent(ticketId)}/promote`, {
      method: 'POST',
    });
    announce(t().promoted(draft.id));
  } catch (error) {
    button.removeAttribute('aria-disabled');
    if (report(error)) await showTicket(ticketId);
  }
}

function facts(ticket: InboxTicket): HTMLElement {
  const texts = t();
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, texts.columns.status),
    h('dd', { id: 'detail-status' }, texts.statuses[ticket.status]),
    h('dt', {}, texts.received),
    h('dd', {}, `${formatDateTime(ticket.createdAt)} (${formatAge(ticket.createdAt)})`),
    h('dt', {}, texts.columns.holder),
    h('dd', {}, holder(ticket)),
    h('dt', {}, texts.locale),
    h('dd', {}, (texts.locales as Record<string, string>)[ticket.locale] ?? ticket.locale),
    h('dt', {}, texts.emailLeft),
    h('dd', {}, ticket.hasEmail ? texts.yes : texts.no),
  );
}

function history(ticket: InboxTicket): HTMLElement {
  const texts = t();
  const list = h('ol', { class: 'audit' });
  for (const entry of ticket.audit) {
    const reason = entry.reason ? texts.reason(texts.closeReasonShort[entry.reason]) : '';
    list.append(
      h(
        'li',
        {},
        h('time', { datetime: entry.at }, formatDateTime(entry.at)),
        ` – ${texts.actors[entry.actor] ?? entry.actor}: ${texts.actions[entry.action]}${reason}`,
      ),
    );
  }
  return list;
}

export async function showTicket(ticketId: string, message?: string): Promise<void> {
  let ticket: InboxTicket;
  try {
    ticket = await api<InboxTicket>(`/v1/inbox/${encodeURIComponent(ticketId)}`);
  } catch (error) {
    // A ticket that is gone (erased, expired) leads back to the queue with the message.
    if (error instanceof ApiError && error.status === 404) await nav.queue();
    report(error);
    return;
  }
  const texts = t();
  renderChrome(currentToken(tokenKey));
  nav.again = () => void showTicket(ticketId);
  const mine = ticket.claimedBy !== undefined && ticket.claimedBy === me();
  const heading = h('h2', { id: 'detail-title', tabindex: '-1' }, texts.detailTitle(ticket.ticketId));
  const section = h(
    'section',
    { 'aria-labelledby': 'detail-title', class: 'detail' },
    heading,
    facts(ticket),
    h('h3', {}, texts.question),
    // The citizen's words: text only, as typed.
    h('p', { class: 'question', id: 'detail-question' }, ticket.question),
  );
  if (ticket.answer) {
    section.append(
      h('h3', {}, texts.answer),
      h('div', { class: 'answer rendered', id: 'detail-answer' }, renderBlocks(parseMarkdown(ticket.answer))),
    );
  }
  if (ticket.expiresAt)
    section.append(h('p', { class: 'hint' }, texts.expires(formatDateTime(ticket.expiresAt))));

  const actions = h('div', { class: 'actions' });
  const closeSlot = h('div', { id: 'close-slot' });
  const button = (
    label: string,
    onClick: () => void,
    kind: 'primary' | 'secondary' = 'secondary',
    id?: string,
  ) => {
    const element = h(
      'button',
      { type: 'button', class: kind === 'primary' ? '' : kind, ...(id ? { id } : {}) },
      label,
    );
    element.addEventListener('click', onClick);
    actions.append(element);
    return element;
  };
  if (ticket.status === 'open') button(texts.claim, () => void perform(ticket.ticketId, 'claim'), 'primary');
  if (ticket.status === 'claimed' && mine) {
    const { form, field } = renderAnswerForm(ticket.ticketId, (text) =>
      perform(ticket.ticketId, 'answer', { text }),
    );
    const { picker, saver } = renderSnippets(field);
    section.append(picker, form, saver);
    button(texts.release, () => void perform(ticket.ticketId, 'release'));
    // Without an answer, closing asks why (the server insists as well).
    const opener = button(texts.closeWithoutAnswer, () =>
      openCloseForm(closeSlot, opener, async (reason) => {
        await perform(ticket.ticketId, 'close', { reason });
      }),
    );
    opener.setAttribute('aria-expanded', 'false');
    opener.setAttribute('aria-controls', 'close-slot');
  }
  if (ticket.status === 'answered') button(texts.close, () => void perform(ticket.ticketId, 'close'));
  if (ticket.answer && (ticket.status === 'answered' || ticket.status === 'closed')) {
    const offer = button(texts.promote, () => void promote(ticket.ticketId, offer), 'secondary', 'promote');
  }
  button(texts.back, () => void nav.queue(ticket.ticketId));
  section.append(actions, closeSlot, h('h3', {}, texts.history), history(ticket));
  app.replaceChildren(section);
  heading.focus();
  if (message) announce(message);
}
