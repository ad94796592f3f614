// One module on purpose (~430 lines): one rule set; the rules share the sentence splitting and
// the word lists at the top.
/**
 * The Leichte Sprache rules that software can check reliably (docs/leichte-sprache.md):
 * sentence length, one statement per sentence, long words without separators, abbreviations,
 * passive voice, numbers as words and hard words left unexplained. Each rule looks for clear
 * markers only: the editor sees every message, so a false alarm on good Leichte Sprache costs
 * more than a missed borderline case. A person of the target group still has to check the text.
 */

export interface ReadabilityViolation {
  rule: string;
  sentence: string;
  message: string;
}

/** A sentence of the text, as the editor wrote it (Markdown emphasis and link targets removed). */
interface Sentence {
  text: string;
  words: string[];
}

export const maxWordsPerSentence = 15;
export const maxLettersPerWord = 12;

/**
 * Proper names that may stay long or be written in capitals. They are spelled as their owners
 * spell them, so splitting them would make them harder to recognise, not easier.
 */
// Empty on purpose: the town's own names come from its settings (`names` option), so no town is
// built into the checker (the editor bundle ships it).
export const allowedNames: readonly string[] = [];

/** Long words that are not compounds and so cannot be split; common enough to stay. */
export const allowedLongWords: readonly string[] = ['Informationen', 'Schwierigkeiten', 'Entschuldigung'];

/** Acronyms that readers know as words; everything else needs "<X> ist die Abkürzung für …". */
export const allowedAcronyms: readonly string[] = [];

/**
 * Hard words that must be explained in the same text. Each group lists the spellings of one
 * word (singular, plural, split or not); one explanation covers the whole group.
 */
export const hardWords: readonly (readonly string[])[] = [
  ['Phishing'],
  ['Spam'],
  ['Patch', 'Patches'],
  ['Server'],
  ['Link', 'Links'],
  ['Software'],
  ['Browser'],
  ['Update', 'Updates'],
  ['Plausibilität'],
  ['Dritte', 'Dritten'],
  ['Sicherheits-Lücke', 'Sicherheits-Lücken', 'Sicherheitslücke', 'Sicherheitslücken', 'Sicherheits·lücke'],
];

/** Dotted abbreviations; the generic "x. y." form catches "z. B.", "d. h.", "u. a.", "o. ä.". */
const dottedAbbreviations = [
  /(?<![\p{L}\p{N}@.])\p{Ll}\.\s?\p{L}{1,2}\./gu,
  /(?<![\p{L}\p{N}@.-])(?:bzw|ggf|usw|ca|stellv|evtl|inkl|etc|bspw|vgl|sog|allg|zzgl|ggü|mind|max|min)\.(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}@.-])(?:Nr|Nrn|Um|Tel|Hr|Fr|Str|Abs|Ziff|Bsp)\./gu,
  // "Art" is also a noun ("eine neue Art."): only the article of a law, "Art. 15", is flagged.
  /(?<![\p{L}\p{N}@.-])Art\.(?=\s*\p{N})/gu,
];

const monthNames = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';

/** Stands in for the dots of abbreviations and ordinals while sentences are split. */
const protectedDot = '\u2024';

const numberWords =
  /^(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|(?:zwan|dreiß|dreiss|vier|fünf|sech|sieb|acht|neun)zig|hundert|tausend|(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun)(?:hundert|tausend))$/iu;
/** Roman numerals of 2 or more letters (a single "I" or "V" is too ambiguous to flag). */
const romanNumeral = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;
const numericDate = /(?<![\p{N}.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\p{N}])/u;

const passiveAlways = /(?<![\p{L}])worden(?![\p{L}])/iu;
const werdenForms = /(?<![\p{L}])(?:wurde|wurden|wurdest|wurdet|wird|werden|werde|wirst|werdet)(?![\p{L}])/iu;
/**
 * Past participles: ge-…-t/-en (also after a separable prefix: "abgesichert", "aufgesetzt"),
 * -iert, and be-/ent-/er-/ver-/zer-…-t. Infinitives such as "bekommen" are left out, because
 * "Sie werden E-Mails bekommen" is active (future).
 */
const participle =
  /^(?:(?:ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|um|vor|weg|weiter|zu|zurück|durch)?ge\p{Ll}{2,}(?:t|en)|\p{Ll}{2,}iert|(?:be|ent|er|ver|zer)\p{Ll}{2,}t)$/u;
/** Adjectives that look like participles ("Der Angriff wurde bekannt" is not passive). */
const participleLookalikes = new Set([
  'bekannt',
  'bereit',
  'beliebt',
  'berühmt',
  'bestimmt',
  'gerecht',
  'gesamt',
  'verwandt',
]);

/** Clear markers of a second statement joined to the first (sentence-initial "Wenn" is allowed). */
const joiningMarkers: readonly { pattern: RegExp; message: (marker: string) => string }[] = [
  {
    pattern:
      /,\s*(dass|weil|wenn|falls|obwohl|damit|sodass|so dass|ob|nachdem|bevor|indem|wobei|sofern|solange|seitdem|und|oder|aber|denn|sondern|doch)(?![\p{L}])/iu,
    message: (marker) =>
      `Der Satz verbindet 2 Aussagen mit „, ${marker}“. Schreiben Sie jede Aussage in einen eigenen Satz, zum Beispiel mit „Deshalb …“ oder „Aber …“ am Anfang.`,
  },
  {
    // These join things as well as statements; either way they are hard words.
    pattern: /(?<![\p{L}])(sowie|sowohl|beziehungsweise|bzw\.)(?![\p{L}])/iu,
    message: (marker) =>
      `„${marker}“ ist schwer zu lesen. Schreiben Sie „und“ oder „oder“. Oder schreiben Sie 2 Sätze.`,
  },
];

/** Removes Markdown that is not read: emphasis, link targets, list markers and heading marks. */
function plainLines(markdown: string): string[] {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    .replace(/\*\*|__|\*/g, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:#{1,6}\s+|>\s*|[-+]\s+|\d+[.)]\s+)/, '')
        .replace(/^\s*mailto:/i, '')
        .trim(),
    )
    .filter((line) => line.length > 0);
}

function protectDots(line: string): string {
  let protectedLine = line;
  for (const pattern of dottedAbbreviations) {
    protectedLine = protectedLine.replace(pattern, (match) => match.replaceAll('.', protectedDot));
  }
  // "4. Mai 2021": the ordinal's dot does not end the sentence.
  return protectedLine.replace(
    new RegExp(`(?<![\\p{N}])(\\d{1,2})\\.(?=\\s+(?:${monthNames})(?![\\p{L}]))`, 'gu'),
    `$1${protectedDot}`,
  );
}

/** Words of a sentence, without surrounding punctuation; a number or an address is one word. */
function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Splits on . ! ? : (followed by a space or the line end) and on every line of Markdown. */
export function splitSentences(markdown: string): Sentence[] {
  return plainLines(markdown).flatMap((line) =>
    protectDots(line)
      .split(/(?<=[.!?:…][“”"'»«)\]]*)\s+/u)
      .map((part) => part.replaceAll(protectedDot, '.').trim())
      .filter((part) => /[\p{L}\p{N}]/u.test(part))
      .map((text) => ({ text, words: wordsOf(text) })),
  );
}

const isAddress = (word: string) =>
  word.includes('@') || /^(?:https?:|www\.)/i.test(word) || /\p{L}\.\p{L}/u.test(word);
const letters = (part: string) => [...part.matchAll(/\p{L}/gu)].length;
/** A word split at hyphens (also the non-breaking one), medio-points and slashes. */
const partsOf = (word: string) => word.split(/[-\u2010\u2011·/]/).filter((part) => part.length > 0);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sentenceLength(sentence: Sentence): ReadabilityViolation[] {
  const count = sentence.words.length;
  if (count <= maxWordsPerSentence) return [];
  return [
    {
      rule: 'sentence-length',
      sentence: sentence.text,
      message: `Der Satz hat ${count} Wörter. Ein Satz in Leichter Sprache hat höchstens ${maxWordsPerSentence} Wörter. Teilen Sie ihn in 2 oder mehr Sätze.`,
    },
  ];
}

function oneStatement(sentence: Sentence): ReadabilityViolation[] {
  for (const { pattern, message } of joiningMarkers) {
    const match = sentence.text.match(pattern);
    if (!match) continue;
    return [{ rule: 'one-statement', sentence: sentence.text, message: message(match[1] ?? '') }];
  }
  return [];
}

function longWords(sentence: Sentence, names: readonly string[]): ReadabilityViolation[] {
  return sentence.words
    .filter(
      (word) =>
        !isAddress(word) &&
        !allowedNames.includes(word) &&
        !names.includes(word) &&
        !allowedLongWords.includes(word),
    )
    .flatMap((word) => {
      // A word the editor has split once is accepted as a whole: "Lern-Schwierigkeiten" is
      // standard Leichte Sprache, although "Schwierigkeiten" alone has 15 letters.
      if (partsOf(word).length > 1 || letters(word) <= maxLettersPerWord) return [];
      return [
        {
          rule: 'long-word',
          sentence: sentence.text,
          message: `„${word}“ hat ${letters(word)} Buchstaben ohne Trennung. Trennen Sie zusammengesetzte Wörter mit Binde-Strich oder Medio-Punkt, zum Beispiel „Daten-Schutz“ oder „Daten·schutz“. Oder nehmen Sie ein kürzeres Wort.`,
        },
      ];
    });
}

/** Acronyms the text explains: "<X> ist die Abkürzung für/von …", "<X> bedeutet …", "<X> heißt …". */
function explainedAcronyms(sentences: readonly Sentence[]): Set<string> {
  const explained = new Set<string>();
  for (const { text } of sentences) {
    for (const match of text.matchAll(
      /(?<![\p{L}])(\p{Lu}{2,6})(?![\p{L}])\s+(?:ist die Abkürzung (?:für|von)|ist eine Abkürzung (?:für|von)|bedeutet|heißt)/gu,
    )) {
      explained.add(match[1] as string);
    }
    for (const match of text.matchAll(
      /Die Abkürzung (?:dafür )?(?:ist|heißt)\s+(\p{Lu}{2,6})(?![\p{L}])/gu,
    )) {
      explained.add(match[1] as string);
    }
  }
  return explained;
}

/** What the common dotted abbreviations stand for, so the message can name the whole word. */
const expansions: Record<string, string> = {
  'z.B.': 'zum Beispiel',
  'd.h.': 'das heißt',
  'u.a.': 'unter anderem',
  'bzw.': 'oder',
  'ggf.': 'vielleicht',
  'evtl.': 'vielleicht',
  'usw.': 'und so weiter',
  'etc.': 'und so weiter',
  'ca.': 'ungefähr',
  'inkl.': 'mit',
  'Nr.': 'Nummer',
  'Tel.': 'Telefon',
  'Art.': 'Artikel',
  'Abs.': 'Absatz',
  // A region in a place name, e.g. "(Um.)": the full name, spelled out (no town built in).
  'Um.': 'den vollen Namen',
  'stellv.': 'Vertreter oder Vertreterin',
  'Hr.': 'Herr',
  'Fr.': 'Frau',
};

function expansionHint(abbreviation: string): string {
  const whole = expansions[abbreviation.replace(/\s+/g, '')];
  return whole ? `: „${whole}“` : '';
}

function abbreviations(
  sentence: Sentence,
  explained: Set<string>,
  names: readonly string[],
): ReadabilityViolation[] {
  const found: string[] = [];
  for (const pattern of dottedAbbreviations) {
    for (const match of sentence.text.matchAll(pattern)) found.push(match[0]);
  }
  for (const word of sentence.words) {
    if (isAddress(word)) continue;
    for (const part of partsOf(word)) {
      const acronym = part.replace(/s$/, '');
      if (
        /^\p{Lu}{2,6}$/u.test(acronym) &&
        !romanNumeral.test(acronym) &&
        !explained.has(acronym) &&
        !allowedAcronyms.includes(acronym) &&
        !allowedNames.some((name) => name.toUpperCase() === acronym) &&
        !names.includes(part)
      ) {
        found.push(part);
      }
    }
  }
  return [...new Set(found)].map((abbreviation) => ({
    rule: 'abbreviation',
    sentence: sentence.text,
    message: /\./.test(abbreviation)
      ? `„${abbreviation}“ ist eine Abkürzung. Schreiben Sie das ganze Wort${expansionHint(abbreviation)}.`
      : `„${abbreviation}“ ist eine Abkürzung. Schreiben Sie das Wort aus. Oder erklären Sie die Abkürzung im Text: „${abbreviation} ist die Abkürzung für …“.`,
  }));
}

function passive(sentence: Sentence): ReadabilityViolation[] {
  // Raw tokens keep their punctuation: a comma after a participle ends its clause.
  const tokens = sentence.text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
  const bare = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const isParticipleAt = (index: number) => {
    const token = tokens[index] ?? '';
    // Participles are written in lower case; only the first word may be capitalised. Nouns such
    // as "Gebiet" or "Verbot" therefore never count.
    const word = index === 0 ? bare(token).toLowerCase() : bare(token);
    if (!participle.test(word) || participleLookalikes.has(word)) return false;
    // In a passive clause the participle closes the clause ("… wurde abgeschaltet." / "…
    // weitergeleitet werden"); one followed by a noun is an adjective ("die gestohlenen Daten").
    const next = tokens[index + 1];
    return next === undefined || /[,;:]$/.test(token) || werdenForms.test(bare(next));
  };
  const isPassive =
    passiveAlways.test(sentence.text) ||
    (werdenForms.test(sentence.text) && tokens.some((_, index) => isParticipleAt(index)));
  if (!isPassive) return [];
  return [
    {
      rule: 'passive',
      sentence: sentence.text,
      message:
        'Der Satz steht im Passiv. Sagen Sie, wer etwas tut: „Die Stadt hat den Server abgeschaltet.“ statt „Der Server wurde abgeschaltet.“',
    },
  ];
}

function numbers(sentence: Sentence): ReadabilityViolation[] {
  const violations: ReadabilityViolation[] = sentence.words
    .filter((word) => numberWords.test(word))
    .map((word) => ({
      rule: 'number-words',
      sentence: sentence.text,
      message: `Schreiben Sie Zahlen als Ziffern: „${word}“ als Zahl, zum Beispiel „2“ statt „zwei“.`,
    }));
  for (const word of sentence.words) {
    if (romanNumeral.test(word)) {
      violations.push({
        rule: 'number-words',
        sentence: sentence.text,
        message: `„${word}“ ist eine römische Zahl. Schreiben Sie die Zahl mit arabischen Ziffern, zum Beispiel „4“ statt „IV“.`,
      });
    }
  }
  const date = sentence.text.match(numericDate);
  if (date) {
    violations.push({
      rule: 'number-words',
      sentence: sentence.text,
      message: `Schreiben Sie das Datum „${date[0]}“ mit dem Namen des Monats, zum Beispiel „4. Mai 2021“.`,
    });
  }
  return violations;
}

/** Does the text explain this hard word: "<Wort> bedeutet …", "<Wort> ist ein …", "Das heißt: …"? */
function isExplained(forms: readonly string[], sentences: readonly Sentence[]): boolean {
  const form = `(?:${forms.map(escapeRegExp).join('|')})`;
  const definition = new RegExp(
    `(?<![\\p{L}])${form}(?![\\p{L}])\\s+(?:bedeutet|bedeuten|heißt|heißen|meint|nennt man|(?:ist|sind)\\s+(?:ein|eine|einer|der|die|das|\\p{Lu}))`,
    'u',
  );
  const mentions = new RegExp(`(?<![\\p{L}])${form}(?![\\p{L}])`, 'u');
  return sentences.some(
    (sentence, index) =>
      definition.test(sentence.text) ||
      (mentions.test(sentence.text) &&
        sentences
          .slice(index + 1, index + 3)
          .some((next) => /^(?:Das heißt|Das bedeutet)(?![\p{L}])/u.test(next.text))),
  );
}

function foreignWords(sentences: readonly Sentence[]): ReadabilityViolation[] {
  return hardWords.flatMap((forms) => {
    const first = sentences.find((sentence) =>
      sentence.words.some(
        (word) => forms.includes(word) || partsOf(word).some((part) => forms.includes(part)),
      ),
    );
    if (!first || isExplained(forms, sentences)) return [];
    return [
      {
        rule: 'foreign-word',
        sentence: first.text,
        message: `„${forms[0]}“ ist ein schweres Wort. Erklären Sie es im selben Text, zum Beispiel: „${forms[0]} bedeutet: …“ oder „Das heißt: …“. Oder nehmen Sie ein einfaches Wort.`,
      },
    ];
  });
}

export interface LeichteSpracheOptions {
  /**
   * Further proper names that may stay long or in capitals, like `allowedNames`: the town's own
   * names and its contacts once the template's placeholders are resolved ("Beispielstedt").
   */
  names?: readonly string[];
}

const placeholderPattern = /\{\{\s*[a-zA-Z.-]+\s*\}\}/g;
/**
 * A placeholder (`{{town.name}}`, docs/leichte-sprache.md) stands for a name or an address from
 * the settings, so it is neither a long word nor an acronym. While checking, each one becomes a
 * stand-in word that no rule flags (private-use brackets around its number: one word, no
 * letters); the messages show the placeholder again. A placeholder counts as one word, so check
 * the resolved text as well where a long name could make a sentence too long.
 */
const standIn = (index: number) => `\uE000${index}\uE001`;
const standInPattern = /\uE000(\d+)\uE001/g;

/** Checks a Markdown text against the Leichte Sprache rules; empty when it passes. */
export function checkLeichteSprache(
  markdown: string,
  options: LeichteSpracheOptions = {},
): ReadabilityViolation[] {
  const placeholders: string[] = [];
  const text = markdown.replace(placeholderPattern, (whole) => standIn(placeholders.push(whole) - 1));
  const restore = (part: string) =>
    part.replace(standInPattern, (whole, index: string) => placeholders[Number(index)] ?? whole);
  const names = options.names ?? [];
  const sentences = splitSentences(text);
  const explained = explainedAcronyms(sentences);
  return [
    ...sentences.flatMap((sentence) => [
      ...sentenceLength(sentence),
      ...oneStatement(sentence),
      ...longWords(sentence, names),
      ...abbreviations(sentence, explained, names),
      ...passive(sentence),
      ...numbers(sentence),
    ]),
    ...foreignWords(sentences),
  ].map((violation) => ({
    ...violation,
    sentence: restore(violation.sentence),
    message: restore(violation.message),
  }));
}
