import { namesNothing, pointsBack, sentenceBreak } from './normalize.ts';
import { lowerCase } from './phrases.ts';
import { attackOrLoss, type Known, namesUnknown, type Scope } from './scope.ts';

/**
 * Questions about the incident that the notice never answers ("Wann wird OWA wieder
 * eingeschaltet?", "Was hat der Angriff gekostet?", "Did the authority fine the town?"): no entry
 * answers them, whatever words they share with one, and suggesting the neighbouring entries is
 * no help either. The citizen gets the honest "no answer" and the offer to forward the question
 * to the data protection officer, who can answer it.
 */

/**
 * Telling and publishing: a question about when or why the town told its citizens is answered
 * (with the notice's date), so the rules below leave it alone ("Why didn't the town tell us
 * sooner?", "Wann genau wurde informiert?").
 */
const telling =
  /\b(?:tell|tells|telling|told|inform\w*|notif\w*|warn\w*|announc\w*|publish\w*|write|writing|wrote|written|informiert\w*|informieren|benachrichtig\w*|mitgeteilt|gewarnt|warnen|berichtet|veröffentlicht|bekannt\w*|gesagt|erfahren|geschrieben|angeschrieben|verschwieg\w*|verheimlich\w*|deckel|geheim\s*gehalten)\b/iu;

/**
 * "Why did the town not patch sooner?", "Warum hat die Stadt nicht früher gehandelt?": a
 * question why something did not happen earlier asks for a reason the notice never gives (it
 * says what was done, not why not before).
 */
const whyNotSooner = [
  /\b(?:why|warum|wieso|weshalb)\b/iu,
  /\b(?:not|nicht|nich|ned|nit|net|didn't|didnt|wasn't|wasnt|weren't|werent|hasn't|hasnt|haven't|havent|couldn't|couldnt|wouldn't|wouldnt)\b/iu,
  /\b(?:sooner|earlier|in time|faster|already|früher|frueher|eher|rechtzeitig|schneller|schon)\b/iu,
];

/**
 * "An welchem Tag genau sind die Angreifer eingedrungen?", "Seit welchem Tag genau …?", "On what
 * exact date were the patches installed?": the notice gives no day for anything but itself.
 */
const exactDay = [
  /\b(?:an welchem|seit welchem|ab welchem|welches|welchen|on what|on which|since what|since which|from what|what|which)\s+(?:exact\s+|precise\s+|genaue[nms]?\s+)?(?:day|date|tag|datum)\b/iu,
  /\b(?:exact|exactly|precise|precisely|genau|genaue[nms]?)\b/iu,
];

/**
 * "Wie lange waren die Angreifer im System?", "How long was the e-mail down?": the notice gives
 * no duration of anything ("How long ago …?", "Wie lange ist das her?" ask when: answered, and so
 * do "How long has the town known?": since when it was known, and "How long before the notice
 * …?": when, against the notice's date).
 */
const duration =
  /\b(?:how long|wie lange?)\b(?!\s+(?:before|after|bevor|nachdem)\b)(?![^?.!]*\b(?:ago|her)\b)/iu;
/**
 * Knowing, as in "How long has the town known?", "Wie lange weiß die Stadt schon davon?", and
 * finding out ("how long did it take u guys to notice", round 33; not "before they were
 * discovered", which asks how long they were inside).
 */
const knowing =
  /(?<!\p{L})(?:known|knew|know|weiß|weiss|wisst|wissen|wissn|gewusst|wusste\p{L}*|find out|found out|herausgefunden|rausgefunden|to\s+(?:notice|realise|realize|spot|discover))(?!\p{L})/iu;

/**
 * What the notice never says, asked outright (which person or company, a letter to each person
 * affected, fines, earlier attacks, a named group or country, how many, what it cost, when
 * something comes back, the dark web, and requests no town answers), is data: the settings'
 * `matcher.neverSaid`, regular expressions tried on each sentence that asks (`Scope.neverSaid`).
 * They were code until round 16; as data they left the `ask` bundle (about 8 KB of its 150 KB
 * budget), like the phrase rules in round 14. The rules below need more than one pattern or
 * look at the whole message, and stay here.
 */
/** The citizen's own devices (help with them is none of this assistant's). */
const devices =
  'laptop|notebook|computer|pc|rechner|handy|natel|smartphone|phone|tablet|kasse|kassensystem|drucker|printer|router|outlook';

/**
 * "Can you check whether my e-mail address is in the stolen address book?": a look-up of the
 * citizen's own details, which the assistant cannot do and no entry answers (the data
 * protection officer can: the citizen gets the offer to forward the question).
 */
const ownLookup = [
  /\b(?:können|koennen|könnten|kannst|könntest) (?:sie|du) (?:mal |bitte )*(?:nachsehen|nachschauen|nachgucken|prüfen|pruefen|überprüfen|ueberpruefen|checken|herausfinden|rausfinden|suchen)\b[^?.!]*\bob (?:meine|mein) (?:e-?mail[\s-]?adresse|mailadresse|adresse|telefonnummer|handynummer|nummer|name)\b/iu,
  /\b(?:can|could|would) you (?:please )?(?:check|look up|find out|see|verify|search|confirm)\b[^?.!]*\b(?:whether|if) my (?:(?:specific|own|personal) )?(?:e-?mail(?: address)?|address|phone number|number|name)\b/iu,
];

/**
 * Trouble elsewhere: "Bei uns in der Firma wurde der Server gehackt. Was müssen wir jetzt tun?",
 * "My work account got hacked" (a break-in at the citizen's own or their employer's, whatever
 * system: "unser Exchange-Server"), scam calls and text messages. The notice speaks of the town's
 * server and of e-mails in its name; a message that names the town, a mail, a link or an
 * attachment is about this incident (a click on a fake mail in the town's name), and the rules
 * leave it alone.
 */
const elsewhere = [
  // "Ich bekomme Spam-Anrufe", "scam texts", "Werbeanrufe", "robocalls": calls and text messages,
  // not the e-mails the notice warns of.
  /(?<!\p{L})(?:spam|scam|fake|betrugs?|betrüger\p{L}*|werbe|cold|robo|sales)[- ]?(?:anruf\p{L}*|calls?|sms|texts?|text messages?|whatsapps?)(?!\p{L})|(?<!\p{L})(?:anruf\p{L}*|calls|sms|text messages?|whatsapps?)(?!\p{L})[^.!?]*(?<!\p{L})(?:spam|scam|fake|betrug|betrüger\p{L}*)(?!\p{L})/iu,
  /(?<!\p{L})(?:bei uns|bei mir|unser(?:e[rmns]?)?|meine[rmns]?|mein|our|my|at my)\s+(?:[\p{L}'’]+\s+){0,3}?(?:firma|firmen\S*|betrieb\S*|unternehmen\S*|praxis|verein\p{L}*|club|association|charity|church|parish|kirchengemeinde|pfarr\p{L}*|schule|school|pflegeheim|care home|nursing home|practice|surgery|büro\S*|kanzlei|arbeit|server|exchange-?server|rechner|computer|laptop|pc|kassensystem|account|company|business|firm|office|work|workplace|job|arbeitgeber\p{L}*|employer\p{L}*|arbeitsstelle)(?!\p{L})[^.!?]*(?:[.!?]\s+[^.!?]*)?(?<!\p{L})(?:gehackt|gehäckt|g'hackt|ghackt|angegriffen|hacked|breached|compromised|attacked|\p{L}*-?angriff|ransomware\p{L}*|cyberattack|cyber attack|breach|macht probleme|probleme macht|makes problems|has problems|having problems|having issues|gefährdet|in gefahr|in danger|at risk|vulnerable|(?:got|was|were|been|get|gets)\s+hit)(?!\p{L})/iu,
];
/**
 * Calls and paper letters, whoever they claim to be from ("Heute rief einer an, er sei von
 * Microsoft", "a letter in the post asking me to pay a fee to the town"): not the e-mails the
 * notice warns of. The citizen's own call ("Ich habe im Rathaus angerufen", "wenn ich nur beim
 * Bürgerbüro angerufen hab", round 26; not "ich wurde angerufen", "ich bin angerufen worden",
 * "ich glaube, einer hat mich angerufen") is none of them,
 * nor a relative's ("my cousin rang me about the paper"). A letter counts when it asks for money (the town's own letter about the
 * incident is no fraud).
 */
const callOrLetter = [
  /(?<!\p{L})(?:(?<!\b(?:ich|ick|wir)\b(?:(?!\b(?:wurde|wurden|werde|werd|mich|uns|mir)\b)[^.!?]){0,60}|\b(?:nur|bloß|bloss)\s+(?:mal\s+)?)angerufen|angerufen(?=\s+worden)|anruf|anrufe|anrufer|anrufern|(?<=(?:solchen|diesen|den|seltsamen|komischen|merkwürdigen|dubiosen|falschen|fremden)\s+)anrufen|rief\s+(?:\p{L}+\s+){0,5}?an|(?<!\b(?:she|he|they|we|(?:my|our|her|his)\s+[\p{L}-]+)\s+)(?:called|phoned|rang) me|a call from|calls? from|(?:someone|somebody|anyone|anybody)\s+(?:calls|rings|phones)|phone call|got a call|an (?:der|meiner|unserer) haustür|haustür|at my (?:front )?door|on my doorstep|door-to-door|knocked on)(?!\p{L})/iu,
  /(?<!\p{L})(?:brief\p{L}*|letter)(?!\p{L})(?=[^.!?]*(?<!\p{L})(?:zahl\p{L}*|überweis\p{L}*|gebühr\p{L}*|mahnung\p{L}*|pay|payment|fee|fine|bank details|transfer)(?!\p{L}))/iu,
];

/**
 * The citizen's own device or program: "Mein Laptop hat glaub ich einen Virus", "my PC is acting
 * up", "My Outlook keeps asking for my password". No entry helps with it, wherever the citizen
 * caught it ("im Gratis-WLAN in Strasburg"); after a click on a fake mail it is `clicked-link`
 * (a message naming a mail, link or attachment).
 */
const ownDevice = new RegExp(
  String.raw`(?<!\p{L})(?:meine[rmns]?|mein|my|mei|ma)\s+(?:\p{L}+\s+){0,2}?(?:${devices})(?:'s)?(?!\p{L})[^.!?]*(?<!\p{L})(?:virus|viren|malware|trojaner\p{L}*|trojan|spinnt|acting up|actin' up|infected|infiziert|keeps (?:asking|crashing|freezing)|stürzt (?:ständig |dauernd |immer )?ab|startet nicht|won't start|doesn't start|crashes)(?!\p{L})`,
  'iu',
);

/**
 * The citizen's bank card used by someone else ("My debit card was used in Spain. Could that be
 * the town's hack?", "Von meiner EC-Karte wurde Geld abgebucht"): the notice speaks of mails,
 * addresses and appointments, never of cards or accounts, whatever the message blames (round 28).
 * Used by someone else, not by the citizen ("the bank card I used at the citizens' office").
 */
const ownCard =
  /(?<!\p{L})(?:(?:debit|credit|bank|cash|ec)\s+cards?|(?:kredit|bank|ec|giro|debit)-?karte\p{L}*)(?!\p{L})[^.!?]*(?<!\p{L})(?:(?:was|were|got|been|being|is|gets)\s+(?:\p{L}+\s+)?used|misused|charged|skimmed|cloned|abgebucht|missbraucht|belastet|(?:wurde|wurden|worden|wird)\s+(?:\p{L}+\s+){0,2}?(?:benutzt|eingesetzt|kopiert|verwendet)|(?:benutzt|eingesetzt|kopiert|verwendet)\s+(?:wurde|worden))(?!\p{L})|(?<!\p{L})(?:abgebucht|charged)(?!\p{L})[^.!?]*(?<!\p{L})(?:(?:debit|credit|bank|cash|ec)\s+cards?|(?:kredit|bank|ec|giro|debit)-?karte\p{L}*)(?!\p{L})/iu;

/**
 * "Die Facebook-Seite der Stadt wurde gehackt", "the town's website got hacked": another break-in
 * than the one of the notice, which speaks of the mail server only. The page must be what was
 * hacked (a few words apart), not where the citizen read about the mail server.
 */
const otherBreakIn =
  /(?<!\p{L})(?:facebook|instagram|tiktok|twitter|social media|soziale[nm]? medien|homepage|website|webseite|internetseite|internetauftritt)(?:-?\p{L}+)?(?:\s+(?!(?:that|dass|about|über|how|wie|the town's mail|the mail)\b)\S+){0,4}?\s+(?:gehackt|hacked|gekapert|übernommen|taken over|hijacked|compromised)(?!\p{L})/iu;

/**
 * Another town or authority by its name ("Bei der Stadtverwaltung Prenzlau gab es auch einen
 * Angriff", "Was Pasewalk's town hall hacked too?"): a capitalised name right after the word for
 * an administration, or before "'s town hall", that the knowledge base does not know and that is
 * not this town's (round 17). Not after "Stadt" or "Amt": in German a noun follows them as often
 * ("der Stadt Unterlagen schicken"), and nouns are capitalised too.
 */
const namedAdministration = [
  /(?<!\p{L})(?:stadtverwaltung|gemeindeverwaltung|kreisverwaltung|amtsverwaltung|landkreis|town of|city of|municipality of|council of)\s+(\p{L}[\p{L}-]{2,})/giu,
  /(?<!\p{L})(\p{L}[\p{L}-]{2,})['’]s\s+(?:town hall|council|city council|administration|town|city)(?!\p{L})/giu,
];

/**
 * A break-in at another place by its name ("In Pasewalk gab es doch auch einen Hackerangriff",
 * "Stimmt es, dass in Schwerin die Verwaltung lahmgelegt war?", round 34): a sentence that opens
 * with "in" and a capitalised name the knowledge base never uses (or says "dass in …", "that
 * in …"), about an attack, without the town's own name. Not where the citizen lives or writes
 * from ("My mam in Cork saw that Strasburg was hacked"), nor a month, a country or a capitalised
 * pronoun or noun that follows "in" as often ("In Ihrem Namen", "In Zukunft").
 */
const namedPlace =
  /(?:^\s*(?:\p{L}+,?\s+)?|(?<!\p{L})(?:dass|daß|ob|that|whether)\s+)[Ii]n\s+(\p{Lu}[\p{L}-]{2,})(?!\p{L})/gu;
const notAPlace = new Set(
  'ihr ihre ihrem ihren ihrer ihnen sie gefahr ordnung zukunft sicherheit kenntnis verbindung zusammenhang bezug kürze wirklichkeit wahrheit panik deutschland germany europa europe januar februar märz april mai juni juli august september oktober november dezember january february march may june july october december'.split(
    ' ',
  ),
);

/** Whether the message names another administration (`namedAdministration`) or place hit (`namedPlace`). */
function namesAnotherAdministration(message: string, place: RegExp, known: Known, ownTown: RegExp): boolean {
  const unknownName = (name: string) =>
    /^\p{Lu}/u.test(name) && !place.test(name) && !known(name) && !known(name.replaceAll('-', ''));
  return (
    namedAdministration.some((pattern) =>
      [...message.matchAll(pattern)].some(([, name = '']) => unknownName(name)),
    ) ||
    message
      .split(sentenceBreak)
      .some(
        (sentence) =>
          !ownTown.test(sentence) &&
          [...sentence.matchAll(namedPlace)].some(
            ([, name = '']) =>
              unknownName(name) &&
              !notAPlace.has(name.toLocaleLowerCase()) &&
              attackOrLoss.test(sentence.replace(name, '')),
          ),
      )
  );
}

// A mail the citizen got, a link or an attachment: this incident. A mail server, system or
// program is not a mail ("Der Mailserver meiner Firma wurde gehackt"), nor is the company's mail
// account ("my company mail hacked"): trouble elsewhere still counts. A file the citizen opened
// counts as an attachment ("nachdem ich eine zweifelhafte Datei geöffnet habe") (round 20).
// "Is that linked to your breach?" names no link (round 33).
const mailOrClick =
  /(?<!\p{L})(?:link(?!ed(?!\p{L}))\p{L}*|anhang|anhänge|attachment\p{L}*|geklickt|klick\p{L}*|click\p{L}*|(?:datei|dokument|document|file)\p{L}*\s+(?:\p{L}+\s+){0,2}?(?:geöffnet|aufgemacht|ausgeführt|angeklickt|opened)|(?:opened|öffnete)\s+(?:\p{L}+\s+){0,2}?(?:datei|dokument|document|file)\p{L}*|(?<!(?:company|firm|work|office|business|firmen|geschäfts|dienst)[\s-]?)(?:mail|e-mail|email)(?!-?\s?(?:server|system|programm|software|provider|anbieter|dienst)\p{L}*)\p{L}*|phishing)(?!\p{L})/iu;

// "a strange email asking for my bank details": the citizen's own account at a bank names no
// sender ("my bank" in the settings' other senders means a mail from the bank) (round 33).
const ownAccount =
  /(?<!\p{L})(?:my|our|meine[nr]?|unsere[nr]?)\s+bank(?=[\s-]*(?:details|account|accounts|data|info|information|stuff|card|number|login|daten|konto|karte|verbindung|zugang)(?!\p{L}))/giu;

// "Must I change the password of my Gmail because of this?", "mus ich mein kenwort ändern bei
// gmx", "lohnt sichs, mein gmx kennwort neu zu setzen?" (round 36): whether to change a password
// elsewhere after the town's incident, not another sender's
// trouble; how to change it there ("How do I reset my Gmail password?") still is (round 35).
const whetherToChange =
  /(?<!\p{L})(?:must|should|shuld|need|needs|have to|has to|worth|muss|mus|müssen|sollte|soll|sollen|lohnt|lohnts)(?!\p{L})[^?.!]*(?<!\p{L})(?:change|changing|chnage|reset|resetting|ändern|aendern|wechseln|erneuern|neu (?:zu )?setzen)(?!\p{L})/iu;
const passwordWord = /(?<!\p{L})(?:pass(?:wor\p{L}*|wd|w|)|pasw\p{L}*|kenn?w\p{L}*)(?!\p{L})/iu;
// A mail account, not a game or a shop ("Should I change my PlayStation password?", round 33).
const mailAccount =
  /(?<!\p{L})(?:gmail|gmx|web\.de|yahoo|hotmail|outlook|t-online|aol|icloud|e-?mail|mail)(?!\p{L})/iu;
// Not the other sender's own request ("My bank says I must change my password"): a mail to check.
const theirRequest =
  /(?<!\p{L})(?:says|said|sagt|sagte|schreibt|writes|wrote|asks|asked|fordert|aufgefordert|told|tells|wants|will|link)(?!\p{L})/iu;
const changeOwnPassword = (message: string) =>
  whetherToChange.test(message) &&
  passwordWord.test(message) &&
  mailAccount.test(message) &&
  !theirRequest.test(message);

const all = (patterns: readonly RegExp[], sentence: string) =>
  patterns.every((pattern) => pattern.test(sentence));

/**
 * A short sentence that only asks for an answer to what came before ("Can you tell me?", "Is
 * that possible?"), not one that asks something itself ("Trotzdem betroffen?", round 35: the
 * story sentence before it said how the citizen got in touch, not what was asked).
 */
const onlyAsks = (sentence: string) => pointsBack(sentence) || namesNothing(sentence);

/**
 * Whether the message is about another sender (see `Scope.town`), or a sentence of it that asks
 * something asks for what the notice never says (the lists above; why something did not happen
 * sooner or the exact day of something only unless it is about telling). The matcher then gives
 * the honest "no answer", without suggestions.
 */
export function asksBeyondTheNotice(message: string, scope: Scope, known: Known = () => false): boolean {
  const { senders, town, place } = scope;
  if (
    senders &&
    !town.test(message) &&
    !changeOwnPassword(message) &&
    namesUnknown(senders, message.replace(ownAccount, ''), known)
  )
    return true;
  // A mail, a link or an attachment named: this incident (a click on a fake mail in the town's name).
  const aboutAMail = mailOrClick.test(message);
  if (
    !aboutAMail &&
    (ownDevice.test(message) ||
      ownCard.test(message) ||
      (!place.test(message) && elsewhere.some((pattern) => pattern.test(message))))
  )
    return true;
  if (otherBreakIn.test(message)) return true;
  if (namesAnotherAdministration(message, place, known, scope.ownName)) return true;
  if (!aboutAMail && callOrLetter.some((pattern) => pattern.test(message))) return true;
  const sentences = message.split(sentenceBreak);
  // What is asked, not what the story around it says ("I read that all data ends up on the dark
  // web. Was any data taken?" asks whether data was taken): the sentences with a question mark,
  // else the last one. A short one that only asks for an answer ("Can you tell me?") asks what
  // the sentence before it says ("I want to know how many were affected.") (round 20), with or
  // without its question mark ("I WANT TO SUE MICROSOFT. HOW DO I DO THAT", round 26).
  const withBefore = (sentence: string, index: number) =>
    index > 0 && sentence.trim().split(/\s+/u).length <= 5 && onlyAsks(sentence)
      ? [sentences[index - 1] ?? '', sentence]
      : [sentence];
  const asked = sentences.flatMap((sentence, index) =>
    sentence.includes('?') ? withBefore(sentence, index) : [],
  );
  const last = sentences.at(-1) ?? '';
  const questions =
    asked.length > 0 ? asked : pointsBack(last) ? withBefore(last, sentences.length - 1) : [last];
  return questions.some((sentence) => {
    const lower = lowerCase(sentence);
    return (
      ownLookup.some((pattern) => pattern.test(sentence)) ||
      (duration.test(sentence) && !telling.test(sentence) && !knowing.test(sentence)) ||
      scope.neverSaid.some((pattern) => pattern.test(pattern.ignoreCase ? sentence : lower)) ||
      (!telling.test(sentence) && (all(whyNotSooner, sentence) || all(exactDay, sentence)))
    );
  });
}
