import { ApiError, type TicketRef, type TicketStatus } from './api.ts';
import type { WidgetContext } from './context.ts';
import { h, renderBlocks } from './dom.ts';
import { blocksText, parseMarkdown } from './markdown.ts';

type Note = 'created' | 'erased' | 'notFound' | undefined;

/**
 * The forwarded question a citizen keeps: reference and access code, each with a copy button,
 * a "save as text file" link (a Blob URL, nothing leaves the browser), the status with the DPO's
 * answer, and erasure. Also the lookup form for a reference noted down earlier.
 */
export class TicketCard {
  readonly slot: HTMLDivElement = h('div');
  readonly #ctx: WidgetContext;
  #status: TicketStatus | undefined;
  #note: Note;
  #fileUrl: string | undefined;

  constructor(ctx: WidgetContext) {
    this.#ctx = ctx;
  }

  /** A new ticket was created: show it and move focus to its heading. */
  created(ticket: TicketRef): void {
    const t = this.#ctx.t;
    this.#ctx.state.ticket = ticket;
    this.#ctx.save();
    this.#status = undefined;
    this.#note = 'created';
    this.render();
    this.#ctx.find('#ticket-title')?.focus();
    this.#ctx.announce(`${t.ticketCreated} ${t.ticketId} ${ticket.ticketId}`);
  }

  render(): void {
    if (this.#fileUrl) URL.revokeObjectURL(this.#fileUrl);
    this.#fileUrl = undefined;
    const t = this.#ctx.t;
    const ticket = this.#ctx.state.ticket;
    if (!ticket) {
      const note = this.#note === 'erased' ? t.erased : this.#note === 'notFound' ? t.notFound : '';
      this.slot.replaceChildren(note ? h('p', { class: 'card ticket-note', tabindex: '-1' }, note) : '');
      return;
    }
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
    this.#fileUrl = URL.createObjectURL(
      new Blob([t.fileText(ticket.ticketId, ticket.secret, location.href)], {
        type: 'text/plain;charset=utf-8',
      }),
    );
    this.slot.replaceChildren(
      h(
        'section',
        { class: 'card ticket', 'aria-labelledby': 'ticket-title' },
        h('h3', { id: 'ticket-title', tabindex: '-1' }, t.ticketTitle),
        this.#note === 'created' ? h('p', {}, t.ticketCreated) : '',
        this.#note === 'created' && ticket.emailConfirmation === 'pending'
          ? h('p', { class: 'hint email-confirmation' }, t.emailConfirmPending)
          : '',
        h(
          'dl',
          {},
          ...this.#copyable(t.ticketId, ticket.ticketId, 'ticket-id', t.copyId),
          ...this.#copyable(t.ticketSecret, ticket.secret, 'ticket-secret', t.copySecret),
        ),
        h('p', { class: 'hint' }, t.ticketKeep),
        h(
          'p',
          {},
          h(
            'a',
            { class: 'save-file', href: this.#fileUrl, download: `${t.fileName}-${ticket.ticketId}.txt` },
            t.saveFile,
          ),
        ),
        this.#statusBox(),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'btn check-status', onclick: () => void this.check(ticket) },
            t.checkStatus,
          ),
          eraseButton,
        ),
        confirm,
      ),
    );
  }

  /** A term with its value in a code box and a copy button. */
  #copyable(term: string, value: string, className: string, copyLabel: string): HTMLElement[] {
    const t = this.#ctx.t;
    const code = h('code', { class: className }, value);
    const copy = h(
      'button',
      {
        type: 'button',
        class: `btn secondary copy copy-${className}`,
        onclick: () => {
          navigator.clipboard
            .writeText(value)
            .then(() => this.#ctx.announce(t.copied))
            .catch(() => {
              // No clipboard (an old browser, a denied permission): select it for the citizen instead.
              getSelection()?.selectAllChildren(code);
              this.#ctx.announce(t.copyFailed);
            });
        },
      },
      copyLabel,
    );
    return [h('dt', {}, term), h('dd', {}, h('span', { class: 'copyable' }, code, copy))];
  }

  #statusBox(): HTMLElement {
    const t = this.#ctx.t;
    const status = this.#status;
    const box = h('div', { class: 'ticket-status' });
    if (!status) return box;
    box.append(
      h('p', {}, h('strong', {}, t.status), ` ${t.statuses[status.status] ?? status.status}`),
      h('p', {}, h('strong', {}, t.yourQuestion), ' ', status.question),
    );
    if (status.answer)
      box.append(
        h('h4', {}, t.dpoAnswer),
        h('div', { class: 'ticket-answer' }, renderBlocks(parseMarkdown(status.answer.text))),
      );
    return box;
  }

  /** Reads the status; the reference shown afterwards is the server's normalised one. */
  async check(ticket: TicketRef, focusSelector = '.check-status'): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.busy) return;
    ctx.busy = true;
    const t = ctx.t;
    try {
      const status = await ctx.api.ticket(ticket);
      this.#status = status;
      // "str7k4mq2xp" typed in the lookup becomes "STR-7K4M-Q2XP": one spelling from here on.
      ctx.state.ticket = { ticketId: status.ticketId, secret: ticket.secret };
      ctx.save();
      this.render();
      const answer = status.answer ? ` ${t.dpoAnswer} ${blocksText(parseMarkdown(status.answer.text))}` : '';
      ctx.announce(`${t.status} ${t.statuses[status.status] ?? status.status}.${answer}`);
      ctx.find(focusSelector)?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.#forget('notFound');
      else ctx.announce(t.errorNetwork);
    } finally {
      ctx.busy = false;
    }
  }

  async #erase(ticket: TicketRef): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.busy) return;
    ctx.busy = true;
    try {
      await ctx.api.erase(ticket);
      this.#forget('erased');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this.#forget('erased');
      else ctx.announce(ctx.t.errorNetwork);
    } finally {
      ctx.busy = false;
    }
  }

  #forget(note: 'erased' | 'notFound'): void {
    delete this.#ctx.state.ticket;
    this.#status = undefined;
    this.#note = note;
    this.#ctx.save();
    this.render();
    this.#ctx.announce(note === 'erased' ? this.#ctx.t.erased : this.#ctx.t.notFound);
    this.#ctx.find('.ticket-note')?.focus();
  }

  /** "Check the status of a forwarded question": sends what was typed, trimmed; the server normalises. */
  lookupForm(): HTMLElement {
    const t = this.#ctx.t;
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
            this.#ctx.state.ticket = ticket;
            this.#status = undefined;
            this.#note = undefined;
            this.#ctx.save();
            this.render();
            void this.check(ticket, '#ticket-title');
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
