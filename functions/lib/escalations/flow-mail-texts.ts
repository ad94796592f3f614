import { type Language, type Locale, languageOfTag } from '../knowledge/locales.ts';

/**
 * Texts of the digest and the confirmation mail (the flow's mails; mail-texts.ts holds the
 * notice and answer texts). Like the notice, the digest carries no question text and no address.
 */
export function dpoDigest(input: {
  count: number;
  inboxLink: string;
  organisation: string;
  minutes: number;
}) {
  const { count, inboxLink, organisation, minutes } = input;
  const questions = count === 1 ? 'eine neue Frage' : `${count} neue Fragen`;
  return {
    subject: `${organisation}: ${questions} im Posteingang`,
    text: [
      'Guten Tag,',
      '',
      `über den Chat-Assistenten von ${organisation} wurden ${questions} an die Datenschutzbeauftragte weitergeleitet.`,
      '',
      'Bitte bearbeiten Sie sie im Posteingang:',
      inboxLink,
      '',
      `Diese Nachricht kommt höchstens alle ${minutes} Minuten und fasst alle neuen Fragen seit der letzten zusammen.`,
      'Aus Datenschutzgründen enthält sie weder Fragetexte noch Kontaktdaten.',
      '',
      '-- ',
      'Automatische Nachricht des Chat-Assistenten',
    ].join('\n'),
  };
}

export interface ConfirmationInput {
  ticketId: string;
  link: string;
  organisation: string;
}

const confirmationTexts: Record<Language, (input: ConfirmationInput) => { subject: string; text: string }> = {
  de: ({ ticketId, link, organisation }) => ({
    subject: `Bitte bestätigen Sie Ihre E-Mail-Adresse (${ticketId})`,
    text: [
      'Guten Tag,',
      '',
      `mit dieser Adresse wurde über den Chat-Assistenten von ${organisation} eine Frage an die Datenschutzbeauftragte weitergeleitet.`,
      'Die Antwort senden wir nur an eine bestätigte Adresse. Bitte bestätigen Sie sie hier:',
      '',
      link,
      '',
      'Ohne Bestätigung können Sie die Antwort nur im Chat-Fenster mit Ihrem Zugangscode lesen.',
      'Waren Sie das nicht? Dann ignorieren Sie diese Nachricht; Sie erhalten keine weitere.',
      '',
      'Bitte antworten Sie nicht auf diese automatisch versandte Nachricht.',
    ].join('\n'),
  }),
  en: ({ ticketId, link, organisation }) => ({
    subject: `Please confirm your e-mail address (${ticketId})`,
    text: [
      'Hello,',
      '',
      `This address was left with a question to the data protection officer through the chat assistant of ${organisation}.`,
      'We send the answer only to a confirmed address. Please confirm it here:',
      '',
      link,
      '',
      'Without confirmation you can read the answer only in the chat window, with your access code.',
      'Was this not you? Then ignore this message; you will not get another one.',
      '',
      'Please do not reply to this automatic message.',
    ].join('\n'),
  }),
};

export function confirmationMail(locale: Locale, input: ConfirmationInput) {
  return confirmationTexts[languageOfTag(locale)](input);
}

/** The page behind the confirmation link (GET shows a button, POST confirms), per locale. */
export const confirmPageTexts = {
  de: {
    title: 'E-Mail-Adresse bestätigen',
    ask: 'Bitte bestätigen Sie, dass die Antwort der Datenschutzbeauftragten an Ihre Adresse gehen soll.',
    button: 'Adresse bestätigen',
    done: 'Danke, Ihre Adresse ist bestätigt. Sie erhalten die Antwort per E-Mail.',
    failed: 'Dieser Link ist ungültig oder abgelaufen.',
  },
  en: {
    title: 'Confirm your e-mail address',
    ask: "Please confirm that the data protection officer's answer should go to your address.",
    button: 'Confirm address',
    done: 'Thank you, your address is confirmed. You will get the answer by e-mail.',
    failed: 'This link is invalid or has expired.',
  },
} as const;
