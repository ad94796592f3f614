import type { Analysis, Language } from '../knowledge/locales.ts';
import { colloquial } from './colloquial.ts';
import { rephrase } from './phrases.ts';
import {
  canonicalWord,
  foldGerman,
  inflected,
  plainSpelling,
  type SynonymTable,
  stem,
  stripDiacritics,
  words,
} from './stemming.ts';
import { frameWords, stopWords, topicWords } from './stop-words.ts';

/**
 * Text normalisation shared by indexing and querying, so both sides always agree:
 * Unicode and case folding, German transliterations (ae/ä, ss/ß), punctuation, stop words,
 * synonyms and stemming. The output is a list of terms.
 */
export {
  buildSynonyms,
  canonicalWord,
  foldText,
  type SynonymTable,
  stem,
  words,
} from './stemming.ts';

/** A matching term of a question or phrasing. */
export interface Term {
  term: string;
  /** The folded word the term comes from, before synonyms and stemming (for typo lookup). */
  word: string;
  /** Asks for numbers or money: only an entry that speaks of it may answer. */
  mustMatch: boolean;
  /** 1 in the question sentence (or a message of one sentence), 0 in the context around it. */
  focus: number;
  /**
   * A question word ("wann", "who") or a frame word ("tun", "tell"): it tells the kind of
   * question, not its topic.
   */
  questionWord: boolean;
  /** A frame word ("tun", "tell", "stimmt"): asks, but names no topic (see `frameWords`). */
  frame: boolean;
  /** Follows an article or possessive ("mein Handy", "the library"): the word names a thing. */
  named: boolean;
  /** The word looks like a verb form ("eingespielt", "erased"): if unknown, it rarely names a topic. */
  verbLike: boolean;
}

/**
 * Inflected verb forms by their endings (participles, past tense, 2nd/3rd person; -ing/-ed).
 * Judged on the folded word, so capitalisation never changes it.
 */
const verbEndings = {
  de: /(?:^|[a-z]{2})ge[a-z]{2,}(?:t|en)$|(?:iert|ierte|ieren|te|ten|tet|test)$/,
  en: /(?:ed|ing|ise|ize|ised|ized)$/,
};

export interface AnalyzeOptions {
  /** Weigh the question sentence of a longer message most (for questions, not phrasings). */
  focus?: boolean;
}

/** Articles and possessives, folded: the word after one names a thing ("meine Bücherei", "my iPhone"). */
const determiners = {
  de: new Set(
    'der die das den dem des ein eine einen einem einer eines mein meine meinen meinem meiner meines dein deine deinen unser unsere unseren euer eure ihr ihre ihren ihrem'
      .split(' ')
      .map((word) => stripDiacritics(foldGerman(word))),
  ),
  en: new Set('the a an my your our their his her its this that these those'.split(' ')),
};

/** Words that open a question sentence ("Wann wurde ...", "Is it ..."), folded. */
const interrogatives = {
  de: new Set(
    'wer wen wem wessen was wann warum wieso weshalb wozu wo woher wohin wie welche welcher welches welchen ob muss kann soll sollte darf ist sind bin bist gibt hat haben habe wurde wurden wird werden war waren konnten könnten hätten'
      .split(' ')
      .map((word) => stripDiacritics(foldGerman(word))),
  ),
  en: new Set(
    'who whom whose what when why how where which is are am do does did can could should would will was were has have had may must shall'.split(
      ' ',
    ),
  ),
};

/** German modal verbs, folded: with one, the clause's last word is an infinitive. */
const modals = new Set(
  'kann kannst können konnte konnten könnte könnten muss musst müssen soll sollen sollte sollten darf dürfen will wollen möchte möchten'
    .split(' ')
    .map((word) => stripDiacritics(foldGerman(word))),
);

/** Question words proper (the topic-free part of a question), folded. */
const questionWords = {
  de: new Set('wer wen wem wessen was wann warum wieso weshalb wozu wo woher wohin wie welch'.split(' ')),
  en: new Set('who whom whose what when why how where which'.split(' ')),
};

/** A year ("in 2021", "since 2022") says when, like "letztes Jahr", not what: a frame word. */
const year = /^(?:19|20)\d\d$/u;

function isFrame(word: string, locale: Language): boolean {
  return frameWords[locale].has(word) || year.test(word);
}

/** Conjunctions that open an adverbial clause (time, reason) after a main clause. */
const adverbialClause: Record<Language, RegExp> = {
  en: /,?\s+\b(?:once|after|before|because|since|while|until|although)\b/iu,
  de: /,?\s+\b(?:nachdem|weil|sobald|bevor|obwohl|seitdem)\b/iu,
};

/**
 * An alternative tagged on after a comma that only doubts the question ("…, or is that still
 * unclear?", "…, or is it only a possibility?", "…, oder weiß man das nicht?"). A real
 * alternative ("…, or was the server rebuilt?") is part of what is asked.
 */
const doubtTag: Record<Language, RegExp> = {
  en: /,\s*or\s+(?:is|was|are|were|do|does|did)\b[^,]*\b(?:unclear|unknown|uncertain|possib\w*|sure|known|certain|rumou?r|guess|speculation)\b|,\s*or\s+not\b/iu,
  de: /,\s*oder\s+(?:ist|war|sind|weiss|weiß|wisst|weis)(?!\p{L})[^,]*\b(?:unklar|unbekannt|bekannt|sicher|möglich\w*|vermut\w*|spekul\w*|gerücht\w*|nicht)\b|,\s*oder\s+nicht\b/iu,
};

/** Splits a message into sentences, each with its text and whether it asks the question. */
function sentences(text: string, locale: Language): { text: string; question: boolean }[] {
  const parts = text.split(/(?<=[.!?;])\s+|\n+/u).filter((part) => /[\p{L}\p{N}]/u.test(part));
  const marked = parts.map((part) => {
    const first = words(part)[0];
    const question =
      /\?\s*$/u.test(part) ||
      (first !== undefined && interrogatives[locale].has(canonicalWord(first, locale)));
    return { text: part, question };
  });
  // An adverbial clause after the question ("What did the town do once it found the intrusion?")
  // says when or why it is asked, not what: it counts as context. Not "if"/"ob"/"dass" clauses:
  // they are often what is asked ("Can you tell me if my data was stolen?").
  const split = marked.flatMap((part) => {
    if (!part.question) return [part];
    const at = adverbialClause[locale].exec(part.text) ?? doubtTag[locale].exec(part.text);
    if (!at || words(part.text.slice(0, at.index)).length < 3) return [part];
    return [
      { text: part.text.slice(0, at.index), question: true },
      { text: part.text.slice(at.index), question: false },
    ];
  });
  marked.splice(0, marked.length, ...split);
  // No sentence asks: a story ends with what the citizen wants ("... Ich möchte mit einem
  // Menschen sprechen."), so the last sentence is the request.
  const last = marked.at(-1);
  if (marked.length > 1 && last && !marked.some((part) => part.question)) last.question = true;
  return marked;
}

/**
 * The sentence of a message that asks (the last one, when several do), or undefined for a
 * message of one sentence: the same reading of a message as the analysis's focus.
 */
export function questionSentence(text: string, locale: Language): string | undefined {
  const parts = sentences(rephrase(plainSpelling(text.normalize('NFKC')), locale), locale);
  return parts.length < 2 ? undefined : parts.findLast((part) => part.question)?.text;
}

/** Folded words of a text with colloquial forms replaced by their standard words ("ick" -> "ich"). */
function standardWords(token: string, locale: Language): string[] {
  return words(token).flatMap((word) => {
    const canonical = canonicalWord(word, locale);
    return colloquial(canonical, locale) ?? [canonical];
  });
}

/**
 * Turns text into matching terms: words, colloquial forms standardised, minus stop words,
 * with synonyms replaced, stemmed. The same function indexes the knowledge base and analyses
 * citizens' questions. A text made only of stop words ("Bis dann") keeps them: they are all
 * it says.
 */
export function analyzeTerms(
  text: string,
  locale: Analysis,
  synonyms: SynonymTable = new Map(),
  options: AnalyzeOptions = {},
): Term[] {
  if (locale === 'none') return plainTerms(text, synonyms);
  const phrased = rephrase(plainSpelling(text.normalize('NFKC')), locale);
  const parts = options.focus ? sentences(phrased, locale) : [{ text: phrased, question: true }];
  // A question sentence among context sentences: the context counts less.
  const weighted = parts.some((part) => part.question) && parts.some((part) => !part.question);
  const collect = (keepStops: boolean): Term[] => {
    const stops = stopWords[locale];
    const terms: Term[] = [];
    for (const part of parts) {
      // 0 marks context; the matcher scales the context's weight as a whole.
      const focus = weighted && !part.question ? 0 : 1;
      const raw = part.text.normalize('NFKC').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
      const modalClause =
        locale === 'de' &&
        raw.some((token) => modals.has(canonicalWord(token.toLocaleLowerCase('de'), locale)));
      for (const [position, token] of raw.entries()) {
        // German puts the infinitive last when a modal verb leads ("Kann ich ... nutzen?").
        const finalInfinitive = modalClause && position === raw.length - 1 && /en$/i.test(token);
        const mustMatch = topicWords[locale].has(canonicalWord(token.toLocaleLowerCase('de'), locale));
        const before = raw[position - 1];
        const named =
          before !== undefined &&
          determiners[locale].has(canonicalWord(before.toLocaleLowerCase('de'), locale));
        for (const canonical of standardWords(token, locale)) {
          if (!keepStops && stops.has(canonical)) continue;
          const replacements = synonyms.get(canonical) ??
            inflected(synonyms, canonical, locale) ?? [canonical];
          for (const replacement of replacements) {
            if (replacement.length < 2 && !/\p{N}/u.test(replacement)) continue;
            terms.push({
              term: stem(replacement, locale),
              word: canonical,
              questionWord:
                questionWords[locale].has(stem(replacement, locale)) || isFrame(replacement, locale),
              frame: isFrame(replacement, locale),
              named,
              mustMatch,
              focus,
              verbLike:
                finalInfinitive ||
                (replacement.length > 3 &&
                  verbEndings[locale].test(replacement) &&
                  !/(?:heit|keit|schaft|ung)$/.test(replacement)),
            });
          }
        }
      }
    }
    return terms;
  };
  const terms = collect(false);
  return terms.length > 0 ? terms : collect(true);
}

/** `analysis: none`: folded words and synonyms, no stop words, colloquial forms or stemming. */
function plainTerms(text: string, synonyms: SynonymTable): Term[] {
  return words(text).flatMap((word) => {
    const canonical = canonicalWord(word, 'none');
    return (synonyms.get(canonical) ?? [canonical])
      .filter((replacement) => replacement.length >= 2 || /\p{N}/u.test(replacement))
      .map((replacement) => ({
        term: stem(replacement, 'none'),
        word: canonical,
        mustMatch: false,
        focus: 1,
        questionWord: false,
        verbLike: false,
        frame: false,
        named: false,
      }));
  });
}

/** Whether a word is evidence for a locale's colloquial forms (language detection). */
export { isColloquial } from './colloquial.ts';

/** The terms of a text (see `analyzeTerms`). */
export function analyze(text: string, locale: Analysis, synonyms: SynonymTable = new Map()): string[] {
  return analyzeTerms(text, locale, synonyms).map(({ term }) => term);
}
