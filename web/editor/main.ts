// The editor page (/editor.js): staff edit, review and publish the knowledge base.
// Data only ever reaches the DOM as text nodes (h/append) or through the safe Markdown renderer.
// Modules: state (shared), feedback (status, errors), sign-in, list, editor-pane (+ entry-form,
// review, actions, confirm, gate-report, history, try-panel), unanswered.

import { h } from '../shared/dom.ts';
import { finishCognitoSignIn, loadStaffConfig } from '../shared/staff-auth.ts';
import { clearToken, currentToken } from '../shared/token.ts';
import { createApi } from './api.ts';
import { openNew } from './editor-pane.ts';
import { announce, run, whenUnauthorized } from './feedback.ts';
import { loadEntries, renderList } from './list.ts';
import { renderSignIn } from './sign-in.ts';
import { app, byId, t, tokenKey, ui } from './state.ts';
import { loadUnanswered } from './unanswered.ts';

// Configuration (like the DPO inbox): the <body> data attributes data-api (API base URL when not
// same-origin), data-auth="token" | "cognito", data-cognito-domain, data-client-id; without
// data-auth, /staff-config.json (served by the local server too).

function renderLayout(): void {
  byId('sign-out').hidden = false;
  const tabs = h(
    'nav',
    { 'aria-label': t.title, class: 'tabs' },
    h(
      'button',
      { type: 'button', id: 'tab-entries', 'aria-pressed': 'true', onclick: () => showTab('entries') },
      t.entriesTab,
    ),
    h(
      'button',
      { type: 'button', id: 'tab-unanswered', 'aria-pressed': 'false', onclick: () => showTab('unanswered') },
      t.unansweredTab,
    ),
  );
  const search = h('input', { id: 'search', type: 'search', autocomplete: 'off' });
  search.addEventListener('input', renderList);
  const entriesSection = h(
    'section',
    { id: 'entries-section', 'aria-labelledby': 'entries-title', class: 'columns' },
    h(
      'div',
      { class: 'list-pane' },
      h('h2', { id: 'entries-title' }, t.entries),
      h('label', { for: 'search' }, t.search),
      search,
      h(
        'button',
        { type: 'button', id: 'new-entry', class: 'secondary', onclick: () => openNew() },
        t.newEntry,
      ),
      h('ul', { id: 'entry-list', class: 'entry-list' }),
    ),
    h('div', { id: 'editor-pane', class: 'editor-pane' }),
  );
  const unansweredSection = h(
    'section',
    { id: 'unanswered-section', 'aria-labelledby': 'unanswered-title', hidden: true },
    h('h2', { id: 'unanswered-title' }, t.unansweredTitle),
    h('ul', { id: 'group-list', class: 'group-list' }),
  );
  byId('app').replaceChildren(tabs, entriesSection, unansweredSection);
}

function showTab(name: 'entries' | 'unanswered'): void {
  byId('tab-entries').setAttribute('aria-pressed', String(name === 'entries'));
  byId('tab-unanswered').setAttribute('aria-pressed', String(name === 'unanswered'));
  byId('entries-section').hidden = name !== 'entries';
  byId('unanswered-section').hidden = name !== 'unanswered';
  if (name === 'unanswered') void run(() => loadUnanswered(() => showTab('entries')));
}

async function start(): Promise<void> {
  await finishCognitoSignIn(app.auth).catch(() => undefined);
  const stored = sessionStorage.getItem(tokenKey);
  if (!currentToken(tokenKey)) {
    // A stored token that currentToken() dropped has expired: say so instead of a bare form.
    renderSignIn(() => void start(), stored ? t.sessionExpired : undefined);
    return;
  }
  renderLayout();
  announce(t.loading);
  await run(async () => {
    await loadEntries();
    announce(t.entriesLoaded(app.entries.length));
  });
}

function signOut(message?: string): void {
  clearToken(tokenKey);
  app.current = undefined;
  renderSignIn(() => void start(), message);
}

function init(): void {
  document.documentElement.lang = ui;
  document.title = t.title;
  byId('page-title').textContent = t.title;
  const other = byId<HTMLAnchorElement>('other-language');
  other.textContent = t.otherLanguage;
  other.href = ui === 'de' ? '?lang=en' : '?lang=de';
  other.lang = ui === 'de' ? 'en' : 'de';
  const signOutButton = byId<HTMLButtonElement>('sign-out');
  signOutButton.textContent = t.signOut;
  signOutButton.addEventListener('click', () => signOut());
  whenUnauthorized(() => signOut(t.sessionExpired));
  void loadStaffConfig(document.body, tokenKey).then((loaded) => {
    app.auth = loaded.auth;
    app.api = createApi(loaded.apiBase, () => currentToken(tokenKey) ?? null);
    return start();
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true });
else init();
