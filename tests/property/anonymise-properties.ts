import fc from 'fast-check';
import { firstNames } from '../../functions/lib/unanswered/first-names.ts';

/**
 * Generators of citizens' questions that carry personal data the anonymiser must remove:
 * names without titles, self-introductions, stated passwords/PINs and obfuscated addresses.
 * Each sample names the secrets that must not survive.
 */
export interface Sample {
  text: string;
  secrets: string[];
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const openers = ['', 'Guten Tag, ', 'Hallo! ', 'Hello, ', 'Frage: '];
const closers = ['', ' Danke.', ' Ist das gefährlich?', ' Was soll ich tun?', ' Thanks!'];
const nameTemplates = [
  'Sind die Daten von %s betroffen?',
  'Hat %s meine Akte gesehen?',
  'Is %s affected?',
  'Bitte an %s weiterleiten.',
];
const introductions = [
  'Ich bin %s und',
  'Ich bin %s,',
  'Mein Name ist %s und',
  'my name is %s and',
  "I'm %s and",
  'Hier ist %s:',
];
const secretTemplates = [
  'Mein Passwort ist %s',
  'Passwort: %s',
  'Kennwort lautet %s',
  'meine PIN %s',
  'PIN: %s',
  'my password is %s',
  'password=%s',
  'Die TAN war %s',
];
const addressTemplate = 'Schreiben Sie an %s bitte';
const addressWords = [
  ' at ',
  ' (at) ',
  '(at)',
  ' [at] ',
  '[at]',
  ' ät ',
  '@',
  ' @ ',
  ' dot ',
  ' (dot) ',
  '(dot)',
  ' [dot] ',
  ' punkt ',
];

/** Every word of the texts around the personal data: a made-up secret equal to one ("tag" of "Guten Tag") would be found in the text without having survived. */
const templateWords = new Set(
  [
    ...openers,
    ...closers,
    ...nameTemplates,
    ...introductions,
    ...secretTemplates,
    addressTemplate,
    ...addressWords,
    'ich habe eine Frage.',
  ].flatMap((text) => text.toLowerCase().match(/\p{L}+/gu) ?? []),
);

// Made-up surnames and address parts: never a word of the templates above.
const made = (min: number, max: number) =>
  fc
    .stringMatching(new RegExp(`^[bcdfgkmnprstvz][aeiou][bcdfgkmnprstvz][a-z]{${min - 3},${max - 3}}$`))
    .filter((word) => !templateWords.has(word));
const firstName = fc.constantFrom(...[...firstNames].filter((name) => /^[a-z]+$/.test(name)).map(capitalise));
const surname = made(5, 12).map(capitalise);
const secret = fc.stringMatching(/^[A-Za-z][A-Za-z0-9!$%&*#]{4,14}[0-9]$/);
const pin = fc.integer({ min: 1000, max: 99_999_999 }).map(String);
const at = fc.constantFrom(' at ', ' (at) ', '(at)', ' [at] ', '[at]', ' ät ', '@', ' @ ');
const dot = fc.constantFrom(' dot ', ' (dot) ', '(dot)', ' [dot] ', '.', ' punkt ');
const tld = fc.constantFrom('de', 'com', 'org', 'net', 'eu');
const opener = fc.constantFrom(...openers);
const closer = fc.constantFrom(...closers);

const nameWithoutTitle = fc
  .tuple(firstName, surname, fc.constantFrom(...nameTemplates))
  .map(([first, last, template]) => ({
    text: template.replace('%s', `${first} ${last}`),
    secrets: [first, last],
  }));

const selfIntroduction = fc
  .tuple(firstName, surname, fc.constantFrom(...introductions))
  .map(([first, last, template]) => ({
    text: `${template.replace('%s', `${first} ${last}`)} ich habe eine Frage.`,
    secrets: [first, last],
  }));

const statedSecret = fc
  .tuple(fc.oneof(secret, pin), fc.constantFrom(...secretTemplates))
  .map(([value, template]) => ({ text: `${template.replace('%s', value)}.`, secrets: [value] }));

const obfuscatedAddress = fc
  .tuple(made(4, 10), fc.option(made(4, 10), { nil: undefined }), at, made(3, 8), dot, tld, dot)
  .map(([local, second, atSign, domain, dotSign, top, innerDot]) => {
    const user = second ? `${local}${innerDot}${second}` : local;
    return {
      text: addressTemplate.replace('%s', `${user}${atSign}${domain}${dotSign}${top}`),
      secrets: [local, ...(second ? [second] : []), domain],
    };
  });

/** One question with one or two kinds of personal data, in a greeting and a closing. */
export const personalQuestion: fc.Arbitrary<Sample> = fc
  .tuple(
    opener,
    fc.array(fc.oneof(nameWithoutTitle, selfIntroduction, statedSecret, obfuscatedAddress), {
      minLength: 1,
      maxLength: 2,
    }),
    closer,
  )
  .map(([start, parts, end]) => ({
    text: `${start}${parts.map((part) => part.text).join(' ')}${end}`,
    secrets: parts.flatMap((part) => part.secrets),
  }));

/** The secrets that survived anonymisation (as whole words): empty when the property holds. */
export function survivors(anonymised: string, secrets: readonly string[]): string[] {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return secrets.filter((value) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(value)}($|[^\\p{L}\\p{N}])`, 'iu').test(anonymised),
  );
}
