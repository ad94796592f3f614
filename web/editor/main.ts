// The editor page (/editor.js): staff edit, review and publish the knowledge base.
// Data only ever reaches the DOM as text nodes (h/append) or through the safe Markdown renderer.

import { createAnnouncer } from '../shared/announce.ts';
import { h } from '../shared/dom.ts';
import {
  type AuthConfig,
  finishCognitoSignIn,
  loadStaffConfig,
  startCognitoSignIn,
} from '../shared/staff-auth.ts';
import { renderBlocks } from '../widget/dom.ts';
import { parseMarkdown } from '../widget/markdown.ts';
import {
  type Api,
  ApiError,
  type AskResponse,
  createApi,
  type EntryView,
  type GateReport,
  type ListedEntry,
} from './api.ts';
import { carriedOf, type FormValues, fromEntry, type Locale, toEntry } from './form.ts';
import { renderReviewMarker, renderSources } from './sources.ts';
import { strings, type UiLocale } from './strings.ts';

// Configuration (like the DPO inbox): the <body> data attributes data-api (API base URL when not
// same-origin), data-auth="token" | "cognito", data-cognito-domain, data-client-id; without
// data-auth, /staff-config.json. Loaded once by init() before the first start().
const tokenKey = 'faq-editor-token';
let auth: AuthConfig;
const ui: UiLocale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de';
const t = strings[ui];

let api: Api;

let entries: ListedEntry[] = [];
let fourEyes = true;
let current: { view: EntryView | null; isNew: boolean } | undefined;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Announces a message to screen readers (the status region). */
function announce(message: string): void {
  announcer ??= createAnnouncer(byId('status'));
  announcer(message);
}
let announcer: ReturnType<typeof createAnnouncer> | undefined;

function showError(message: string): void {
  const box = byId('error');
  box.replaceChildren(h('p', {}, `${t.error}: ${message}`));
  box.hidden = false;
}

function clearError(): void {
  const box = byId('error');
  box.replaceChildren();
  box.hidden = true;
}

function handleError(error: unknown): void {
  if (!(error instanceof ApiError)) {
    showError(error instanceof Error ? error.message : String(error));
    return;
  }
  if (error.status === 401) {
    sessionStorage.removeItem(tokenKey);
    renderSignIn(t.sessionExpired);
    return;
  }
  if (error.status === 403 && error.code === 'forbidden') showError(t.forbidden);
  else if (error.status === 409 && error.code === 'version_conflict') showError(`${t.conflict}`);
  else if (error.status === 422 && error.code === 'gate_failed') {
    renderGate((error.body as { gate: GateReport }).gate);
    showError(error.message);
  } else showError(error.message);
}

/** Runs an action with errors shown and the status announced. */
async function run(action: () => Promise<void>): Promise<void> {
  clearError();
  try {
    await action();
  } catch (error) {
    handleError(error);
  }
}

// ---------------------------------------------------------------- sign in

function renderSignIn(message?: string): void {
  byId('sign-out').hidden = true;
  if (auth.mode === 'cognito') {
    const button = h(
      'button',
      { type: 'button', onclick: () => void startCognitoSignIn(auth) },
      t.signInCognito,
    );
    byId('app').replaceChildren(
      h(
        'section',
        { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
        h('h2', { id: 'sign-in-title' }, t.signInTitle),
        message ? h('p', { class: 'warning' }, message) : null,
        button,
      ),
    );
    button.focus();
    return;
  }
  const textarea = h('textarea', {
    id: 'token',
    rows: '4',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'token-hint',
  });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h2', { id: 'sign-in-title' }, t.signInTitle),
    message ? h('p', { class: 'warning' }, message) : null,
    h('label', { for: 'token' }, t.tokenLabel),
    h('p', { id: 'token-hint', class: 'hint' }, t.tokenHint),
    textarea,
    h('button', { type: 'submit' }, t.signIn),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = textarea.value.trim();
    if (!token) return;
    sessionStorage.setItem(tokenKey, token);
    void start();
  });
  byId('app').replaceChildren(form);
  textarea.focus();
}

// ---------------------------------------------------------------- layout

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
      h('button', { type: 'button', id: 'new-entry', onclick: () => openNew() }, t.newEntry),
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
  if (name === 'unanswered') void run(loadUnanswered);
}

// ---------------------------------------------------------------- entry list

function stateOf(entry: EntryView): string {
  if (entry.draft?.deleted) return t.states.deleted ?? '';
  if (entry.draft) return t.states[entry.draft.state] ?? entry.draft.state;
  return t.states.published ?? '';
}

function titleOf(entry: EntryView): string {
  const content = entry.draft?.entry ?? entry.published?.entry;
  return content ? content[ui].question : entry.id;
}

function renderList(): void {
  const query = byId<HTMLInputElement>('search').value.trim().toLowerCase();
  const list = byId('entry-list');
  const shown = entries.filter((entry) => {
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
  });
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
                'aria-current': current?.view?.id === entry.id ? 'true' : undefined,
                onclick: () => void run(() => openEntry(entry.id)),
              },
              h('span', { class: 'entry-title' }, titleOf(entry)),
              h('span', { class: 'entry-meta' }, `${entry.id} · ${stateOf(entry)}`),
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

async function loadEntries(): Promise<void> {
  const result = await api.list();
  entries = result.entries;
  fourEyes = result.fourEyes;
  renderList();
}

// ---------------------------------------------------------------- editor

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function textInput(value: string): HTMLInputElement {
  const input = h('input', { type: 'text', autocomplete: 'off' });
  input.value = value;
  return input;
}

function textArea(value: string, rows: number): HTMLTextAreaElement {
  const area = h('textarea', { rows: String(rows) });
  area.value = value;
  return area;
}

function localeFieldset(locale: Locale, values: FormValues): HTMLElement {
  const value = values.locales[locale];
  const answer = textArea(value.answer, 8);
  const preview = h('div', { class: 'preview', id: `${locale}-preview`, 'aria-live': 'off' });
  const renderPreview = () => preview.replaceChildren(renderBlocks(parseMarkdown(answer.value)));
  answer.addEventListener('input', renderPreview);
  renderPreview();
  return h(
    'fieldset',
    { class: 'locale', lang: locale },
    h('legend', {}, locale === 'de' ? t.german : t.english),
    field(`${locale}-question`, t.question, textInput(value.question)),
    field(`${locale}-alternatives`, t.alternatives, textArea(value.alternatives, 5)),
    field(`${locale}-keywords`, t.keywords, textArea(value.keywords, 3)),
    field(`${locale}-answer`, t.answer, answer),
    h('h4', { id: `${locale}-preview-title` }, t.preview),
    preview,
    field(`${locale}-tests`, t.tests, textArea(value.tests, 3)),
  );
}

function readForm(): FormValues {
  const value = (id: string) => byId<HTMLInputElement>(id).value;
  const localized = (locale: Locale) => ({
    question: value(`${locale}-question`),
    alternatives: value(`${locale}-alternatives`),
    keywords: value(`${locale}-keywords`),
    answer: value(`${locale}-answer`),
    tests: value(`${locale}-tests`),
  });
  return {
    id: value('entry-id'),
    kind: value('entry-kind'),
    reviewedAt: value('entry-reviewed'),
    related: value('entry-related'),
    locales: { de: localized('de'), en: localized('en') },
    carried: carriedOf(current?.view?.draft?.entry ?? current?.view?.published?.entry),
  };
}

function statusLine(view: EntryView | null): string {
  if (!view) return t.states.new ?? '';
  const parts = [view.published ? t.publishedVersion(view.published.version) : t.notPublished];
  if (view.draft) {
    parts.push(`${stateOf(view)} (${t.draftBy(view.draft.authors.join(', '))})`);
    if (view.draft.approvedBy) parts.push(t.approvedBy(view.draft.approvedBy));
  }
  if (!fourEyes) parts.push(t.fourEyesOff);
  return parts.join(' · ');
}

function renderEditor(view: EntryView | null): void {
  const isNew = view === null;
  current = { view, isNew };
  const content = view?.draft?.entry ?? view?.published?.entry;
  const values = fromEntry(content);
  const kind = h('select', {});
  for (const [value, label] of Object.entries(t.kinds)) {
    const option = h('option', { value }, label);
    option.selected = value === values.kind;
    kind.append(option);
  }
  const idInput = textInput(values.id);
  if (!isNew) idInput.readOnly = true;
  const reviewed = h('input', { type: 'date' });
  reviewed.value = values.reviewedAt;
  const draft = view?.draft;
  const button = (id: string, label: string, onclick: () => void, enabled = true) =>
    h('button', { type: 'button', id, onclick, disabled: !enabled }, label);
  const heading = h(
    'h2',
    { id: 'editor-title', tabindex: '-1' },
    isNew ? t.newEntryTitle : t.editing(view.id),
  );
  const form = h(
    'form',
    { id: 'entry-form', 'aria-labelledby': 'editor-title' },
    h('p', { id: 'entry-status', class: 'entry-status' }, statusLine(view)),
    h(
      'div',
      { class: 'meta-fields' },
      field('entry-id', t.id, idInput),
      field('entry-kind', t.kind, kind),
      field('entry-reviewed', t.reviewedAt, reviewed),
      field('entry-related', t.related, textInput(values.related)),
    ),
    h('div', { class: 'locales' }, localeFieldset('de', values), localeFieldset('en', values)),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', id: 'save' }, t.save),
      button(
        'request-review',
        t.requestReview,
        () => void run(() => act('request-review')),
        draft?.state === 'draft',
      ),
      button(
        'approve',
        t.approve,
        () => void run(() => act('approve')),
        Boolean(draft) && draft?.state !== 'approved',
      ),
      button('publish', t.publish, () => void run(() => act('publish')), Boolean(draft)),
      button('discard', t.discard, () => void run(discard), Boolean(draft)),
      button('delete', t.remove, () => void run(removeEntry), Boolean(view?.published) && !draft?.deleted),
    ),
    h('div', { id: 'gate-report', class: 'gate-report', hidden: true }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(save);
  });
  const pane = byId('editor-pane');
  pane.replaceChildren(
    heading,
    renderReviewMarker(content, t.sources) ?? '',
    form,
    renderSources(content, t.sources),
    renderTryPanel(),
    h('section', { id: 'history', 'aria-labelledby': 'history-title' }),
  );
  heading.focus();
  renderList();
  if (view?.published || view?.draft) void run(() => loadHistory(view.id));
}

async function openEntry(id: string): Promise<void> {
  renderEditor(await api.get(id));
}

function openNew(): void {
  renderEditor(null);
}

function versionOf(): number {
  return current?.view?.version ?? 0;
}

async function refresh(view: EntryView | null, message: string): Promise<void> {
  await loadEntries();
  if (view) renderEditor(view);
  else byId('editor-pane').replaceChildren();
  announce(message);
}

async function save(): Promise<void> {
  const values = readForm();
  const entry = toEntry(values);
  const id = String(entry.id);
  const view = await api.save(id, entry, versionOf());
  await refresh(view, t.saved);
}

async function act(name: 'request-review' | 'approve' | 'publish'): Promise<void> {
  const view = current?.view;
  if (!view) return;
  const result = await api.action(view.id, name, view.version);
  if ('knowledgeVersion' in result) {
    await refresh(result.entry, t.published);
    return;
  }
  await refresh(result, name === 'approve' ? t.approved : t.reviewRequested);
}

async function discard(): Promise<void> {
  const view = current?.view;
  if (!view) return;
  const result = await api.discard(view.id, view.version);
  await refresh('discarded' in result ? null : result, t.discarded);
}

async function removeEntry(): Promise<void> {
  const view = current?.view;
  if (!view) return;
  const result = await api.remove(view.id, view.version);
  await refresh('discarded' in result ? null : result, t.deletionDrafted);
}

function renderGate(gate: GateReport): void {
  const box = document.getElementById('gate-report');
  if (!box) return;
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  box.replaceChildren(
    h('h3', {}, t.gateTitle),
    h('ul', {}, ...gate.reasons.map((reason) => h('li', {}, reason))),
    h('p', {}, t.gateMetrics(pct(gate.before.accuracy), pct(gate.after.accuracy))),
    h(
      'ul',
      { class: 'failures' },
      ...gate.newFailures
        .slice(0, 30)
        .map((failure) =>
          h(
            'li',
            {},
            t.gateFailure(failure.question, failure.expected ?? t.nothing, failure.got ?? t.nothing),
          ),
        ),
    ),
  );
  box.hidden = false;
}

// ---------------------------------------------------------------- try a question

function renderAnswer(title: string, response: AskResponse): HTMLElement {
  const body =
    response.status === 'answer' && response.answer
      ? [
          h('p', { class: 'entry-meta' }, `${response.answer.entryId} (${response.confidence})`),
          h('div', { class: 'preview' }, renderBlocks(parseMarkdown(response.answer.text))),
        ]
      : [
          h('p', {}, response.message ?? ''),
          h(
            'ul',
            {},
            ...response.suggestions.map((item) => h('li', {}, `${item.question} (${item.entryId})`)),
          ),
        ];
  return h(
    'div',
    { class: 'try-result' },
    h('h4', {}, title),
    h('p', { class: 'try-status' }, t.tryStatus[response.status] ?? response.status),
    ...body,
  );
}

function renderTryPanel(): HTMLElement {
  const question = h('input', { type: 'text', id: 'try-question', autocomplete: 'off' });
  const locale = h(
    'select',
    { id: 'try-locale' },
    h('option', { value: 'de' }, 'Deutsch'),
    h('option', { value: 'en' }, 'English'),
  );
  locale.value = ui;
  const results = h('div', { id: 'try-results', class: 'try-results', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'try', 'aria-labelledby': 'try-title' },
    h('h3', { id: 'try-title' }, t.tryTitle),
    h('label', { for: 'try-question' }, t.tryQuestion),
    question,
    h('label', { for: 'try-locale' }, t.tryLocale),
    locale,
    h('button', { type: 'submit', id: 'try-button' }, t.tryButton),
    results,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    void run(async () => {
      // The unsaved form counts as a draft too, when it is valid enough to send.
      const unsaved = current ? toEntry(readForm()) : undefined;
      const result = await api
        .tryQuestion(text, locale.value === 'en' ? 'en' : 'de', unsaved)
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 400 && unsaved)
            return api.tryQuestion(text, locale.value === 'en' ? 'en' : 'de');
          throw error;
        });
      results.replaceChildren(
        renderAnswer(t.tryDraft, result.draft),
        renderAnswer(t.tryPublished, result.published),
      );
    });
  });
  return form;
}

// ---------------------------------------------------------------- history

async function loadHistory(id: string): Promise<void> {
  const { versions } = await api.history(id);
  const section = document.getElementById('history');
  if (!section || current?.view?.id !== id) return;
  const date = (iso: string) => new Date(iso).toLocaleString(ui === 'de' ? 'de-DE' : 'en-GB');
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
              {},
              h(
                'p',
                {},
                `${t.version(version.version, date(version.publishedAt))} ${t.by(version.authors.join(', '), version.approver)}`,
              ),
              version.entry
                ? h('p', { class: 'entry-meta' }, version.entry[ui].question)
                : h('p', { class: 'entry-meta' }, t.deletedVersion),
              h(
                'button',
                {
                  type: 'button',
                  class: 'rollback',
                  'data-version': String(version.version),
                  onclick: () =>
                    void run(async () => {
                      const view = await api.rollback(id, version.version, versionOf());
                      await refresh(view, t.rolledBack);
                    }),
                },
                `${t.rollback} (${version.version})`,
              ),
            ),
          ),
        ),
  );
}

// ---------------------------------------------------------------- unanswered report

async function loadUnanswered(): Promise<void> {
  const { groups } = await api.unanswered();
  const list = byId('group-list');
  const date = (iso: string) => new Date(iso).toLocaleDateString(ui === 'de' ? 'de-DE' : 'en-GB');
  if (groups.length === 0) {
    list.replaceChildren(h('li', {}, t.noUnanswered));
    return;
  }
  list.replaceChildren(
    ...groups.map((group, index) => {
      const selectId = `group-${index}-target`;
      const select = h('select', { id: selectId });
      for (const entry of entries)
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
                  const view = await api.toDraft(group.id);
                  showTab('entries');
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
                  const view = await api.toAlternatives(group.id, select.value);
                  showTab('entries');
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

// ---------------------------------------------------------------- start

async function start(): Promise<void> {
  await finishCognitoSignIn(auth).catch(() => undefined);
  if (!sessionStorage.getItem(tokenKey)) {
    renderSignIn();
    return;
  }
  renderLayout();
  announce(t.loading);
  await run(async () => {
    await loadEntries();
    announce(`${entries.length} ${t.entries}`);
  });
}

function init(): void {
  document.documentElement.lang = ui;
  document.title = t.title;
  byId('page-title').textContent = t.title;
  const other = byId<HTMLAnchorElement>('other-language');
  other.textContent = t.otherLanguage;
  other.href = ui === 'de' ? '?lang=en' : '?lang=de';
  other.lang = ui === 'de' ? 'en' : 'de';
  const signOut = byId<HTMLButtonElement>('sign-out');
  signOut.textContent = t.signOut;
  signOut.addEventListener('click', () => {
    sessionStorage.removeItem(tokenKey);
    current = undefined;
    renderSignIn();
  });
  void loadStaffConfig(document.body, tokenKey).then((loaded) => {
    auth = loaded.auth;
    api = createApi(loaded.apiBase, () => sessionStorage.getItem(tokenKey));
    return start();
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init, { once: true });
else init();
