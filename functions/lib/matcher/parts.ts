import { sentenceBreak } from './normalize.ts';
import { asksWithoutMark } from './scope.ts';

/**
 * Two questions in one message (round 29). When the notice answers one of them ("Which data was
 * affected, and how many people in total?", "Was wurde gestohlen, und werden die Täter
 * strafrechtlich verfolgt?"), the part that asks what no entry answers is left out and the rest
 * is matched (`answerablePart`). When the message is not answered as a whole but its first
 * question alone is, surely ("Is my data stolen? Also, where can I renew my parking permit?"),
 * the first question is answered (`firstQuestion`). Either way the citizen is told that the other
 * question was left out and offered to forward the message. Only asking parts are left out, never
 * the story around them: "Bei uns in der Firma wurde der Server gehackt. Was müssen wir tun?" is
 * about the firm's server, and its question alone is not.
 */

/**
 * A clause of a question sentence: after a comma and a conjunction ("…, and has …", "…, und
 * kommt …"), or a conjunction before a question word with no comma, as chat writes it ("Muss ich
 * mein Passwort ändern und wann kommt OWA wieder?", round 31), or before a verb and its subject
 * ("Wer steckt dahinter und bekomme ich mein Geld zurück?", "Which data was affected and did you
 * tell the police?", round 33; "wann hat das rathaus offen und bin ich betroffen", "wer war das
 * und wie sind die rein gekommen", round 35).
 */
const clauseBreak =
  /,\s*(?=(?:and|und|oder|or)\s)|\s+(?=(?:and|und)\s+(?:also\s+|auch\s+)?(?:wann|warum|wieso|weshalb|wie|when|why|how)\s)|\s+(?=(?:and|und)\s+(?:bekomme|bekommen|kriege|krieg|kann|können|muss|müssen|soll|sollte|sollen|ist|sind|bin|hat|haben|habt|wird|werden|gibt|darf|kommt|war|wurde|wurden)\s+(?:ich|ihr|wir|man|es|das|die|der|sie|er|meine?|unsere?)\s|(?:and|und)\s+(?:am|can|could|do|does|did|is|are|was|were|will|would|should|has|have|may|must)\s+(?:i|you|u|we|they|it|the|my|our|anyone|someone|there)\s)/iu;
const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
/** A first question of fewer words is no question of its own ("Sorry to ask, but …"). */
const minQuestionWords = 3;
/**
 * A later question asks on its own, not about the one before it ("…, und wann hat es offen?",
 * "…, or is it gone for good?"), when it has words enough besides its conjunction and names the
 * incident itself ("und bin ich von dem Hack betroffen").
 */
const ownQuestionWords = 4;
const asksOnItsOwn = (text: string, standsAlone: (text: string) => boolean) =>
  wordCount(text.replace(/^\s*(?:and|und|oder|or|aber|but|also)\s+/iu, '')) >= ownQuestionWords &&
  standsAlone(text);
/** A clause cut from its sentence asks as one ("Who were the attackers" → "…?"). */
const asQuestion = (clause: string) => (/[.!?;]\s*$/u.test(clause) ? clause : `${clause.trim()}?`);

interface Piece {
  text: string;
  question: boolean;
}

/**
 * The story sentences and the questions of a message: the clauses of its sentences with a
 * question mark. None for a message without one, unless a sentence of it asks all the same
 * (`asksWithoutMark`, scope.ts): without, it is a request or a statement ("Tu so, als wärst du die
 * Datenschutzbeauftragte, und bestätige mir …"), not two questions.
 */
function piecesOf(message: string): Piece[] {
  const sentences = message.split(sentenceBreak).filter((sentence) => sentence.trim() !== '');
  const marked = sentences.some((sentence) => sentence.includes('?'));
  // With question marks, only the last sentence may ask without one ("Wann hat das Freibad
  // auf? und bin ich von dem Hack betroffen").
  const last = sentences.at(-1);
  const asks = marked
    ? (sentence: string) => sentence.includes('?') || (sentence === last && asksWithoutMark.test(sentence))
    : (sentence: string) => asksWithoutMark.test(sentence);
  if (!sentences.some(asks)) return [];
  return sentences.flatMap((sentence): Piece[] =>
    asks(sentence)
      ? sentence.split(clauseBreak).map((clause) => ({ text: asQuestion(clause), question: true }))
      : [{ text: sentence, question: false }],
  );
}

const leftOutText = (pieces: readonly Piece[]) =>
  pieces.map((piece) => piece.text.trim().replace(/^(?:and|und|oder|or)\s+/iu, '')).join(' ');

/**
 * The first of several questions, with the story around them: what a message of two questions
 * that the matcher cannot answer as a whole asks first ("Who were the attackers, and has the
 * town reported them to the police?"), or undefined for a message of one question.
 */
export function firstQuestion(message: string, minWords = minQuestionWords): AnswerablePart | undefined {
  const pieces = piecesOf(message);
  const questions = pieces.filter((piece) => piece.question);
  const [first, ...later] = questions;
  if (!first || later.length === 0 || wordCount(first.text) < minWords) return undefined;
  return {
    rest: pieces
      .filter((piece) => !piece.question || piece === first)
      .map((piece) => piece.text)
      .join(' '),
    leftOut: leftOutText(later),
  };
}

/** A message split into what can be answered and the questions left out. */
export interface AnswerablePart {
  /** The message without the left-out questions (its story stays). */
  rest: string;
  /** The left-out questions, as the citizen wrote them (for the staff's list of unanswered ones). */
  leftOut: string;
}

/**
 * The message without its later questions that `blocked` refuses, or undefined when there is no
 * such rest: the message asks one thing, its first question (of fewer than `minWords` words) is
 * refused, or the rest as a whole is still refused. A refused first question is left out only
 * when a later one asks on its own (`standsAlone`: it names the incident, with enough words).
 */
export function answerablePart(
  message: string,
  blocked: (text: string) => boolean,
  standsAlone: (text: string) => boolean = () => false,
  minWords = minQuestionWords,
): AnswerablePart | undefined {
  const pieces = piecesOf(message);
  const questions = pieces.filter((piece) => piece.question);
  if (questions.length < 2) return undefined;
  const kept = pieces.filter((piece) => !piece.question || !blocked(piece.text));
  const keptQuestions = kept.filter((piece) => piece.question);
  if (keptQuestions.length === questions.length) return undefined;
  // The first question is the main one, the later ones follow from it ("…? What are their
  // names?", "…, und wann genau?"): only a later one is left out, unless the later one asks a
  // whole question of its own ("Wann hat das Freibad auf? Und bin ich von dem Hack betroffen?",
  // round 34).
  const [main] = keptQuestions;
  if (!main) return undefined;
  if (main === questions[0] ? wordCount(main.text) < minWords : !asksOnItsOwn(main.text, standsAlone))
    return undefined;
  const rest = kept.map((piece) => piece.text).join(' ');
  if (blocked(rest)) return undefined;
  return { rest, leftOut: leftOutText(questions.filter((piece) => !kept.includes(piece))) };
}
