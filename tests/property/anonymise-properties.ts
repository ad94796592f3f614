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
// Made-up surnames and address parts: never a word of the templates below.
const made = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[bcdfgkmnprstvz][aeiou][bcdfgkmnprstvz][a-z]{${min - 3},${max - 3}}$`));
const firstName = fc.constantFrom(...[...firstNames].filter((name) => /^[a-z]+$/.test(name)).map(capitalise));
const surname = made(5, 12).map(capitalise);
const secret = fc.stringMatching(/^[A-Za-z][A-Za-z0-9!$%&*#]{4,14}[0-9]$/);
const pin = fc.integer({ min: 1000, max: 99_999_999 }).map(String);
const at = fc.constantFrom(' at ', ' (at) ', '(at)', ' [at] ', '[at]', ' ät ', '@', ' @ ');
const dot = fc.constantFrom(' dot ', ' (dot) ', '(dot)', ' [dot] ', '.', ' punkt ');
const tld = fc.constantFrom('de', 'com', 'org', 'net', 'eu');
const opener = fc.constantFrom('', 'Guten Tag, ', 'Hallo! ', 'Hello, ', 'Frage: ');
const closer = fc.constantFrom('', ' Danke.', ' Ist das gefährlich?', ' Was soll ich tun?', ' Thanks!');

const nameWithoutTitle = fc
  .tuple(
    firstName,
    surname,
    fc.constantFrom(
      'Sind die Daten von %s betroffen?',
      'Hat %s meine Akte gesehen?',
      'Is %s affected?',
      'Bitte an %s weiterleiten.',
    ),
  )
  .map(([first, last, template]) => ({
    text: template.replace('%s', `${first} ${last}`),
    secrets: [first, last],
  }));

const selfIntroduction = fc
  .tuple(
    firstName,
    surname,
    fc.constantFrom(
      'Ich bin %s und',
      'Ich bin %s,',
      'Mein Name ist %s und',
      'my name is %s and',
      "I'm %s and",
      'Hier ist %s:',
    ),
  )
  .map(([first, last, template]) => ({
    text: `${template.replace('%s', `${first} ${last}`)} ich habe eine Frage.`,
    secrets: [first, last],
  }));

const statedSecret = fc
  .tuple(
    fc.oneof(secret, pin),
    fc.constantFrom(
      'Mein Passwort ist %s',
      'Passwort: %s',
      'Kennwort lautet %s',
      'meine PIN %s',
      'PIN: %s',
      'my password is %s',
      'password=%s',
      'Die TAN war %s',
    ),
  )
  .map(([value, template]) => ({ text: `${template.replace('%s', value)}.`, secrets: [value] }));

const obfuscatedAddress = fc
  .tuple(made(4, 10), fc.option(made(4, 10), { nil: undefined }), at, made(3, 8), dot, tld, dot)
  .map(([local, second, atSign, domain, dotSign, top, innerDot]) => {
    const user = second ? `${local}${innerDot}${second}` : local;
    return {
      text: `Schreiben Sie an ${user}${atSign}${domain}${dotSign}${top} bitte`,
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
