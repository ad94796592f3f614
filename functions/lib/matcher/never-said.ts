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
/** The citizen's own devices (help with them is none of this assistant's). */
const devices =
  'laptop|notebook|computer|pc|rechner|handy|natel|smartphone|phone|tablet|kasse|kassensystem|drucker|printer|router';
/** Asking the assistant to do something: "Können Sie …", "Can you …". */
const youCan = '(?:können|könnten|kannst|könnt|can|could) (?:sie|du|ihr|you)';

const neverSaid = [
  // "Kann die IT der Stadt meinen Laptop reparieren?": help with the citizen's own device.
  new RegExp(
    String.raw`(?<!\p{L})(?:${devices})(?!\p{L})[^?.!]*(?<!\p{L})(?:reparier\p{L}*|repair|fix)(?!\p{L})|\b(?:den|ihn) (?:reparieren|fixen)\b|\b(?:repair|fix) my\b`,
    'iu',
  ),
  // Numbers and money: how many were affected, what it cost, a ransom, compensation, insurance.
  /\b(?:wie ?viele|how many)\b|(?<!\p{L})(?:gekostet|kosten|kostet|cost|costs|costing|versicherung\p{L}*|versichert|insurance|insured|lösegeld\p{L}*|ransom(?!ware)\p{L}*|erpress\p{L}*|extort\p{L}*|schadenersatz|schadensersatz|entschädigung\p{L}*|compensation|compensated|compo|schmerzensgeld)(?!\p{L})/iu,
  // "What is ransomware?", "Kann ich eine Kopie des Berichts bekommen?": malware and documents
  // the notice never mentions.
  /\b(?:what is|what's|whats|was ist|was sind|was heißt|was heisst)\s+(?:\p{L}+\s+){0,2}?(?:ransomware|erpressungs?trojaner|verschlüsselungstrojaner)|(?<!\p{L})(?:a copy of|copies of|eine kopie|kopie (?:des|der|vom))(?!\p{L})[^?.!]*(?<!\p{L})(?:report|bericht\p{L}*|meldung|protokoll\p{L}*|gutachten|logs?)(?!\p{L})/iu,
  // "Kann ich bei der Stadt eine eigene E-Mail-Adresse bekommen?": an address of the citizen's
  // own, which the town's notice does not offer.
  /^(?=[^?.!]*(?<!\p{L})(?:eigene\p{L}*|own|residents|citizens|bürger\p{L}*|einwohner\p{L}*)(?!\p{L}))(?=[^?.!]*(?:e-?mail-?adress\p{L}*|e-?mail address\p{L}*|e-?mail-?konto|e-?mail accounts?))[^?.!]*(?<!\p{L})(?:bekomm\p{L}*|krieg\p{L}*|get|offer\p{L}*|provid\p{L}*|einricht\p{L}*|anleg\p{L}*|create|set up)(?!\p{L})/iu,
  // "Wie spät ist es?": the time of day.
  /\b(?:wie sp(?:ä|ae)t is(?:t)? es|what time is it|what'?s the time)\b/iu,
  // "Erzähl mir einen Witz", "Write a poem about the hack": entertainment, not a question.
  /(?<!\p{L})(?:erzähl\p{L}*|tell|sing\p{L}*|dicht\p{L}*|write|schreib\p{L}*|mach\p{L}*)(?!\p{L})[^?.!]*(?<!\p{L})(?:witz\p{L}*|gedicht\p{L}*|lied|song|jokes?|poem|limerick|haiku|märchen|fairy tale|reim\p{L}*|rhyme)(?!\p{L})/iu,
  // "War das die Gruppe Hafnium?", "Aus welchem Land kamen die Angreifer?": a named suspect, not
  // "who was it" (\bwho\b, "wer": answered by `attackers`, whatever names the story around it).
  /^(?![^?.!]*(?<!\p{L})(?:who|whom|wer|wen)(?!\p{L}))[^?.!]*(?:(?<!\p{L})(?:hafnium|chines\p{L}*|china|russ\p{L}*|nordkorea\p{L}*|north korea\p{L}*|iran\p{L}*|staatshacker\p{L}*|state-sponsored|staatlich\p{L}*)(?!\p{L})|\b(?:welche[mn]?|aus welchem|which|what) (?:land|country|staat|state)\b|(?<!\p{L})(?:names?|namen|heißt|heisst|called)(?!\p{L})[^?.!]*(?:gruppe|group|gang|bande)(?!\p{L}))/iu,
  /\b(?:andere[nr]?|weitere[nr]?|other|neighbouring|neighboring|nearby)\s+(?:\p{L}+\s+)?(?:gemeinden|städte|staedte|kommunen|ämter|behörden|verwaltungen|towns|councils|municipalities|cities|authorities)\b/iu,
  /(?<!\p{L})(?:cve|cves)(?!\p{L})|\b(?:welche[rnms]?|which|what)\s+(?:\p{L}+[\s-]+)?(?:version|build|cumulative update|patch-?level|patchstand)\b/iu,
  /\b(?:externe[nrs]?|external|outside)\s+(?:it-?)?(?:firma|firmen|dienstleister|experten|company|firm|contractor|experts?)\b/iu,
  /(?<!\p{L})(?:öffnungszeit\p{L}*|sprechzeit\p{L}*|sprechstunde\p{L}*|telefonisch)(?!\p{L})|\b(?:office|opening) (?:hours|times)\b|\bby (?:tele)?phone\b|\b(?:wie (?:ist|lautet)|what'?s|what is)\b[^?.!]*(?:telefonnummer|handynummer|phone number)\b|\b(?:unter welcher|welche) (?:telefon|handy)?nummer\b/iu,
  /\b(?:welche[rnms]?|which|what)\s+(?:\p{L}+\s+)?(?:mitarbeiter\p{L}*|angestellte\p{L}*|firma|firmen|unternehmen|dienstleister|beamte\p{L}*|employee|staff member|company|firm|contractor)\b/iu,
  /\b(?:personal|individual|persönliche[nrs]?|individuelle[nrs]?)\s+(?:letter|brief|benachrichtigung|notification)\b|\b(?:letter|brief)\b[^?.!]*\b(?:whether|ob)\b/iu,
  /\b(?:fined|fines|a fine|fine (?:the|anyone|them|us|it))\b|(?<!\p{L})(?:bußgeld|bussgeld)\s+(?:zahlen|verhängt)\b/iu,
  /\b(?:hacked|attacked|breached)\s+(?:\p{L}+\s+)?again\b|\bagain since\b|\b(?:hacked|attacked|breached) before\b|\bschon (?:früher|einmal|mal)\b[^?.!]*(?<!\p{L})(?:gehackt|angegriffen|\p{L}*angriff\p{L}*)(?!\p{L})/iu,
  /\b(?:welche[snrm]?|which|what)\s+(?:\p{L}+\s+)?(?:antivirus\p{L}*|virenscanner|virenprogramm\p{L}*|virenschutz\p{L}*|antiviren\p{L}*|programm|software|app|passwort-?manager|password manager)\b[^?.!]*\b(?:empfehl\p{L}*|recommend\p{L}*|nehmen|beste|best|buy|purchase|install|download|kaufen|installieren|holen)\b/iu,
  // "Können Sie mir ein Antivirenprogramm empfehlen?", "How do I install the Office updates?":
  // a product to choose, or the citizen's own software, which the notice says nothing about.
  /(?<!\p{L})(?:empfehl\p{L}*|recommend\p{L}*)(?!\p{L})[^?.!]*(?<!\p{L})(?:antivir\p{L}*|virenscanner|virenschutz\p{L}*|virenprogramm\p{L}*|passwort-?manager\p{L}*|password managers?|vpn)(?!\p{L})|(?<!\p{L})(?:antivir\p{L}*|virenscanner|virenschutz\p{L}*|virenprogramm\p{L}*|passwort-?manager\p{L}*|password managers?|vpn)(?!\p{L})[^?.!]*(?<!\p{L})(?:empfehl\p{L}*|recommend\p{L}*)(?!\p{L})|\b(?:how (?:do|can|should) i|how to|wie (?:kann|soll) ich)\s+(?:install|update|download|installier\p{L}*|aktualisier\p{L}*)\b[^?.!]*\b(?:office|windows|word|excel|teams|iphone|android|ios|macos|laptop|pc|computer|handy|smartphone|router|drucker|printer|browser)\b/iu,
  // "Wie erstelle ich einen Passwort-Manager und welcher ist der beste?": a product to choose.
  /(?<!\p{L})(?:passwort-?manager\p{L}*|password managers?|antivirus\p{L}*|virenschutz\p{L}*|virenscanner|vpn|browser|mail-?programm\p{L}*|e-?mail (?:app|client|provider))(?!\p{L})[^?.!]*\b(?:welche[rns]?|which)\b[^?.!]*\b(?:beste[nr]?|best)\b/iu,
  // Actions the assistant cannot take: "Können Sie mein Passwort zurücksetzen?", "Can you block
  // the scammer's address for me?", "Can you open the attachment and tell me whether it's a
  // virus?", "Kannst du den Anhang für mich öffnen?" (whether to open it is answered).
  new RegExp(
    String.raw`\b(?:${youCan})\b[^?.!]*(?<!\p{L})(?:zurücksetzen|zuruecksetzen|entsperren|freischalten|reset|unlock|recover|block\p{L}*|sperren|sperrt|filter\p{L}*|(?:open|öffne\p{L}*|scan\p{L}*)\s+(?:the|this|that|my|den|die|das|meinen|diesen|diese)\s+(?:\p{L}+\s+)?(?:attachment|anhang|file|datei))(?!\p{L})|\b(?:${youCan})\b(?=[^?.!]*\bfür mich\b)[^?.!]*(?<!\p{L})(?:anhang|datei|mail)\b[^?.!]*(?<!\p{L})(?:öffnen|aufmachen|scannen|prüfen|checken)(?!\p{L})`,
    'iu',
  ),
  // When something comes back ("Wann wird OWA wieder eingeschaltet?", "Will webmail be switched
  // back on?"): a date the notice never gives. Not "wieder sicher" or "wieder schreiben": whether
  // the town can be mailed again is answered.
  /(?<!\p{L})(?:wieder (?:eingeschalt|einschalt|angeschalt|anschalt|freigeschalt|freischalt|freigegeben|verfügbar|nutzbar|zugänglich|aktivier|in betrieb|hochgefahren)|wieder (?:an|ein|frei)\s*(?:[?.!]|$)|back on(?!\p{L})|(?:available|usable) again|(?:switched|turned|come|coming|brought) back|reactivat|re-?enabl|re-activat)/iu,
  // "Ab wann kann man Outlook Web App wieder benutzen?", "When will webmail work again?": the
  // same date, asked as when it can be used again (not whether it is safe to use again).
  /^(?![^?.!]*(?<!\p{L})(?:sicher|safe|secure)(?!\p{L}))[^?.!]*\b(?:ab wann|wann|when)\b[^?.!]*(?:\bwieder\b[^?.!]*(?<!\p{L})(?:benutz\p{L}*|nutz\p{L}*|verwend\p{L}*|funktionier\p{L}*|geht|gehen|läuft|laufen)|(?<!\p{L})(?:benutz\p{L}*|nutz\p{L}*|verwend\p{L}*|funktionier\p{L}*|geht|gehen|läuft|laufen)(?!\p{L})[^?.!]*\bwieder\b|(?<!\p{L})(?:use|work|run)\p{L}*\b[^?.!]*\bagain\b)/iu,
  // "Did they catch the hackers?", "Hat man die Täter gefasst?": an arrest, which the notice
  // never mentions (who they were is answered: nothing more is known).
  /^(?=[^?.!]*(?<!\p{L})(?:hacker\p{L}*|attackers?|criminals?|culprits?|perps?|perpetrators?|crooks?|they|them|täter\p{L}*|angreifer\p{L}*|gauner\p{L}*|kriminelle\p{L}*|verbrecher\p{L}*|man)(?!\p{L}))[^?.!]*(?<!\p{L})(?:caught|catch|arrest\p{L}*|gefasst|geschnappt|festgenommen|verhaftet)(?!\p{L}|\s+(?:up|ya|you|u)\b)/iu,
  // "Is anybody suing the town?", "Kann ich die Stadt verklagen?", "Did the town break the law?":
  // lawsuits and legal verdicts, which the notice never speaks of (the citizen's rights are
  // answered: `gdpr-rights`).
  /(?<!\p{L})(?:sue|sues|suing|sued|lawsuits?|class action|verklag\p{L}*|sammelklage\p{L}*|anwalt|anwältin|lawyer|solicitor|illegal|rechtswidrig|gesetzwidrig|strafbar|break the law|broke the law|breaking the law|against the law|gegen das gesetz)(?!\p{L})/iu,
  // "Has anybody actually received one of these fake emails?": other people's experience, which
  // the notice does not report (whether the citizen may get them is answered).
  /\b(?:has|have|did)\s+(?:anybody|anyone|any one|other people|others|people|many people|your neighbours)\b(?:\s+\p{L}+){0,3}?\s+(?:received|got|gotten|had)\b|\b(?:hat|haben)\s+(?:schon\s+)?(?:jemand|irgendwer|wer|andere|leute|viele)\s+(?:\p{L}+\s+){0,4}?(?:bekommen|erhalten|gekriegt)\b/iu,
  // "How do hackers technically exploit it? Step by step please": technical detail beyond what
  // the notice says about the vulnerabilities.
  /(?<!\p{L})(?:step by step|step-by-step|schritt für schritt|in technical detail|technische details|technischen details|technically exploit\p{L}*|exploit\p{L}* \p{L}+ technically|technisch funktioniert|funktioniert \p{L}+ technisch)(?!\p{L})/iu,
  // "How are town staff supposed to read their mail from home without OWA?": the staff's work,
  // which the notice does not describe.
  /(?<!\p{L})(?:staff|employees|mitarbeiter\p{L}*|angestellte\p{L}*|beschäftigte\p{L}*)(?!\p{L})[^?.!]*(?<!\p{L})(?:from home|von zu hause|von daheim|home ?office|remote\p{L}*)(?!\p{L})/iu,
  // "My Netflix password was leaked in another breach": an incident other than this one.
  /\b(?:another|a different|an other|some other)\s+(?:data\s+)?(?:breach|hack|leak|attack)\b|(?<!\p{L})(?:einem|einen|einer)\s+anderen\s+(?:hack|datenleck|angriff|leak|vorfall)(?!\p{L})/iu,
  // "Assist me to change my Outlook password", "Wie ändere ich mein WLAN-Passwort?": how to, for
  // an account of the citizen's own at another provider (whether to change it is answered).
  /\b(?:how (?:do|can|should) i|how to|help me|assist me|wie (?:kann|soll|muss) ich|wie ändere ich|hilf mir|helfen sie mir)\b[^?.!]*(?<!\p{L})(?:my|mein\p{L}*)\s+(?:(?:outlook|windows|gmail|google|apple|icloud|facebook|instagram|bank|netflix|amazon|paypal|wlan|wifi|wi-fi|router|handy|phone)[\s-]*(?:password|passwort|kennwort|pin)|(?:own\s+|eigene\p{L}*\s+)?(?:hotmail|gmx|gmail|yahoo|web\.de|t-online|outlook\.com|aol)\p{L}*)(?!\p{L})/iu,
  // "I forgot my Outlook password", "Passwort vergessen": an account of the citizen's own.
  /(?<!\p{L})(?:forgot|forgotten|vergessen)(?!\p{L})[^?.!]*(?<!\p{L})(?:password|passwort|kennwort|pin)(?!\p{L})|(?<!\p{L})(?:password|passwort|kennwort)(?!\p{L})[^?.!]*(?<!\p{L})(?:forgot|forgotten|vergessen)(?!\p{L})/iu,
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

/**
 * Trouble elsewhere: "Bei uns in der Firma wurde der Server gehackt. Was müssen wir jetzt tun?",
 * "My work account got hacked" (a break-in at the citizen's own or their employer's, whatever
 * system: "unser Exchange-Server"), scam calls and text messages. The notice speaks of the town's
 * server and of e-mails in its name; a message that names the town, a mail, a link or an
 * attachment is about this incident (a click on a fake mail in the town's name), and the rules
 * leave it alone.
 */
const elsewhere = [
  // "Ich bekomme Spam-Anrufe", "scam texts": calls and text messages, not the e-mails the notice warns of.
  /(?<!\p{L})(?:spam|scam|fake|betrugs?|betrüger\p{L}*)[- ]?(?:anruf\p{L}*|calls?|sms|texts?|text messages?|whatsapps?)(?!\p{L})|(?<!\p{L})(?:anruf\p{L}*|calls|sms|text messages?|whatsapps?)(?!\p{L})[^.!?]*(?<!\p{L})(?:spam|scam|fake|betrug|betrüger\p{L}*)(?!\p{L})/iu,
  /(?<!\p{L})(?:bei uns|bei mir|unser(?:e[rmns]?)?|meine[rmns]?|mein|our|my|at my)\s+(?:\p{L}+\s+){0,3}?(?:firma|firmen\S*|betrieb\S*|unternehmen\S*|praxis|verein\p{L}*|schule|school|pflegeheim|care home|nursing home|practice|surgery|büro\S*|kanzlei|arbeit|server|exchange-?server|rechner|computer|laptop|pc|kassensystem|account|company|business|firm|office|work|workplace|job)(?!\p{L})[^.!?]*(?<!\p{L})(?:gehackt|gehäckt|g'hackt|ghackt|angegriffen|hacked|breached|compromised|attacked|macht probleme|probleme macht|makes problems|has problems|having problems|having issues|gefährdet|at risk|vulnerable)(?!\p{L})/iu,
];
/**
 * Calls and paper letters, whoever they claim to be from ("Heute rief einer an, er sei von
 * Microsoft", "a letter in the post asking me to pay a fee to the town"): not the e-mails the
 * notice warns of. A letter counts when it asks for money (the town's own letter about the
 * incident is no fraud).
 */
const callOrLetter = [
  /(?<!\p{L})(?:angerufen|anruf|anrufe|rief\s+(?:\p{L}+\s+){0,5}?an|called me|phoned me|rang me|a call from|phone call|got a call|an (?:der|meiner|unserer) haustür|haustür|at my (?:front )?door|on my doorstep|door-to-door|knocked on)(?!\p{L})/iu,
  /(?<!\p{L})(?:brief\p{L}*|letter)(?!\p{L})(?=[^.!?]*(?<!\p{L})(?:zahl\p{L}*|überweis\p{L}*|gebühr\p{L}*|mahnung\p{L}*|pay|payment|fee|fine|bank details|transfer)(?!\p{L}))/iu,
];

/**
 * The citizen's own device: "Mein Laptop hat glaub ich einen Virus", "my PC is acting up". No
 * entry helps with it, wherever the citizen caught it ("im Gratis-WLAN in Strasburg"); after a
 * click on a fake mail it is `clicked-link` (a message naming a mail, link or attachment).
 */
const ownDevice = new RegExp(
  String.raw`(?<!\p{L})(?:meine[rmns]?|mein|my|mei|ma)\s+(?:\p{L}+\s+){0,2}?(?:${devices})(?:'s)?(?!\p{L})[^.!?]*(?<!\p{L})(?:virus|viren|malware|trojaner\p{L}*|trojan|spinnt|acting up|actin' up|infected|infiziert)(?!\p{L})`,
  'iu',
);

/**
 * "Die Facebook-Seite der Stadt wurde gehackt", "the town's website got hacked": another break-in
 * than the one of the notice, which speaks of the mail server only. The page must be what was
 * hacked (a few words apart), not where the citizen read about the mail server.
 */
const otherBreakIn =
  /(?<!\p{L})(?:facebook|instagram|tiktok|twitter|social media|soziale[nm]? medien|homepage|website|webseite|internetseite|internetauftritt)(?:-?\p{L}+)?(?:\s+(?!(?:that|dass|about|über|how|wie|the town's mail|the mail)\b)\S+){0,4}?\s+(?:gehackt|hacked|gekapert|übernommen|taken over|hijacked|compromised)(?!\p{L})/iu;

const mailOrClick =
  /(?<!\p{L})(?:link\p{L}*|anhang|anhänge|attachment\p{L}*|geklickt|klick\p{L}*|click\p{L}*|mail\p{L}*|e-mail\p{L}*|email\p{L}*|phishing)(?!\p{L})/iu;

const all = (patterns: readonly RegExp[], sentence: string) =>
  patterns.every((pattern) => pattern.test(sentence));

/**
 * Whether the message is about another sender (see `Scope.town`), or a sentence of it that asks
 * something asks for what the notice never says (the lists above; why something did not happen
 * sooner or the exact day of something only unless it is about telling). The matcher then gives
 * the honest "no answer", without suggestions.
 */
export function asksBeyondTheNotice(message: string, scope: Scope, known: Known = () => false): boolean {
  const { senders, town, place } = scope;
  if (senders && !town.test(message) && namesUnknown(senders, message, known)) return true;
  if (
    !mailOrClick.test(message) &&
    (ownDevice.test(message) || (!place.test(message) && elsewhere.some((pattern) => pattern.test(message))))
  )
    return true;
  if (otherBreakIn.test(message)) return true;
  if (!mailOrClick.test(message) && callOrLetter.some((pattern) => pattern.test(message))) return true;
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
