import { lowerCasePattern } from './phrases.ts';

/**
 * What a message is about, beside the incident: another service of the town ("Wo beantrage ich
 * einen Reisepass?"), another sender ("Meine Bank hat mir geschrieben"), or the attack itself
 * (no small talk). The word lists of the town and its incident come from the settings
 * (`scopeOf`); the rest is language.
 */

/**
 * Whether a message asks about another service of the town and never about the incident. A word
 * of the incident inside the service's own name does not count ("Wahlbenachrichtigung" is no
 * "Nachricht" about the incident, round 35).
 */
export function asksAboutAnotherService(message: string, scope: Scope, known: Known = () => false): boolean {
  return (
    scope.services !== undefined &&
    !scope.incident.test(message.replace(scope.services, ' ')) &&
    namesUnknown(scope.services, message, known)
  );
}

/** Whether a word occurs in the knowledge base (a service or sender it speaks of is no other one). */
export type Known = (word: string) => boolean;

/** Whether the pattern (global) finds a name in the message that the knowledge base never uses. */
export const namesUnknown = (pattern: RegExp, message: string, known: Known) =>
  [...message.matchAll(pattern)].some((match) =>
    (match[0].toLocaleLowerCase().match(/\p{L}+/gu) ?? []).some((word) => !known(word)),
  );

/**
 * A pattern for whole words from a list: "*" stands for any letters ("stadt*" also finds
 * "Stadtverwaltung", "*amt" "Ordnungsamt"), "+" for at least one ("+bad": "Freibad", not "bad"),
 * "_" for a space ("deutsche_bank").
 */
export const anyOf = (list: string, flags = 'iu') =>
  new RegExp(
    `(?<!\\p{L})(?:${list
      .split(' ')
      .map((word) => word.replaceAll('*', '\\p{L}*').replaceAll('+', '\\p{L}+').replaceAll('_', ' '))
      .join('|')})(?!\\p{L})`,
    flags,
  );

/**
 * "My bank sent me a strange e-mail", "Mein Facebook-Konto wurde gehackt": a message about
 * another sender (settings: `matcher.otherSenders`) that never names the town or the attack with
 * one of these words (or the town's name, or a word of `matcher.incidentWords`) is not about the
 * town's incident (the notice warns of mails in the town's name). Not `aboutTheIncident` below:
 * "My bank sent me a phishing mail" names mail and phishing, and is still about the bank.
 */
const theTown =
  'stadt* städtisch* staedtisch* rathaus* verwaltung* gemeinde* *amt *ämter bürgermeister* town* council* city municipal* administration mayor';
/** Words for the attack, in both languages and as people misspell them. */
const attackWords =
  '*angriff* *hack* jehackt *einbruch* eingebroch* eingedrungen *attack* atack* attak* *breach* broke_in* broken_in* break-in*';
const addressed =
  'euch eure* euer your_town your_council your_server your_mail* your_email* you_guys ur_town';
const aboutTheTown = `${theTown} datenschutzbeauftragt* notice mitteilung angriff* hack* attack* breach server`;

/**
 * "Wo beantrage ich einen Personalausweis?", "When is the bin collection?": another service of the
 * town (settings: `matcher.otherServices`) in a message without one of these words about the
 * incident (or of `matcher.incidentWords`) is no question for this assistant (no entry answers
 * it, and entries that share a side word such as "beantragen" or "when" are no help either).
 */
const aboutTheIncident =
  '*angriff* *hack* *mail* *daten* *frage* *lücke* *einbruch* *attack* *breach* *leak* *scam* *fake* *passw* *kennwort* *server* *phishing* jehackt eingebroch* broke_in* broken_in* break-in* dsgvo gdpr mensch* person human staff mitarbeiter* computer* bot chat* question danke thanks tschüss bye wiedersehen goodbye betrof* betrifft_mich betrifft_uns affect_me affects_me effect_me effects_me sicherheit* data privacy affected effected efected afected affectd virus link anhang attachment notice mitteilung *nachricht* message* angeblich* supposedly genuine echt gefälscht* gefaelscht* adressbuch* address_book* contact_list* kontaktliste* zip pdf postfach* inbox* spam*';

/**
 * Words that name the incident itself (the attack, its server, mail), not only a subject it
 * touches ("Passwort", "Daten", "Datenschutz"): a later question naming one asks on its own,
 * beside a first one about another service (parts.ts: "Wann hat das Freibad auf? Und bin ich von
 * dem Hack betroffen?"; not "Gibt es WLAN am Campingplatz? Was ist das Passwort?").
 */
const theIncidentItself = `${attackWords} *leak* *mail* *server* *phishing* betrof* affected effected`;

/** What the rules on other services and senders look for, built once per matcher from the settings. */
export interface Scope {
  /** Other services of the town (`matcher.otherServices`); without them the rule is off. */
  readonly services?: RegExp;
  /** Other senders (`matcher.otherSenders`); without them the rule is off. */
  readonly senders?: RegExp;
  /** Words that name the town or its incident: the sender rule leaves such a message alone. */
  readonly town: RegExp;
  /** Words that name the town, not the attack or its systems ("gehackt", "Exchange" may be anyone's). */
  readonly place: RegExp;
  /** The town's own name, or the citizen speaking to it ("euch", "your town"): not another place. */
  readonly ownName: RegExp;
  /** Words about the incident: the service rule leaves such a message alone. */
  readonly incident: RegExp;
  /** Words that name the incident itself (`theIncidentItself`, and `matcher.incidentWords`). */
  readonly incidentItself: RegExp;
  /**
   * What the notice never says (`matcher.neverSaid`), compiled once per matcher: case-exact, for
   * text in lower case (`lowerCase`), as a case-blind Unicode pattern costs V8 about twice as
   * much (phrases.ts). The settings' check asks for lower case; one published before it with a
   * capital stays case-blind.
   */
  readonly neverSaid: readonly RegExp[];
  /** Instructions to the assistant (`matcher.instructions`, requests.ts), compiled the same way. */
  readonly instructions: readonly RegExp[];
}

/**
 * The scope of a town's knowledge base. The words above are language, the same for every town;
 * what names this town and this incident comes from its settings: the town's name ("Strasburg"
 * from `town.shortName`, words of four letters or more, so "Bad" of "Bad Muskau" does not count)
 * and `matcher.incidentWords` (the systems attacked: "exchange", "owa").
 */
export function scopeOf(lists: {
  services?: readonly string[];
  senders?: readonly string[];
  incidentWords?: readonly string[];
  neverSaid?: readonly string[];
  instructions?: readonly string[];
  townName?: string;
}): Scope {
  const listed = (words: readonly string[] | undefined) =>
    words?.length ? anyOf(words.join(' '), 'giu') : undefined;
  const own = lists.incidentWords ?? [];
  const name = (lists.townName?.toLocaleLowerCase().match(/\p{L}{4,}/gu) ?? []).map((word) => `${word}*`);
  return {
    services: listed(lists.services),
    senders: listed(lists.senders),
    town: anyOf([aboutTheTown, ...name, ...own].join(' ')),
    place: anyOf([theTown, ...name].join(' ')),
    ownName: anyOf([addressed, ...name].join(' ')),
    incident: anyOf([aboutTheIncident, ...own].join(' ')),
    incidentItself: anyOf([theIncidentItself, ...own].join(' ')),
    neverSaid: (lists.neverSaid ?? []).map(lowerCasePattern),
    instructions: (lists.instructions ?? []).map(lowerCasePattern),
  };
}

/**
 * "Was it a person or some automated program that broke in?", "Wer hat euch gehackt?": a question
 * about the attack is no small talk, however much it shares with "Bist du ein Mensch oder ein
 * Programm?" (`bot-identity`). A greeting before a statement about it stays a greeting ("Hello,
 * I have a few questions about the hacking notice.").
 */
export function asksAboutTheAttack(message: string): boolean {
  return (message.includes('?') || asksWithoutMark.test(message)) && attack.test(message);
}

/**
 * A sentence that asks without a question mark, as chat and dictation write it ("yo did u guys
 * get hacked or what", "aehm was ist passiert und wann macht das freibad wieder auf"): a question
 * word or verb first, after fillers or one word and a comma ("Leute, wer war das"). Also what
 * splits such a message into its questions (parts.ts, round 34).
 */
export const asksWithoutMark =
  /^\s*(?:(?:hallo|hello|hi|hey|ey|yo|moin|na|äh|ähm|aehm|ähem|um|uh|so|also|ok|okay|und|and|oder|or|aber|but)[\s,]+)*(?:\p{L}+,\s+)?(?:wer|was|wie|wann|warum|wieso|weshalb|wo|welche[mnrs]?|who|what|how|when|why|where|which|did|do|does|is|are|was|were|has|have|can|could|should|will|hat|habt|haben|ist|sind|war|waren|wurde|wurden|kann|können|muss|soll|bin(?=\s+ich)|bist(?=\s+du)|am(?=\s+i(?!\p{L})))(?!\p{L})/iu;

const attack = anyOf(attackWords);

/**
 * An attack or a loss of data anywhere ("Hackerangriff", "Datenleck", "lahmgelegt"): what a
 * sentence about another place's break-in names (never-said.ts).
 */
export const attackOrLoss = anyOf(`${attackWords} *leak* *leck datenpanne* lahmgelegt abhanden*`);
