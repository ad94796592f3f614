import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowedLongWords,
  allowedNames,
  checkLeichteSprache,
  hardWords,
  splitSentences,
} from '../../functions/lib/knowledge/readability.ts';

/** The rule ids the checker reports for a text. */
const rules = (markdown: string) => checkLeichteSprache(markdown).map((violation) => violation.rule);
/** The violations of one rule. */
const ofRule = (markdown: string, rule: string) =>
  checkLeichteSprache(markdown).filter((violation) => violation.rule === rule);

describe('splitting a text into sentences', () => {
  it('splits on . ! ? and : and on list items', () => {
    expect(
      splitSentences(
        'Das Rathaus ist zu! Warum? Die Antwort:\n- Der Strom ist weg.\n- Das Dach ist kaputt.',
      ).map((sentence) => sentence.text),
    ).toEqual([
      'Das Rathaus ist zu!',
      'Warum?',
      'Die Antwort:',
      'Der Strom ist weg.',
      'Das Dach ist kaputt.',
    ]);
  });

  it('counts a heading as a sentence of its own', () => {
    expect(
      splitSentences('## Ihre Fragen\nHier finden Sie Antworten.').map((sentence) => sentence.text),
    ).toEqual(['Ihre Fragen', 'Hier finden Sie Antworten.']);
  });

  it('keeps a date like "4. Mai 2021" and an e-mail address inside one sentence', () => {
    expect(
      splitSentences('Am 4. Mai 2021 schrieb die Stadt an info@beispiel.de eine Nachricht.').map(
        (s) => s.text,
      ),
    ).toEqual(['Am 4. Mai 2021 schrieb die Stadt an info@beispiel.de eine Nachricht.']);
  });

  it('reads the text of a Markdown link and drops emphasis', () => {
    expect(splitSentences('Schreiben Sie an **[post@beispiel.de](mailto:post@beispiel.de)**.')[0]?.text).toBe(
      'Schreiben Sie an post@beispiel.de.',
    );
  });
});

describe('rule sentence-length', () => {
  it('flags a sentence of 16 words', () => {
    const sentence = 'Am Montag gehen wir mit dem Hund und der Katze in den großen Park am Fluss.';
    expect(ofRule(sentence, 'sentence-length')).toEqual([
      expect.objectContaining({ sentence, message: expect.stringContaining('16 Wörter') }),
    ]);
  });

  it('accepts a sentence of 15 words', () => {
    expect(rules('Am Montag gehen wir heute mit dem Hund und der Katze in den großen Park.')).not.toContain(
      'sentence-length',
    );
  });

  it('counts each list item as its own sentence', () => {
    const list = `Bringen Sie bitte mit:\n${'- Ihren Ausweis und Ihre Karte von der Kranken-Kasse\n'.repeat(3)}`;
    expect(rules(list)).not.toContain('sentence-length');
  });
});

describe('rule one-statement', () => {
  it.each([
    ['Die Bücherei ist zu, weil das Dach kaputt ist.', ', weil'],
    ['Wir wissen, dass Sie warten.', ', dass'],
    ['Rufen Sie uns an, wenn Sie Hilfe brauchen.', ', wenn'],
    ['Das Bad ist offen, aber die Sauna ist zu.', ', aber'],
    ['Der Bus kommt um 8 Uhr, und der Zug kommt um 9 Uhr.', ', und'],
    ['Fragen Sie nach, ob der Termin noch gilt.', ', ob'],
    ['Bringen Sie den Ausweis sowie ein Foto mit.', 'sowie'],
  ])('flags "%s" (marker %s)', (sentence, marker) => {
    expect(ofRule(sentence, 'one-statement')).toEqual([
      expect.objectContaining({ sentence, message: expect.stringContaining(`„${marker}“`) }),
    ]);
  });

  it.each([
    'Wenn Sie Hilfe brauchen, dann rufen Sie uns an.',
    'Wenn es regnet, bleibt das Bad zu.',
    'Sie brauchen Ihren Ausweis und ein Foto.',
    'Bringen Sie Brot, Käse und Obst mit.',
  ])('accepts "%s"', (sentence) => {
    expect(rules(sentence)).not.toContain('one-statement');
  });
});

describe('rule long-word', () => {
  it('flags a compound of more than 12 letters without a separator', () => {
    expect(ofRule('Das Müllabfuhrfahrzeug kommt morgen.', 'long-word')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('„Müllabfuhrfahrzeug“') }),
    ]);
  });

  it('flags a long derived word that is no compound', () => {
    expect(rules('Die Verantwortung liegt bei Ihnen.')).toContain('long-word');
  });

  it.each([
    'Das Müll-Abfuhr-Fahrzeug kommt morgen.',
    'Das Müll·abfuhr·fahrzeug kommt morgen.',
    'Das Angebot ist für Menschen mit Lern-Schwierigkeiten.',
    'Schreiben Sie an buergerservice-anfragen@beispielstadt.de.',
    'Die Seite heißt https://www.beispielstadtverwaltung.de/hilfe.',
    'Die Stadt Strasburg liegt in der Uckermark.',
    'Hier bekommen Sie Informationen.',
  ])('accepts "%s"', (sentence) => {
    expect(rules(sentence)).not.toContain('long-word');
  });
});

describe('rule abbreviation', () => {
  it.each([
    ['Bringen Sie z. B. ein Foto mit.', 'z. B.', 'zum Beispiel'],
    ['Die Schule ist bzw. war zu.', 'bzw.', 'oder'],
    ['Rufen Sie ggf. an.', 'ggf.', 'vielleicht'],
    ['Das kostet ca. 5 Euro.', 'ca.', 'ungefähr'],
    ['Das Amt in Prenzlau (Um.) ist offen.', 'Um.', 'den vollen Namen'],
    ['Der stellv. Leiter ist da.', 'stellv.', 'Vertreter'],
    ['Das steht in Art. 15 des Gesetzes.', 'Art.', 'Artikel'],
    ['Sie haben die Nr. 7.', 'Nr.', 'Nummer'],
  ])('flags "%s" and names the whole word', (sentence, abbreviation, whole) => {
    expect(ofRule(sentence, 'abbreviation')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(new RegExp(`„${abbreviation.replaceAll('.', '\\.')}“.*${whole}`)),
      }),
    ]);
  });

  it('flags an acronym the text does not explain', () => {
    expect(ofRule('Das steht in der DSGVO.', 'abbreviation')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('DSGVO ist die Abkürzung für') }),
    ]);
  });

  it('flags an acronym inside a compound', () => {
    expect(rules('Fragen Sie die IT-Abteilung.')).toContain('abbreviation');
  });

  it('accepts an acronym that the text explains as an abbreviation', () => {
    expect(
      rules('Das steht in der DSGVO. DSGVO ist die Abkürzung für: Daten-Schutz-Grund-Verordnung.'),
    ).not.toContain('abbreviation');
  });

  it.each([
    'Das ist eine neue Art.',
    'Schreiben Sie eine E-Mail an post@beispiel.de.',
    'Sie sehen sich im Rathaus um.',
    'Am 4. Mai 2021 war das Rathaus zu.',
  ])('accepts "%s"', (sentence) => {
    expect(rules(sentence)).not.toContain('abbreviation');
  });
});

describe('rule passive', () => {
  it.each([
    'Das Formular wurde verschickt.',
    'Die Straße wird morgen gesperrt.',
    'Der Antrag ist bearbeitet worden.',
    'Die Bürger werden informiert.',
    'Die Tür wurde abgeschlossen.',
    'Ihre Frage kann weitergeleitet werden.',
    'Gestohlen wurden 3 Fahrräder.',
    'Die Fahrräder wurden gestohlen, aber die Polizei hat sie gefunden.',
  ])('flags "%s"', (sentence) => {
    expect(ofRule(sentence, 'passive')).toEqual([expect.objectContaining({ sentence })]);
  });

  it.each([
    'Die Stadt hat das Formular verschickt.',
    'Sie werden vielleicht E-Mails bekommen.',
    'Wann wurde der Fehler bekannt?',
    'Das Gebiet wird größer.',
    'Die Bücherei ist geöffnet.',
    'Die Polizei wird die gestohlenen Fahrräder zurückgeben.',
    'Das wird bestimmt ein schönes Fest.',
  ])('accepts "%s"', (sentence) => {
    expect(rules(sentence)).not.toContain('passive');
  });
});

describe('rule number-words', () => {
  it.each([
    ['Sie brauchen zwei Fotos.', 'zwei'],
    ['Das Fest dauert zwölf Stunden.', 'zwölf'],
    ['Es kamen hundert Gäste.', 'hundert'],
    ['Der Kurs hat zwanzig Plätze.', 'zwanzig'],
  ])('flags "%s"', (sentence, word) => {
    expect(ofRule(sentence, 'number-words')).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`„${word}“`) }),
    ]);
  });

  it('flags a Roman numeral', () => {
    expect(ofRule('Das steht in Kapitel IV.', 'number-words')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('römische Zahl') }),
    ]);
  });

  it('flags a date written with dots only', () => {
    expect(ofRule('Das Fest ist am 03.07.2022.', 'number-words')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('„03.07.2022“') }),
    ]);
  });

  it.each(['Sie brauchen 2 Fotos.', 'Das Fest ist am 3. Juli 2022.', 'Geben Sie bitte eine Nummer an.'])(
    'accepts "%s"',
    (sentence) => {
      expect(rules(sentence)).not.toContain('number-words');
    },
  );
});

describe('rule foreign-word', () => {
  it('flags a hard word that the text does not explain', () => {
    expect(ofRule('Klicken Sie auf den Link.', 'foreign-word')).toEqual([
      expect.objectContaining({
        sentence: 'Klicken Sie auf den Link.',
        message: expect.stringContaining('„Link“'),
      }),
    ]);
  });

  it('flags a hard word inside a compound', () => {
    expect(rules('Löschen Sie Spam-Mails.')).toContain('foreign-word');
  });

  it('reports a hard word once, however often it appears', () => {
    expect(ofRule('Der Server ist neu. Der Server ist schnell.', 'foreign-word')).toHaveLength(1);
  });

  it('does not count a plain statement about the word as its explanation', () => {
    expect(rules('Der Server ist jetzt sicher.')).toContain('foreign-word');
  });

  it.each([
    'Ein Server ist ein großer Computer. Der Server steht im Rathaus.',
    'Spam bedeutet: Werbung, die Sie nicht wollen.',
    'Patches sind Verbesserungen für ein Programm.',
    'Phishing spricht man: Fisching. Das bedeutet: Betrug mit falschen E-Mails.',
    'Klicken Sie auf keinen Link. Das heißt: Klicken Sie auf keine blaue Schrift in der E-Mail.',
    'Die Kinder spielen links vom Rathaus.',
  ])('accepts "%s"', (text) => {
    expect(rules(text)).not.toContain('foreign-word');
  });
});

describe('placeholders of the template', () => {
  it('treats a placeholder as one word that is neither a long word nor an acronym', () => {
    const text = [
      'Schreiben Sie der Daten-Schutz-Beauftragten der {{town.name}}.',
      'Die Daten-Schutz-Beauftragte ist: {{ contact.dpo.name }}.',
      'E-Mail-Adresse: [{{contact.dpo.email}}](mailto:{{contact.dpo.email}})',
      'Der Name ist {{town.supervisoryAuthority.name}}.',
    ].join('\n');
    expect(checkLeichteSprache(text)).toEqual([]);
  });

  it('still checks the words around a placeholder and shows the placeholder in the message', () => {
    const violations = checkLeichteSprache('Die {{town.name}} hat die Gemeindeverwaltung informiert.');
    expect(violations.map((violation) => violation.rule)).toEqual(['long-word']);
    expect(violations[0]?.sentence).toBe('Die {{town.name}} hat die Gemeindeverwaltung informiert.');
    expect(
      ofRule('Die {{town.name}} sagt: Die Verwaltung prüft das z. B. morgen.', 'abbreviation'),
    ).toHaveLength(1);
  });

  it('counts a placeholder as one word, so a resolved long name is checked after resolving', () => {
    const words = Array.from({ length: 14 }, () => 'Wort').join(' ');
    expect(ofRule(`${words} {{town.name}}.`, 'sentence-length')).toEqual([]);
    expect(ofRule(`${words} Gemeinde Beispiel.`, 'sentence-length')).toHaveLength(1);
  });

  it("accepts the town's own names passed as names once the placeholders are resolved", () => {
    expect(ofRule('Die Gemeinde Beispielstedt hilft.', 'long-word')).toHaveLength(1);
    expect(checkLeichteSprache('Die Gemeinde Beispielstedt hilft.', { names: ['Beispielstedt'] })).toEqual(
      [],
    );
    expect(checkLeichteSprache('Das macht die Firma KDVZ.', { names: ['KDVZ'] })).toEqual([]);
  });
});

describe('a text in good Leichter Sprache', () => {
  it('passes every rule', () => {
    const text = [
      'Die Bücherei hat **neue Öffnungs-Zeiten**.',
      '',
      'Sie können jetzt auch am Samstag kommen:',
      '- von 9 Uhr bis 12 Uhr',
      '- ab dem 1. März 2024',
      '',
      'Haben Sie Fragen?',
      'Dann schreiben Sie eine E-Mail an [buecherei@beispiel.de](mailto:buecherei@beispiel.de).',
    ].join('\n');
    expect(checkLeichteSprache(text)).toEqual([]);
  });
});

describe('the documentation of the rules', () => {
  it('names every hard word and every allow-listed word that the checker uses', () => {
    const docs = readFileSync(new URL('../../docs/leichte-sprache.md', import.meta.url), 'utf8');
    // The first spelling of each hard word stands for its group.
    const listed = [...hardWords.map((forms) => forms[0] ?? ''), ...allowedNames, ...allowedLongWords];
    expect(listed.filter((word) => !docs.includes(word))).toEqual([]);
  });
});
