import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../functions/lib/unanswered/anonymise.ts';

/**
 * Each row: a question with personal data, what must be gone, and what must remain (the
 * placeholder and the words that carry the question's meaning).
 */
const cases: { input: string; removed: string[]; kept: string[] }[] = [
  {
    input: 'Meine E-Mail ist max.mustermann@example.org, wurde sie gestohlen?',
    removed: ['max.mustermann', 'example.org'],
    kept: ['[E-Mail]', 'wurde sie gestohlen?'],
  },
  {
    input: 'Schreiben Sie an erika (at) web.de bitte',
    removed: ['erika', 'web.de'],
    kept: ['[E-Mail]', 'bitte'],
  },
  {
    input: 'Rufen Sie mich an: 0171 1234567',
    removed: ['1234567', '0171'],
    kept: ['[Telefon]', 'Rufen Sie mich an'],
  },
  {
    input: 'Telefon +49 (0)3973 12345-67, Rückruf?',
    removed: ['3973', '12345'],
    kept: ['[Telefon]', 'Rückruf?'],
  },
  { input: 'call me on +44 20 7946 0958', removed: ['7946', '0958'], kept: ['[Telefon]', 'call me on'] },
  { input: 'Tel. 03973/444-0 erreichbar?', removed: ['03973', '444'], kept: ['[Telefon]', 'erreichbar?'] },
  {
    input: 'Ist meine IBAN DE89 3704 0044 0532 0130 00 betroffen?',
    removed: ['DE89', '3704', '0130'],
    kept: ['[IBAN]', 'betroffen?'],
  },
  { input: 'IBAN DE89370400440532013000 gestohlen', removed: ['DE8937'], kept: ['[IBAN]', 'gestohlen'] },
  {
    input: 'Meine Steuer-ID 12 345 678 901 ist bekannt',
    removed: ['345', '901'],
    kept: ['[Nummer]', 'Steuer-ID'],
  },
  { input: 'Steuer-ID 65929970489', removed: ['65929970489'], kept: ['[Nummer]'] },
  {
    input: 'Steuernummer 123/456/78901 im Mailverkehr?',
    removed: ['456', '78901'],
    kept: ['[Nummer]', 'Mailverkehr'],
  },
  {
    input: 'Mein Personalausweis L01X00T47 war im Anhang',
    removed: ['L01X00T47'],
    kept: ['[Nummer]', 'Personalausweis'],
  },
  { input: 'Reisepass C01X00T478 betroffen', removed: ['C01X00T478'], kept: ['[Nummer]', 'Reisepass'] },
  { input: 'Kreditkarte 4111 1111 1111 1111 gesperrt?', removed: ['4111'], kept: ['[Nummer]', 'gesperrt?'] },
  { input: 'Aktenzeichen 2021-0456789 bitte prüfen', removed: ['0456789'], kept: ['Aktenzeichen', 'prüfen'] },
  { input: 'Ich bin am 01.02.1980 geboren', removed: ['1980', '01.02'], kept: ['[Datum]', 'geboren'] },
  { input: 'geboren 3. März 1975 in Prenzlau', removed: ['1975'], kept: ['[Datum]'] },
  { input: 'born 1980-02-01, am I affected?', removed: ['1980'], kept: ['[Datum]', 'am I affected?'] },
  {
    input: 'Ich heiße Erika Mustermann und wohne in der Hauptstraße 5, 17335 Strasburg',
    removed: ['Erika', 'Mustermann', 'Hauptstraße 5', '17335'],
    kept: ['[Name]', '[Adresse]', '[Ort]', 'wohne'],
  },
  {
    input: 'Mein Name ist Hans von Berg, sind meine Daten weg?',
    removed: ['Hans', 'Berg'],
    kept: ['[Name]', 'Daten weg?'],
  },
  {
    input: 'my name is John Smith, was my data leaked?',
    removed: ['John', 'Smith'],
    kept: ['[Name]', 'was my data leaked?'],
  },
  {
    input: 'Frau Schulz hat mir eine Mail geschickt',
    removed: ['Schulz'],
    kept: ['Frau [Name]', 'Mail geschickt'],
  },
  {
    input: 'I live at 12 Baker Street? No: Baker Street 12',
    removed: ['Baker Street 12'],
    kept: ['[Adresse]'],
  },
  {
    input: 'Link https://owa.example.de/reset?user=erika&token=abc123 echt?',
    removed: ['erika', 'token', 'abc123'],
    kept: ['[Link]', 'echt?'],
  },
  // Questions without personal data stay as they are.
  { input: 'Wurden meine Daten gestohlen?', removed: [], kept: ['Wurden meine Daten gestohlen?'] },
  { input: 'Ist Exchange 2019 jetzt sicher?', removed: [], kept: ['Ist Exchange 2019 jetzt sicher?'] },
  { input: 'Was ist im Rathaus passiert?', removed: [], kept: ['Was ist im Rathaus passiert?'] },
  {
    input: 'What happened to the Outlook Web App?',
    removed: [],
    kept: ['What happened to the Outlook Web App?'],
  },
];

describe('anonymise', () => {
  it.each(cases)('$input', ({ input, removed, kept }) => {
    const output = anonymise(input);
    for (const text of removed) expect(output).not.toContain(text);
    for (const text of kept) expect(output).toContain(text);
  });

  it('is idempotent', () => {
    for (const { input } of cases) expect(anonymise(anonymise(input))).toBe(anonymise(input));
  });

  // How fast is measured by `npm run bench -- --only anonymise`, never asserted here.
  it('removes e-mail addresses wherever they appear', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.emailAddress(),
        fc.string({ maxLength: 200 }),
        (before, email, after) => {
          const output = anonymise(`${before} ${email} ${after}`);
          expect(output).not.toContain(email);
        },
      ),
      { numRuns: 300 },
    );
  });
});
