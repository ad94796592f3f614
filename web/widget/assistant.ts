import { type Api, ApiError, type AskResponse, createApi, type TicketRef, type TicketStatus } from './api.ts';
import { brandColor } from './color.ts';
import { h, renderBlocks } from './dom.ts';
import { blocksText, parseMarkdown } from './markdown.ts';
import { loadSession, type Message, type SessionState, saveSession } from './session.ts';
import { dpoEmail, type Strings, strings, type UiLocale, uiLocale } from './strings.ts';
import { widgetCss } from './styles.ts';

/** The custom element's name; a city page may also write it by hand instead of the script tag. */
export const tagName = 'strasburg-faq-assistant';

interface ForwardDraft {
  question: string;
  email: string;
  consent: boolean;
}

/** Formats the "Stand" date (YYYY-MM-DD) for the UI locale. */
export function formatDate(isoDate: string, locale: UiLocale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: locale === 'de' ? '2-digit' : 'numeric',
    month: locale === 'de' ? '2-digit' : 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * The citizen chat widget: a launcher button and a non-modal dialog in an open shadow root
 * (open so that assistive technology testing tools such as axe can see inside).
 * Attributes: api, locale, color, position, privacy-url, accessibility-url.
 */
export class FaqAssistant extends HTMLElement {
  #shadow: ShadowRoot;
  #api: Api = createApi('');
  #state: SessionState = { open: false, locale: 'de', messages: [] };
  #started = false;
  #busy = false;
  #root!: HTMLDivElement;
  #launcher!: HTMLButtonElement;
  #panel!: HTMLDivElement;
  #body!: HTMLDivElement;
  #log!: HTMLDivElement;
  #forwardSlot!: HTMLDivElement;
  #ticketSlot!: HTMLDivElement;
  #input!: HTMLInputElement;
  #live!: HTMLDivElement;
  #forward: ForwardDraft | undefined;
  /** The client token of a forward that may have reached the server: reused for the same body. */
  #pending: { token: string; body: string } | undefined;
  #ticketStatus: TicketStatus | undefined;
  #ticketNote: 'created' | 'erased' | 'notFound' | undefined;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
  }

  get #t(): Strings {
    return strings[this.#state.locale];
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#api = createApi((this.getAttribute('api') ?? '').replace(/\/+$/, ''));
    try {
      // A constructable stylesheet is the only way to style a shadow root under style-src 'self'.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(widgetCss(brandColor(this.getAttribute('color'))));
      this.#shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Browsers before 2023: unstyled, but the plain buttons and forms still work.
    }
    const saved = loadSession();
    this.#state = {
      open: saved?.open === true,
      locale: saved?.locale ? uiLocale(saved.locale) : uiLocale(this.getAttribute('locale')),
      messages: saved?.messages ?? [],
      ...(saved?.ticket ? { ticket: saved.ticket } : {}),
    };
    this.#build();
  }

  #save(): void {
    saveSession(this.#state);
  }

  /** Builds the whole interface in the current UI locale (again after a language switch). */
  #build(): void {
    const t = this.#t;
    const left = this.getAttribute('position') === 'bottom-left';
    this.#launcher = h(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'aria-expanded': String(this.#state.open),
        'aria-controls': 'panel',
        onclick: () => (this.#state.open ? this.close() : this.open()),
      },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, '?'),
      t.launcher,
    );
    this.#log = h('div', { class: 'log' });
    this.#forwardSlot = h('div');
    this.#ticketSlot = h('div');
    this.#body = h(
      'div',
      { class: 'body' },
      h(
        'div',
        { class: 'intro', id: 'intro' },
        h('p', {}, t.intro),
        h('p', {}, h('strong', {}, t.noPasswords)),
        h(
          'p',
          { class: 'links' },
          this.#link(this.getAttribute('privacy-url') ?? '/privacy', t.privacy),
          this.#link(this.getAttribute('accessibility-url') ?? '/accessibility', t.accessibility),
        ),
      ),
      h('h3', { class: 'sr-only' }, t.conversation),
      this.#log,
      this.#forwardSlot,
      this.#ticketSlot,
      this.#lookupForm(),
    );
    this.#input = h('input', {
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
          const question = this.#input.value.trim();
          if (question) void this.#ask(question);
        },
      },
      h('label', { for: 'question' }, t.questionLabel),
      h('div', { class: 'row' }, this.#input, h('button', { type: 'submit', class: 'btn' }, t.send)),
      h('p', { class: 'hint', id: 'question-hint' }, t.questionHint),
    );
    const other: UiLocale = this.#state.locale === 'de' ? 'en' : 'de';
    this.#panel = h(
      'div',
      {
        id: 'panel',
        class: 'panel',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'title',
        'aria-describedby': 'intro',
        hidden: !this.#state.open,
      },
      h(
        'div',
        { class: 'head' },
        h('h2', { id: 'title' }, t.title),
        h(
          'button',
          {
            type: 'button',
            class: 'lang',
            lang: other,
            'aria-label': t.otherLanguageLabel,
            onclick: () => this.setLocale(other),
          },
          t.otherLanguage,
        ),
        h(
          'button',
          { type: 'button', class: 'close', 'aria-label': t.close, onclick: () => this.close() },
          h('span', { 'aria-hidden': 'true' }, '×'),
        ),
      ),
      this.#body,
      askForm,
    );
    this.#live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#root = h(
      'div',
      {
        class: `root ${left ? 'left' : 'right'}`,
        lang: this.#state.locale,
        // Escape closes from anywhere in the widget (dialog or launcher) while it is open.
        onkeydown: (event) => {
          if ((event as KeyboardEvent).key === 'Escape' && this.#state.open) {
            event.preventDefault();
            this.close();
          }
        },
      },
      this.#launcher,
      this.#panel,
      this.#live,
    );
    this.#shadow.replaceChildren(this.#root);
    for (const [index, message] of this.#state.messages.entries())
      this.#log.appendChild(this.#message(message, index));
    if (this.#forward) this.#showForward(this.#forward, false);
    this.#renderTicket();
  }

  #link(href: string, text: string): HTMLAnchorElement {
    return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
  }

  /** Opens the dialog and moves focus to the question field. */
  open(): void {
    this.#state.open = true;
    this.#save();
    this.#panel.hidden = false;
    this.#launcher.setAttribute('aria-expanded', 'true');
    this.#scrollToEnd();
    this.#input.focus();
  }

  /** Closes the dialog and returns focus to the launcher. */
  close(): void {
    this.#state.open = false;
    this.#save();
    this.#panel.hidden = true;
    this.#launcher.setAttribute('aria-expanded', 'false');
    this.#launcher.focus();
  }

  /** Switches the interface language; answers keep the language they were given in. */
  setLocale(locale: UiLocale): void {
    if (locale === this.#state.locale) return;
    this.#readForwardDraft();
    const draft = this.#input.value;
    this.#state.locale = locale;
    this.#save();
    this.#build();
    this.#input.value = draft;
    this.#shadow.querySelector<HTMLButtonElement>('.lang')?.focus();
  }

  #announce(text: string): void {
    this.#live.textContent = '';
    // A fresh text node after a tick, so the same text twice is announced twice.
    setTimeout(() => {
      this.#live.textContent = text;
    }, 60);
  }

  #scrollToEnd(): void {
    this.#body.scrollTop = this.#body.scrollHeight;
  }

  async #ask(question: string, locale?: 'de' | 'en'): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    const t = this.#t;
    this.#input.value = '';
    this.#push({ from: 'citizen', text: question });
    const thinking = h('p', { class: 'thinking' }, t.thinking);
    this.#log.appendChild(thinking);
    this.#log.setAttribute('aria-busy', 'true');
    this.#scrollToEnd();
    try {
      const response = await this.#api.ask(question, locale);
      thinking.remove();
      this.#push({ from: 'assistant', question, response });
      const text = response.answer
        ? blocksText(parseMarkdown(response.answer.text))
        : (response.message ?? '');
      const choices = response.answer?.related.length ? response.answer.related : response.suggestions;
      this.#announce([text, ...choices.map((choice) => choice.question)].join(' '));
      if (response.answer?.kind === 'escalate') this.#offerForward(question, false);
    } catch (error) {
      thinking.remove();
      const message = error instanceof ApiError && error.status === 429 ? t.errorBusy : t.errorNetwork;
      this.#log.appendChild(h('p', { class: 'msg assistant error' }, message));
      this.#announce(message);
    } finally {
      this.#log.removeAttribute('aria-busy');
      this.#busy = false;
      this.#scrollToEnd();
    }
  }

  #push(message: Message): void {
    this.#state.messages.push(message);
    this.#save();
    this.#log.appendChild(this.#message(message, this.#state.messages.length - 1));
  }

  #message(message: Message, index: number): HTMLElement {
    const t = this.#t;
    if (message.from === 'citizen') {
      return h(
        'div',
        { class: 'msg citizen' },
        h('span', { class: 'sr-only' }, t.you),
        h('p', {}, message.text),
      );
    }
    const { response } = message;
    const box = h('div', { class: 'msg assistant' }, h('span', { class: 'sr-only' }, t.assistant));
    const answer = response.answer;
    if (answer) {
      box.appendChild(
        h('div', { class: 'answer', lang: response.locale }, renderBlocks(parseMarkdown(answer.text))),
      );
      if (answer.reviewedAt)
        box.appendChild(
          h('p', { class: 'meta' }, `${t.reviewed} ${formatDate(answer.reviewedAt, this.#state.locale)}`),
        );
      if (answer.related.length)
        box.appendChild(this.#choices(t.related, answer.related, response.locale, index));
      box.appendChild(this.#feedback(message, index));
    } else {
      if (response.message) box.appendChild(h('p', { lang: response.locale }, response.message));
      if (response.suggestions.length)
        box.appendChild(this.#choices(t.suggestions, response.suggestions, response.locale, index));
    }
    if (response.offerEscalation && answer?.kind !== 'escalate') {
      box.appendChild(
        h(
          'p',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'btn secondary forward-offer',
              onclick: () => this.#offerForward(message.question, true),
            },
            t.forwardOffer,
          ),
        ),
      );
    }
    return box;
  }

  #choices(
    label: string,
    choices: readonly { entryId: string; question: string }[],
    locale: 'de' | 'en',
    index: number,
  ): DocumentFragment {
    const fragment = document.createDocumentFragment();
    const id = `choices-${index}`;
    fragment.append(
      h('p', { id }, label),
      h(
        'ul',
        { class: 'choices', 'aria-labelledby': id },
        ...choices.map((choice) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'chip',
                lang: locale,
                onclick: () => void this.#ask(choice.question, locale),
              },
              choice.question,
            ),
          ),
        ),
      ),
    );
    return fragment;
  }

  #feedback(message: Extract<Message, { from: 'assistant' }>, index: number): HTMLElement {
    const t = this.#t;
    const entryId = message.response.answer?.entryId ?? '';
    const id = `feedback-${index}`;
    const thanks = h('p', { class: 'meta', hidden: message.feedback === undefined }, t.thanks);
    const vote = (helpful: boolean) => {
      if (message.feedback !== undefined) return;
      message.feedback = helpful;
      this.#save();
      (helpful ? yes : no).setAttribute('aria-pressed', 'true');
      thanks.hidden = false;
      this.#announce(t.thanks);
      // The vote is optional and anonymous: a failure is not worth bothering the citizen with.
      this.#api.feedback(entryId, helpful).catch(() => undefined);
    };
    const pressed = (helpful: boolean) => String(message.feedback === helpful);
    const yes = h(
      'button',
      { type: 'button', class: 'btn secondary', 'aria-pressed': pressed(true), onclick: () => vote(true) },
      t.yes,
    );
    const no = h(
      'button',
      { type: 'button', class: 'btn secondary', 'aria-pressed': pressed(false), onclick: () => vote(false) },
      t.no,
    );
    return h(
      'div',
      { class: 'feedback-block' },
      h(
        'div',
        { class: 'feedback', role: 'group', 'aria-labelledby': id },
        h('p', { id }, t.helpfulPrompt),
        yes,
        no,
      ),
      thanks,
    );
  }

  /** Shows the forwarding form, prefilled with the question (for "a person please": the one before). */
  #offerForward(question: string, focus: boolean): void {
    let prefill = question;
    const last = this.#state.messages[this.#state.messages.length - 1];
    if (last?.from === 'assistant' && last.response.answer?.kind === 'escalate') {
      const earlier = this.#state.messages
        .slice(0, -1)
        .reverse()
        .find((message) => message.from === 'assistant' && message.response.answer?.kind !== 'escalate');
      prefill = earlier?.from === 'assistant' ? earlier.question : '';
    }
    this.#showForward({ question: prefill, email: '', consent: false }, focus);
  }

  #readForwardDraft(): void {
    const form = this.#forwardSlot.querySelector('form');
    if (!form) return;
    this.#forward = {
      question: (form.querySelector('#fw-question') as HTMLTextAreaElement).value,
      email: (form.querySelector('#fw-email') as HTMLInputElement).value,
      consent: (form.querySelector('#fw-consent') as HTMLInputElement).checked,
    };
  }

  #showForward(draft: ForwardDraft, focus: boolean): void {
    const t = this.#t;
    this.#forward = draft;
    const question = h('textarea', {
      id: 'fw-question',
      name: 'question',
      rows: '4',
      maxlength: '2000',
      required: true,
      'aria-describedby': 'fw-question-error',
    });
    question.value = draft.question;
    const email = h('input', {
      type: 'email',
      id: 'fw-email',
      name: 'email',
      autocomplete: 'email',
      'aria-describedby': 'fw-email-hint fw-email-error',
    });
    email.value = draft.email;
    const consent = h('input', {
      type: 'checkbox',
      id: 'fw-consent',
      name: 'consent',
      required: true,
      'aria-describedby': 'fw-info fw-consent-error',
    });
    consent.checked = draft.consent;
    const error = (id: string) => h('p', { class: 'error', id, hidden: true });
    const formError = h('p', { class: 'error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn' }, t.submitForward);
    const form = h(
      'form',
      {
        class: 'card forward',
        novalidate: true,
        'aria-labelledby': 'fw-title',
        onsubmit: (event) => {
          event.preventDefault();
          void this.#submitForward(form, { question, email, consent }, submit, formError);
        },
      },
      h('h3', { id: 'fw-title', tabindex: '-1' }, t.forwardTitle),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'fw-question' }, t.forwardQuestion),
        question,
        error('fw-question-error'),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'fw-email' }, t.emailLabel),
        email,
        h('p', { class: 'hint', id: 'fw-email-hint' }, t.emailHint),
        error('fw-email-error'),
      ),
      h(
        'div',
        { class: 'info', id: 'fw-info' },
        h('h4', {}, t.infoTitle),
        h(
          'dl',
          {},
          ...t.info.flatMap(([term, text]) => [h('dt', {}, term), h('dd', {}, text)]),
          h('dt', {}, t.dpoLabel),
          h('dd', {}, `${t.dpoName}, `, this.#link(`mailto:${dpoEmail}`, dpoEmail)),
        ),
        h('p', {}, this.#link(this.getAttribute('privacy-url') ?? '/privacy', t.privacy)),
      ),
      h('div', { class: 'check' }, consent, h('label', { for: 'fw-consent' }, t.consentLabel)),
      error('fw-consent-error'),
      formError,
      h(
        'div',
        { class: 'actions' },
        submit,
        h(
          'button',
          {
            type: 'button',
            class: 'btn secondary',
            onclick: () => {
              this.#forward = undefined;
              this.#forwardSlot.replaceChildren();
              this.#input.focus();
            },
          },
          t.cancel,
        ),
      ),
    );
    this.#forwardSlot.replaceChildren(form);
    if (focus) {
      question.focus();
      form.scrollIntoView({ block: 'nearest' });
    } else this.#scrollToEnd();
  }

  async #submitForward(
    form: HTMLFormElement,
    fields: { question: HTMLTextAreaElement; email: HTMLInputElement; consent: HTMLInputElement },
    submit: HTMLButtonElement,
    formError: HTMLElement,
  ): Promise<void> {
    if (this.#busy) return;
    const t = this.#t;
    const question = fields.question.value.trim();
    const email = fields.email.value.trim();
    const checks: [HTMLElement, boolean, string][] = [
      [fields.question, question.length >= 1 && question.length <= 2000, t.errorQuestion],
      [fields.email, email === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email), t.errorEmail],
      [fields.consent, fields.consent.checked, t.errorConsent],
    ];
    let firstInvalid: HTMLElement | undefined;
    for (const [field, valid, message] of checks) {
      const error = form.querySelector(`#${field.id}-error`) as HTMLElement;
      error.textContent = valid ? '' : message;
      error.hidden = valid;
      if (valid) field.removeAttribute('aria-invalid');
      else {
        field.setAttribute('aria-invalid', 'true');
        firstInvalid ??= field;
      }
    }
    formError.hidden = true;
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    const lastAnswer = [...this.#state.messages].reverse().find((message) => message.from === 'assistant');
    const locale = lastAnswer?.from === 'assistant' ? lastAnswer.response.locale : this.#state.locale;
    const body = JSON.stringify({ question, ...(email ? { email } : {}), locale });
    // Same body as a forward that may already have arrived: same token, so no second ticket.
    if (this.#pending?.body !== body) this.#pending = { token: crypto.randomUUID(), body };
    const token = this.#pending.token;
    this.#busy = true;
    submit.textContent = t.sending;
    submit.setAttribute('aria-disabled', 'true');
    try {
      const ticket = await this.#api.escalate({
        question,
        ...(email ? { email } : {}),
        locale,
        consent: true,
        clientToken: token,
        website: '',
      });
      this.#pending = undefined;
      this.#forward = undefined;
      this.#forwardSlot.replaceChildren();
      this.#state.ticket = ticket;
      this.#ticketStatus = undefined;
      this.#ticketNote = 'created';
      this.#save();
      this.#renderTicket();
      this.#shadow.querySelector<HTMLElement>('#ticket-title')?.focus();
      this.#announce(`${t.ticketCreated} ${t.ticketId} ${ticket.ticketId}`);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      formError.textContent =
        status === 429 ? t.errorBusy : status === 0 || status >= 500 ? t.errorNetwork : t.errorGeneric;
      formError.hidden = false;
      submit.focus();
    } finally {
      this.#busy = false;
      submit.textContent = t.submitForward;
      submit.removeAttribute('aria-disabled');
    }
  }

  #renderTicket(): void {
    const t = this.#t;
    const ticket = this.#state.ticket;
    if (!ticket) {
      const note =
        this.#ticketNote === 'erased' ? t.erased : this.#ticketNote === 'notFound' ? t.notFound : '';
      this.#ticketSlot.replaceChildren(
        note ? h('p', { class: 'card ticket-note', tabindex: '-1' }, note) : '',
      );
      return;
    }
    const status = this.#ticketStatus;
    const confirm = h(
      'div',
      { class: 'confirm', hidden: true },
      h('p', {}, h('strong', {}, t.eraseConfirm)),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'btn erase-yes', onclick: () => void this.#erase(ticket) },
          t.eraseYes,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn secondary',
            onclick: () => {
              confirm.hidden = true;
              eraseButton.focus();
            },
          },
          t.cancel,
        ),
      ),
    );
    const eraseButton = h(
      'button',
      {
        type: 'button',
        class: 'btn secondary erase',
        onclick: () => {
          confirm.hidden = false;
          confirm.querySelector<HTMLButtonElement>('.erase-yes')?.focus();
        },
      },
      t.erase,
    );
    const statusBox = h('div', { class: 'ticket-status' });
    if (status) {
      statusBox.append(
        h('p', {}, h('strong', {}, t.status), ` ${t.statuses[status.status] ?? status.status}`),
        h('p', {}, h('strong', {}, t.yourQuestion), ' ', status.question),
      );
      if (status.answer)
        statusBox.append(
          h('h4', {}, t.dpoAnswer),
          h('div', { class: 'ticket-answer' }, renderBlocks(parseMarkdown(status.answer.text))),
        );
    }
    this.#ticketSlot.replaceChildren(
      h(
        'section',
        { class: 'card ticket', 'aria-labelledby': 'ticket-title' },
        h('h3', { id: 'ticket-title', tabindex: '-1' }, t.ticketTitle),
        this.#ticketNote === 'created' ? h('p', {}, t.ticketCreated) : '',
        this.#ticketNote === 'created' && ticket.emailConfirmation === 'pending'
          ? h('p', { class: 'hint email-confirmation' }, t.emailConfirmPending)
          : '',
        h(
          'dl',
          {},
          h('dt', {}, t.ticketId),
          h('dd', {}, h('code', { class: 'ticket-id' }, ticket.ticketId)),
          h('dt', {}, t.ticketSecret),
          h('dd', {}, h('code', { class: 'ticket-secret' }, ticket.secret)),
        ),
        h('p', { class: 'hint' }, t.ticketKeep),
        statusBox,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'btn check-status', onclick: () => void this.#checkStatus(ticket) },
            t.checkStatus,
          ),
          eraseButton,
        ),
        confirm,
      ),
    );
  }

  async #checkStatus(ticket: TicketRef, focusSelector = '.check-status'): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    const t = this.#t;
    try {
      this.#ticketStatus = await this.#api.ticket(ticket);
      this.#renderTicket();
      const status = this.#ticketStatus;
      const answer = status.answer ? ` ${t.dpoAnswer} ${blocksText(parseMarkdown(status.answer.text))}` : '';
      this.#announce(`${t.status} ${t.statuses[status.status] ?? status.status}.${answer}`);
      this.#shadow.querySelector<HTMLElement>(focusSelector)?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.#forgetTicket('notFound');
      else this.#announce(t.errorNetwork);
    } finally {
      this.#busy = false;
    }
  }

  async #erase(ticket: TicketRef): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      await this.#api.erase(ticket);
      this.#forgetTicket('erased');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.#forgetTicket('erased');
      else this.#announce(this.#t.errorNetwork);
    } finally {
      this.#busy = false;
    }
  }

  #forgetTicket(note: 'erased' | 'notFound'): void {
    delete this.#state.ticket;
    this.#ticketStatus = undefined;
    this.#ticketNote = note;
    this.#save();
    this.#renderTicket();
    this.#announce(note === 'erased' ? this.#t.erased : this.#t.notFound);
    this.#shadow.querySelector<HTMLElement>('.ticket-note')?.focus();
  }

  #lookupForm(): HTMLElement {
    const t = this.#t;
    const id = h('input', { type: 'text', id: 'lookup-id', autocomplete: 'off', required: true });
    const secret = h('input', { type: 'text', id: 'lookup-secret', autocomplete: 'off', required: true });
    return h(
      'details',
      { class: 'lookup' },
      h('summary', {}, t.lookupTitle),
      h(
        'form',
        {
          novalidate: true,
          onsubmit: (event) => {
            event.preventDefault();
            const ticket = { ticketId: id.value.trim(), secret: secret.value.trim() };
            if (!ticket.ticketId || !ticket.secret) return;
            this.#state.ticket = ticket;
            this.#ticketStatus = undefined;
            this.#ticketNote = undefined;
            this.#save();
            this.#renderTicket();
            void this.#checkStatus(ticket, '#ticket-title');
          },
        },
        h('div', { class: 'field' }, h('label', { for: 'lookup-id' }, t.ticketId.replace(/:$/, '')), id),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'lookup-secret' }, t.ticketSecret.replace(/:$/, '')),
          secret,
        ),
        h('button', { type: 'submit', class: 'btn' }, t.lookup),
      ),
    );
  }
}

/** Registers the custom element once (a second copy of the script must not throw). */
export function defineAssistant(): void {
  if (!customElements.get(tagName)) customElements.define(tagName, FaqAssistant);
}

export type { AskResponse };
