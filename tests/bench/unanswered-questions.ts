// Realistic unanswered questions for the bench: what citizens ask a town's incident assistant
// that it has no answer for (other services, their own case, numbers, dates), combined from
// templates with varied vocabulary, case numbers, dates, streets and typos. Deterministic.
import type { Locale } from '../../functions/lib/knowledge/schema.ts';

/**
 * A deterministic pseudo-random generator (the bench must be repeatable): mulberry32, in 32-bit
 * integer arithmetic. (The earlier LCG multiplied in floating point beyond 2^53, lost precision
 * and fell into a short cycle: that was why only ~2,200 questions were distinct.)
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const streets = [
  'Lindenallee',
  'Bahnhofstraße',
  'Am Markt',
  'Karl-Marx-Straße',
  'Falkenberger Weg',
  'Schulstraße',
];

interface Vocabulary {
  openers: string[];
  subjects: string[];
  qualifiers: (() => string)[];
  tails: string[];
}

const de: Vocabulary = {
  openers: [
    'Was passiert jetzt mit',
    'Wer kümmert sich um',
    'Wie lange dauert',
    'Warum verzögert sich',
    'Wo beantrage ich',
    'Wann bekomme ich',
    'Muss ich neu beantragen:',
    'Kann ich online erledigen:',
    'Wieso fehlt',
    'Gibt es Neuigkeiten zu',
    'Was kostet',
    'Wer ist zuständig für',
    'Bis wann gilt',
    'Warum ist gesperrt:',
    'Ist noch gültig:',
    'Brauche ich einen Termin für',
    'Wurde verschickt:',
    'Wie ist der Stand bei',
    'Warum dauert so lange:',
    'Kann jemand nachsehen wegen',
    'Ich warte immer noch auf',
    'Geht gerade etwas mit',
  ],
  subjects: [
    'Steuerakte',
    'Bauantrag',
    'Hundesteuer',
    'Kitaplatz',
    'Wohngeldantrag',
    'Meldebescheinigung',
    'Friedhofsgebühr',
    'Anwohnerparkausweis',
    'Personalausweis',
    'Reisepass',
    'Gewerbeanmeldung',
    'Müllgebühr',
    'Grundsteuerbescheid',
    'Wasserrechnung',
    'Straßenreinigung',
    'Baumfällgenehmigung',
    'Sondernutzungserlaubnis',
    'Fischereischein',
    'Führungszeugnis',
    'Geburtsurkunde',
    'Sterbeurkunde',
    'Trauungstermin',
    'Schülerbeförderung',
    'Hortbeitrag',
    'Kitagebühr',
    'Vereinsförderung',
    'Sporthallenbelegung',
    'Ratssitzung',
    'Bebauungsplan',
    'Abwassergebühr',
    'Zweitwohnungssteuer',
    'Hundemarke',
    'Fundsache',
    'Briefwahlunterlagen',
    'Gaststättenerlaubnis',
    'Marktstand',
    'Straßenbeleuchtung',
    'Schlagloch',
    'Spielplatz',
    'Bibliotheksausweis',
    'Musikschulgebühr',
    'Volkshochschulkurs',
    'Seniorenfahrt',
    'Radweg',
    'Bushaltestelle',
    'Winterdienst',
    'Sperrmülltermin',
    'Biotonne',
    'Grünschnittabfuhr',
    'Wohnberechtigungsschein',
    'Ferienpass',
    'Gewerbesteuer',
    'Erschließungsbeitrag',
    'Feuerwehrgebühr',
    'Lärmbeschwerde',
    'Kleingartenpacht',
    'Beglaubigung',
    'Umzugsmeldung',
    'Halteverbotszone',
    'Ordnungswidrigkeit',
  ],
  qualifiers: [
    () => `vom ${day()}.${month()}.${year()}`,
    () => `für ${year()}`,
    () => `mit Aktenzeichen ${number(9999)}/${String(year()).slice(2)}`,
    () => `in der ${street()} ${number(80)}`,
    () => `im Ortsteil ${pickFrom(['Schönhausen', 'Klein Luckow', 'Wilhelmsburg', 'Rosenthal', 'Koblentz'])}`,
    () => `seit ${number(20)} Wochen`,
    () => `Rechnungsnummer ${number(999_999)}`,
    () => `Kundennummer ${number(99_999)}`,
    () => `nach dem Hackerangriff`,
    () => `trotz ${number(5)} Erinnerungen`,
    () => `für meine ${pickFrom(['Tochter', 'Mutter', 'Oma', 'Nachbarin', 'Firma', 'Familie'])}`,
    () => `über ${number(3000)} Euro`,
    () => `bis ${pickFrom(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'])}`,
    () => `Termin um ${number(17)}:${pickFrom(['00', '15', '30', '45'])} Uhr`,
  ],
  tails: ['', '', '?', '??', ' bitte', ' dringend', ', danke', ' heute noch', '!'],
};

const en: Vocabulary = {
  openers: [
    'What happens now with my',
    'Who handles the',
    'How long does it take to get the',
    'Why is there a delay with the',
    'Where do I apply for the',
    'When will I receive the',
    'Can I do this online:',
    'Is there any news about the',
    'How much is the',
    'Who is responsible for the',
  ],
  subjects: [
    'tax file',
    'building permit',
    'dog tax',
    'nursery place',
    'housing benefit',
    'registration certificate',
    'cemetery fee',
    'parking permit',
    'identity card',
    'passport',
    'business registration',
    'waste fee',
    'property tax notice',
    'water bill',
    'fishing licence',
    'birth certificate',
    'school transport',
    'library card',
    'bulky waste pickup',
    'noise complaint',
  ],
  qualifiers: [
    () => `from ${day()}/${month()}/${year()}`,
    () => `for ${year()}`,
    () => `with reference ${number(9999)}/${String(year()).slice(2)}`,
    () => `on ${street()} ${number(80)}`,
    () => `for ${number(20)} weeks now`,
    () => `invoice number ${number(999_999)}`,
    () => `for my ${pickFrom(['daughter', 'mother', 'neighbour', 'company'])}`,
    () => `over ${number(3000)} euros`,
  ],
  tails: ['', '?', ' please', ', thanks', ' urgently'],
};

let next: () => number = seeded(7);
const number = (max: number) => 1 + Math.floor(next() * max);
const pickFrom = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
const day = () => String(number(28)).padStart(2, '0');
const month = () => String(number(12)).padStart(2, '0');
const year = () => 2015 + Math.floor(next() * 12);
const street = (): string => pickFrom(streets);

/** A typo as people make them: two letters swapped, one dropped or doubled, or all lower case. */
function typo(text: string): string {
  const roll = next();
  if (roll < 0.25) return text.toLocaleLowerCase('de');
  const words = text.split(' ');
  const index = Math.floor(next() * words.length);
  const word = words[index] ?? '';
  if (word.length < 4) return text;
  const at = 1 + Math.floor(next() * (word.length - 2));
  words[index] =
    roll < 0.5
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : roll < 0.75
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at] + word.slice(at);
  return words.join(' ');
}

/** One question: an opener, one or two subjects, one or two qualifiers, maybe a typo. */
export function question(random: () => number): { question: string; locale: Locale } {
  next = random;
  const locale: Locale = next() < 0.2 ? 'en' : 'de';
  const words = locale === 'de' ? de : en;
  const subjects = [pickFrom(words.subjects)];
  if (next() < 0.3) subjects.push(pickFrom(words.subjects));
  const qualifiers = [pickFrom(words.qualifiers)()];
  if (next() < 0.4) qualifiers.push(pickFrom(words.qualifiers)());
  const joined = subjects.join(locale === 'de' ? ' und ' : ' and ');
  let text = `${pickFrom(words.openers)} ${joined} ${qualifiers.join(' ')}${pickFrom(words.tails)}`;
  if (next() < 0.15) text = typo(text);
  return { question: text, locale };
}
