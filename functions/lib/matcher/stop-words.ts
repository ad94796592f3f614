/**
 * Stop words per locale: function words that carry no topic. Question words (wer, wann,
 * warum, who, when, why ...) are deliberately kept, because they separate FAQ topics.
 * Words are listed as citizens write them and folded like the questions (ä -> a, ß -> ss).
 */
const german = `
der die das den dem des ein eine einer eines einem einen und oder aber sondern
ich du er sie es wir ihr mich mir dich dir uns euch sich ihm ihn ihnen man
mein meine meinen meiner meinem meines dein deine deinen deiner unser unsere unseren ihre ihren ihrem ihrer sein seine
ist sind war waren bin bist seid wäre wären wird werden wirst wurde wurden worden geworden
hat habe haben hatte hatten hast hätte hätten kann kannst können konnte konnten könnte könnten
muss musst müssen musste mussten soll sollte sollten sollen darf dürfen möchte möchten will wollen würde würden
auf an in im ins zu zum zur von vom mit bei beim für über aus nach vor durch gegen um unter ohne bis seit
noch schon nun auch nur so da dann denn doch mal eigentlich bitte ja nein nicht nichts kein keine keinen
etwa eben gerade genau wirklich sehr ganz gar halt wohl bereits einfach irgendwie überhaupt mega
dies diese dieser dieses diesen diesem jener alle allem allen aller alles etwas irgendwas
ob dass wenn als hier dort dabei dazu damit davon darüber darum daran
gibt gib per ok okay sowas darauf hin lieber inzwischen demnächst nötig gegeben gegangen liegt ansehen anschauen
erstmal zunächst sowieso ziemlich angeblich jede jeden jeder jedes eher ehrlich ehrlicherweise
habt hattet wart wegen bezüglich betreffend ey äh ähm hm naja tja immer ran dran heran irgendwann irgendwer
vielleicht eventuell beziehungsweise leider trotzdem übrigens sozusagen quasi bloß krass ach oh ah achso gewesen bisschen kurz kurze kurzer
mag magst mögen dürfte glaube glaub denke denkst hoffe hoffentlich sorry entschuldigung leute irgendjemand niemand keiner
sonst außerdem zudem deshalb deswegen daher obwohl falls sobald solange während nachdem bevor seitdem womöglich
möglicherweise vermutlich ungefähr endlich gestern heute neulich kürzlich vorhin letztens damals mittlerweile nochmals
selbst selber sogar allein beide beiden manche mancher wenige einige eure euren deren dessen drauf drüber dafür hierzu hierüber
arg absolut komplett völlig ahnung jemals einmal zweimal mehrmals mehrfach öfter öfters paar
einzig einzige einziges einzigen einziger einzigem
wollt willst wolltest wolltet könnt müsst sollt solltest darfst durfte durften dürft daraufhin
`;

const english = `
the a an and or but i you he she it we they me my mine your yours our ours us him her them its their
is are was were be been being am do does did have has had having can could should would will shall may might must
to of in on at for from with by about as into than then so just also very please really any some
this that these those there here not no yes if
get got gets already anything something thing things everything anyone everyone
want wants wanted like would rather somewhere actually likely maybe perhaps still even ever anyway kind kinds sort ok okay
stuff away general whole first own ordinary example before once way give ll ve re d s t m
regarding concerning um uh hey yo always through via honestly basically literally totally quite each every bit
oh ah pretty bloody seriously apparently possibly anyways whatever quick quickly super mega best
guess hope hopefully sorry excuse pardon anybody nobody everybody
otherwise besides moreover therefore hence although unless whenever during meanwhile presumably roughly overall finally
soon yesterday today tomorrow recently ourselves themselves both several few most another either neither whoever somehow
everywhere almost nearly definitely certainly obviously clearly simply truly completely absolutely entirely fully twice yet
sometimes usually though
`;

/** Folds a word the way `normalize.ts` folds German text (umlauts and ß). */
function fold(word: string): string {
  return word
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

function list(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter(Boolean).map(fold));
}

export const stopWords = { de: list(german), en: list(english) } as const;

/**
 * Words that always name a topic, even in lower case: questions about numbers and money
 * ("wie viele", "how much did it cost"), penalties, courts, the police and consequences for
 * staff ("was Microsoft fined", "did you call the cops", "was anyone fired"), on which the
 * notice says nothing. If no entry knows them, the question is out of scope, however well its
 * other words fit an entry.
 */
const topics = {
  de: 'viele viel wieviel wievielen anzahl kosten kostet gekostet teuer geld kohle knete zaster schaden schadensersatz entschädigung bezahlen zahlen strafe strafen bestraft bussgeld polizei anwalt verklagen verhaftet festgenommen gefasst angeklagt verurteilt gericht staatsanwaltschaft ermittlungen gefängnis knast abgemahnt gefeuert entlassen',
  en: 'many much number cost costs price money cash pay paid refund damage damages compensation compensate fined penalty penalties sue sued lawsuit police cops lawyer arrested arrest charged convicted prosecuted prosecution court trial jail prison disciplined fired sacked',
};

export const topicWords = { de: list(topics.de), en: list(topics.en) } as const;

/**
 * The people among the frame words ("Oma", "mum", "Nachbarin", and since round 36 the citizen's
 * customers, tenants or members): whom a question is asked for,
 * never what it asks. The few entries that name one in a phrasing must not win on it, so such a
 * word weighs little however rare it is in the index (round 25: "Ist meine Oma betroffen?").
 */
const people = {
  de: `nachbar nachbarin nachbarn freund freundin bekannter bekannte kollege kollegin tochter sohn mann frau mutter
vater oma opa enkel eltern mama papa großmutter großvater großeltern ehemann ehefrau partner partnerin kind kinder
familie bruder schwester onkel tante schwiegermutter schwiegervater enkelin enkelkind kumpel kumpels junge jungen
mädchen bub schwiegersohn schwiegertochter neffe nichte cousin cousine chef chefin
kunde kunden kundin klient klienten klientin mandant mandanten mieter mieterin patient patienten mitglied mitglieder`,
  en: `neighbour neighbor neighbours neighbors friend friends husband wife son daughter mum mom dad colleague grandson
granddaughter mother father parents grandma grandmother grandpa grandfather granny grandparents kid kids child
children family partner boyfriend girlfriend brother sister uncle aunt boy girl lad mate nephew niece cousin boss
flatmate roommate
client clients customer customers tenant tenants patient patients`,
};

/**
 * Frame words: they say that something is asked ("Was soll ich tun?", "Tell me more", "Stimmt
 * das?"), who said it ("Mein Nachbar meint ...", "my husband heard"), how to act ("Wie soll ich
 * reagieren?"), when ("letztes Jahr", "a few weeks ago") or how the story is to be judged
 * ("übertreibt er?", "is he overdoing it?"), but not about what. Like question words they keep
 * their weight (people at most `personWeight`), but they never make a question's topic: a
 * question made only of them is vague (suggestions, not an answer), and a question sentence made
 * only of them points back to the story before it.
 */
// The word lists stand flush left: their indentation was bytes of the ask bundle (issue 10's
// budget of 150 KB).
const frames = {
  de: `tun tu tue machen mach mache macht weiter weitergehen geht gehen ging gingen los nun jetzt mehr information informationen info infos
frage fragen neuigkeiten neues stimmt stimmen wahr richtig sagen sagt sagte gesagt meint meinte erzählen erzählt
gehört behauptet sache thema zeig zeige zeigen nenn nenne nennen erklär erkläre erklären
übertrieben übertreibt übertreiben übertreibe übertreibst sinnvoll panikmache paranoid notwendig erforderlich
reagieren reagiere verhalten verhalte vorgehen umgehen anstellen schlimm problem
letzte letzten letztes letztem vorige vorigen jahr jahre jahren monat monate monaten woche wochen neulich kürzlich
${people.de}`,
  en: `do now next more tell info news question questions true right say says said told
heard claims thing show explain handle react deal proceed
overdoing overdo overkill exaggerating exaggerate exaggerated paranoid sensible need necessary winding
supposed suppose big bad serious terrible problem
last past year years month months week weeks ago recently lately
${people.en}`,
};

export const frameWords = { de: list(frames.de), en: list(frames.en) } as const;
export const peopleWords = { de: list(people.de), en: list(people.en) } as const;

/**
 * Optimal string alignment distance of at most one (one typo: insert, delete, replace, swap).
 * A replaced letter in a four-letter word is another word more often than a slip ("lake" is
 * not "like", "wine" not "mine"): there, only swaps, insertions and deletions count.
 */
function withinOneTypo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  // A different first letter makes another word ("hours" is not "yours" or "ours"), not a slip.
  if (i === 0) return false;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  return (
    (restA === restB && a.length >= 5) || // replace
    a.slice(i) === restB || // a letter missing
    restA === b.slice(i) || // a letter too many
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) // swap
  );
}

/**
 * Only longer function words: "hund" is one typo from "und", and "hund" is a topic. Kept by
 * first letter, since a slip keeps it (`withinOneTypo`): a long question asks about many
 * unknown words, and scanning every function word for each was a few percent of its time.
 */
const byFirstLetter = (words: ReadonlySet<string>): ReadonlyMap<string, readonly string[]> => {
  const lists = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < 4) continue;
    const list = lists.get(word.charAt(0));
    if (list) list.push(word);
    else lists.set(word.charAt(0), [word]);
  }
  return lists;
};
const stopLists = { de: byFirstLetter(stopWords.de), en: byFirstLetter(stopWords.en) };

/**
 * A misspelt function word ("wnat", "abuot", "teh"): only asked for words the knowledge base
 * does not know, since a real word may be one typo away from a stop word ("mail", "mal").
 */
export function isMisspeltStopWord(word: string, locale: 'de' | 'en'): boolean {
  return (
    word.length >= 4 &&
    (stopLists[locale].get(word.charAt(0)) ?? []).some((stop) => withinOneTypo(word, stop))
  );
}
