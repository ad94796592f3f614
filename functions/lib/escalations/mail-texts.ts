import type { Locale } from '../knowledge/schema.ts';

/**
 * Every text of the escalation mails, in one place. The DPO notice deliberately carries no
 * question text and no address: mailboxes get forwarded, archived and searched.
 */
export interface NoticeInput {
  ticketId: string;
  createdAt: string;
  inboxLink: string;
  organisation: string;
}

export function dpoNotice({ ticketId, createdAt, inboxLink, organisation }: NoticeInput) {
  const received = new Date(createdAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' });
  return {
    subject: `Neue weitergeleitete Frage ${ticketId}`,
    text: [
      'Guten Tag,',
      '',
      `über den Chat-Assistenten von ${organisation} wurde eine Frage an die Datenschutzbeauftragte weitergeleitet.`,
      '',
      `Referenz: ${ticketId}`,
      `Eingang:  ${received}`,
      '',
      'Bitte bearbeiten Sie die Frage im Posteingang:',
      inboxLink,
      '',
      'Aus Datenschutzgründen enthält diese Nachricht weder den Fragetext noch Kontaktdaten.',
      '',
      '-- ',
      'Automatische Nachricht des Chat-Assistenten',
    ].join('\n'),
  };
}

export interface AnswerInput {
  ticketId: string;
  answer: string;
  organisation: string;
  dpoEmail: string;
  retentionDays: number;
}

const answerTexts: Record<Locale, (input: AnswerInput) => { subject: string; text: string }> = {
  de: ({ ticketId, answer, organisation, dpoEmail, retentionDays }) => ({
    subject: `Antwort auf Ihre Frage (${ticketId})`,
    text: [
      'Guten Tag,',
      '',
      `Sie haben über den Chat-Assistenten von ${organisation} eine Frage an die Datenschutzbeauftragte gestellt. Hier ist die Antwort:`,
      '',
      answer,
      '',
      `Ihre Referenz: ${ticketId}`,
      '',
      'Ihre Daten: Ihre Frage, diese Antwort und Ihre E-Mail-Adresse werden nach Abschluss der Anfrage',
      `noch ${retentionDays} Tage gespeichert und dann automatisch gelöscht. Sie können die Löschung jederzeit`,
      `selbst veranlassen (im Chat-Fenster mit Ihrem Zugangscode) oder per E-Mail an ${dpoEmail} verlangen.`,
      '',
      'Bitte antworten Sie nicht auf diese automatisch versandte Nachricht.',
    ].join('\n'),
  }),
  en: ({ ticketId, answer, organisation, dpoEmail, retentionDays }) => ({
    subject: `Answer to your question (${ticketId})`,
    text: [
      'Hello,',
      '',
      `You asked the data protection officer a question through the chat assistant of ${organisation}. Here is the answer:`,
      '',
      answer,
      '',
      `Your reference: ${ticketId}`,
      '',
      'Your data: your question, this answer and your e-mail address are kept for',
      `${retentionDays} days after the request is closed and then erased automatically. You can erase them`,
      `yourself at any time (in the chat window, with your access code) or ask for it at ${dpoEmail}.`,
      '',
      'Please do not reply to this automatic message.',
    ].join('\n'),
  }),
};

/** The mail that brings the DPO's answer to the citizen, in the citizen's language. */
export function answerMail(locale: Locale, input: AnswerInput) {
  return answerTexts[locale](input);
}
