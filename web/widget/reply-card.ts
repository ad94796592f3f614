import { h, renderBlocks } from './dom.ts';
import { feedbackRow } from './feedback.ts';
import { parseMarkdown } from './markdown.ts';
import type { AssistantMessage, Message } from './session.ts';
import { type Strings, textsFor, type UiLocale } from './strings.ts';

/** What a reply card can ask of the transcript. */
export interface ReplyActions {
  ask(question: string, locale: UiLocale): void;
  forward(question: string): void;
  vote(message: AssistantMessage, helpful: boolean): void;
}

/**
 * Formats the "Stand" date (YYYY-MM-DD) for a locale. Leichte Sprache and English name the month
 * ("4. Mai 2021", "4 May 2021"): a word is easier to read than "04.05."; plain German keeps the
 * familiar "04.05.2021"; a third locale uses its own numeric form.
 */
export function formatDate(isoDate: string, locale: UiLocale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const intlLocale = locale === 'en' ? 'en-GB' : locale === 'de' || locale === 'de-x-ls' ? 'de-DE' : locale;
  const monthAsWord = locale === 'en' || locale === 'de-x-ls';
  return new Intl.DateTimeFormat(Intl.DateTimeFormat.supportedLocalesOf(intlLocale)[0] ?? 'de-DE', {
    day: monthAsWord ? 'numeric' : '2-digit',
    month: monthAsWord ? 'long' : '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A list of question buttons (suggestions, follow-ups, starters) under a visible heading. */
export function choiceList(
  id: string,
  label: string,
  choices: readonly { entryId: string; question: string }[],
  locale: UiLocale,
  onChoose: (question: string, locale: UiLocale) => void,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(
    h('p', { id, class: 'choices-label' }, label),
    h(
      'ul',
      { class: 'choices', 'aria-labelledby': id },
      ...choices.map((choice) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'chip', onclick: () => onChoose(choice.question, locale) },
            choice.question,
          ),
        ),
      ),
    ),
  );
  return fragment;
}

/** The citizen's turn, labelled in the interface language. */
export function citizenTurn(text: string, t: Strings): HTMLElement {
  return h('div', { class: 'msg citizen' }, h('span', { class: 'sr-only' }, t.you), h('p', {}, text));
}

/**
 * One reply of the assistant. The whole card is in the reply's language (`lang` on the card):
 * the answer, the date, the suggestion heading, the feedback row and the forward offer, so an
 * English reply never carries a German label, whatever the interface language is.
 */
export function replyCard(message: AssistantMessage, index: number, actions: ReplyActions): HTMLElement {
  const { response } = message;
  const locale = response.locale;
  const t = textsFor(locale);
  const card = h(
    'div',
    { class: 'msg assistant', lang: locale },
    h('span', { class: 'sr-only' }, t.assistant),
  );
  const answer = response.answer;
  if (answer) {
    card.appendChild(h('div', { class: 'answer' }, renderBlocks(parseMarkdown(answer.text))));
    if (answer.reviewedAt)
      card.appendChild(h('p', { class: 'meta' }, `${t.reviewed} ${formatDate(answer.reviewedAt, locale)}`));
    if (answer.related.length)
      card.appendChild(choiceList(`choices-${index}`, t.related, answer.related, locale, actions.ask));
    card.appendChild(feedbackRow(message, index, t, (helpful) => actions.vote(message, helpful)));
  } else {
    // "Did you mean one of these questions?" is itself the heading of the suggestions.
    if (response.suggestions.length)
      card.appendChild(
        choiceList(
          `choices-${index}`,
          response.message ?? t.suggestions,
          response.suggestions,
          locale,
          actions.ask,
        ),
      );
    else if (response.message) card.appendChild(h('p', {}, response.message));
  }
  // A further question of the message that no entry answers: said next to the forward offer,
  // as a reply without an answer says it, so the answer is not taken for one to both questions.
  if (answer && response.leftOut !== undefined && response.message)
    card.appendChild(h('p', { class: 'left-out' }, response.message));
  if (response.offerEscalation && answer?.kind !== 'escalate') {
    card.appendChild(
      h(
        'p',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'btn secondary forward-offer',
            onclick: () => actions.forward(message.question),
          },
          t.forwardOffer,
        ),
      ),
    );
  }
  return card;
}

/** The turn for a stored message. */
export function turn(message: Message, index: number, t: Strings, actions: ReplyActions): HTMLElement {
  return message.from === 'citizen' ? citizenTurn(message.text, t) : replyCard(message, index, actions);
}
