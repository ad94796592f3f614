// The DPO inbox page: sign in, see the queue, claim, answer, release, close, offer an answer to
// the editors. All ticket text is rendered with textContent (never innerHTML); no inline script
// or style (strict CSP).

import { createAnnouncer } from '../shared/announce.ts';
import { ApiError, createJsonClient } from '../shared/api-client.ts';
import { h } from '../shared/dom.ts';
import {
  type AuthConfig,
  finishCognitoSignIn,
  loadStaffConfig,
  startCognitoSignIn,
} from '../shared/staff-auth.ts';
import { clearToken, currentToken, readClaims, storeToken } from '../shared/token.ts';
import { strings } from './strings.ts';

interface AuditEntry {
  actor: string;
  action: string;
  at: string;
}

interface Ticket {
  ticketId: string;
  status: string;
  createdAt: string;
  question: string;
  locale: string;
  hasEmail: boolean;
  claimedBy?: string;
  claimedByName?: string;
  answer?: string;
  answeredAt?: string;
  expiresAt?: string;
  audit: AuditEntry[];
}

interface Page {
  items: Ticket[];
  nextCursor?: string;
}

const tokenKey = 'inbox.token';
const body = document.body;
/** API base URL ('' for the page's own origin); set by start() (see loadStaffConfig). */
let apiBase = '';
const statusRegion = document.getElementById('status') as HTMLElement;
const app = document.getElementById('app') as HTMLElement;
const userBar = document.getElementById('user') as HTMLElement;

/** Announces a message to screen readers and shows it. */
const announce = createAnnouncer(statusRegion, (kind) => {
  statusRegion.className = `status status-${kind}`;
});

// --- session -------------------------------------------------------------------------------

function me(): string | undefined {
  const token = currentToken(tokenKey);
  return token ? readClaims(token).sub : undefined;
}

function signOut(message = strings.signedOut): void {
  clearToken(tokenKey);
  renderSignIn();
  announce(message);
}

// Cognito Hosted UI (authorization code + PKCE) or a pasted token: from the <body> data attributes
// or /staff-config.json, set by start() before anything renders.
let auth: AuthConfig;

// --- API -----------------------------------------------------------------------------------

const request = createJsonClient({
  base: '',
  headers: (): Record<string, string> => {
    const token = currentToken(tokenKey);
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  if (!currentToken(tokenKey)) throw new ApiError(401, 'unauthorized');
  return request<T>(init.method ?? 'GET', `${apiBase}${path}`, init.body);
}

/** Shows an API failure; 401/403 end the session. Returns true when the view should reload. */
function report(error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    announce(strings.errors.generic ?? '', 'error');
    return false;
  }
  if (error.status === 401) {
    signOut(strings.sessionExpired);
    return false;
  }
  if (error.status === 403) {
    signOut(strings.forbidden);
    return false;
  }
  announce(strings.errors[error.code] ?? strings.errors.generic ?? '', 'error');
  return error.status === 409 || error.status === 404;
}

// --- formatting ----------------------------------------------------------------------------

const relative = new Intl.RelativeTimeFormat('de', { style: 'short', numeric: 'always' });
const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });

/** "vor 5 Min.", "vor 3 Std.", "vor 2 Tg.". */
function age(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return relative.format(-hours, 'hour');
  return relative.format(-Math.round(hours / 24), 'day');
}

function holder(ticket: Ticket): string {
  if (!ticket.claimedBy) return '–';
  return ticket.claimedBy === me() ? strings.you : (ticket.claimedByName ?? ticket.claimedBy);
}

const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

// --- views ---------------------------------------------------------------------------------

let currentStatus = 'open';

function renderUserBar(): void {
  userBar.replaceChildren();
  const token = currentToken(tokenKey);
  if (!token) return;
  const claims = readClaims(token);
  const signOutButton = h('button', { type: 'button', class: 'secondary' }, strings.signOut);
  signOutButton.addEventListener('click', () => signOut());
  userBar.append(
    h('span', {}, strings.signedInAs(claims['cognito:username'] ?? claims.sub ?? '')),
    signOutButton,
  );
}

function renderSignIn(): void {
  renderUserBar();
  const heading = h('h2', { id: 'sign-in-title', tabindex: '-1' }, strings.signInTitle);
  const section = h(
    'section',
    { 'aria-labelledby': 'sign-in-title' },
    heading,
    h('p', {}, strings.signInIntro),
  );
  if (auth.mode === 'cognito') {
    const button = h('button', { type: 'button' }, strings.signInCognito);
    button.addEventListener('click', () => void startCognitoSignIn(auth));
    section.append(button);
  } else {
    const field = h('textarea', {
      id: 'token',
      name: 'token',
      rows: '4',
      required: true,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'token-hint',
    });
    const form = h(
      'form',
      { id: 'sign-in-form', novalidate: true },
      h('label', { for: 'token' }, strings.tokenLabel),
      field,
      h('p', { id: 'token-hint', class: 'hint' }, strings.tokenHint),
      h('button', { type: 'submit' }, strings.signIn),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = field.value.trim();
      if (!token) {
        announce(strings.tokenMissing, 'error');
        field.focus();
        return;
      }
      storeToken(tokenKey, token);
      const deepLink = new URLSearchParams(location.search).get('ticket');
      void (deepLink ? showTicket(deepLink) : showQueue());
    });
    section.append(form);
  }
  app.replaceChildren(section);
}

async function showQueue(focusTicket?: string): Promise<void> {
  renderUserBar();
  const select = h('select', { id: 'status-filter' });
  for (const [value, label] of Object.entries(strings.statuses)) {
    select.append(h('option', { value, ...(value === currentStatus ? { selected: true } : {}) }, label));
  }
  const refresh = h('button', { type: 'button', class: 'secondary' }, strings.refresh);
  const tbody = h('tbody');
  const table = h(
    'table',
    { id: 'tickets' },
    h('caption', {}, `${strings.queueTitle}: ${strings.statuses[currentStatus] ?? ''}`),
    h(
      'thead',
      {},
      h('tr', {}, ...Object.values(strings.columns).map((label) => h('th', { scope: 'col' }, label))),
    ),
    tbody,
  );
  const emptyNote = h('p', { class: 'hint', hidden: true }, strings.empty);
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, strings.loadMore);
  const heading = h('h2', { id: 'queue-title', tabindex: '-1' }, strings.queueTitle);
  app.replaceChildren(
    h(
      'section',
      { 'aria-labelledby': 'queue-title' },
      heading,
      h(
        'div',
        { class: 'toolbar' },
        h('label', { for: 'status-filter' }, strings.statusFilter),
        select,
        refresh,
      ),
      table,
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
      const page = await api<Page>(`/v1/inbox?${query}`);
      if (!append) tbody.replaceChildren();
      for (const ticket of page.items) tbody.append(row(ticket));
      count = (append ? count : 0) + page.items.length;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      emptyNote.hidden = count > 0;
      table.hidden = count === 0;
      announce(strings.loaded(count));
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
    currentStatus = select.value;
    cursor = undefined;
    const caption = table.querySelector('caption');
    if (caption) caption.textContent = `${strings.queueTitle}: ${strings.statuses[currentStatus] ?? ''}`;
    void load(false);
  });
  refresh.addEventListener('click', () => {
    cursor = undefined;
    void load(false);
  });
  more.addEventListener('click', () => void load(true));
  await load(false);
}

function row(ticket: Ticket): HTMLTableRowElement {
  const open = h(
    'button',
    {
      type: 'button',
      class: 'link',
      'data-ticket': ticket.ticketId,
      'aria-label': strings.open(ticket.ticketId),
    },
    ticket.ticketId,
  );
  open.addEventListener('click', () => void showTicket(ticket.ticketId));
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, open),
    h(
      'td',
      {},
      h(
        'time',
        { datetime: ticket.createdAt, title: dateTime.format(new Date(ticket.createdAt)) },
        age(ticket.createdAt),
      ),
    ),
    h('td', {}, strings.statuses[ticket.status] ?? ticket.status),
    h('td', {}, holder(ticket)),
    h('td', { class: 'question-preview' }, preview(ticket.question)),
  );
}

async function showTicket(ticketId: string, message?: string): Promise<void> {
  let ticket: Ticket;
  try {
    ticket = await api<Ticket>(`/v1/inbox/${encodeURIComponent(ticketId)}`);
  } catch (error) {
    // A ticket that is gone (erased, expired) leads back to the queue with the message.
    if (error instanceof ApiError && error.status === 404) await showQueue();
    report(error);
    return;
  }
  renderUserBar();
  const mine = ticket.claimedBy !== undefined && ticket.claimedBy === me();
  const heading = h('h2', { id: 'detail-title', tabindex: '-1' }, strings.detailTitle(ticket.ticketId));
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, strings.columns.status),
    h('dd', { id: 'detail-status' }, strings.statuses[ticket.status] ?? ticket.status),
    h('dt', {}, strings.received),
    h('dd', {}, `${dateTime.format(new Date(ticket.createdAt))} (${age(ticket.createdAt)})`),
    h('dt', {}, strings.columns.holder),
    h('dd', {}, holder(ticket)),
    h('dt', {}, strings.locale),
    h('dd', {}, strings.locales[ticket.locale] ?? ticket.locale),
    h('dt', {}, strings.emailLeft),
    h('dd', {}, ticket.hasEmail ? strings.yes : strings.no),
  );
  const section = h(
    'section',
    { 'aria-labelledby': 'detail-title', class: 'detail' },
    heading,
    facts,
    h('h3', {}, strings.question),
    h('p', { class: 'question', id: 'detail-question' }, ticket.question),
  );
  if (ticket.answer) {
    section.append(
      h('h3', {}, strings.answer),
      h('p', { class: 'answer', id: 'detail-answer' }, ticket.answer),
    );
  }
  if (ticket.expiresAt)
    section.append(h('p', { class: 'hint' }, strings.expires(dateTime.format(new Date(ticket.expiresAt)))));

  const actions = h('div', { class: 'actions' });
  const action = (name: 'claim' | 'release' | 'close', label: string, primary = false) => {
    const button = h('button', { type: 'button', class: primary ? '' : 'secondary' }, label);
    button.addEventListener('click', () => void perform(ticket.ticketId, name));
    actions.append(button);
  };
  if (ticket.status === 'open') action('claim', strings.claim, true);
  if (ticket.status === 'claimed' && mine) {
    const field = h('textarea', {
      id: 'answer-text',
      name: 'text',
      rows: '8',
      maxlength: '5000',
      required: true,
      'aria-describedby': 'answer-hint',
    });
    const form = h(
      'form',
      { id: 'answer-form', novalidate: true },
      h('label', { for: 'answer-text' }, strings.answerLabel),
      field,
      h('p', { id: 'answer-hint', class: 'hint' }, strings.answerHint),
      h('button', { type: 'submit' }, strings.sendAnswer),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = field.value.trim();
      if (!text) {
        announce(strings.errors.invalid_request ?? '', 'error');
        field.focus();
        return;
      }
      void perform(ticket.ticketId, 'answer', { text });
    });
    section.append(form);
    action('release', strings.release);
  }
  if ((ticket.status === 'claimed' && mine) || ticket.status === 'answered') action('close', strings.close);
  if (ticket.answer && (ticket.status === 'answered' || ticket.status === 'closed')) {
    const offer = h('button', { type: 'button', class: 'secondary', id: 'promote' }, strings.promote);
    offer.addEventListener('click', () => void promote(ticket.ticketId, offer));
    actions.append(offer);
  }
  const back = h('button', { type: 'button', class: 'secondary' }, strings.back);
  back.addEventListener('click', () => void showQueue(ticket.ticketId));
  actions.append(back);
  section.append(actions, h('h3', {}, strings.history));
  const audit = h('ol', { class: 'audit' });
  for (const entry of ticket.audit) {
    audit.append(
      h(
        'li',
        {},
        h('time', { datetime: entry.at }, dateTime.format(new Date(entry.at))),
        ` – ${strings.actors[entry.actor] ?? entry.actor}: ${strings.actions[entry.action] ?? entry.action}`,
      ),
    );
  }
  section.append(audit);
  app.replaceChildren(section);
  heading.focus();
  if (message) announce(message);
}

async function perform(ticketId: string, name: string, body?: unknown): Promise<void> {
  try {
    await api(`/v1/inbox/${encodeURIComponent(ticketId)}/${name}`, {
      method: 'POST',
      ...(body ? { body } : {}),
    });
    await showTicket(ticketId, strings.done[name]);
  } catch (error) {
    if (report(error)) await showTicket(ticketId);
  }
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
    announce(strings.promoted(draft.id));
  } catch (error) {
    button.removeAttribute('aria-disabled');
    if (report(error)) await showTicket(ticketId);
  }
}

// --- start ---------------------------------------------------------------------------------

async function start(): Promise<void> {
  document.title = `${strings.title} – ${document.title}`;
  ({ apiBase, auth } = await loadStaffConfig(body, tokenKey));
  await finishCognitoSignIn(auth);
  const deepLink = new URLSearchParams(location.search).get('ticket');
  if (!currentToken(tokenKey)) {
    renderSignIn();
    return;
  }
  if (deepLink) await showTicket(deepLink);
  else await showQueue();
}

void start();
