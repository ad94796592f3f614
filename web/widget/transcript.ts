import { ApiError } from './api.ts';
import type { WidgetContext } from './context.ts';
import { h } from './dom.ts';
import { blocksText, parseMarkdown } from './markdown.ts';
import { type ReplyActions, turn } from './reply-card.ts';
import type { AssistantMessage, Message } from './session.ts';
import { textsFor, type UiLocale } from './strings.ts';

/** A reply faster than this needs no progress indicator (it would only flicker). */
export const progressDelayMs = 300;

/**
 * The conversation: the citizen's questions and the replies as turns in reading order. A new
 * reply is scrolled so that its START is at the top of the visible log (never its end) and is
 * announced once through the polite live region, while focus stays in the question field.
 */
export class Transcript {
  readonly log: HTMLDivElement = h('div', { class: 'log' });
  readonly #ctx: WidgetContext;
  /** The scrolling parts of the panel, innermost first. */
  readonly #scrollers: () => HTMLElement[];
  readonly #actions: ReplyActions;
  readonly #forward: (question: string, focus: boolean) => void;

  constructor(
    ctx: WidgetContext,
    scrollers: () => HTMLElement[],
    forward: (question: string, focus: boolean) => void,
  ) {
    this.#ctx = ctx;
    this.#scrollers = scrollers;
    this.#forward = forward;
    this.#actions = {
      ask: (question, locale) => void this.ask(question, locale),
      forward: (question) => forward(question, true),
      vote: (message, helpful) => this.#vote(message, helpful),
    };
  }

  /** Renders the stored conversation (after a reload or a language switch). */
  render(): void {
    this.log.replaceChildren(
      ...this.#ctx.state.messages.map((message, index) => turn(message, index, this.#ctx.t, this.#actions)),
    );
  }

  #push(message: Message): HTMLElement {
    const { state } = this.#ctx;
    state.messages.push(message);
    this.#ctx.save();
    const element = turn(message, state.messages.length - 1, this.#ctx.t, this.#actions);
    this.log.appendChild(element);
    return element;
  }

  /**
   * Asks a question and shows the reply. `locale` is given for a chosen suggestion or starter
   * (asked in its own language); typed questions leave the language to the server. A retry after
   * a network error asks again without repeating the citizen's turn.
   */
  async ask(question: string, locale?: UiLocale, retry = false): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.busy) return;
    ctx.busy = true;
    const t = ctx.t;
    if (!retry) this.#revealStart(this.#push({ from: 'citizen', text: question }));
    const progress = h(
      'p',
      { class: 'thinking' },
      h('span', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      t.thinking,
    );
    const timer = setTimeout(() => {
      this.log.appendChild(progress);
      this.#revealStart(progress);
    }, progressDelayMs);
    this.log.setAttribute('aria-busy', 'true');
    try {
      const response = await ctx.api.ask(question, locale);
      const card = this.#push({ from: 'assistant', question, response });
      this.#revealStart(card);
      const text = response.answer
        ? blocksText(parseMarkdown(response.answer.text))
        : (response.message ?? '');
      const choices = response.answer?.related.length ? response.answer.related : response.suggestions;
      // The note on a left-out question is read with the answer, as it is shown with it.
      const note =
        response.answer && response.leftOut !== undefined && response.message ? [response.message] : [];
      ctx.announce([text, ...choices.map((choice) => choice.question), ...note].join(' '));
      // "I want a person": the forward form opens at once, but focus stays in the question field.
      if (response.answer?.kind === 'escalate') this.#forward(question, false);
    } catch (error) {
      this.#showError(error, question, locale);
    } finally {
      clearTimeout(timer);
      progress.remove();
      this.log.removeAttribute('aria-busy');
      ctx.busy = false;
    }
  }

  /** Says what went wrong; the retry button sends the same question again. */
  #showError(error: unknown, question: string, locale: UiLocale | undefined): void {
    const t = this.#ctx.t;
    const busy = error instanceof ApiError && error.status === 429;
    const message = busy ? t.errorBusy : t.errorNetwork;
    const box = h('div', { class: 'msg assistant error-turn' }, h('p', { class: 'error' }, message));
    if (!busy)
      box.appendChild(
        h(
          'button',
          {
            type: 'button',
            class: 'btn secondary retry',
            onclick: () => {
              box.remove();
              this.#ctx.focusQuestion();
              void this.ask(question, locale, true);
            },
          },
          t.retry,
        ),
      );
    this.log.appendChild(box);
    this.#revealStart(box);
    this.#ctx.announce(message);
  }

  #vote(message: AssistantMessage, helpful: boolean): void {
    message.feedback = helpful;
    this.#ctx.save();
    this.#ctx.announce(textsFor(message.response.locale).thanks);
    // The vote is optional and anonymous: a failure is not worth bothering the citizen with.
    this.#ctx.api.feedback(message.response.answer?.entryId ?? '', helpful).catch(() => undefined);
  }

  /** Scrolls each scrolling part so that `element` starts at its top (or as near as it can). */
  #revealStart(element: HTMLElement): void {
    for (const scroller of this.#scrollers()) {
      // Only parts that scroll by design: the panel itself does so only on very short screens.
      const overflow = getComputedStyle(scroller).overflowY;
      if ((overflow !== 'auto' && overflow !== 'scroll') || scroller.scrollHeight <= scroller.clientHeight)
        continue;
      const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += offset - 8;
    }
  }
}
