/**
 * The staff pages' sign-in section: the town's Cognito Hosted UI when deployed, a pasted token
 * locally (`npm run token`). Each page passes its own texts and what happens after sign-in.
 */
import { h } from './dom.ts';
import { type AuthConfig, startCognitoSignIn } from './staff-auth.ts';
import { storeToken } from './token.ts';

export interface SignInTexts {
  signInTitle: string;
  signInIntro: string;
  signInCognito: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  tokenMissing: string;
}

export interface SignInOptions {
  auth: AuthConfig;
  texts: SignInTexts;
  tokenKey: string;
  announce: (message: string, kind: 'info' | 'error') => void;
  /** Runs once a token is stored. */
  onSignedIn: () => void;
  /** Extra attributes of the section (e.g. a class); the heading can take focus. */
  sectionClass?: string;
}

export function signInSection(options: SignInOptions): HTMLElement {
  const { auth, texts } = options;
  const section = h(
    'section',
    { 'aria-labelledby': 'sign-in-title', ...(options.sectionClass ? { class: options.sectionClass } : {}) },
    h('h2', { id: 'sign-in-title', tabindex: '-1' }, texts.signInTitle),
    h('p', {}, texts.signInIntro),
  );
  if (auth.mode === 'cognito') {
    const button = h('button', { type: 'button' }, texts.signInCognito);
    button.addEventListener('click', () => void startCognitoSignIn(auth));
    section.append(button);
    return section;
  }
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
      options.announce(texts.tokenMissing, 'error');
      field.focus();
      return;
    }
    storeToken(options.tokenKey, token);
    options.onSignedIn();
  });
  section.append(form);
  return section;
}
