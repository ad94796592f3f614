import { type Language, type Locale, languageOfTag } from '../knowledge/locales.ts';
import { escapeHtml, markdownToHtml, markdownToText } from '../markdown/render.ts';

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
  /** The DPO's answer, in Markdown. */
  answer: string;
  organisation: string;
  dpoEmail: string;
  retentionDays: number;
}

/** The fixed texts around the answer; each string is one paragraph (mail programs wrap lines). */
interface AnswerTexts {
  subject: string;
  greeting: string;
  intro: string;
  reference: string;
  yourData: string;
  noReply: string;
}

const answerTexts: Record<Language, (input: AnswerInput) => AnswerTexts> = {
  de: ({ ticketId, organisation, dpoEmail, retentionDays }) => ({
    subject: `Antwort auf Ihre Frage (${ticketId})`,
    greeting: 'Guten Tag,',
    intro: `Sie haben über den Chat-Assistenten von ${organisation} eine Frage an die Datenschutzbeauftragte gestellt. Hier ist die Antwort:`,
    reference: `Ihre Referenz: ${ticketId}`,
    yourData:
      'Ihre Daten: Ihre Frage, diese Antwort und Ihre E-Mail-Adresse werden nach Abschluss der Anfrage ' +
      `noch ${retentionDays} Tage gespeichert und dann automatisch gelöscht. Sie können die Löschung jederzeit ` +
      `selbst veranlassen (im Chat-Fenster mit Ihrem Zugangscode) oder per E-Mail an ${dpoEmail} verlangen.`,
    noReply: 'Bitte antworten Sie nicht auf diese automatisch versandte Nachricht.',
  }),
  en: ({ ticketId, organisation, dpoEmail, retentionDays }) => ({
    subject: `Answer to your question (${ticketId})`,
    greeting: 'Hello,',
    intro: `You asked the data protection officer a question through the chat assistant of ${organisation}. Here is the answer:`,
    reference: `Your reference: ${ticketId}`,
    yourData:
      'Your data: your question, this answer and your e-mail address are kept for ' +
      `${retentionDays} days after the request is closed and then erased automatically. You can erase them ` +
      `yourself at any time (in the chat window, with your access code) or ask for it at ${dpoEmail}.`,
    noReply: 'Please do not reply to this automatic message.',
  }),
};

/**
 * The mail that brings the DPO's answer to the citizen, in the citizen's language: a plain-text
 * part (the Markdown turned into readable text) and an HTML part from the same safe renderer.
 * The answer is set apart by a rule in both, so the reader sees where the DPO's words begin.
 */
export function answerMail(locale: Locale, input: AnswerInput) {
  // A locale without mail texts of its own (Leichte Sprache, a third language) gets its
  // built-in language's mail, German otherwise: see docs/locales.md.
  const texts = answerTexts[languageOfTag(locale)](input);
  const rule = '-'.repeat(40);
  const text = [
    texts.greeting,
    texts.intro,
    rule,
    markdownToText(input.answer),
    rule,
    texts.reference,
    texts.yourData,
    texts.noReply,
  ].join('\n\n');
  const paragraph = (value: string) => `<p>${escapeHtml(value)}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(texts.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">',
    paragraph(texts.greeting),
    paragraph(texts.intro),
    '<div style="border-left: 4px solid #1f4e79; padding: 0.25em 1em; margin: 1em 0">',
    markdownToHtml(input.answer),
    '</div>',
    paragraph(texts.reference),
    `<p style="color: #444; font-size: 0.9em">${escapeHtml(texts.yourData)}</p>`,
    `<p style="color: #444; font-size: 0.9em">${escapeHtml(texts.noReply)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: texts.subject, text, html };
}
