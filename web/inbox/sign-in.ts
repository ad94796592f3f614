/** The sign-in view: the town's Cognito Hosted UI when deployed, a pasted token locally. */
import { h } from '../shared/dom.ts';
import { type AuthConfig, startCognitoSignIn } from '../shared/staff-auth.ts';
import { storeToken } from '../shared/token.ts';
import { tokenKey } from './api.ts';
import { t } from './locale.ts';
import { announce, app, nav, renderChrome } from './page.ts';

/** The ticket named in the link of the DPO's notice mail (`?ticket=`), if any. */
export const deepLink = (): string | null => new URLSearchParams(location.search).get('ticket');

export function renderSignIn(auth: AuthConfig): void {
  const texts = t();
  renderChrome(undefined);
  nav.again = () => renderSignIn(auth);
  const heading = h('h2', { id: 'sign-in-title', tabindex: '-1' }, texts.signInTitle);
  const section = h(
    'section',
    { 'aria-labelledby': 'sign-in-title' },
    heading,
    h('p', {}, texts.signInIntro),
  );
  if (auth.mode === 'cognito') {
    const button = h('button', { type: 'button' }, texts.signInCognito);
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
      h('label', { for: 'token' }, texts.tokenLabel),
      field,
      h('p', { id: 'token-hint', class: 'hint' }, texts.tokenHint),
      h('button', { type: 'submit' }, texts.signIn),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = field.value.trim();
      if (!token) {
        announce(texts.tokenMissing, 'error');
        field.focus();
        return;
      }
      storeToken(tokenKey, token);
      const ticket = deepLink();
      void (ticket ? nav.ticket(ticket) : nav.queue());
    });
    section.append(form);
  }
  app.replaceChildren(section);
}
