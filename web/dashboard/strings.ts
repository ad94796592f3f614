/**
 * Every text of the situation dashboard (`/dashboard`), German first (the town's staff and press
 * office work in German) with an English switch. Error texts per API code come from
 * web/shared/error-texts.ts.
 */
import type { StaffLocale } from '../shared/error-texts.ts';

export type Range = '24h' | '7d' | '30d';
export type AgeKey = 'under1h' | 'under4h' | 'under24h' | 'under72h' | 'older';

export interface DashboardStrings {
  title: string;
  switchLanguage: string;
  signInTitle: string;
  signInIntro: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  signInCognito: string;
  signOut: string;
  signedInAs: (name: string) => string;
  signedOut: string;
  sessionExpired: string;
  forbidden: string;
  tokenMissing: string;
  rangeLabel: string;
  ranges: Record<Range, string>;
  refresh: string;
  downloadCsv: string;
  downloaded: string;
  loading: string;
  loaded: (range: string) => string;
  period: (from: string, to: string) => string;
  figuresTitle: string;
  figures: {
    asks: string;
    answer: string;
    suggest: string;
    none: string;
    openTickets: string;
    medianAnswer: string;
  };
  share: (part: number, whole: number) => string;
  questionsTitle: Record<'hour' | 'day', string>;
  questionsIntro: string;
  series: { answer: string; suggest: string; none: string };
  chartSummary: (title: string) => string;
  showTable: string;
  columnHour: string;
  columnDay: string;
  total: string;
  entriesTitle: string;
  entriesIntro: string;
  entriesEmpty: string;
  columns: { entry: string; answers: string; helpful: string; notHelpful: string };
  notPublished: (id: string) => string;
  unansweredTitle: string;
  unansweredIntro: string;
  unansweredSeries: string;
  ticketsTitle: string;
  ticketsIntro: string;
  ticketsCreated: string;
  ticketsAnswered: string;
  openByAgeTitle: string;
  ageColumn: string;
  countColumn: string;
  ages: Record<AgeKey, string>;
  /** Axis labels of the age chart (the table has the long ones). */
  agesShort: Record<AgeKey, string>;
  noOpenTickets: string;
  medianNone: string;
  medianAtMost: (duration: string) => string;
  medianLonger: (duration: string) => string;
  minutes: (count: number) => string;
  hours: (count: number) => string;
  days: (count: number) => string;
  privacyNote: string;
  generic: string;
}

const de: DashboardStrings = {
  title: 'Lagebild',
  switchLanguage: 'English',
  signInTitle: 'Anmelden',
  signInIntro: 'Melden Sie sich an, um das Lagebild zu sehen (Gruppen Datenschutz oder Redaktion).',
  tokenLabel: 'Zugangs-Token',
  tokenHint: 'Lokal erzeugen Sie ein Token mit: npm run --silent token -- --group dpo --sub IHR-NAME',
  signIn: 'Anmelden',
  signInCognito: 'Mit dem Konto der Stadt anmelden',
  signOut: 'Abmelden',
  signedInAs: (name) => `Angemeldet als ${name}`,
  signedOut: 'Sie sind abgemeldet.',
  sessionExpired: 'Ihre Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich erneut an.',
  forbidden: 'Ihr Konto gehört weder zur Gruppe „Datenschutz“ (dpo) noch zur „Redaktion“ (editor).',
  tokenMissing: 'Bitte fügen Sie ein Token ein.',
  rangeLabel: 'Zeitraum',
  ranges: { '24h': 'Letzte 24 Stunden', '7d': 'Letzte 7 Tage', '30d': 'Letzte 30 Tage' },
  refresh: 'Aktualisieren',
  downloadCsv: 'CSV herunterladen',
  downloaded: 'Die CSV-Datei wurde heruntergeladen.',
  loading: 'Lade …',
  loaded: (range) => `Lagebild geladen: ${range}.`,
  period: (from, to) => `Zeitraum: ${from} bis ${to}`,
  figuresTitle: 'Auf einen Blick',
  figures: {
    asks: 'Fragen gestellt',
    answer: 'beantwortet',
    suggest: 'mit Vorschlägen („Meinten Sie …?“)',
    none: 'nicht beantwortet',
    openTickets: 'weitergeleitete Anfragen offen',
    medianAnswer: 'Median der Wartezeit auf eine Antwort',
  },
  share: (part, whole) => (whole === 0 ? '' : `${Math.round((part / whole) * 100)} %`),
  questionsTitle: { hour: 'Fragen pro Stunde', day: 'Fragen pro Tag' },
  questionsIntro:
    'Jede Frage im Chat zählt einmal: beantwortet, mit Vorschlägen zur Auswahl oder ohne passende Antwort.',
  series: { answer: 'beantwortet', suggest: 'mit Vorschlägen', none: 'nicht beantwortet' },
  chartSummary: (title) => `Balkendiagramm: ${title}. Die Zahlen stehen in der Tabelle darunter.`,
  showTable: 'Zahlen als Tabelle',
  columnHour: 'Stunde',
  columnDay: 'Tag',
  total: 'Summe',
  entriesTitle: 'Meistgefragte Antworten und ihre Bewertung',
  entriesIntro: 'Wie oft jede Antwort gegeben wurde und wie Bürgerinnen und Bürger sie bewertet haben.',
  entriesEmpty: 'Im Zeitraum wurde keine Antwort gegeben oder bewertet.',
  columns: {
    entry: 'Antwort (Frage)',
    answers: 'gegeben',
    helpful: 'hilfreich',
    notHelpful: 'nicht hilfreich',
  },
  notPublished: (id) => `${id} (nicht mehr veröffentlicht)`,
  unansweredTitle: 'Unbeantwortete Fragen im Zeitverlauf',
  unansweredIntro:
    'Fragen ohne sichere Antwort, die (anonymisiert) in den Bericht der Redaktion gingen. Die Texte stehen im Editor unter „Unbeantwortete Fragen“.',
  unansweredSeries: 'unbeantwortet',
  ticketsTitle: 'Weitergeleitete Anfragen',
  ticketsIntro: 'Fragen, die Bürgerinnen und Bürger an die Datenschutzbeauftragte weitergeleitet haben.',
  ticketsCreated: 'im Zeitraum eingegangen',
  ticketsAnswered: 'im Zeitraum beantwortet',
  openByAgeTitle: 'Offene Anfragen nach Alter (jetzt)',
  ageColumn: 'Wartet seit',
  countColumn: 'Anzahl',
  ages: {
    under1h: 'unter 1 Stunde',
    under4h: '1 bis 4 Stunden',
    under24h: '4 bis 24 Stunden',
    under72h: '1 bis 3 Tage',
    older: 'mehr als 3 Tage',
  },
  agesShort: {
    under1h: '< 1 Std.',
    under4h: '1–4 Std.',
    under24h: '4–24 Std.',
    under72h: '1–3 Tg.',
    older: '> 3 Tg.',
  },
  noOpenTickets: 'Keine offene Anfrage.',
  medianNone: 'noch keine Antwort im Zeitraum',
  medianAtMost: (duration) => `höchstens ${duration}`,
  medianLonger: (duration) => `mehr als ${duration}`,
  minutes: (count) => `${count} Min.`,
  hours: (count) => (count === 1 ? '1 Stunde' : `${count} Stunden`),
  days: (count) => (count === 1 ? '1 Tag' : `${count} Tage`),
  privacyNote:
    'Gezählt wird nur, wie viele Fragen es gab und wie sie ausgingen, je Stunde – keine Fragetexte, keine Namen, Adressen oder Referenzen. Die Zahlen werden nach 35 Tagen gelöscht.',
  generic: 'Etwas ist schiefgegangen. Bitte versuchen Sie es noch einmal.',
};

const en: DashboardStrings = {
  title: 'Situation overview',
  switchLanguage: 'Deutsch',
  signInTitle: 'Sign in',
  signInIntro: 'Sign in to see the situation overview (groups data protection or editors).',
  tokenLabel: 'Access token',
  tokenHint: 'Locally, create a token with: npm run --silent token -- --group dpo --sub YOUR-NAME',
  signIn: 'Sign in',
  signInCognito: "Sign in with the town's account",
  signOut: 'Sign out',
  signedInAs: (name) => `Signed in as ${name}`,
  signedOut: 'You are signed out.',
  sessionExpired: 'Your sign-in has expired or is invalid. Please sign in again.',
  forbidden: 'Your account belongs neither to the group "data protection" (dpo) nor to "editors" (editor).',
  tokenMissing: 'Please paste a token.',
  rangeLabel: 'Period',
  ranges: { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' },
  refresh: 'Refresh',
  downloadCsv: 'Download CSV',
  downloaded: 'The CSV file was downloaded.',
  loading: 'Loading …',
  loaded: (range) => `Overview loaded: ${range}.`,
  period: (from, to) => `Period: ${from} to ${to}`,
  figuresTitle: 'At a glance',
  figures: {
    asks: 'questions asked',
    answer: 'answered',
    suggest: 'with suggestions ("did you mean …?")',
    none: 'not answered',
    openTickets: 'forwarded requests open',
    medianAnswer: 'median wait for an answer',
  },
  share: (part, whole) => (whole === 0 ? '' : `${Math.round((part / whole) * 100)} %`),
  questionsTitle: { hour: 'Questions per hour', day: 'Questions per day' },
  questionsIntro:
    'Every question in the chat counts once: answered, with suggestions to choose from, or without a fitting answer.',
  series: { answer: 'answered', suggest: 'with suggestions', none: 'not answered' },
  chartSummary: (title) => `Bar chart: ${title}. The figures are in the table below.`,
  showTable: 'Figures as a table',
  columnHour: 'Hour',
  columnDay: 'Day',
  total: 'Total',
  entriesTitle: 'Most asked answers and their rating',
  entriesIntro: 'How often each answer was given and how citizens rated it.',
  entriesEmpty: 'No answer was given or rated in this period.',
  columns: { entry: 'Answer (question)', answers: 'given', helpful: 'helpful', notHelpful: 'not helpful' },
  notPublished: (id) => `${id} (no longer published)`,
  unansweredTitle: 'Unanswered questions over time',
  unansweredIntro:
    'Questions without a certain answer that went (anonymised) into the editors\' report. The texts are in the editor under "Unanswered questions".',
  unansweredSeries: 'unanswered',
  ticketsTitle: 'Forwarded requests',
  ticketsIntro: 'Questions citizens forwarded to the data protection officer.',
  ticketsCreated: 'received in the period',
  ticketsAnswered: 'answered in the period',
  openByAgeTitle: 'Open requests by age (now)',
  ageColumn: 'Waiting for',
  countColumn: 'Number',
  ages: {
    under1h: 'less than 1 hour',
    under4h: '1 to 4 hours',
    under24h: '4 to 24 hours',
    under72h: '1 to 3 days',
    older: 'more than 3 days',
  },
  agesShort: { under1h: '< 1 h', under4h: '1–4 h', under24h: '4–24 h', under72h: '1–3 d', older: '> 3 d' },
  noOpenTickets: 'No open request.',
  medianNone: 'no answer in this period yet',
  medianAtMost: (duration) => `at most ${duration}`,
  medianLonger: (duration) => `more than ${duration}`,
  minutes: (count) => `${count} min`,
  hours: (count) => (count === 1 ? '1 hour' : `${count} hours`),
  days: (count) => (count === 1 ? '1 day' : `${count} days`),
  privacyNote:
    'Only how many questions there were and how they ended is counted, per hour: no question texts, no names, addresses or references. The figures are deleted after 35 days.',
  generic: 'Something went wrong. Please try again.',
};

export const dashboardStrings: Record<StaffLocale, DashboardStrings> = { de, en };
