import { h } from '../shared/dom.ts';
import { startCognitoSignIn } from '../shared/staff-auth.ts';
import { storeToken } from '../shared/token.ts';
import { app, byId, t, tokenKey } from './state.ts';

/** The sign-in form: the Cognito Hosted UI when deployed, a pasted token locally. */
export function renderSignIn(onSignedIn: () => void, message?: string): void {
  byId('sign-out').hidden = true;
  if (app.auth.mode === 'cognito') {
    const button = h(
      'button',
      { type: 'button', onclick: () => void startCognitoSignIn(app.auth) },
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
    storeToken(tokenKey, token);
    onSignedIn();
  });
  byId('app').replaceChildren(form);
  textarea.focus();
}
