import { type Analysis, isLanguage, type Language } from '../knowledge/locales.ts';
import { lasting, memo } from '../memo.ts';
import { colloquial } from './colloquial.ts';
import { compilePhrases, rephrase } from './phrases.ts';
import {
  canonicalWord,
  foldWord,
  inflected,
  plainSpelling,
  type SynonymTable,
  stem,
  buildSynonyms as synonymTable,
  typedOnce,
  words,
} from './stemming.ts';
import { frameWords, stopWords, topicWords } from './stop-words.ts';

/**
 * Text normalisation shared by indexing and querying, so both sides always agree:
 * Unicode and case folding, German transliterations (ae/ä, ss/ß), punctuation, stop words,
 * synonyms and stemming. The output is a list of terms.
 */
export {
  canonicalWord,
  foldText,
  type SynonymTable,
  stem,
  words,
} from './stemming.ts';

/** The key of a dialect or chat form in a synonym table: "=ick" -> ["ich"]. */
const formKey = (word: string) => `=${word}`;

/**
 * The synonym table of a locale from the settings' word -> replacement pairs. A pair that stands
 * for function words only ("ick" -> "ich", "lol" -> nothing), or that is marked with "="
 * ("=kieken": schauen), is a dialect or chat form: read before stop words, like the rules of
 * colloquial.ts, and without inflections ("dat" -> "das" must not turn "Daten" into "das").
 */
export function buildSynonyms(
  pairs: Readonly<Record<string, string>>,
  locale: Analysis,
  phrases: readonly (readonly [string, string])[] = [],
): SynonymTable {
  // The same settings give the same table: the publish gate and every reload build a matcher
  // with settings read anew, and one shared table lets the index reuse its analysed phrasings.
  const key = JSON.stringify([locale, pairs, phrases]);
  return memo(tables, key, () => synonymsFor(pairs, locale, phrases), 4);
}

const tables = lasting('synonym-tables', () => new Map<string, SynonymTable>());

function synonymsFor(
  pairs: Readonly<Record<string, string>>,
  locale: Analysis,
  phrases: readonly (readonly [string, string])[],
): SynonymTable {
  if (!isLanguage(locale)) return synonymTable(pairs, locale);
  const topics: Record<string, string> = {};
  const forms = new Map<string, string[]>();
  for (const [from, to] of Object.entries(pairs)) {
    const form = formOf(from, to, locale);
    if (form) forms.set(formKey(form[0]), form[1]);
    else topics[from] = to;
  }
  return Object.assign(new Map([...synonymTable(topics, locale), ...forms]), {
    phrases: compilePhrases(phrases),
  });
}

/** A pair as a dialect or chat form ([form, standard words]), or undefined for a synonym of a topic. */
function formOf(from: string, to: string, locale: Language): [string, string[]] | undefined {
  const [source, ...more] = words(from).map((word) => canonicalWord(word, locale));
  if (!source || more.length > 0) return undefined;
  const standard = words(to).map((word) => canonicalWord(word, locale));
  const plain = standard.every((word) => stopWords[locale].has(word) || questionWords[locale].has(word));
  return plain || from.startsWith('=') ? [source, standard] : undefined;
}

/** The dialect and chat forms among the settings' synonyms of a language (evidence for it). */
export const formsOf = (pairs: Readonly<Record<string, string>>, locale: Language): string[] =>
  Object.entries(pairs).flatMap(([from, to]) => formOf(from, to, locale)?.[0] ?? []);

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
  /** Follows a possessive ("meine Oma", "our tenants"): whose, which a person word says (round 36). */
  owned: boolean;
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

/** Possessives, folded: "meine Oma" is the citizen's, "eine Frau" any woman (round 36). */
const possessives = {
  de: new Set(
    'mein meine meinen meinem meiner meines dein deine deinen unser unsere unseren euer eure ihr ihre ihren ihrem'
      .split(' ')
      .map(foldWord),
  ),
  en: new Set('my your our their his her'.split(' ')),
};
/** Articles and possessives, folded: the word after one names a thing ("meine Bücherei", "my iPhone"). */
const determiners = {
  de: new Set([...'der die das den dem des ein eine einen einem einer eines'.split(' '), ...possessives.de]),
  en: new Set([...'the a an its this that these those'.split(' '), ...possessives.en]),
};

/** Verbs that open a question ("Ist meine Adresse …", "Did they …"), folded: it asks with its subject after it. */
const verbFirst = {
  de: new Set(
    'muss kann soll sollte darf ist sind bin bist gibt hat haben habe wurde wurden wird werden war waren konnten könnten hätten'
      .split(' ')
      .map(foldWord),
  ),
  en: new Set(
    'is are am do does did can could should would will was were has have had may must shall'.split(' '),
  ),
};

/** Words that open a question sentence ("Wann wurde ...", "Is it ..."), folded: question words and `verbFirst`. */
const interrogatives = {
  de: new Set([
    ...'wer wen wem wessen was wann warum wieso weshalb wozu wo woher wohin wie welche welcher welches welchen ob'
      .split(' ')
      .map(foldWord),
    ...verbFirst.de,
  ]),
  en: new Set([...'who whom whose what when why how where which'.split(' '), ...verbFirst.en]),
};

/** What follows a verb that opens a question: a pronoun, an article or possessive, someone. */
const subjects = {
  de: new Set([
    ...determiners.de,
    ...'ich du er sie es wir ihr man mir mich dir dich uns euch ihm ihnen sich jemand irgendwer irgendjemand einer da dies dieser diese dieses alles alle'
      .split(' ')
      .map(foldWord),
  ]),
  en: new Set([
    ...determiners.en,
    ...'i you u he she it we they there me us him them someone somebody anyone anybody anything something everyone all any ur'.split(
      ' ',
    ),
  ]),
};

/** German modal verbs, folded: with one, the clause's last word is an infinitive. */
const modals = new Set(
  'kann kannst können konnte konnten könnte könnten muss musst müssen soll sollen sollte sollten darf dürfen will wollen möchte möchten'
    .split(' ')
    .map(foldWord),
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

/** A word that names something of its own: no stop, frame or question word ("betroffen", not "tell"). */
function ownWord(word: string, locale: Language): boolean {
  return !stopWords[locale].has(word) && !isFrame(word, locale) && !interrogatives[locale].has(word);
}

/**
 * Whether a sentence names nothing of its own, in either language ("Can you tell me?", "HOW DO I
 * DO THAT", "Was heißt das?"): it asks about what came before it.
 */
export function namesNothing(sentence: string): boolean {
  const said = words(sentence);
  return (['de', 'en'] as const).some((locale) =>
    said.every((word) => !ownWord(canonicalWord(word, locale), locale)),
  );
}

/** Conjunctions that open an adverbial clause (time, reason, concession) after a main clause. */
const adverbialClause: Record<Language, RegExp> = {
  en: /,?\s+\b(?:once|after|before|because|since|while|until|although|even though|though|even if)\b/iu,
  de: /,?\s+\b(?:nachdem|weil|sobald|bevor|obwohl|seitdem|auch wenn|selbst wenn|obgleich|wenngleich)\b/iu,
};

/**
 * An alternative tagged on after a comma that only doubts the question ("…, or is that still
 * unclear?", "…, or is it only a possibility?", "…, oder weiß man das nicht?"). A real
 * alternative ("…, or was the server rebuilt?") is part of what is asked.
 */
const doubtTag: Record<Language, RegExp> = {
  en: /,\s*or\s+(?:is|was|are|were|do|does|did)\b[^,]*\b(?:unclear|unknown|uncertain|possib\w*|sure|known|certain|rumou?r|guess|speculation|myster\w*|secret|clear|confirmed)\b|,\s*or\s+not\b/iu,
  de: /,\s*oder\s+(?:ist|war|sind|weiss|weiß|wisst|weis)(?!\p{L})[^,]*\b(?:unklar|unbekannt|bekannt|sicher|möglich\w*|vermut\w*|spekul\w*|gerücht\w*|nicht|geheim\w*|rätsel\w*|klar|bestätigt)\b|,\s*oder\s+nicht\b|,?\s+oder ob (?:dies|das|es)\b[^,]*(?<!\p{L})(?:möglichkeit|vermutung|verdacht|spekulation|gerücht|unklar|unbekannt)(?!\p{L})/iu,
};

/**
 * A salutation before a comma or colon ("Hallo, ist meine Adresse betroffen?", "Sehr geehrte Damen
 * und Herren: …"): with a question after it, it is a sentence of its own, not part of what is
 * asked (else "Hallo" made the greeting the answer). So is a thanks that opens a question
 * ("Chur, so who were the muppets behind it?", "Danke, und wo melde ich das?").
 */
const salutation =
  /^\s*((?:hallo|hello|hi|hey|hiya|howdy|alright|oi|yo|ey|moin|servus|grü(?:ß|ss) gott|tach|guten \p{L}+|good \p{L}+|dear|sehr geehrte\p{L}*|cheers|chur|ta|thanks|danke)(?:\s+\p{L}+){0,3}?)\s*[,:;]\s*(?=\S)/iu;

/**
 * Where a message breaks into sentences: after a full stop, question or exclamation mark or
 * semicolon, and at line breaks. Not after a single letter's full stop: an initial ("Mit
 * freundlichen Grüßen, H. Kaltenbach", "Yours faithfully, R. Pembroke") or an abbreviation
 * ("z. B.", "d. h.") ends no sentence, and a name cut off from its closing formula was read as
 * the message's last sentence, and so as its request (round 31).
 */
export const sentenceBreak = /(?<=[.!?;])(?<!(?:^|[^\p{L}])\p{L}\.)\s+|\n+/u;

/** A letter's closing formula, with a name or initials after it. */
const signOff =
  /^\s*(?:mit \p{L}+ (?:grü\p{L}+|gruessen|hochachtung)|\p{L}+ grü\p{L}+|mfg|lg|hochachtungsvoll|(?:yours )?(?:sincerely|faithfully|respectfully)(?: yours)?|(?:(?:thanks|thank you|many thanks|danke|vielen dank) (?:and|&|und) )?(?:(?:kind|best|warm|warmest) )?(?:regards|grüße|gruß|gruss)|(?:thanks|thank you|many thanks|danke|vielen dank) (?:in advance|im voraus)|best wishes)(?:[\s,.!]+\p{L}+\.?){0,3}[\s.!]*$/iu;

/** An indirect question ("…, ob meine Adresse betroffen ist", "… whether my address was affected"). */
const indirect = /(?<!\p{L})(?:ob|whether)(?!\p{L})/iu;

/**
 * A letter's polite request after its salutation ("Dear Sir or Madam, I should be most grateful
 * if you could set out …", "Ich wäre Ihnen dankbar, wenn Sie …", "hiermit bitte ich um Auskunft
 * …"): it asks, as an indirect question does, so the salutation is no part of it (round 31).
 */
const politeRequest =
  /(?<!\p{L})(?:(?:grateful|appreciate it|obliged|dankbar|verbunden)\s*,?\s*(?:if|wenn)|bitte ich (?:sie |euch )?um|ersuche|(?:möchte|würde) (?:ich )?(?:gerne? |gern )?(?:wissen|fragen)|(?:would|should) like to (?:know|ask)|wish to (?:know|ask))(?!\p{L})/iu;

/**
 * A preface that only announces the question ("Ich hab zwei Fragen: …", "I have a quick question
 * about the hack: …", "Darf ich fragen, …", "May I ask, …"): no part of what is asked, and left out
 * (round 34; "Frage" read with "Hallo" made the greeting the answer; round 35: "fragen" made it
 * a wish to forward the question).
 */
const preface =
  /^\s*(?:(?:(?:ich\s+)?(?:hab|habe|hätte|hätt|hätte da)\s+(?:da\s+|mal\s+|noch\s+|nur\s+)*(?:eine?|ne|zwei|drei|ein paar|paar|mehrere|einige)\s+(?:kurze\s+|kleine\s+|dringende\s+|wichtige\s+|weitere\s+)?fragen?|(?:i\s+)?(?:have|got|'ve got|ve got|had)\s+(?:a|one|two|three|a few|some|a couple of|several|another)\s+(?:quick\s+|small\s+|short\s+|simple\s+|urgent\s+|more\s+)?questions?|(?:meine\s+|eine\s+|kurze\s+)?fragen?|(?:my\s+|a\s+|quick\s+)?questions?)(?:\s+\p{L}+){0,4}?\s*:|(?:darf|dürfte|kann|könnte)\s+ich\s+(?:mal\s+|kurz\s+|bitte\s+|noch\s+|vielleicht\s+)*(?:fragen|nachfragen)\s*,|(?:may|can|could|might)\s+i\s+(?:just\s+|quickly\s+|please\s+)?ask\s*,)\s*(?=\S)/iu;

/** The fewest words of a story after a salutation ("Hallo, guten Tag." is a greeting twice). */
const storyWords = 4;

/** The most words of a question that points back to the sentence before it. */
const followUpWords = 6;

/**
 * A pronoun that points back, with at most two words after it, none capitalised ("Geht das?",
 * "Ist das möglich?", "Was it hacked too?"), not an article before a German noun ("Wie wird das
 * Wetter morgen?"). German also points back with "damit", "dazu" … before at most one more word,
 * not a participle ("Was bezweckt ihr damit?", "Wie gehe ich damit um?", round 23): "Was habt
 * ihr dagegen gemacht?" says its own topic, "…, damit nichts passiert?" is "so that", and a bare
 * "da" as often means "there".
 */
const pointer =
  /(?<!\p{L})(?:(?:[Dd]as|[Dd]ies|[Ee]s|[Tt]hat|[Ii]t)(?:\s+\p{Ll}+){0,2}|[Dd]a(?:zu|von|gegen|mit|für|bei|rauf|rüber)(?:\s+(?!ge)\p{Ll}+)?)[\s?!.]*$/u;

/**
 * A sentence that is only a thanks is never what a follow-up points back to ("Vielen Dank für die
 * Info. Was kann ich dagegen tun?"); one that goes on to tell something is ("Danke, ich habe noch
 * eine Mail bekommen. Was mache ich damit?").
 */
const thanks = /^\W*(?:danke|vielen dank|besten dank|thanks|thank you|thx|merci)(?:\s+\p{L}+){0,4}[\s.!]*$/iu;

/**
 * Whether a sentence opens as a question does and ends by pointing back ("Wie geht das",
 * "HOW DO I DO THAT"), in either language, with or without its question mark: it asks about the
 * sentence before it. Read in lower case, since a message in capitals tells no noun by its case.
 */
export function pointsBack(sentence: string): boolean {
  const [first] = words(sentence);
  if (first === undefined) return false;
  const opens = (['de', 'en'] as const).some((locale) =>
    interrogatives[locale].has(canonicalWord(first, locale)),
  );
  return opens && pointer.test(sentence.toLowerCase());
}

/** Splits a message into sentences, each with its text and whether it asks the question. */
function sentences(text: string, locale: Language): { text: string; question: boolean }[] {
  // How a sentence asks: with a question mark or a question word ("yes"), or with a verb first
  // ("Bin ich betroffen."). A verb first asks only with its subject after it; chat drops the
  // subject of a statement ("Bin vor zwei Jahren hergezogen.", "Was at the town hall
  // yesterday."), which is story beside a sentence that asks (round 25), and asks after all
  // when no sentence does ("Wurden Daten gestohlen. Danke.": found in review).
  const asking = (part: string): 'yes' | 'alone' | 'no' => {
    if (/\?\s*$/u.test(part)) return 'yes';
    const [firstWord, secondWord] = words(part);
    const first = firstWord === undefined ? undefined : canonicalWord(firstWord, locale);
    if (first === undefined || !interrogatives[locale].has(first)) return 'no';
    if (!verbFirst[locale].has(first) || secondWord === undefined) return 'yes';
    return subjects[locale].has(canonicalWord(secondWord, locale)) ? 'yes' : 'alone';
  };
  const asks = (part: string) => asking(part) !== 'no';
  const parts = text.split(sentenceBreak).filter((part) => /[\p{L}\p{N}]/u.test(part));
  const greeted = parts[0] === undefined ? null : salutation.exec(parts[0]);
  if (greeted && parts[0]) {
    const rest = parts[0].slice(greeted[0].length);
    if (words(rest).length >= 1 && (asks(rest) || indirect.test(rest) || politeRequest.test(rest)))
      parts.splice(0, 1, greeted[1] ?? '', rest);
    // Before a story that a later sentence asks about ("Sehr geehrte Damen und Herren, mein Enkel
    // sagt, ich muss alle Passwörter ändern. Stimmt das?", round 33) the salutation is left out:
    // such a question takes its topic from the whole story, where the salutation read as a greeting.
    // Not before a second greeting ("Hallo, guten Tag. … Was kannst du alles?").
    else if (words(rest).length >= storyWords && parts.slice(1).some(asks)) parts.splice(0, 1, rest);
  }
  for (const [index, part] of parts.entries()) {
    const announced = preface.exec(part);
    if (announced && words(part.slice(announced[0].length)).length >= 2)
      parts[index] = part.slice(announced[0].length);
  }
  // A closing formula ("Mit freundlichen Grüßen", "Respectfully yours") ends a letter: it is no
  // sentence of it, and never the request when no sentence asks.
  if (parts.length > 1 && signOff.test(parts.at(-1) ?? '')) parts.pop();
  const readings = parts.map(asking);
  const alone = !readings.includes('yes');
  const marked = parts.map((part, index) => ({
    text: part,
    question: readings[index] === 'yes' || (alone && readings[index] === 'alone'),
  }));
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
  // A short question that points back with a word of its own ("Ist das möglich?", "Can I do
  // that?") asks about the sentence before it: "Ich würde das lieber mit einem Menschen
  // besprechen. Ist das möglich?" asks for a person (round 21). One with no word of its own
  // ("Stimmt das?", "What does that mean?") is an implicit question (locale-index.ts).
  for (const [index, part] of marked.entries()) {
    const before = marked[index - 1];
    if (!part.question || !before || before.question || !pointer.test(part.text) || thanks.test(before.text))
      continue;
    const said = words(part.text).map((word) => canonicalWord(word, locale));
    if (said.length <= followUpWords && said.some((word) => ownWord(word, locale))) before.question = true;
  }
  // No sentence asks: the one that asks indirectly ("she's asking if there's any proof …") is
  // the request; else a story ends with what the citizen wants ("... Ich möchte mit einem
  // Menschen sprechen."), so the last sentence is.
  if (marked.length > 1 && !marked.some((part) => part.question)) {
    const wanted = marked.findLast((part) => indirect.test(part.text)) ?? marked.at(-1);
    if (wanted) wanted.question = true;
  }
  return marked;
}

/**
 * The sentence of a message that asks (the last one, when several do), or undefined for a
 * message of one sentence: the same reading of a message as the analysis's focus.
 */
export function questionSentence(
  text: string,
  locale: Language,
  synonyms: SynonymTable = new Map(),
): string | undefined {
  const parts = sentences(rephrase(plainSpelling(text.normalize('NFKC')), synonyms.phrases), locale);
  return parts.length < 2 ? undefined : parts.findLast((part) => part.question)?.text;
}

/**
 * Folded words of a text with dialect and chat forms replaced by their standard words: those the
 * synonyms list ("ick" -> "ich"), then the rules of colloquial.ts ("jehackt" -> "gehackt").
 */
function standardWords(token: string, locale: Language, synonyms: SynonymTable): string[] {
  return tokenWords(token).flatMap((word) => {
    const canonical = canonicalWord(word, locale);
    // A last letter typed twice in chat ("thxx") is the form typed once.
    const once = typedOnce(canonical);
    return (
      synonyms.get(formKey(canonical)) ??
      (once === undefined ? undefined : synonyms.get(formKey(once))) ??
      colloquial(canonical, locale) ?? [canonical]
    );
  });
}

/**
 * The folded words of one token ("E-Mail" -> ["email"]), remembered: the same few thousand tokens
 * recur in every phrasing a matcher indexes, and folding each anew was a fifth of building one.
 */
const tokenWords = (token: string): readonly string[] => memo(tokens, token, () => words(token));

const tokens = lasting('tokens', () => new Map<string, readonly string[]>());

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
  const phrased = rephrase(plainSpelling(text.normalize('NFKC')), synonyms.phrases);
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
        const before = raw[position - 1];
        // "so viele Behörden", "so many towns": how widespread, not how many.
        const mustMatch =
          topicWords[locale].has(canonicalWord(token.toLocaleLowerCase('de'), locale)) &&
          !/^(?:so|too|zu)$/i.test(before ?? '');
        const previous =
          before === undefined ? undefined : canonicalWord(before.toLocaleLowerCase('de'), locale);
        const named = previous !== undefined && determiners[locale].has(previous);
        const owned = previous !== undefined && possessives[locale].has(previous);
        for (const canonical of standardWords(token, locale, synonyms)) {
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
              owned,
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
        owned: false,
      }));
  });
}

/** Whether a word is evidence for a locale's colloquial forms (language detection). */
export { isColloquial } from './colloquial.ts';

/** The terms of a text (see `analyzeTerms`). */
export function analyze(text: string, locale: Analysis, synonyms: SynonymTable = new Map()): string[] {
  return analyzeTerms(text, locale, synonyms).map(({ term }) => term);
}
