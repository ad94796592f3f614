import { ApiError, type TicketRef } from './api.ts';
import type { WidgetContext } from './context.ts';
import { externalLink, h } from './dom.ts';

export interface ForwardDraft {
  question: string;
  email: string;
  consent: boolean;
}

interface Fields {
  question: HTMLTextAreaElement;
  email: HTMLInputElement;
  consent: HTMLInputElement;
}

/**
 * The form that forwards a question to the DPO, with the Art. 13 information and consent. It
 * sends the interface language only as a hint: the server stores the ticket in the language it
 * detects in the question itself.
 */
export class ForwardForm {
  readonly slot: HTMLDivElement = h('div');
  readonly #ctx: WidgetContext;
  readonly #onTicket: (ticket: TicketRef) => void;
  #draft: ForwardDraft | undefined;
  /** The client token of a forward that may have reached the server: reused for the same body. */
  #pending: { token: string; body: string } | undefined;

  constructor(ctx: WidgetContext, onTicket: (ticket: TicketRef) => void) {
    this.#ctx = ctx;
    this.#onTicket = onTicket;
  }

  /** Shows the form prefilled with the question (for "a person please": the question before). */
  offer(question: string, focus: boolean): void {
    const messages = this.#ctx.state.messages;
    let prefill = question;
    const last = messages[messages.length - 1];
    if (last?.from === 'assistant' && last.response.answer?.kind === 'escalate') {
      const earlier = messages
        .slice(0, -1)
        .reverse()
        .find((message) => message.from === 'assistant' && message.response.answer?.kind !== 'escalate');
      prefill = earlier?.from === 'assistant' ? earlier.question : '';
    }
    this.show({ question: prefill, email: '', consent: false }, focus);
  }

  /** Keeps what was typed, e.g. across a language switch (which rebuilds the interface). */
  keepDraft(): void {
    const form = this.slot.querySelector('form');
    if (!form) return;
    this.#draft = {
      question: (form.querySelector('#fw-question') as HTMLTextAreaElement).value,
      email: (form.querySelector('#fw-email') as HTMLInputElement).value,
      consent: (form.querySelector('#fw-consent') as HTMLInputElement).checked,
    };
  }

  /** Shows the kept draft again, if there is one. */
  restore(): void {
    if (this.#draft) this.show(this.#draft, false);
  }

  #close(): void {
    this.#draft = undefined;
    this.slot.replaceChildren();
  }

  show(draft: ForwardDraft, focus: boolean): void {
    const t = this.#ctx.t;
    this.#draft = draft;
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
          void this.#submit(form, { question, email, consent }, submit, formError);
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
          h('dd', {}, `${t.dpoName}, `, externalLink(`mailto:${t.dpoEmail}`, t.dpoEmail)),
        ),
        h('p', {}, externalLink(this.#ctx.privacyUrl, t.privacy)),
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
              this.#close();
              this.#ctx.focusQuestion();
            },
          },
          t.cancel,
        ),
      ),
    );
    this.slot.replaceChildren(form);
    if (focus) {
      question.focus();
      form.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Marks each invalid field and returns the first one, or undefined when all are valid. */
  #validate(form: HTMLFormElement, fields: Fields): HTMLElement | undefined {
    const t = this.#ctx.t;
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
    return firstInvalid;
  }

  async #submit(
    form: HTMLFormElement,
    fields: Fields,
    submit: HTMLButtonElement,
    formError: HTMLElement,
  ): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.busy) return;
    const t = ctx.t;
    formError.hidden = true;
    const invalid = this.#validate(form, fields);
    if (invalid) {
      invalid.focus();
      return;
    }
    const question = fields.question.value.trim();
    const email = fields.email.value.trim();
    // A hint only: the server stores the language it detects in the question itself.
    const locale = ctx.state.locale;
    const body = JSON.stringify({ question, ...(email ? { email } : {}), locale });
    // Same body as a forward that may already have arrived: same token, so no second ticket.
    if (this.#pending?.body !== body) this.#pending = { token: crypto.randomUUID(), body };
    const token = this.#pending.token;
    ctx.busy = true;
    submit.textContent = t.sending;
    submit.setAttribute('aria-disabled', 'true');
    try {
      const ticket = await ctx.api.escalate({
        question,
        ...(email ? { email } : {}),
        locale,
        consent: true,
        clientToken: token,
        website: '',
      });
      this.#pending = undefined;
      this.#close();
      this.#onTicket(ticket);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      formError.textContent =
        status === 429 ? t.errorBusy : status === 0 || status >= 500 ? t.errorNetwork : t.errorGeneric;
      formError.hidden = false;
      submit.focus();
    } finally {
      ctx.busy = false;
      submit.textContent = t.submitForward;
      submit.removeAttribute('aria-disabled');
    }
  }
}
