// The situation dashboard (`/dashboard`): sign in (groups dpo or editor), pick a range, see the
// figures, download them as CSV. German first with an English switch. No inline script or style
// (strict CSP): charts are SVG with classes, see charts.ts.

import { createAnnouncer } from '../shared/announce.ts';
import { ApiError, createClient } from '../shared/api-client.ts';
import { h } from '../shared/dom.ts';
import { errorTexts, type StaffLocale } from '../shared/error-texts.ts';
import { signInSection } from '../shared/sign-in-form.ts';
import { type AuthConfig, finishCognitoSignIn, loadStaffConfig } from '../shared/staff-auth.ts';
import { clearToken, currentToken, readClaims } from '../shared/token.ts';
import { dashboardStrings, type Range } from './strings.ts';
import { type DashboardReport, renderReport } from './view.ts';

const tokenKey = 'dashboard.token';
// The served page's title is the town's name (rendered from the settings, see pages.ts).
const townTitle = document.title;
const ranges: readonly Range[] = ['24h', '7d', '30d'];

const body = document.body;
const statusRegion = document.getElementById('status') as HTMLElement;
const app = document.getElementById('app') as HTMLElement;
const userBar = document.getElementById('user') as HTMLElement;
const heading = document.getElementById('page-title') as HTMLElement;
const skip = document.getElementById('skip') as HTMLElement;

// Language and range live in the address (`?lang=en&range=7d`), like the editor's switch: a
// bookmark or a link sent to a colleague opens the same view.
const params = new URLSearchParams(location.search);
const locale: StaffLocale = params.get('lang') === 'en' ? 'en' : 'de';
let range: Range = ranges.find((value) => value === params.get('range')) ?? '24h';

/** This page's address for a language and range. */
function pageQuery(lang: StaffLocale, chosen: Range): string {
  const query = new URLSearchParams();
  if (lang === 'en') query.set('lang', 'en');
  if (chosen !== '24h') query.set('range', chosen);
  const text = query.toString();
  return text ? `?${text}` : location.pathname;
}
let apiBase = '';
let auth: AuthConfig;
let lastReport: DashboardReport | undefined;

const t = () => dashboardStrings[locale];
const announce = createAnnouncer(statusRegion, (kind) => {
  statusRegion.className = `status status-${kind}`;
});

const request = createClient({
  base: '',
  headers: (): Record<string, string> => {
    const token = currentToken(tokenKey);
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});

async function get(query: string): Promise<Response> {
  if (!currentToken(tokenKey)) throw new ApiError(401, 'unauthorized');
  return request('GET', `${apiBase}/v1/dashboard?${query}`);
}

function signOut(message = t().signedOut): void {
  clearToken(tokenKey);
  lastReport = undefined;
  render();
  announce(message);
}

/** Shows an API failure in the page's language; 401/403 end the session. */
function report(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) signOut(t().sessionExpired);
  else if (error instanceof ApiError && error.status === 403) signOut(t().forbidden);
  else announce(error instanceof ApiError ? errorTexts[locale][error.code] : t().generic, 'error');
}

// --- chrome: language, title, user bar ---------------------------------------------------------

function renderChrome(): void {
  const strings = t();
  document.documentElement.lang = locale;
  document.title = `${strings.title} – ${townTitle}`;
  heading.textContent = strings.title;
  skip.textContent = locale === 'de' ? 'Zum Inhalt springen' : 'Skip to content';
  const other: StaffLocale = locale === 'de' ? 'en' : 'de';
  const switcher = h(
    'a',
    { href: pageQuery(other, range), class: 'language', lang: other, hreflang: other, id: 'other-language' },
    strings.switchLanguage,
  );
  userBar.replaceChildren(switcher);
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
  const section = signInSection({
    auth,
    texts: t(),
    tokenKey,
    announce,
    sectionClass: 'panel',
    onSignedIn: () => {
      render();
      void load();
    },
  });
  app.replaceChildren(section);
}

// --- the dashboard ---------------------------------------------------------------------------

function toolbar(): HTMLElement {
  const strings = t();
  const choices = h(
    'fieldset',
    { class: 'ranges' },
    h('legend', {}, strings.rangeLabel),
    ...ranges.map((value) => {
      const input = h('input', {
        type: 'radio',
        name: 'range',
        id: `range-${value}`,
        value,
        ...(value === range ? { checked: true } : {}),
      });
      input.addEventListener('change', () => {
        range = value;
        history.replaceState(null, '', pageQuery(locale, value));
        renderChrome();
        void load();
      });
      return h(
        'span',
        { class: 'range' },
        input,
        h('label', { for: `range-${value}` }, strings.ranges[value]),
      );
    }),
  );
  const refresh = h(
    'button',
    { type: 'button', class: 'secondary', 'data-action': 'refresh' },
    strings.refresh,
  );
  refresh.addEventListener('click', () => void load());
  const csv = h('button', { type: 'button', class: 'secondary', 'data-action': 'csv' }, strings.downloadCsv);
  csv.addEventListener('click', () => void downloadCsv());
  return h('div', { class: 'toolbar' }, choices, h('div', { class: 'buttons' }, refresh, csv));
}

function renderDashboard(): void {
  const content = h('div', { id: 'report', 'aria-busy': lastReport ? 'false' : 'true' });
  app.replaceChildren(toolbar(), content);
  if (!lastReport) {
    content.append(h('p', {}, t().loading));
    return;
  }
  // Charts are drawn for the width they get, so their text stays legible on a phone.
  const width = Math.max(280, Math.floor(content.clientWidth || app.clientWidth || 640) - 2);
  content.append(renderReport(lastReport, t(), locale, width));
}

function render(): void {
  renderChrome();
  if (!currentToken(tokenKey)) renderSignIn();
  else renderDashboard();
}

async function load(): Promise<void> {
  const wanted = range;
  announce(t().loading);
  try {
    const response = await get(`range=${wanted}`);
    const data = (await response.json()) as DashboardReport;
    if (wanted !== range) return; // a newer choice is loading
    lastReport = data;
    renderDashboard();
    announce(t().loaded(t().ranges[wanted]));
  } catch (error) {
    report(error);
  }
}

/** Fetches the CSV with the bearer token and saves it under the server's file name. */
async function downloadCsv(): Promise<void> {
  try {
    const response = await get(`range=${range}&format=csv`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `lagebild-${range}.csv`;
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(t().downloaded);
  } catch (error) {
    report(error);
  }
}

async function start(): Promise<void> {
  ({ apiBase, auth } = await loadStaffConfig(body, tokenKey));
  await finishCognitoSignIn(auth);
  render();
  if (currentToken(tokenKey)) await load();
}

void start();
