/** The queue view: tickets of one status, oldest first, page by page. */

import type { QueueStatus } from '../../functions/lib/escalations/ticket-store.ts';
import type { InboxPage, InboxTicket } from '../../functions/lib/escalations/tickets.ts';
import { h } from '../shared/dom.ts';
import { currentToken } from '../shared/token.ts';
import { api, me, report, tokenKey } from './api.ts';
import { formatAge, formatDateTime, t } from './locale.ts';
import { announce, app, nav, renderChrome } from './page.ts';

let currentStatus: QueueStatus = 'open';

/** Who holds a ticket: "Ihnen" for the signed-in DPO, else the colleague's name. */
export function holder(ticket: InboxTicket): string {
  if (!ticket.claimedBy) return '–';
  return ticket.claimedBy === me() ? t().you : (ticket.claimedByName ?? ticket.claimedBy);
}

const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

function row(ticket: InboxTicket): HTMLTableRowElement {
  const texts = t();
  const open = h(
    'button',
    {
      type: 'button',
      class: 'link',
      'data-ticket': ticket.ticketId,
      'aria-label': texts.open(ticket.ticketId),
    },
    ticket.ticketId,
  );
  open.addEventListener('click', () => void nav.ticket(ticket.ticketId));
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, open),
    h(
      'td',
      {},
      h(
        'time',
        { datetime: ticket.createdAt, title: formatDateTime(ticket.createdAt) },
        formatAge(ticket.createdAt),
      ),
    ),
    h('td', {}, texts.statuses[ticket.status]),
    h('td', {}, holder(ticket)),
    h('td', { class: 'question-preview' }, preview(ticket.question)),
  );
}

export async function showQueue(focusTicket?: string): Promise<void> {
  const texts = t();
  renderChrome(currentToken(tokenKey));
  nav.again = () => void showQueue();
  const select = h('select', { id: 'status-filter' });
  for (const [value, label] of Object.entries(texts.statuses)) {
    select.append(h('option', { value, ...(value === currentStatus ? { selected: true } : {}) }, label));
  }
  const refresh = h('button', { type: 'button', class: 'secondary' }, texts.refresh);
  const tbody = h('tbody');
  const caption = h('caption', {}, `${texts.queueTitle}: ${texts.statuses[currentStatus]}`);
  const table = h(
    'table',
    { id: 'tickets' },
    caption,
    h(
      'thead',
      {},
      h('tr', {}, ...Object.values(texts.columns).map((label) => h('th', { scope: 'col' }, label))),
    ),
    tbody,
  );
  const emptyNote = h('p', { class: 'hint', hidden: true }, texts.empty);
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, texts.loadMore);
  app.replaceChildren(
    h(
      'section',
      { 'aria-labelledby': 'queue-title' },
      h('h2', { id: 'queue-title', tabindex: '-1' }, texts.queueTitle),
      h(
        'div',
        { class: 'toolbar' },
        h('label', { for: 'status-filter' }, texts.statusFilter),
        select,
        refresh,
      ),
      h('div', { class: 'table-scroll' }, table),
      emptyNote,
      more,
    ),
  );

  let cursor: string | undefined;
  let count = 0;
  const load = async (append: boolean) => {
    try {
      const query = new URLSearchParams({
        status: currentStatus,
        limit: '25',
        ...(cursor ? { cursor } : {}),
      });
      const page = await api<InboxPage>(`/v1/inbox?${query}`);
      if (!append) tbody.replaceChildren();
      for (const ticket of page.items) tbody.append(row(ticket));
      count = (append ? count : 0) + page.items.length;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      emptyNote.hidden = count > 0;
      table.hidden = count === 0;
      announce(texts.loaded(count));
      if (focusTicket) {
        document
          .querySelector<HTMLButtonElement>(`button[data-ticket="${CSS.escape(focusTicket)}"]`)
          ?.focus();
        focusTicket = undefined;
      }
    } catch (error) {
      report(error);
    }
  };
  select.addEventListener('change', () => {
    currentStatus = select.value as QueueStatus;
    cursor = undefined;
    caption.textContent = `${texts.queueTitle}: ${texts.statuses[currentStatus]}`;
    void load(false);
  });
  refresh.addEventListener('click', () => {
    cursor = undefined;
    void load(false);
  });
  more.addEventListener('click', () => void load(true));
  await load(false);
}
