// Over ~300 lines on purpose: every widget text in the three built-in languages, one place per
// surface, side by side so a missing translation is a type error.
/**
 * Every text of the widget's interface, German, English and Leichte Sprache, in one place.
 * Answers themselves come from the API in the language of the question; these strings follow
 * the UI language. A further locale brings its texts as data (`texts.<tag>.widget` in the
 * settings, served with the starters): `registerTexts` lays them over the built-in German.
 */
import type { TownView } from '../../functions/lib/knowledge/town-view.ts';

/** A configured locale's tag: `de`, `en`, `de-x-ls` are built in, others come with their texts. */
export type UiLocale = string;

const de = {
  launcher: 'Fragen zum Datenschutzvorfall',
  title: 'Assistent der {town}',
  close: 'Chat schließen',
  otherLanguage: 'English',
  otherLanguageLabel: 'Switch to English',
  languages: 'Sprache',
  intro:
    'Ich bin ein automatischer Assistent, kein Mensch. Betrieben wird der Chat von der {town}. Ich beantworte Fragen {incident}.',
  noPasswords: 'Wichtig: Die Stadt fragt Sie niemals per E-Mail nach Passwörtern.',
  privacy: 'Datenschutzhinweise',
  accessibility: 'Erklärung zur Barrierefreiheit',
  conversation: 'Gesprächsverlauf',
  you: 'Sie:',
  assistant: 'Assistent:',
  questionLabel: 'Ihre Frage',
  questionHint: 'Bitte keine Passwörter oder sensiblen Daten eingeben.',
  send: 'Senden',
  thinking: 'Einen Moment bitte …',
  greeting: 'Guten Tag! Womit kann ich helfen?',
  starters: 'Häufige Fragen:',
  retry: 'Noch einmal senden',
  copyId: 'Vorgangsnummer kopieren',
  copySecret: 'Zugangscode kopieren',
  copied: 'In die Zwischenablage kopiert.',
  copyFailed: 'Kopieren ging nicht. Bitte markieren Sie den Text und kopieren Sie ihn selbst.',
  saveFile: 'Als Textdatei speichern',
  fileName: 'Vorgang',
  fileText: (id: string, secret: string, page: string) =>
    [
      'Ihre an die Datenschutzbeauftragte der {town} weitergeleitete Frage',
      '',
      `Vorgangsnummer: ${id}`,
      `Zugangscode:    ${secret}`,
      '',
      'Damit rufen Sie den Status und die Antwort im Chat-Assistenten ab oder löschen den Vorgang:',
      page,
      '',
      'Bitte geben Sie den Zugangscode an niemanden weiter.',
    ].join('\r\n'),
  reviewed: 'Stand:',
  related: 'Weitere Fragen dazu:',
  suggestions: 'Vorschläge:',
  helpfulPrompt: 'Hat das geholfen?',
  yes: 'Ja',
  no: 'Nein',
  thanks: 'Danke für Ihre Rückmeldung.',
  forwardOffer: 'Frage an die Datenschutzbeauftragte weiterleiten',
  forwardTitle: 'Frage an die Datenschutzbeauftragte weiterleiten',
  forwardQuestion: 'Ihre Frage',
  emailLabel: 'E-Mail-Adresse (freiwillig)',
  emailHint: 'Nur, damit wir Sie benachrichtigen können, wenn die Antwort vorliegt.',
  infoTitle: 'Informationen nach Art. 13 DSGVO',
  info: [
    ['Verantwortlich', '{townName}'],
    ['Zweck', 'Beantwortung Ihrer Frage durch die Datenschutzbeauftragte (Art. 6 Abs. 1 lit. e DSGVO).'],
    [
      'Speicherdauer',
      'Bis zum Abschluss des Vorgangs und {retention}, dann automatische Löschung. Datensicherungen werden nach höchstens 35 Tagen überschrieben.',
    ],
    ['Löschung', 'Jederzeit hier im Chat mit Vorgangsnummer und Zugangscode.'],
  ] as [string, string][],
  dpoLabel: 'Datenschutzbeauftragte',
  dpoName: '{dpoName}',
  dpoEmail: '{dpoEmail}',
  consentLabel:
    'Ich willige ein, dass meine Frage und, falls angegeben, meine E-Mail-Adresse zu diesem Zweck verarbeitet werden.',
  submitForward: 'Weiterleiten',
  cancel: 'Abbrechen',
  sending: 'Wird gesendet …',
  errorQuestion: 'Bitte geben Sie Ihre Frage ein (höchstens 2000 Zeichen).',
  errorEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein oder lassen Sie das Feld leer.',
  errorConsent: 'Bitte bestätigen Sie die Einwilligung.',
  errorNetwork: 'Die Verbindung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.',
  errorBusy: 'Es wurden gerade zu viele Fragen gesendet. Bitte versuchen Sie es später noch einmal.',
  errorGeneric: 'Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.',
  ticketTitle: 'Ihre weitergeleitete Frage',
  ticketCreated: 'Ihre Frage wurde an die Datenschutzbeauftragte weitergeleitet.',
  emailConfirmPending:
    'Wir haben Ihnen eine E-Mail mit einem Bestätigungslink geschickt. Die Antwort senden wir nur an eine bestätigte Adresse; hier im Chat können Sie sie mit Ihrem Zugangscode immer abrufen.',
  ticketId: 'Vorgangsnummer:',
  ticketSecret: 'Zugangscode:',
  ticketKeep:
    'Bitte notieren Sie beide Angaben. Damit können Sie den Status hier jederzeit abrufen, auch später in einem neuen Browserfenster.',
  checkStatus: 'Status abrufen',
  status: 'Status:',
  statuses: {
    open: 'eingegangen, noch nicht bearbeitet',
    claimed: 'in Bearbeitung',
    answered: 'beantwortet',
    closed: 'abgeschlossen',
  } as Record<string, string>,
  yourQuestion: 'Ihre Frage:',
  dpoAnswer: 'Antwort der Datenschutzbeauftragten:',
  erase: 'Vorgang löschen',
  eraseConfirm: 'Frage und E-Mail-Adresse endgültig löschen?',
  eraseYes: 'Ja, endgültig löschen',
  erased: 'Ihr Vorgang wurde gelöscht.',
  notFound: 'Diesen Vorgang gibt es nicht (mehr). Bitte prüfen Sie Vorgangsnummer und Zugangscode.',
  lookupTitle: 'Status einer weitergeleiteten Frage abrufen',
  lookup: 'Abrufen',
};

export type Strings = typeof de;

const en: Strings = {
  launcher: 'Questions about the data breach',
  title: 'Assistant of {town}',
  close: 'Close chat',
  otherLanguage: 'Deutsch',
  otherLanguageLabel: 'Auf Deutsch umschalten',
  languages: 'Language',
  intro:
    'I am an automatic assistant, not a person. The chat is run by {town}. I answer questions {incident}.',
  noPasswords: 'Important: the town will never ask you for passwords by e-mail.',
  privacy: 'Privacy notice',
  accessibility: 'Accessibility statement',
  conversation: 'Conversation',
  you: 'You:',
  assistant: 'Assistant:',
  questionLabel: 'Your question',
  questionHint: 'Please do not enter passwords or sensitive data.',
  send: 'Send',
  thinking: 'One moment please …',
  greeting: 'Hello! How can I help?',
  starters: 'Common questions:',
  retry: 'Send again',
  copyId: 'Copy reference number',
  copySecret: 'Copy access code',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Copying did not work. Please select the text and copy it yourself.',
  saveFile: 'Save as text file',
  fileName: 'Reference',
  fileText: (id: string, secret: string, page: string) =>
    [
      'Your question forwarded to the data protection officer of {town}',
      '',
      `Reference number: ${id}`,
      `Access code:      ${secret}`,
      '',
      'With these you can check the status and the answer in the chat assistant, or erase the question:',
      page,
      '',
      'Please do not share the access code with anyone.',
    ].join('\r\n'),
  reviewed: 'Last reviewed:',
  related: 'Related questions:',
  suggestions: 'Suggestions:',
  helpfulPrompt: 'Did this help?',
  yes: 'Yes',
  no: 'No',
  thanks: 'Thank you for your feedback.',
  forwardOffer: 'Forward my question to the data protection officer',
  forwardTitle: 'Forward your question to the data protection officer',
  forwardQuestion: 'Your question',
  emailLabel: 'E-mail address (optional)',
  emailHint: 'Only so that we can tell you when the answer is ready.',
  infoTitle: 'Information under Art. 13 GDPR',
  info: [
    ['Controller', '{townName}'],
    ['Purpose', 'Answering your question by the data protection officer (Art. 6(1)(e) GDPR).'],
    [
      'Retention',
      'Until the case is closed and {retention}, then erased automatically. Backups are overwritten after 35 days at most.',
    ],
    ['Erasure', 'At any time here in the chat with the reference number and access code.'],
  ],
  dpoLabel: 'Data protection officer',
  dpoName: '{dpoName}',
  dpoEmail: '{dpoEmail}',
  consentLabel: 'I consent to my question and, if given, my e-mail address being processed for this purpose.',
  submitForward: 'Forward',
  cancel: 'Cancel',
  sending: 'Sending …',
  errorQuestion: 'Please enter your question (2000 characters at most).',
  errorEmail: 'Please enter a valid e-mail address or leave the field empty.',
  errorConsent: 'Please confirm your consent.',
  errorNetwork: 'The connection failed. Please try again.',
  errorBusy: 'Too many questions were sent just now. Please try again later.',
  errorGeneric: 'Sorry, that did not work. Please try again later.',
  ticketTitle: 'Your forwarded question',
  ticketCreated: 'Your question was forwarded to the data protection officer.',
  emailConfirmPending:
    'We sent you an e-mail with a confirmation link. We mail the answer only to a confirmed address; here in the chat you can always read it with your access code.',
  ticketId: 'Reference number:',
  ticketSecret: 'Access code:',
  ticketKeep:
    'Please note down both. With them you can check the status here at any time, even later in a new browser window.',
  checkStatus: 'Check status',
  status: 'Status:',
  statuses: {
    open: 'received, not yet handled',
    claimed: 'in progress',
    answered: 'answered',
    closed: 'closed',
  },
  yourQuestion: 'Your question:',
  dpoAnswer: 'Answer from the data protection officer:',
  erase: 'Erase my question',
  eraseConfirm: 'Erase the question and e-mail address for good?',
  eraseYes: 'Yes, erase for good',
  erased: 'Your question was erased.',
  notFound: 'This reference does not exist (any more). Please check the reference number and access code.',
  lookupTitle: 'Check the status of a forwarded question',
  lookup: 'Check',
};

/**
 * Leichte Sprache (rules of the Netzwerk Leichte Sprache): short sentences, one statement each,
 * common words, compound words split with a hyphen, no abbreviations.
 */
const easy: Strings = {
  launcher: 'Fragen zum Angriff auf die Stadt',
  title: 'Assistent der {town}',
  close: 'Chat schließen',
  otherLanguage: 'English',
  otherLanguageLabel: 'Switch to English',
  languages: 'Sprache',
  intro:
    'Ich bin ein Computer-Programm. Ich bin kein Mensch. Die {town} macht diesen Chat. Ich beantworte Fragen zum Angriff auf die E-Mails der Stadt.',
  noPasswords: 'Wichtig: Die Stadt fragt Sie nie in einer E-Mail nach Ihrem Pass-Wort.',
  privacy: 'Daten-Schutz',
  accessibility: 'Barriere-Freiheit',
  conversation: 'Unser Gespräch',
  you: 'Sie:',
  assistant: 'Assistent:',
  questionLabel: 'Ihre Frage',
  questionHint: 'Schreiben Sie hier kein Pass-Wort. Schreiben Sie keine geheimen Daten.',
  send: 'Senden',
  thinking: 'Bitte warten …',
  greeting: 'Guten Tag! Was möchten Sie wissen?',
  starters: 'Diese Fragen haben viele Menschen:',
  retry: 'Noch einmal senden',
  copyId: 'Nummer kopieren',
  copySecret: 'Code kopieren',
  copied: 'Kopiert.',
  copyFailed: 'Das Kopieren hat nicht geklappt. Bitte schreiben Sie den Text ab.',
  saveFile: 'Als Datei speichern',
  fileName: 'Vorgang',
  fileText: (id: string, secret: string, page: string) =>
    [
      'Sie haben eine Frage an die Daten-Schutz-Beauftragte gestellt.',
      '',
      `Ihre Nummer: ${id}`,
      `Ihr Code:    ${secret}`,
      '',
      'Mit der Nummer und dem Code sehen Sie die Antwort im Chat:',
      page,
      '',
      'Geben Sie den Code niemandem.',
    ].join('\r\n'),
  reviewed: 'Stand:',
  related: 'Weitere Fragen:',
  suggestions: 'Vorschläge:',
  helpfulPrompt: 'Hat Ihnen das geholfen?',
  yes: 'Ja',
  no: 'Nein',
  thanks: 'Danke für Ihre Antwort.',
  forwardOffer: 'Frage an einen Menschen schicken',
  forwardTitle: 'Frage an die Daten-Schutz-Beauftragte schicken',
  forwardQuestion: 'Ihre Frage',
  emailLabel: 'Ihre E-Mail-Adresse (das müssen Sie nicht)',
  emailHint: 'Dann schreiben wir Ihnen. Wir schreiben, wenn die Antwort da ist.',
  infoTitle: 'Das passiert mit Ihren Daten',
  info: [
    ['Wer ist verantwortlich?', 'Die {townName}.'],
    ['Warum?', 'Die Daten-Schutz-Beauftragte beantwortet Ihre Frage. Das erlaubt das Gesetz.'],
    [
      'Wie lange?',
      'Wir speichern Ihre Frage bis zur Antwort. Danach speichern wir sie noch {retentionShort}. Dann löschen wir sie. Eine Sicherungs-Kopie ist nach 35 Tagen weg.',
    ],
    ['Löschen', 'Sie können alles hier im Chat löschen. Dafür brauchen Sie die Nummer und den Code.'],
  ],
  dpoLabel: 'Daten-Schutz-Beauftragte',
  dpoName: '{dpoName}',
  dpoEmail: '{dpoEmail}',
  consentLabel: 'Ich bin einverstanden: Die Stadt darf meine Frage dafür benutzen. Und meine E-Mail-Adresse.',
  submitForward: 'Frage schicken',
  cancel: 'Abbrechen',
  sending: 'Wird geschickt …',
  errorQuestion: 'Bitte schreiben Sie Ihre Frage. Die Frage darf höchstens 2000 Zeichen haben.',
  errorEmail: 'Die E-Mail-Adresse stimmt nicht. Bitte prüfen Sie die Adresse. Oder lassen Sie das Feld leer.',
  errorConsent: 'Bitte setzen Sie den Haken. Dann sind Sie einverstanden.',
  errorNetwork: 'Die Verbindung ist weg. Bitte versuchen Sie es noch einmal.',
  errorBusy: 'Gerade kommen zu viele Fragen. Bitte versuchen Sie es später noch einmal.',
  errorGeneric: 'Das hat nicht geklappt. Bitte versuchen Sie es später noch einmal.',
  ticketTitle: 'Ihre Frage an einen Menschen',
  ticketCreated: 'Wir haben Ihre Frage an die Daten-Schutz-Beauftragte geschickt.',
  emailConfirmPending:
    'Wir haben Ihnen eine E-Mail geschickt. Darin ist ein Link. Bitte klicken Sie auf den Link. Erst dann schicken wir die Antwort an Ihre E-Mail-Adresse. Hier im Chat sehen Sie die Antwort immer. Dafür brauchen Sie Ihren Code.',
  ticketId: 'Nummer:',
  ticketSecret: 'Code:',
  ticketKeep:
    'Bitte schreiben Sie die Nummer und den Code auf. Damit sehen Sie hier die Antwort. Das geht auch später.',
  checkStatus: 'Antwort ansehen',
  status: 'So weit ist Ihre Frage:',
  statuses: {
    open: 'angekommen',
    claimed: 'wird bearbeitet',
    answered: 'beantwortet',
    closed: 'fertig',
  },
  yourQuestion: 'Ihre Frage:',
  dpoAnswer: 'Antwort von der Daten-Schutz-Beauftragten:',
  erase: 'Frage löschen',
  eraseConfirm: 'Wollen Sie die Frage und die E-Mail-Adresse wirklich löschen? Das geht nicht rückgängig.',
  eraseYes: 'Ja, löschen',
  erased: 'Ihre Frage ist gelöscht.',
  notFound: 'Das finden wir nicht. Bitte prüfen Sie die Nummer und den Code.',
  lookupTitle: 'Antwort auf eine Frage ansehen',
  lookup: 'Ansehen',
};

/** The town as GET /v1/starters describes it (names, DPO, retention, colours). */
export type WidgetTown = TownView;

/**
 * What the strings' placeholders become: the town's name ({town}: as a German text names it
 * after "der", as an English one after "of"), its official name, the DPO, the retention and
 * the incident. Until the town is known (the first response), neutral words stand in.
 */
function townValues(locale: UiLocale, town: WidgetTown | undefined): Record<string, string> {
  const days = town?.retentionDays;
  const german = locale !== 'en';
  return {
    town: town ? (german ? town.name : town.nameEn) : german ? 'Stadt' : 'the town',
    townName: town?.name ?? '',
    dpoName: town?.dpo.name ?? '',
    dpoEmail: town?.dpo.email ?? '',
    retention:
      days === undefined
        ? german
          ? 'der in den Datenschutzhinweisen genannten Frist danach'
          : 'the period stated in the privacy notice after that'
        : german
          ? `${days} Tage danach`
          : `${days} days after that`,
    // Leichte Sprache: "noch 90 Tage" (a number, no clause).
    retentionShort:
      days === undefined
        ? german
          ? 'eine Zeit lang'
          : 'for a while'
        : german
          ? `${days} Tage`
          : `${days} days`,
    incident:
      town?.incident?.[german ? 'de' : 'en'] ?? (german ? 'zum Datenschutzvorfall' : 'about the data breach'),
  };
}

/** The strings of `locale` with the town's names, DPO and retention filled in. */
export function townStrings(locale: UiLocale, town: WidgetTown | undefined): Strings {
  const values = townValues(locale, town);
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  const base = textsFor(locale);
  return {
    ...base,
    title: fill(base.title),
    intro: fill(base.intro),
    fileText: (id, secret, page) => fill(base.fileText(id, secret, page)),
    info: base.info.map(([term, text]) => [term, fill(text)] as [string, string]),
    dpoName: fill(base.dpoName),
    dpoEmail: fill(base.dpoEmail),
  };
}

/** The UI locale for an attribute value (German unless English was asked for). */
/** The built-in locales; `registerTexts` adds one from data. */
export const strings: Record<'de' | 'en' | 'de-x-ls', Strings> & Partial<Record<UiLocale, Strings>> = {
  de,
  en,
  'de-x-ls': easy,
};

/** The strings of a locale: its own, else German (a locale whose texts have not arrived yet). */
export function textsFor(locale: UiLocale): Strings {
  return strings[locale] ?? de;
}

/**
 * Adds a locale's texts from the settings (key -> text; `statuses.open` for nested ones) over
 * the built-in strings of its base: a key it does not give stays German. Built-in locales keep
 * their own strings. Only plain texts can come from data; the Art. 13 list and the ticket file
 * stay German until the locale is built in.
 */
export function registerTexts(locale: UiLocale, texts: Readonly<Record<string, string>>): void {
  if (locale === 'de' || locale === 'en' || locale === 'de-x-ls') return;
  const merged: Strings = { ...de, statuses: { ...de.statuses } };
  const target = merged as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(texts)) {
    const [outer, inner] = key.split('.');
    if (outer === undefined) continue;
    const current = target[outer];
    if (inner !== undefined && current && typeof current === 'object' && !Array.isArray(current))
      (current as Record<string, string>)[inner] = value;
    else if (inner === undefined && typeof current === 'string') target[outer] = value;
  }
  strings[locale] = merged;
}

/** The UI locale for an attribute value (German unless English or Leichte Sprache was asked for). */
export function uiLocale(value: string | null | undefined): UiLocale {
  if (value === 'de-x-ls') return value;
  return value?.toLowerCase().startsWith('en') ? 'en' : 'de';
}
