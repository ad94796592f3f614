/**
 * Closing a ticket without an answer: the DPO says why (duplicate, spam, answered elsewhere), so
 * no citizen's question disappears silently. The reason goes into the ticket's history.
 */
import type { CloseReason } from '../../functions/lib/escalations/ticket-store.ts';
import { h } from '../shared/dom.ts';
import { t } from './locale.ts';
import { announce } from './page.ts';

export function openCloseForm(
  slot: HTMLElement,
  opener: HTMLButtonElement,
  close: (reason: CloseReason) => Promise<void>,
): void {
  const texts = t();
  const reasons = Object.entries(texts.closeReasons) as [CloseReason, string][];
  const radios = reasons.map(([value, label]) => {
    const id = `close-reason-${value}`;
    const input = h('input', { type: 'radio', name: 'reason', value, id });
    return { input, element: h('div', { class: 'choice' }, input, h('label', { for: id }, label)) };
  });
  const cancel = h('button', { type: 'button', class: 'secondary' }, texts.cancel);
  const form = h(
    'form',
    { id: 'close-form', class: 'panel', novalidate: true },
    h(
      'fieldset',
      { 'aria-describedby': 'close-hint' },
      h('legend', {}, texts.closeLegend),
      ...radios.map((radio) => radio.element),
    ),
    h('p', { id: 'close-hint', class: 'hint' }, texts.closeHint),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'danger' }, texts.closeConfirm),
      cancel,
    ),
  );
  const shut = () => {
    slot.replaceChildren();
    opener.setAttribute('aria-expanded', 'false');
    opener.focus();
  };
  cancel.addEventListener('click', shut);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = radios.find((radio) => radio.input.checked)?.input.value as CloseReason | undefined;
    if (!chosen) {
      announce(texts.closeReasonMissing, 'error');
      radios[0]?.input.focus();
      return;
    }
    void close(chosen);
  });
  slot.replaceChildren(form);
  opener.setAttribute('aria-expanded', 'true');
  radios[0]?.input.focus();
}
