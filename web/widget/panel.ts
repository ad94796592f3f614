import { externalLink, h } from './dom.ts';
import type { Strings, UiLocale } from './strings.ts';

/** Below this width the panel fills the screen (the same value as the media query in styles.ts). */
export const phoneQuery = '(max-width: 37.49rem)';

export interface PanelParts {
  launcher: HTMLButtonElement;
  panel: HTMLDivElement;
  /** The scrolling middle: greeting, conversation, forms. */
  body: HTMLDivElement;
  starters: HTMLDivElement;
  input: HTMLInputElement;
  languageButton: HTMLButtonElement;
  /** Toggles for the configured locales beyond German and English (Leichte Sprache, ...). */
  modes: HTMLDivElement;
}

export interface PanelOptions {
  t: Strings;
  locale: UiLocale;
  open: boolean;
  privacyUrl: string;
  accessibilityUrl: string;
  /** The conversation, the forward form, the ticket card and the lookup, in this order. */
  content: HTMLElement[];
  onToggle(): void;
  onClose(): void;
  onLanguage(locale: UiLocale): void;
  onAsk(question: string): void;
}

/**
 * The launcher and the non-modal dialog around the conversation: a header (title, language
 * switch, close), the scrolling body with the greeting, and the question field at the bottom.
 */
export function buildPanel(options: PanelOptions): PanelParts {
  const { t } = options;
  const launcher = h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-expanded': String(options.open),
      'aria-controls': 'panel',
      onclick: options.onToggle,
    },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, '?'),
    t.launcher,
  );
  const starters = h('div', { class: 'starters' });
  const body = h(
    'div',
    { class: 'body' },
    h(
      'div',
      { class: 'msg intro' },
      h('p', { class: 'greeting' }, h('strong', {}, t.greeting)),
      h('p', { id: 'intro' }, t.intro),
      h('p', { class: 'warning' }, h('strong', {}, t.noPasswords)),
      h(
        'p',
        { class: 'links' },
        externalLink(options.privacyUrl, t.privacy),
        externalLink(options.accessibilityUrl, t.accessibility),
      ),
      starters,
    ),
    h('h3', { class: 'sr-only' }, t.conversation),
    ...options.content,
  );
  const input = h('input', {
    type: 'text',
    id: 'question',
    name: 'question',
    maxlength: '500',
    autocomplete: 'off',
    enterkeyhint: 'send',
    'aria-describedby': 'question-hint',
  });
  const askForm = h(
    'form',
    {
      class: 'ask',
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        const question = input.value.trim();
        if (question) options.onAsk(question);
      },
    },
    h('label', { for: 'question' }, t.questionLabel),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'btn' }, t.send)),
    h('p', { class: 'hint', id: 'question-hint' }, t.questionHint),
  );
  // German <-> English; from any other locale (Leichte Sprache, a third language) to English.
  const other: UiLocale = options.locale === 'en' ? 'de' : 'en';
  const languageButton = h(
    'button',
    {
      type: 'button',
      class: 'lang',
      lang: other,
      'aria-label': t.otherLanguageLabel,
      onclick: () => options.onLanguage(other),
    },
    t.otherLanguage,
  );
  const modes = h('div', { class: 'modes', role: 'group', 'aria-label': t.languages, hidden: true });
  const panel = h(
    'div',
    {
      id: 'panel',
      class: 'panel',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'title',
      'aria-describedby': 'intro',
      hidden: !options.open,
    },
    h(
      'div',
      { class: 'head' },
      h('h2', { id: 'title' }, t.title),
      languageButton,
      h(
        'button',
        { type: 'button', class: 'close', 'aria-label': t.close, onclick: options.onClose },
        h('span', { 'aria-hidden': 'true' }, '×'),
      ),
    ),
    modes,
    body,
    askForm,
  );
  return { launcher, panel, body, starters, input, languageButton, modes };
}

/**
 * On a phone the open panel covers the page, and the page behind must not scroll under the
 * citizen's finger. CSSOM changes (not a style attribute) are allowed under the strict CSP.
 */
let pageOverflow: string | undefined;

export function lockPageScroll(lock: boolean): void {
  const style = document.documentElement.style;
  if (lock && matchMedia(phoneQuery).matches) {
    pageOverflow ??= style.getPropertyValue('overflow');
    style.setProperty('overflow', 'hidden');
  } else if (pageOverflow !== undefined) {
    // Give the page back what it had before.
    if (pageOverflow) style.setProperty('overflow', pageOverflow);
    else style.removeProperty('overflow');
    pageOverflow = undefined;
  }
}

/**
 * One toggle button per configured locale beyond German and English, named in its own language
 * ("Leichte Sprache", "Polski"); pressed while it is the interface language. Pressing it again
 * returns to German. Text, not the Leichte Sprache pictogram: see docs/locales.md.
 */
export function renderModes(
  modes: HTMLDivElement,
  locales: readonly { tag: UiLocale; name: string }[],
  current: UiLocale,
  onLanguage: (locale: UiLocale) => void,
): void {
  const extra = locales.filter(({ tag }) => tag !== 'de' && tag !== 'en');
  modes.hidden = extra.length === 0;
  modes.replaceChildren(
    ...extra.map(({ tag, name }) => {
      const pressed = tag === current;
      return h(
        'button',
        {
          type: 'button',
          class: 'mode',
          lang: tag,
          'aria-pressed': String(pressed),
          onclick: () => onLanguage(pressed ? 'de' : tag),
        },
        h('span', { 'aria-hidden': 'true' }, pressed ? '✓ ' : ''),
        name,
      );
    }),
  );
}
