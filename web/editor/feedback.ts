import type { PhrasingCount } from '../../functions/lib/http/errors.ts';
import { createAnnouncer } from '../shared/announce.ts';
import { h } from '../shared/dom.ts';
import { errorTexts } from '../shared/error-texts.ts';
import { ApiError, type GateReport } from './api.ts';
import { renderGate } from './gate-report.ts';
import { app, byId, t, titleOf, ui } from './state.ts';

/**
 * Status and errors of the editor page. Every error shown comes from web/shared/error-texts.ts
 * by its code, in the page's language: the server's English messages never reach the page.
 */
let announcer: ReturnType<typeof createAnnouncer> | undefined;
let onUnauthorized: () => void = () => undefined;

/** main.ts registers how to go back to sign-in when the token is rejected. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** Announces a message to screen readers and shows it in the status line. */
export function announce(message: string): void {
  announcer ??= createAnnouncer(byId('status'));
  announcer(message);
}

function showError(...lines: string[]): void {
  // The error is what happened last: a status such as "Qualitätsprüfung läuft …" is over.
  announce('');
  const box = byId('error');
  box.replaceChildren(...lines.map((line, index) => h('p', {}, index === 0 ? `${t.error}: ${line}` : line)));
  box.hidden = false;
}

export function clearError(): void {
  const box = byId('error');
  box.replaceChildren();
  box.hidden = true;
}

const fieldLabels = (): Record<string, string> => ({
  id: t.id,
  kind: t.kind,
  reviewedAt: t.reviewedAt,
  related: t.related,
  question: t.question,
  alternatives: t.alternatives,
  keywords: t.keywords,
  answer: t.answer,
  tests: t.tests,
  notAnswered: t.notAnswered,
});

/** The fields an `invalid_entry` error names ("de.answer: …; en.question: …"), in the page's words. */
function invalidFields(message: string): string[] {
  const labels = fieldLabels();
  const named = message.split('; ').map((part) => part.split(':')[0]?.trim() ?? '');
  const language = (locale: string) => (locale === 'de' ? t.german : t.english);
  const localized = (locale: string, name: string) => t.fieldIn(labels[name] ?? name, language(locale));
  const shown = named.map((field) => {
    const [first, second, third] = field.replace(/^entry\./, '').split('.');
    if ((first === 'de' || first === 'en') && second) return localized(first, second);
    // Another entry's field ("what-happened.de.notAnswered.2": a question it declines), named
    // by its question as in the entry list: editors know entries by question, not by id.
    if (first && (second === 'de' || second === 'en') && third) {
      const other = app.entries.find((entry) => entry.id === first);
      // The short field name ("Nicht beantwortete Fragen"): the form's label speaks of "this entry".
      const name: string = (t.fieldNames as Record<string, string>)[third] ?? labels[third] ?? third;
      return t.fieldOf(t.fieldIn(name, language(second)), other ? titleOf(other) : first);
    }
    return first ? (labels[first] ?? first) : '';
  });
  return [...new Set(shown.filter(Boolean))];
}

export function handleError(error: unknown): void {
  if (!(error instanceof ApiError)) {
    console.warn(error);
    showError(errorTexts[ui].internal_error);
    return;
  }
  if (error.status === 401) {
    onUnauthorized();
    return;
  }
  const text = errorTexts[ui][error.code] ?? errorTexts[ui].bad_request;
  if (error.code === 'gate_failed') renderGate((error.body as { gate: GateReport }).gate);
  if (error.code === 'too_many_phrasings') {
    // The server's figures (how many the entry has, the cap, how many would be new), if sent.
    const figures = (error.body as { phrasings?: PhrasingCount } | undefined)?.phrasings;
    showError(
      typeof figures?.count === 'number'
        ? t.tooManyPhrasings(figures.count, figures.limit, figures.adding)
        : text,
    );
    return;
  }
  if (error.code === 'invalid_entry') {
    const fields = invalidFields(error.message);
    showError(text, ...(fields.length > 0 ? [t.invalidFields(fields.join(', '))] : []));
    return;
  }
  showError(text);
}

/** Runs an action with errors shown in the page's language. */
export async function run(action: () => Promise<void>): Promise<void> {
  clearError();
  try {
    await action();
  } catch (error) {
    handleError(error);
  }
}
