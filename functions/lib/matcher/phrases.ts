import type { Language } from '../knowledge/locales.ts';

/**
 * Phrases whose words mean something else one by one ("tell if" is to recognise, not to tell;
 * "get hold of" is to reach, not to hold): replaced by one word the knowledge base uses, in
 * entries and questions alike. Synonyms map single words only.
 *
 * Phrases see the text as written, before colloquial forms are standardised (colloquial.ts), so
 * a pattern lists the forms it must catch ("ich|ick", "affected|efected"). Standardising first
 * was measured (30 Nov 2026): 4 tuning answers lost and 1 gained, as phrases then also fired on
 * forms such as "is dit" → "ist das"; not taken.
 */
const phrases: Record<Language, readonly [RegExp, string][]> = {
  en: [
    // Whom to tell about something is whom to report it to ("Who should I notify about a fake
    // mail?"), not why the town notified citizens.
    [
      /\b(who|whom)((?: should| do| can| must| shall| would)?) i (?:tell|notify|inform|alert|warn)\b/giu,
      '$1$2 i report',
    ],
    // "How can I tell if I am affected?": telling, finding out or knowing whether something is
    // so of oneself asks about that thing, not how to recognise a fake mail.
    [
      /\b(?:tell|recogni[sz]e|know|find out|check|see|figure out|work out)\s+(?=(?:if|whether)\s+(?:i|i'm|im|i've|ive|me|my data)\b)/giu,
      '',
    ],
    // "Should we assume that …" asks whether what follows is so: the frame names nothing.
    [/\b(?:assume|presume|suppose)\s+(?:that\s+)?/giu, ''],
    // "What steps should I take?", "my next steps": what to do, not what the town did.
    [
      /\bwhat (?:steps|measures|actions) (?:should|do|must|can|shall) i (?:take|follow)\b/giu,
      'what should i do',
    ],
    [/\bwhat (?:are|r) my (?:next )?steps\b/giu, 'what should i do'],
    // Being affected oneself ("Am I affected?", "Does this affect me?") is one topic, apart
    // from which data were affected: one word for it, in entries and questions alike.
    [/\bam i\b((?:\s+\p{L}+){0,3}?)\s+(?:affected|effected|efected|afected)\b/giu, '$1 selfaffected'],
    [
      /\b(?:does|could|will|would|did) (?:this|it|that|the attack|the hack) (?:also )?affect (?:me|us)\b/giu,
      'selfaffected',
    ],
    // "Am I in this mess too?": am I affected.
    [
      /\bam i (?:(?:also |too )?(?:caught up )?in (?:this|the|that) mess|caught up in (?:this|it|that))\b/giu,
      'selfaffected',
    ],
    // How to answer is no topic: "in plain English", "in simple terms", "for dummies".
    [
      /\b(?:in|using) (?:plain|simple|easy|basic|everyday|layman'?s|laymans|lay) (?:english|words|terms|language)\b|\bfor (?:dummies|a layman|laymen|a beginner)\b|\blike i'?m (?:five|5)\b|\beli5\b/giu,
      '',
    ],
    // "a quick summary of the incident" asks what happened (like "eine kurze Zusammenfassung").
    [
      /\b(?:an? )?(?:short |quick |brief |rough )?(?:summary|overview|rundown|recap) (?:of|on)\b|\bsummari[sz]e\b/giu,
      'what happened',
    ],
    // "a real person rather than a bot": the wish is the person; the bot is what it is not.
    [
      /\b(?:rather than|instead of)(?: with| to)? (?:a |an |this |some |the )?(?:stupid |dumb )?(?:chat ?bot|bot|program|machine|computer|robot|ai)\b/giu,
      '',
    ],
    [
      /\b(rather|prefer)\b([^?.!]*?)\bthan(?: with| to)? (?:a |an |this |some |the )?(?:stupid |dumb )?(?:chat ?bot|bot|program|machine|computer|robot|ai)\b/giu,
      '$1$2',
    ],
    // "really from the town": whether a sender is genuine ("really" alone is a stop word).
    [/\b(?:really|actually|truly)\s+(?=(?:from|sent by|(?:come|came|comes|coming) from)\b)/giu, 'genuine '],
    // "What did the town do to stop this from happening again?" asks what the town did against it,
    // not whether it is safe again.
    [
      /\b(do|doing|done|did)\s+to (?:stop|prevent|avoid)\s+(?:this|it|that|a repeat|(?:such|another|future|further|new) (?:attacks?|hacks?|incidents?|breaches))(?:\s+from)?(?:\s+(?:happening|occurring|recurring))?(?:\s+again)?\b/giu,
      '$1 against the attack',
    ],
    // "Am I screwed?", "am I in the clear?": whether one is affected.
    [
      /\bam i\b((?:\s+\p{L}+){0,2}?)\s+(?:screwed|stuffed|done for|in trouble|in the clear|in danger|involved)\b/giu,
      '$1 selfaffected',
    ],
    // "this is doing my head in": how the citizen feels, no topic.
    [/\b(?:this |it |that )?(?:is |'s |s )?doing my head in\b/giu, ''],
    // "You human?", "r u a bot": the assistant asked what it is, in two or three words.
    [
      /^\W*(?:are you|r u|ru|you|u)\s+(?:an?\s+)?(?:human|real|a real person|person|bot|robot|machine)\W*$/giu,
      'are you a bot',
    ],
    // "hey hey, what's up" alone is a greeting; "what's up with the server?" asks what happened.
    [/^\W*(?:(?:hey|hi|hello|yo|hiya|oi)\W+)*(?:what['’]?s up|wassup|whassup|sup)\W*$/giu, 'hello'],
    // "those guys" who broke in are the attackers ("you guys" is the town).
    [/\b(?:those|these|the|them) guys\b/giu, 'the attackers'],
    // What "came to light" became known.
    [/\b(?:come|came|comes|coming) to light\b/giu, 'became known'],
    // "Are you a program?", "Am I talking to a person or a computer program?": the assistant as a bot.
    [
      /\b(are you|is this|r u|am i talking to)\b([^?.!]*?)\b(?:just )?(?:a|an) (?:computer |automated )?program(?:me)?\b/giu,
      '$1$2 a bot',
    ],
    // "Am I talking to a real person?": whether the assistant is one (not a wish to talk to one,
    // which asks with "can", "want" or "need").
    [
      /\b(?:am i|are we)\s+(?:(?:really|actually|now|right now|currently)\s+)?(?:talking|chatting|speaking|writing|texting)\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:real\s+|actual\s+|live\s+)?(?:person|human(?: being)?|people)\b/giu,
      'are you a bot',
    ],
    // "When is the library open?": opening hours, a town service, not when something became
    // known or what was opened (an attachment).
    [
      /\b(?:when|what time)\s+(?:is|are|does|do)\s+(?:the\s+)?((?:\p{L}+\s+){0,2}?\p{L}+)\s+(?:open|opened|close|closed|shut)\b/giu,
      'opening hours $1',
    ],
    // What the town holds "about me" / "on me" is the right of access to one's own data, one
    // word for it in entries and questions alike ("what info you've got on me").
    [/\b(?:about|on)\s+(?:me|myself|us)\b/giu, 'selfdata'],
    // Contractions that the word split would cut into letters ("what'd", "y'all").
    [/\bwhat['’]d\b/giu, 'what did'],
    [/\by['’]all\b/giu, 'you'],
    // "Is it known whether …", "Do you know if …" asks whether what follows is so.
    [
      /\b(?:is it|has it been|was it) (?:now |already |actually )?(?:known|clear|confirmed|established) (?=whether\b|if\b)/giu,
      '',
    ],
    [/\bdo (?:you|they|we) (?:already |actually |even )?know (?=whether\b|if\b)/giu, ''],
    // "a short summary of the incident" asks what happened.
    [
      /\b(?:give me |get |is there )?(?:a |an )?(?:short |brief |quick |rough )?(?:summary|overview|rundown|recap) of\b/giu,
      'what happened in',
    ],
    // What "the notice talks about" or what is "mentioned in the notice" is named by the words
    // around it, not by the notice.
    [
      /\b(?:that |which )?(?:are |is |were |was )?(?:mentioned|described|named|referred to|listed) in the (?:town's |council's )?(?:notice|announcement|statement)\b/giu,
      '',
    ],
    [
      /\b(?:that |which )?the (?:town's |council's |town hall's )?(?:notice|announcement|statement) (?:talks? about|mentions?|refers? to|speaks? of|describes?|is about)\b/giu,
      '',
    ],
    // "What did the town do about it?" asks what was done.
    [
      /\bwhat did (the town|the council|the city|they|you|the administration) do about\b/giu,
      'what has $1 done about',
    ],
    // "do I no if" is "do I know if".
    [/\b(do|does|did|to) (i|you|u|we) no (?=if\b|whether\b|when\b)/giu, '$1 $2 know '],
    // To "suss out" whether a mail is dodgy is to recognise it.
    [/\bsuss(?:ed|ing)?(?: out)?\b/giu, 'recognise'],
    // "the people who did this" are the attackers.
    [/\b(?:the )?(?:people|person|guys|ones|folks) (?:who|that) did (?:this|it|that)\b/giu, 'the attackers'],
    // "limit the damage", "damage control": what to do now, not a question about damages.
    [/\b(?:limit|contain|minimi[sz]e|reduce) the damage\b|\bdamage control\b/giu, 'what to do'],
    // "what's the deal with …": what happened with it.
    [/\bwhat(?:'s| is|s) the deal with\b/giu, 'what happened with'],
    [/\btell (?=if\b|whether\b|when\b)/giu, 'recognise '],
    [/\b(?:get|got|getting) hold of\b/giu, 'reach'],
    [/\b(?:get|getting|got) in touch with\b/giu, 'contact'],
    [/\bget in touch\b/giu, 'contact'],
    [/\breach out to\b/giu, 'contact'],
    [/\bhit (?:me )?up\b/giu, 'contact'],
    [/\bget rid of\b/giu, 'remove'],
    [/\b(?:get|got|gotten|getting) (?:their|his|her|its) hands on\b/giu, 'access'],
    [/\b(?:get|got|getting|gotten) away with\b/giu, 'steal'],
    // A service's hours are no "opening" of an attachment.
    [/\bopening (?:hours|times)\b/giu, 'openinghours'],
    [/\b(?:went|is going|was going) on\b/giu, 'happened'],
    // Being "in charge" is being responsible, not being charged with a crime.
    [/\bin charge\b/giu, 'responsible'],
    // "save" for "safe" after a form of "be" ("is it save to email the town"): saving is done
    // to something, never "is it save".
    [
      /\b(is it|it's|its|is|are|am|be|was|were|feel|stay) save\b(?! (?:my|your|the|a|it|them|this|data|files?|copies|copy)\b)/giu,
      '$1 safe',
    ],
  ],
  de: [
    // "Wann hat das Rathaus geöffnet?": Öffnungszeiten, eine Leistung der Stadt, nicht wann etwas
    // bekannt wurde oder was geöffnet wurde (ein Anhang).
    [
      /\b(?:wann|bis wann|ab wann|wie lange)\s+(?:hat|haben|ist|sind|macht|machen)\s+(?:das|der|die|dat|det|de)\s+((?:\p{L}+\s+){0,2}?\p{L}+)\s+(?:geöffnet|geoeffnet|offen|auf|zu|geschlossen)\b/giu,
      'öffnungszeiten $1',
    ],
    // "Woran erkenne ich, ob ich betroffen bin?": wie man etwas über sich herausfindet, fragt
    // nach dieser Sache, nicht danach, wie man eine falsche Mail erkennt.
    [
      /\b(?:(?:woran|wie|wodurch|woher)\s+(?:(?:kann|könnte|koennte|soll|muss)\s+(?:ich|man)\s+)?)?(?:erkenne|erkennen|erkennt|finde|herausfinden|rausfinden|feststellen|stelle|sehe|sehen|merke|merken|weiss|weiß|wissen|prüfen|pruefen|checken)(?:\s+(?:ich|man|du))?(?:\s+(?:heraus|raus|fest))?\s*,?\s*(?=ob\s+(?:ich|mich|meine daten)\b)/giu,
      '',
    ],
    // Was die Stadt "über mich" speichert oder weiß, ist das Auskunftsrecht: ein Wort dafür, in
    // Einträgen und Fragen gleich ("Welche Daten hat die Stadt über mich gespeichert?").
    [/(?<!\p{L})(?:über|ueber|iwwer)\s+(?:mich|uns|mir)\b/giu, 'selbstdaten'],
    // "Alles klar" ist ein Gruß oder ein Okay, kein "klären" (mit dem Absender klären).
    [/\b(?:alles|allet|allz|alls)\s+klar\b/giu, 'allesklar'],
    // "zu den Betroffenen gehören" is being affected, not having heard something ("gehört").
    [
      /\b(?:gehöre|gehört|gehören|gehörst|gehoere|gehoert|gehoeren|zähle|zählt|zählen|zaehle|zaehlt)\b((?:\s+\p{L}+){0,2})\s+zu den betroffenen\b/giu,
      '$1 betroffen',
    ],
    [
      /\bzu den betroffenen\s+(?:gehöre|gehört|gehören|gehörst|gehoere|gehoert|gehoeren|zähle|zählt|zählen|zaehle|zaehlt)\b/giu,
      'betroffen',
    ],
    // "Müssen wir davon ausgehen, dass …" asks whether what follows is so: the frame names nothing.
    [/\b(?:davon )?(?:ausgehen|annehmen|vermuten)(?: müssen| muss)?\s*,?\s*dass\b/giu, 'dass'],
    // "Wozu dient dieser Hinweis?" asks for the purpose: why.
    [/\bwozu (?:dient|dienen|soll|sollen)\b/giu, 'warum'],
    // "Was ging da ab?" (colloquial): what happened.
    [/\bwas (?:ging|geht|is|ist)(?: denn| da| bei euch| bei ihnen)* ab\b/giu, 'was passiert'],
    // Information "in fremde Hände gelangt" has flowed out.
    [
      /\bin (?:die )?(?:fremde|falsche|falschen) hände (?:gelangt|geraten|gekommen|gefallen)\b/giu,
      'abgeflossen',
    ],
    // "Bin ich da auch mit drin?", "bin ick jetzt ooch dabei?": am I among those affected.
    [
      /\b(?:bin|sind|hänge|hängt|häng|hängen|haenge|haengt|stecke|steck|steckt|stecken) (?:ich|ick|icke|wir) (?:(?:da|jetzt|jetz|jetze|denn|etwa|auch|ooch|och|mit|nu|nun) )*(?:drin|drinn|dabei|mit bei|mit betrof+e?n)\b/giu,
      'selbstbetroffen',
    ],
    // Being affected oneself ("Bin ich auch betroffen?", "Betrifft mich das?") is one topic,
    // apart from which data were affected: one word for it, in entries and questions alike.
    [/\b(?:bin|sind) (?:ich|wir)\b((?:\s+\p{L}+){0,4}?)\s+betrof+e?n\b/giu, '$1 selbstbetroffen'],
    [/\b(?:ich|wir) (?:bin|sind)\b((?:\s+\p{L}+){0,3}?)\s+betrof+e?n\b/giu, '$1 selbstbetroffen'],
    [
      /\bbetrifft (?:(?:das|dies|es|dat|des|der angriff|auch|ooch|denn|etwa) )*(?:mich|uns)\b/giu,
      'selbstbetroffen',
    ],
    // "Welche Schritte muss ich jetzt unternehmen?" asks what to do, not what the town did.
    [
      /\bwelche schritte (?:muss|soll|sollte|kann) ich(?: jetzt| nun| als nächstes)? (?:unternehmen|tun|machen|einleiten|gehen)\b/giu,
      'was soll ich tun',
    ],
    // "die Typen" who broke in are the attackers (not a type of data).
    [/\b(?:die|diese|dieje|den|denen) typen\b/giu, 'die angreifer'],
    // Was "ans Licht gekommen" ist, wurde bekannt.
    [/\bans licht (?:gekommen|kam|kommt)\b/giu, 'bekannt geworden'],
    // "Bist du ein Programm?", "Sind Sie ein Mitarbeiter oder ein Programm?": the assistant as a bot.
    [
      /\b(bist du|sind sie|ist das hier|ist das)\b([^?.!]*?)\b(?:nur )?(?:ein|eine) (?:computer-?)?programm\b/giu,
      '$1$2 ein bot',
    ],
    // "Spreche ich mit einem echten Menschen?": ob der Assistent einer ist (nicht der Wunsch,
    // mit einem zu sprechen: "Kann ich …", "Ich will …").
    [
      /\b(?:spreche|schreibe|chatte|rede|red|schreib|sprech)\s+ich\s+(?:(?:hier|gerade|grad|jetzt|eigentlich|wirklich)\s+)*mit\s+(?:einem|einer|nem|ner)\s+(?:echten\s+|richtigen\s+|realen\s+|lebendigen\s+)?(?:menschen|person|mitarbeiter(?:in)?)\b/giu,
      'bist du ein bot',
    ],
    // "Was ist in den Mitteilung genannt": what the notice names is named by the words around it.
    [
      /\b(?:die |der |das )?in der (?:mitteilung|meldung|bekanntmachung) (?:genannten?|erwähnten?|beschriebenen?)\b/giu,
      '',
    ],
    // Wie geantwortet werden soll, ist kein Thema: "in einfachen Worten", "auf gut Deutsch".
    [
      /\bin (?:einfachen|kurzen|verständlichen|klaren|wenigen|simplen) worten\b|\bin (?:einfacher|leichter|verständlicher) sprache\b|\bauf gut deutsch\b|\bfür (?:laien|dummies|dummys)\b/giu,
      '',
    ],
    // "Steht inzwischen fest, ob …", "Weiß man, ob …" fragt, ob das Folgende so ist.
    [
      /\b(?:steht|ist) (?:(?:denn|inzwischen|schon|mittlerweile|jetzt|eigentlich|bereits) )*(?:fest|bekannt|klar|geklärt),? (?=ob\b)/giu,
      '',
    ],
    [/\b(?:weiß|weiss) man(?: (?:denn|inzwischen|schon|mittlerweile|eigentlich|jetzt))*,? (?=ob\b)/giu, ''],
    // "eine kurze Zusammenfassung des Vorfalls" fragt, was passiert ist.
    [
      /\b(?:eine |einen )?(?:kurze[nr]? |knappe[nr]? |groben? )?(?:zusammenfassung|überblick|ueberblick) (?:über|ueber|zu|von|des|der|zum)\b/giu,
      'was passiert',
    ],
    // "Schaden begrenzen": what to do now, not a question about damages.
    [/\b(?:den )?schaden (?:begrenzen|eindämmen|minimieren|gering halten)\b/giu, 'was tun'],
    // "lieber mit einem Menschen als mit einem Programm", "mit nem Menschen, nicht mit ner
    // Maschine": gewünscht ist der Mensch.
    [
      /\b(?:statt|anstatt|als|nicht|nich|net|ned) mit (?:einem |einer |nem |ner |dem |der |so ?nem |diesem )?(?:programm|chatbot|bot|computer|roboter|maschine|automaten|ki)\b/giu,
      '',
    ],
    // "wirklich von der Stadt": ob ein Absender echt ist ("wirklich" allein ist ein Füllwort).
    [/\b(?:wirklich|tatsächlich|tatsaechlich)\s+(?=(?:von|vom)\b)/giu, 'echt '],
    // "Was tut die Stadt, damit das nicht wieder passiert?": was gegen den Angriff getan wurde.
    [
      /\bdamit (?:so ?etwas|sowas|das|dies|dit|dat|det) (?:nicht|nie|nich) (?:wieder|mehr|noch ?mal|nochmal|nochma|erneut) (?:passiert|passirt|vorkommt|geschieht|passieren kann)\b|\bum (?:so ?etwas|sowas|das|dies|weitere angriffe) (?:künftig |in zukunft )?zu (?:verhindern|verhüten|vermeiden)\b/giu,
      'gegen den angriff',
    ],
    // "Wem sag ich das?", "Wem sach ick dit?": wem man etwas meldet.
    [
      /\b(wem|wen)\s+(?:sag|sage|sach|sache|erzähl|erzähle|erzaehl|erzaehle)\s+(ich|ick|icke|ik|man)\b/giu,
      '$1 melde $2',
    ],
    // "Ich ersuche um Auskunft, ob …": a formal way to ask whether what follows is so (not a
    // request for the right of access, "Ich bitte um Auskunft, welche Daten …").
    [
      /\b(?:ich )?(?:ersuche|bitte|erbitte)\s+(?:sie\s+)?(?:höflich\s+|freundlich\s+)?(?:um\s+)?(?:eine\s+)?(?:auskunft|information|mitteilung|klärung|antwort|nachricht)(?:\s+darüber)?,?\s+(?=ob\b)/giu,
      '',
    ],
    [/\bin verbindung setzen\b/giu, 'kontaktieren'],
    [/\bkontakt aufnehmen\b/giu, 'kontaktieren'],
    [/\bbescheid (?:geben|sagen)\b/giu, 'melden'],
    // Wen man informiert, dem meldet man etwas ("Wen soll ich darüber informieren?").
    [/\b(wen|wem)\b([^?.!]*?)\b(?:informieren|benachrichtigen|mitteilen)\b/giu, '$1$2melden'],
  ],
};

/** The text with every phrase of its language replaced (before folding, colloquial forms and stop words). */
export function rephrase(text: string, locale: Language): string {
  return phrases[locale].reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}
