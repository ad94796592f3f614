// One class on purpose (~300 lines): the element's state and event wiring; every part it wires
// (panel, transcript, forms, cards, texts) is its own module.
import { createAnnouncer } from '../shared/announce.ts';
import { type Api, createApi, type StartersResponse } from './api.ts';
import { accentOnDark, brandColor } from './color.ts';
import type { WidgetContext } from './context.ts';
import { h } from './dom.ts';
import { ForwardForm } from './forward-form.ts';
import { buildPanel, lockPageScroll, type PanelParts, renderModes } from './panel.ts';
import { choiceList } from './reply-card.ts';
import { loadSession, type SessionState, saveSession } from './session.ts';
import {
  registerTexts,
  type Strings,
  textsFor,
  townStrings,
  type UiLocale,
  uiLocale,
  type WidgetTown,
} from './strings.ts';
import { widgetCss } from './styles.ts';
import { TicketCard } from './ticket-card.ts';
import { Transcript } from './transcript.ts';

export { formatDate } from './reply-card.ts';

/** The custom element's name; a city page may also write it by hand instead of the script tag. */
export const tagName = 'incident-faq-assistant';

/**
 * The citizen chat widget: a launcher button and a non-modal dialog in an open shadow root
 * (open so that assistive technology testing tools such as axe can see inside).
 * Attributes: api, locale, color, position, privacy-url, accessibility-url.
 * This element wires the parts together: panel.ts (launcher, dialog), transcript.ts (the
 * conversation), forward-form.ts, ticket-card.ts; the texts are in strings.ts.
 */
export class FaqAssistant extends HTMLElement {
  #shadow: ShadowRoot;
  #api: Api = createApi('');
  #state: SessionState = { open: false, locale: 'de', messages: [] };
  #started = false;
  #busy = false;
  #parts!: PanelParts;
  #announce: (text: string) => void = () => undefined;
  #root!: HTMLDivElement;
  #transcript!: Transcript;
  #forward!: ForwardForm;
  #ticket!: TicketCard;
  /** Starter questions per locale, fetched once when first needed. */
  #starters: Partial<Record<UiLocale, Promise<StartersResponse | undefined>>> = {};
  /** The town that runs the assistant (from the starters response): names, DPO, colours. */
  #town: WidgetTown | undefined;
  #sheet: CSSStyleSheet | undefined;
  /** The configured locales, as the server last told them (with the starters). */
  #locales: StartersResponse['locales'] = [];

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
  }

  get #t(): Strings {
    return townStrings(this.#state.locale, this.#town);
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#api = createApi((this.getAttribute('api') ?? '').replace(/\/+$/, ''));
    this.#applyStyles();
    const saved = loadSession();
    this.#state = {
      open: saved?.open === true,
      // A saved locale may be one from data ("pl"): kept; its texts arrive with the starters.
      locale: saved?.locale ?? uiLocale(this.getAttribute('locale')),
      messages: saved?.messages ?? [],
      ...(saved?.ticket ? { ticket: saved.ticket } : {}),
    };
    const context = this.#context();
    this.#transcript = new Transcript(
      context,
      () => [this.#parts.body, this.#parts.panel],
      (question, focus) => this.#forward.offer(question, focus),
    );
    this.#forward = new ForwardForm(context, (ticket) => this.#ticket.created(ticket));
    this.#ticket = new TicketCard(context);
    this.#build();
    if (this.#state.open) this.#open(false);
    void this.#loadTown();
  }

  /**
   * The brand colour: the page's `color` attribute (an override for one page), else the town's
   * colour from the settings, else the default.
   */
  #applyStyles(): void {
    try {
      // A constructable stylesheet is the only way to style a shadow root under style-src 'self'.
      this.#sheet ??= new CSSStyleSheet();
      const brand = brandColor(this.getAttribute('color') ?? this.#town?.colors?.primary);
      this.#sheet.replaceSync(widgetCss(brand, accentOnDark(brand)));
      this.#shadow.adoptedStyleSheets = [this.#sheet];
    } catch {
      // Browsers before 2023: unstyled, but the plain buttons and forms still work.
    }
  }

  /**
   * Fetches the town (with the starters of the UI language, one request that the widget makes
   * anyway) right away, so that the title, texts and colour are the town's before the citizen
   * opens the dialog; then redraws, keeping a typed question and the focus.
   */
  async #loadTown(): Promise<void> {
    const town = (await this.#fetchStarters(this.#state.locale))?.town;
    if (!town || JSON.stringify(town) === JSON.stringify(this.#town)) return;
    this.#town = town;
    this.#applyStyles();
    const focused = this.#shadow.activeElement === this.#parts.input;
    const draft = this.#parts.input.value;
    this.#forward.keepDraft();
    this.#build();
    this.#parts.input.value = draft;
    if (focused) this.#parts.input.focus();
  }

  /** The starters response of `locale`, fetched once (again after a failure). */
  #fetchStarters(locale: UiLocale): Promise<StartersResponse | undefined> {
    this.#starters[locale] ??= this.#api.starters(locale).catch(() => {
      delete this.#starters[locale]; // try again next time the widget opens
      return undefined;
    });
    return this.#starters[locale];
  }

  disconnectedCallback(): void {
    lockPageScroll(false);
  }

  /** The services the parts share; getters, so that they always see the current state. */
  #context(): WidgetContext {
    const element = this;
    return {
      get api() {
        return element.#api;
      },
      get state() {
        return element.#state;
      },
      get t() {
        return element.#t;
      },
      get busy() {
        return element.#busy;
      },
      set busy(value: boolean) {
        element.#busy = value;
      },
      privacyUrl: this.getAttribute('privacy-url') ?? '/privacy',
      save: () => saveSession(this.#state),
      announce: (text) => this.#announce(text),
      focusQuestion: () => this.#parts.input.focus(),
      find: (selector) => this.#shadow.querySelector(selector),
    };
  }

  /** Builds the whole interface in the current UI locale (again after a language switch). */
  #build(): void {
    const left = this.getAttribute('position') === 'bottom-left';
    this.#parts = buildPanel({
      t: this.#t,
      locale: this.#state.locale,
      open: this.#state.open,
      privacyUrl: this.getAttribute('privacy-url') ?? '/privacy',
      accessibilityUrl: this.getAttribute('accessibility-url') ?? '/accessibility',
      content: [this.#transcript.log, this.#forward.slot, this.#ticket.slot, this.#ticket.lookupForm()],
      onToggle: () => (this.#state.open ? this.close() : this.open()),
      onClose: () => this.close(),
      onLanguage: (locale) => this.setLocale(locale),
      onAsk: (question) => {
        if (this.#busy) return; // keep the typed question until the running one is answered
        this.#parts.input.value = '';
        // German and English are detected from the question; Leichte Sprache or a third
        // language cannot be, so a question typed in that mode is asked in it.
        const locale = this.#state.locale;
        void this.#transcript.ask(question, locale === 'de' || locale === 'en' ? undefined : locale);
      },
    });
    const live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#announce = createAnnouncer(live);
    this.#root = h(
      'div',
      {
        class: `root ${left ? 'left' : 'right'}${this.#state.open ? ' open' : ''}`,
        lang: this.#state.locale,
        // Escape closes from anywhere in the widget (dialog or launcher) while it is open.
        onkeydown: (event) => {
          if ((event as KeyboardEvent).key === 'Escape' && this.#state.open) {
            event.preventDefault();
            this.close();
          }
        },
      },
      this.#parts.launcher,
      this.#parts.panel,
      live,
    );
    this.#shadow.replaceChildren(this.#root);
    renderModes(this.#parts.modes, this.#locales, this.#state.locale, (locale) => this.setLocale(locale));
    this.#transcript.render();
    this.#forward.restore();
    this.#ticket.render();
    if (this.#state.open) void this.#showStarters();
  }

  /** Shows the starter questions of the UI language under the greeting (none when unavailable). */
  async #showStarters(): Promise<void> {
    const locale = this.#state.locale;
    const starters = await this.#fetchStarters(locale);
    if (!this.#town && starters?.town) void this.#loadTown();
    if (!starters || locale !== this.#state.locale) return;
    if (this.#learnLocales(starters)) return; // rebuilt: that shows the starters again
    if (!starters.questions.length) return;
    this.#parts.starters.replaceChildren(
      choiceList(
        'starters-label',
        this.#t.starters,
        starters.questions,
        starters.locale,
        (question, lang) => {
          void this.#transcript.ask(question, lang);
        },
      ),
    );
  }

  /**
   * Takes the configured locales (and a data locale's texts) from the starters response.
   * Returns true when the interface was rebuilt or switched: a saved locale the server no
   * longer configures falls back to the server's default, and texts that just arrived are shown.
   */
  #learnLocales(starters: StartersResponse): boolean {
    const known = JSON.stringify(this.#locales);
    this.#locales = starters.locales ?? [];
    const hadTexts = textsFor(starters.locale) !== textsFor('de') || starters.locale === 'de';
    if (starters.texts) registerTexts(starters.locale, starters.texts);
    if (starters.locale !== this.#state.locale) {
      this.setLocale(starters.locale);
      return true;
    }
    if (!hadTexts && starters.texts) {
      this.#rebuild();
      return true;
    }
    if (known !== JSON.stringify(this.#locales))
      renderModes(this.#parts.modes, this.#locales, this.#state.locale, (next) => this.setLocale(next));
    return false;
  }

  /** Opens the dialog and moves focus to the question field. */
  open(): void {
    this.#open(true);
  }

  #open(focus: boolean): void {
    this.#state.open = true;
    saveSession(this.#state);
    this.#parts.panel.hidden = false;
    this.#root.classList.add('open');
    this.#parts.launcher.setAttribute('aria-expanded', 'true');
    lockPageScroll(true);
    void this.#showStarters();
    if (focus) this.#parts.input.focus();
  }

  /** Closes the dialog and returns focus to the launcher. */
  close(): void {
    this.#state.open = false;
    saveSession(this.#state);
    this.#parts.panel.hidden = true;
    this.#root.classList.remove('open');
    this.#parts.launcher.setAttribute('aria-expanded', 'false');
    lockPageScroll(false);
    this.#parts.launcher.focus();
  }

  /** Switches the interface language; replies keep the language they were given in. */
  setLocale(locale: UiLocale): void {
    if (locale === this.#state.locale) return;
    this.#state.locale = locale;
    saveSession(this.#state);
    this.#rebuild();
    const pressed = this.#parts.modes.querySelector<HTMLButtonElement>('[aria-pressed="true"]');
    (pressed ?? this.#parts.languageButton).focus();
  }

  /** Builds the interface again in the current locale, keeping what the citizen was typing. */
  #rebuild(): void {
    this.#forward.keepDraft();
    const draft = this.#parts.input.value;
    this.#build();
    this.#parts.input.value = draft;
    if (this.#state.open) void this.#showStarters();
  }
}

/** Registers the custom element once (a second copy of the script must not throw). */
export function defineAssistant(): void {
  if (!customElements.get(tagName)) customElements.define(tagName, FaqAssistant);
}
