/**
 * Removes personal data from a citizen's question before it is stored for staff. The rules
 * run in order, most specific first, so an IBAN is not half-eaten by the phone rule. What is
 * left keeps the question's meaning: "[E-Mail]" says that the citizen mentioned an address.
 * Deliberately greedy: a false positive costs a word, a false negative costs privacy.
 */
import { firstNames } from './first-names.ts';

interface Rule {
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
}

/** Case-insensitive letters for a lead phrase, while the name itself must be capitalised. */
const anyCase = (text: string) =>
  text.replace(/\p{Ll}/gu, (letter) => `[${letter}${letter.toLocaleUpperCase('de')}]`);

const name = "[\\p{Lu}][\\p{L}'-]+(?:\\s+(?:von|van|de|zu)?\\s*[\\p{Lu}][\\p{L}'-]+){0,2}";

/** The "at" and "dot" of obfuscated addresses (with spaces, brackets, in German and English). */
const at = String.raw`(?:\s*[([{<]\s*(?:at|ät|@)\s*[)\]}>]\s*|\s+(?:at|ät)\s+|\s*@\s*)`;
const dot = String.raw`(?:\s*[([{<]\s*(?:dot|punkt|\.)\s*[)\]}>]\s*|\s+(?:dot|punkt)\s+|\.)`;

/** Words that state a secret, and what may stand between them and the secret itself. */
const secretWord = '(?:passwort|kennwort|password|passwd|passcode|pin|puk|tan|zugangscode|access code|pw)';
const secretLink = String.raw`(?:\s*(?:ist|lautet|war|heißt|heisst|is|was|:|=)\s*[:=]?\s*|\s+(?=\S*\d))`;

const rules: Rule[] = [
  // URLs: the path and query may carry tokens, names or case numbers.
  { pattern: /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu, replace: '[Link]' },
  {
    // Obfuscated addresses: "anna dot meier at gmx dot de", "anna.meier (at) gmx (dot) de",
    // "anna [at] gmx [.] de", "anna at gmx.de", "anna ät web punkt de".
    pattern: new RegExp(
      `[\\p{L}\\p{N}_+-]+(?:${dot}[\\p{L}\\p{N}_+-]+)*${at}[\\p{L}\\p{N}-]+(?:${dot}[\\p{L}\\p{N}-]+)*${dot}\\p{L}{2,12}\\b`,
      'giu',
    ),
    replace: '[E-Mail]',
  },
  {
    // The local part may hold any of RFC 5322's specials.
    pattern:
      /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+(?:@|\s*\(at\)\s*|\s*\[at\]\s*)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu,
    replace: '[E-Mail]',
  },
  // IBAN: country code, check digits, 11-30 alphanumerics, often in groups of four.
  { pattern: /\b[A-Z]{2}\s?\d{2}(?:[\s-]?[A-Z0-9]){11,30}\b/gu, replace: '[IBAN]' },
  // Credit cards: 13-19 digits in groups.
  { pattern: /\b\d{4}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?\b/g, replace: '[Nummer]' },
  // Dates (of birth, or any date: in a question they identify more than they explain).
  {
    pattern: /\b\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:19|20)?\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g,
    replace: '[Datum]',
  },
  {
    pattern:
      /\b\d{1,2}\.?\s+(?:Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December)\s+(?:19|20)\d{2}\b/giu,
    replace: '[Datum]',
  },
  // Phone numbers: +49 / 0049 / 0 prefixes, with spaces, slashes, dashes, brackets.
  {
    pattern:
      /(?:\+|\b00)\d{1,3}[\s/.-]?(?:\(0\)[\s/.-]?)?\d(?:[\s/.-]?\d){5,13}\b|\(?\b0\d{2,5}\)?[\s/.-]?\d(?:[\s/.-]?\d){3,10}\b/g,
    replace: '[Telefon]',
  },
  // Tax numbers (Steuernummer 12/345/67890), ID card and passport numbers (letter + digits).
  { pattern: /\b\d{2,3}\/\d{3,4}\/\d{4,5}\b/g, replace: '[Nummer]' },
  { pattern: /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,12}\b/gu, replace: '[Nummer]' },
  // Postcode with town.
  { pattern: /\b\d{5}\s+[\p{Lu}][\p{L}-]+/gu, replace: '[Ort]' },
  // Any remaining run of 5 or more digits: Steuer-ID (11), customer, case or file numbers.
  { pattern: /\d(?:[\s./-]?\d){4,}/g, replace: '[Nummer]' },
  // Names the citizen introduces.
  {
    pattern: new RegExp(
      `\\b(${anyCase('ich heiße|ich heisse|mein name ist|mein name lautet|hier spricht|hier schreibt|my name is|i am called')})\\s+(${name})`,
      'gu',
    ),
    replace: (_match, lead) => `${lead} [Name]`,
  },
  {
    pattern: new RegExp(`\\b((?:Herr|Frau|Hr\\.|Fr\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.)\\s+)(${name})`, 'gu'),
    replace: (_match, lead) => `${lead}[Name]`,
  },
  {
    pattern: new RegExp(
      `\\b(${anyCase('ich bin|i am')}|I'm)\\s+(${name})(?=\\s*(?:[,.!?]|und |and |$))`,
      'gu',
    ),
    replace: (_match, lead) => `${lead} [Name]`,
  },
  // Stated passwords, PINs and codes: the word stays, the secret goes.
  {
    pattern: new RegExp(`\\b(${secretWord}s?)${secretLink}(["'„“]?)[^\\s"'“”]+\\2`, 'giu'),
    replace: (_match, lead) => `${lead}: [Geheimnis]`,
  },
  // Self-introductions with a first name, even without punctuation after it ("Ich bin Anna Meier und ...").
  {
    pattern: new RegExp(`\\b(${anyCase('ich bin|i am|this is|hier ist|hier sind')}|I'm)\\s+(${name})`, 'gu'),
    replace: (match: string, lead: string, who: string) =>
      firstNames.has(who.split(/\s+/)[0]?.toLocaleLowerCase('de') ?? '') ? `${lead} [Name]` : match,
  },
  // Names without a title: a known first name, with the capitalised words next to it (the surname).
  {
    pattern:
      /(?:[\p{Lu}][\p{L}'-]+\s+)?[\p{Lu}][\p{L}'-]*(?:\s+(?:von|van|de|zu|der|den)?\s*[\p{Lu}][\p{L}'-]+){0,2}/gu,
    replace: (match: string) => {
      const words = match.split(/\s+/);
      const index = words.findIndex((word) => firstNames.has(word.toLocaleLowerCase('de')));
      if (index < 0) return match;
      // Keep a capitalised word before the first name (a sentence start like "Ist"), drop the rest.
      return [...words.slice(0, index), '[Name]'].join(' ');
    },
  },
  // Street addresses: a street-like word followed by a house number.
  {
    pattern:
      /\b[\p{L}.-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|chaussee|street|road|avenue)\s+\d{1,4}\s?[a-z]?\b/giu,
    replace: '[Adresse]',
  },
];

/** Returns the question with personal data replaced by placeholders like [E-Mail]. */
export function anonymise(text: string): string {
  let result = text.normalize('NFC');
  for (const rule of rules) {
    result = result.replace(rule.pattern, rule.replace as never);
  }
  return result.replace(/\s{2,}/g, ' ').trim();
}
