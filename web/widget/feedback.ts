import { h } from './dom.ts';
import type { AssistantMessage } from './session.ts';
import type { Strings } from './strings.ts';

/**
 * "Did this help?" with Yes and No on one line (also at 320 px). The vote is a toggle button pair
 * (`aria-pressed`); once voted, the choice stays pressed and a thank-you appears. `t` is the
 * reply's language, like every label of its card.
 */
export function feedbackRow(
  message: AssistantMessage,
  index: number,
  t: Strings,
  onVote: (helpful: boolean) => void,
): HTMLElement {
  const id = `feedback-${index}`;
  const thanks = h('p', { class: 'meta thanks', hidden: message.feedback === undefined }, t.thanks);
  const button = (helpful: boolean): HTMLButtonElement => {
    const element: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'btn secondary vote',
        'aria-pressed': String(message.feedback === helpful),
        onclick: () => {
          if (message.feedback !== undefined) return;
          element.setAttribute('aria-pressed', 'true');
          thanks.hidden = false;
          onVote(helpful);
        },
      },
      helpful ? t.yes : t.no,
    );
    return element;
  };
  const yes = button(true);
  const no = button(false);
  return h(
    'div',
    { class: 'feedback-block' },
    h(
      'div',
      { class: 'feedback', role: 'group', 'aria-labelledby': id },
      h('p', { id }, t.helpfulPrompt),
      h('span', { class: 'votes' }, yes, no),
    ),
    thanks,
  );
}
