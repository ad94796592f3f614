import { h } from '../shared/dom.ts';
import { t } from './state.ts';

/**
 * An in-page confirmation for destructive actions: a modal <dialog> (focus moves into it,
 * Escape cancels, the page behind is inert), resolving true only for the confirm button.
 * Cancel has the initial focus, so Enter pressed by habit does not destroy anything.
 */
export function confirmAction(message: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' });
    const finish = (result: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(result);
    };
    const cancel = h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => finish(false) },
      t.cancel,
    );
    dialog.append(
      h('p', { id: 'confirm-text' }, message),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'danger', id: 'confirm-yes', onclick: () => finish(true) },
          confirmLabel,
        ),
        cancel,
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
