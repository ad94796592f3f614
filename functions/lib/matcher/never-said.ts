import { type Known, namesUnknown, type Scope } from './scope.ts';

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
  /\b(?:tell|told|inform\w*|notif\w*|warn\w*|announc\w*|publish\w*|informiert\w*|informieren|benachrichtig\w*|mitgeteilt|gewarnt|warnen|berichtet|veröffentlicht|bekannt\w*|gesagt|erfahren)\b/iu;

/**
 * "Why did the town not patch sooner?", "Warum hat die Stadt nicht früher gehandelt?": a
 * question why something did not happen earlier asks for a reason the notice never gives (it
 * says what was done, not why not before).
 */
const whyNotSooner = [
  /\b(?:why|warum|wieso|weshalb)\b/iu,
  /\b(?:not|nicht|didn't|didnt|wasn't|wasnt|weren't|werent|hasn't|hasnt|haven't|havent|couldn't|couldnt|wouldn't|wouldnt)\b/iu,
  /\b(?:sooner|earlier|in time|faster|already|früher|frueher|eher|rechtzeitig|schneller|schon)\b/iu,
];

/**
 * "An welchem Tag genau sind die Angreifer eingedrungen?", "On what exact date were the patches
 * installed?": the notice gives no day for anything but itself.
 */
const exactDay = [
  /\b(?:an welchem|welches|welchen|on what|on which|what|which)\s+(?:exact\s+|precise\s+|genaue[nms]?\s+)?(?:day|date|tag|datum)\b/iu,
  /\b(?:exact|exactly|precise|precisely|genau|genaue[nms]?)\b/iu,
];

/**
 * "Wie lange waren die Angreifer im System?", "How long was the e-mail down?": the notice gives
 * no duration of anything ("How long ago …?", "Wie lange ist das her?" ask when: answered, and so
 * does "How long has the town known?": since when it was known).
 */
const duration = /\b(?:how long|wie lange?)\b(?![^?.!]*\b(?:ago|her)\b)/iu;
/** Knowing, as in "How long has the town known?", "Wie lange weiß die Stadt schon davon?". */
const knowing = /(?<!\p{L})(?:known|knew|know|weiß|weiss|wisst|wissen|gewusst|wusste\p{L}*)(?!\p{L})/iu;

/**
 * What the notice never says, asked outright: which person or company ("Welche Firma hat den
 * Server neu aufgesetzt?"), a letter to each person affected, fines, earlier or later attacks,
 * which product to buy, whether a named group or country did it (a question who did it is
 * answered: nothing more is known), other towns hit, version or CVE numbers, an outside firm,
 * phone numbers and office hours (the notice gives two e-mail addresses), how many, what it
 * cost, when something comes back, the dark web; and requests no town answers (repairing the
 * citizen's own device, a joke). The data protection officer can answer; no entry does.
 */
const neverSaid = [
  // "Kann die IT der Stadt meinen Laptop reparieren?": help with the citizen's own device.
  /\b(?:laptop|notebook|computer|pc|rechner|handy|smartphone|phone|tablet)\b[^?.!]*(?<!\p{L})(?:reparier\p{L}*|repair|fix)(?!\p{L})|\b(?:den|ihn) (?:reparieren|fixen)\b|\b(?:repair|fix) my\b/iu,
  // Numbers and money: how many were affected, what it cost, a ransom, compensation, insurance.
  /\b(?:wie ?viele|how many)\b|(?<!\p{L})(?:gekostet|kosten|kostet|cost|costs|costing|versicherung\p{L}*|versichert|insurance|insured|lösegeld\p{L}*|ransom(?!ware)\p{L}*|erpress\p{L}*|extort\p{L}*|schadenersatz|schadensersatz|entschädigung\p{L}*|compensation|compensated)(?!\p{L})/iu,
  // "Erzähl mir einen Witz", "Write a poem about the hack": entertainment, not a question.
  /(?<!\p{L})(?:erzähl\p{L}*|tell|sing\p{L}*|dicht\p{L}*|write|schreib\p{L}*|mach\p{L}*)(?!\p{L})[^?.!]*(?<!\p{L})(?:witz\p{L}*|gedicht\p{L}*|lied|song|jokes?|poem|limerick|haiku|märchen|fairy tale|reim\p{L}*|rhyme)(?!\p{L})/iu,
  // "War das die Gruppe Hafnium?", "Aus welchem Land kamen die Angreifer?": a named suspect, not
  // "who was it" (\bwho\b, "wer": answered by `attackers`, whatever names the story around it).
  /^(?![^?.!]*(?<!\p{L})(?:who|whom|wer|wen)(?!\p{L}))[^?.!]*(?:(?<!\p{L})(?:hafnium|chines\p{L}*|china|russ\p{L}*|nordkorea\p{L}*|north korea\p{L}*|iran\p{L}*|staatshacker\p{L}*|state-sponsored|staatlich\p{L}*)(?!\p{L})|\b(?:welche[mn]?|aus welchem|which|what) (?:land|country|staat|state)\b)/iu,
  /\b(?:andere[nr]?|weitere[nr]?|other|neighbouring|neighboring|nearby)\s+(?:\p{L}+\s+)?(?:gemeinden|städte|staedte|kommunen|ämter|behörden|verwaltungen|towns|councils|municipalities|cities|authorities)\b/iu,
  /(?<!\p{L})(?:cve|cves)(?!\p{L})|\b(?:welche[rnms]?|which|what)\s+(?:\p{L}+\s+)?(?:version|build|cumulative update|patch-?level|patchstand)\b/iu,
  /\b(?:externe[nrs]?|external|outside)\s+(?:it-?)?(?:firma|firmen|dienstleister|experten|company|firm|contractor|experts?)\b/iu,
  /(?<!\p{L})(?:öffnungszeit\p{L}*|sprechzeit\p{L}*|sprechstunde\p{L}*|telefonisch)(?!\p{L})|\b(?:office|opening) (?:hours|times)\b|\bby (?:tele)?phone\b|\b(?:wie (?:ist|lautet)|what'?s|what is)\b[^?.!]*(?:telefonnummer|handynummer|phone number)\b/iu,
  /\b(?:welche[rnms]?|which|what)\s+(?:\p{L}+\s+)?(?:mitarbeiter\p{L}*|angestellte\p{L}*|firma|firmen|unternehmen|dienstleister|beamte\p{L}*|employee|staff member|company|firm|contractor)\b/iu,
  /\b(?:personal|individual|persönliche[nrs]?|individuelle[nrs]?)\s+(?:letter|brief|benachrichtigung|notification)\b|\b(?:letter|brief)\b[^?.!]*\b(?:whether|ob)\b/iu,
  /\b(?:fined|fines|a fine|fine (?:the|anyone|them|us|it))\b|(?<!\p{L})(?:bußgeld|bussgeld)\s+(?:zahlen|verhängt)\b/iu,
  /\b(?:hacked|attacked|breached)\s+(?:\p{L}+\s+)?again\b|\bagain since\b|\bschon (?:früher|einmal|mal)\b[^?.!]*\b(?:gehackt|angegriffen|hackerangriff\p{L}*)/iu,
  /\b(?:welche[snrm]?|which|what)\s+(?:\p{L}+\s+)?(?:antivirus\p{L}*|virenscanner|virenprogramm\p{L}*|virenschutz\p{L}*|antiviren\p{L}*|programm|software|app|passwort-?manager|password manager)\b[^?.!]*\b(?:empfehl\p{L}*|recommend\p{L}*|nehmen|beste|best|buy|purchase|install|download|kaufen|installieren|holen)\b/iu,
  // "Können Sie mir ein Antivirenprogramm empfehlen?", "How do I install the Office updates?":
  // a product to choose, or the citizen's own software, which the notice says nothing about.
  /(?<!\p{L})(?:empfehl\p{L}*|recommend\p{L}*)(?!\p{L})[^?.!]*(?<!\p{L})(?:antivir\p{L}*|virenscanner|virenschutz\p{L}*|virenprogramm\p{L}*|passwort-?manager\p{L}*|password managers?|vpn)(?!\p{L})|(?<!\p{L})(?:antivir\p{L}*|virenscanner|virenschutz\p{L}*|virenprogramm\p{L}*|passwort-?manager\p{L}*|password managers?|vpn)(?!\p{L})[^?.!]*(?<!\p{L})(?:empfehl\p{L}*|recommend\p{L}*)(?!\p{L})|\b(?:how (?:do|can|should) i|how to|wie (?:kann|soll) ich)\s+(?:install|update|download|installier\p{L}*|aktualisier\p{L}*)\b[^?.!]*\b(?:office|windows|word|excel|teams|iphone|android|ios|macos|laptop|pc|computer|handy|smartphone|router|drucker|printer|browser)\b/iu,
  // "Wie erstelle ich einen Passwort-Manager und welcher ist der beste?": a product to choose.
  /(?<!\p{L})(?:passwort-?manager\p{L}*|password managers?|antivirus\p{L}*|virenschutz\p{L}*|virenscanner|vpn|browser|mail-?programm\p{L}*|e-?mail (?:app|client|provider))(?!\p{L})[^?.!]*\b(?:welche[rns]?|which)\b[^?.!]*\b(?:beste[nr]?|best)\b/iu,
  // "Können Sie mein Passwort zurücksetzen?", "Can you reset my password?": an account the
  // assistant cannot touch.
  /\b(?:können|könnten|kannst|könnt|can|could) (?:sie|du|ihr|you)\b[^?.!]*(?<!\p{L})(?:zurücksetzen|zuruecksetzen|entsperren|freischalten|reset|unlock|recover)(?!\p{L})/iu,
  // When something comes back ("Wann wird OWA wieder eingeschaltet?", "Will webmail be switched
  // back on?"): a date the notice never gives. Not "wieder sicher" or "wieder schreiben": whether
  // the town can be mailed again is answered.
  /(?<!\p{L})(?:wieder (?:eingeschalt|einschalt|angeschalt|anschalt|freigeschalt|freischalt|freigegeben|verfügbar|nutzbar|zugänglich|aktivier|in betrieb|hochgefahren)|wieder (?:an|ein|frei)\s*(?:[?.!]|$)|back on(?!\p{L})|(?:available|usable) again|(?:switched|turned|come|coming|brought) back|reactivat|re-?enabl|re-activat)/iu,
  // Whether the data turned up on the dark web or is sold online: the notice says only that no
  // outflow was found, and the corpora's writers never count such a question as answered by it.
  /(?<!\p{L})(?:dark ?web|darknet|deep ?web)(?!\p{L})|\b(?:sold|selling|for sale)\b[^?.!]*\b(?:online|internet)\b|(?<!\p{L})(?:verkauft|verkaufen|angeboten)(?!\p{L})[^?.!]*(?<!\p{L})(?:internet|netz|online)(?!\p{L})/iu,
];

/**
 * "Can you check whether my e-mail address is in the stolen address book?": a look-up of the
 * citizen's own details, which the assistant cannot do and no entry answers (the data
 * protection officer can: the citizen gets the offer to forward the question).
 */
const ownLookup = [
  /\b(?:können|koennen|könnten|kannst|könntest) (?:sie|du) (?:mal |bitte )*(?:nachsehen|nachschauen|nachgucken|prüfen|pruefen|überprüfen|ueberpruefen|checken|herausfinden|rausfinden|suchen)\b[^?.!]*\bob (?:meine|mein) (?:e-?mail-?adresse|mailadresse|adresse|telefonnummer|handynummer|nummer|name)\b/iu,
  /\b(?:can|could|would) you (?:please )?(?:check|look up|find out|see|verify|search|confirm)\b[^?.!]*\b(?:whether|if) my (?:(?:specific|own|personal) )?(?:e-?mail(?: address)?|address|phone number|number|name)\b/iu,
];

const all = (patterns: readonly RegExp[], sentence: string) =>
  patterns.every((pattern) => pattern.test(sentence));

/**
 * Whether the message is about another sender (see `Scope.town`), or a sentence of it that asks
 * something asks for what the notice never says (the lists above; why something did not happen
 * sooner or the exact day of something only unless it is about telling). The matcher then gives
 * the honest "no answer", without suggestions.
 */
export function asksBeyondTheNotice(message: string, scope: Scope, known: Known = () => false): boolean {
  const { senders, town } = scope;
  if (senders && !town.test(message) && namesUnknown(senders, message, known)) return true;
  const sentences = message.split(/(?<=[.!?;])\s+|\n+/u);
  // What is asked, not what the story around it says ("I read that all data ends up on the dark
  // web. Was any data taken?" asks whether data was taken): the sentences with a question mark,
  // else the last one.
  const asked = sentences.filter((sentence) => sentence.includes('?'));
  const questions = asked.length > 0 ? asked : sentences.slice(-1);
  return questions.some(
    (sentence) =>
      ownLookup.some((pattern) => pattern.test(sentence)) ||
      (duration.test(sentence) && !telling.test(sentence) && !knowing.test(sentence)) ||
      neverSaid.some((pattern) => pattern.test(sentence)) ||
      (!telling.test(sentence) && (all(whyNotSooner, sentence) || all(exactDay, sentence))),
  );
}
