import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../functions/lib/unanswered/anonymise.ts';
import { personalQuestion, survivors } from '../property/anonymise-properties.ts';

// `npm test` runs a few hundred cases; `npm run fuzz` runs 10,000 (tests/property/fuzz.ts).
describe('anonymiser properties', () => {
  it('when a question holds names, self-introductions, passwords or obfuscated addresses › none of them survives', () => {
    fc.assert(
      fc.property(personalQuestion, ({ text, secrets }) => {
        expect(survivors(anonymise(text), secrets)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('catches the cases from the security review', () => {
    expect(anonymise('Sind die Daten von Max Mustermann betroffen?')).toBe(
      'Sind die Daten von [Name] betroffen?',
    );
    expect(anonymise('Ich bin Anna Meier und habe eine Frage')).not.toMatch(/Anna|Meier/);
    expect(anonymise('anna dot meier at gmx dot de')).toBe('[E-Mail]');
    expect(anonymise('Mein Passwort ist Sommer2021!')).not.toContain('Sommer2021');
    expect(anonymise('Muss ich mein Passwort ändern?')).toBe('Muss ich mein Passwort ändern?');
  });
});
