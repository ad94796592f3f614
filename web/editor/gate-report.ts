import type { DraftCheck } from '../../functions/lib/editing/store.ts';
import { h } from '../shared/dom.ts';
import type { GateReport } from './api.ts';
import { percent, t } from './state.ts';

/**
 * The publish gate in the page's words, built from its figures (the server's `reasons` are
 * English sentences for the API, so they are not shown).
 */
export function renderGate(gate: GateReport): void {
  const box = document.getElementById('gate-report');
  if (!box) return;
  box.replaceChildren(
    h('h3', {}, t.gateTitle),
    h('p', {}, t.gateMetrics(percent(gate.before.accuracy), percent(gate.after.accuracy))),
    h(
      'ul',
      { class: 'failures' },
      ...gate.newFailures
        .slice(0, 30)
        .map((failure) =>
          h(
            'li',
            {},
            t.gateFailure(failure.question, failure.expected ?? t.nothing, failure.got ?? t.nothing),
          ),
        ),
    ),
  );
  box.hidden = false;
}

/** One line on the quality check run when the review was requested. */
export function checkLine(check: DraftCheck): HTMLElement {
  const before = percent(check.before.accuracy);
  const after = percent(check.after.accuracy);
  return h(
    'p',
    { class: check.passed ? 'check passed' : 'check failed', id: 'review-check' },
    check.passed ? t.checkPassed(before, after) : t.checkFailed(before, after, check.newFailures),
  );
}
