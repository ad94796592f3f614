/**
 * Every text of the widget's interface, German and English, in one place. Answers themselves
 * come from the API in the language of the question; these strings follow the UI language.
 */
export type UiLocale = 'de' | 'en';

export const dpoEmail = 'datenschutz@ego-mv.de';

const de = {
  launcher: 'Fragen zum Datenschutzvorfall',
  title: 'Assistent der Stadt Strasburg (Um.)',
  close: 'Chat schließen',
  otherLanguage: 'English',
  otherLanguageLabel: 'Switch to English',
  intro:
    'Ich bin ein automatischer Assistent, kein Mensch. Betrieben wird der Chat von der Stadt Strasburg (Um.). Ich beantworte Fragen zum Angriff auf den E-Mail-Server der Stadt.',
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
  reviewed: 'Stand:',
  related: 'Weitere Fragen dazu:',
  suggestions: 'Vorschläge:',
  helpfulPrompt: 'War diese Antwort hilfreich?',
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
    ['Verantwortlich', 'Stadt Strasburg (Um.)'],
    ['Zweck', 'Beantwortung Ihrer Frage durch die Datenschutzbeauftragte (Art. 6 Abs. 1 lit. e DSGVO).'],
    [
      'Speicherdauer',
      'Bis zum Abschluss des Vorgangs und 90 Tage danach, dann automatische Löschung. Datensicherungen werden nach höchstens 35 Tagen überschrieben.',
    ],
    ['Löschung', 'Jederzeit hier im Chat mit Vorgangsnummer und Zugangscode.'],
  ] as [string, string][],
  dpoLabel: 'Datenschutzbeauftragte',
  dpoName: 'Bettina Amon',
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
  title: 'Assistant of the town of Strasburg (Um.)',
  close: 'Close chat',
  otherLanguage: 'Deutsch',
  otherLanguageLabel: 'Auf Deutsch umschalten',
  intro:
    'I am an automatic assistant, not a person. The chat is run by the town of Strasburg (Um.). I answer questions about the attack on the town’s e-mail server.',
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
  reviewed: 'Last reviewed:',
  related: 'Related questions:',
  suggestions: 'Suggestions:',
  helpfulPrompt: 'Was this answer helpful?',
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
    ['Controller', 'Stadt Strasburg (Um.)'],
    ['Purpose', 'Answering your question by the data protection officer (Art. 6(1)(e) GDPR).'],
    [
      'Retention',
      'Until the case is closed and 90 days after that, then erased automatically. Backups are overwritten after 35 days at most.',
    ],
    ['Erasure', 'At any time here in the chat with the reference number and access code.'],
  ],
  dpoLabel: 'Data protection officer',
  dpoName: 'Bettina Amon',
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

export const strings: Record<UiLocale, Strings> = { de, en };

/** The UI locale for an attribute value (German unless English was asked for). */
export function uiLocale(value: string | null | undefined): UiLocale {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'de';
}
