/**
 * The page frame: the regions the views render into, the live region, the header (title, language
 * switch, who is signed in) and the navigation between views. The views register themselves in
 * `nav` (main.ts), which breaks the import cycle between the queue and the ticket view.
 */
import { createAnnouncer } from '../shared/announce.ts';
import { h } from '../shared/dom.ts';
import { readClaims } from '../shared/token.ts';
import { locale, setLocale, t } from './locale.ts';

export const app = document.getElementById('app') as HTMLElement;
const statusRegion = document.getElementById('status') as HTMLElement;
const userBar = document.getElementById('user') as HTMLElement;
const languageSlot = document.getElementById('language') as HTMLElement;
const heading = document.querySelector('.page-header h1') as HTMLElement;
const skipLink = document.querySelector('a.skip') as HTMLElement;
const baseTitle = document.title;

/** Announces a message to screen readers and shows it. */
export const announce = createAnnouncer(statusRegion, (kind) => {
  statusRegion.className = `status status-${kind}`;
});

export const nav = {
  signIn: (_message?: string): void => undefined,
  signOut: (_message?: string): void => undefined,
  queue: async (_focusTicket?: string): Promise<void> => undefined,
  ticket: async (_ticketId: string, _message?: string): Promise<void> => undefined,
  /** Renders the current view again (after a language switch). */
  again: (): void => undefined,
};

/** Renders the header in the current language; `token` names who is signed in. */
export function renderChrome(token: string | undefined): void {
  const texts = t();
  document.documentElement.lang = locale();
  document.title = `${texts.title} – ${baseTitle}`;
  heading.textContent = texts.title;
  skipLink.textContent = texts.skip;
  const switcher = h(
    'button',
    { type: 'button', class: 'secondary', lang: texts.otherLanguageCode, id: 'language-switch' },
    texts.otherLanguage,
  );
  switcher.addEventListener('click', () => {
    setLocale(locale() === 'de' ? 'en' : 'de');
    nav.again();
    document.getElementById('language-switch')?.focus();
  });
  languageSlot.replaceChildren(switcher);
  userBar.replaceChildren();
  if (!token) return;
  const claims = readClaims(token);
  const signOutButton = h('button', { type: 'button', class: 'secondary' }, texts.signOut);
  signOutButton.addEventListener('click', () => nav.signOut());
  userBar.append(
    h('span', {}, texts.signedInAs(claims['cognito:username'] ?? claims.sub ?? '')),
    signOutButton,
  );
}
