import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ConfigurationError, getOptionalStringFromEnv, getStringFromEnv } from '../config/env.ts';

/**
 * One mail: a plain-text part, and optionally an HTML part of the same content (then the message
 * is `multipart/alternative`). `tags` are ids only (ticket, kind): they end up in SES event logs.
 */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  tags?: Record<string, string>;
}

export interface Mailer {
  /** Sends the message; resolves a message id, rejects when the transport refused it. */
  send(message: MailMessage): Promise<string>;
}

/** Header values never contain line breaks: a CR/LF would let input inject extra headers. */
export function headerValue(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

const addressPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Refuses anything but a bare address (no display name, no second recipient, no line break). */
export function checkAddress(address: string): string {
  const clean = headerValue(address);
  if (!addressPattern.test(clean)) throw new Error('invalid mail address');
  return clean;
}

/**
 * Renders an RFC 5322 message with nodemailer's MIME composer: headers encoded (RFC 2047) and
 * folded, the parts in UTF-8 quoted-printable, so an .eml file stays readable with `cat`.
 * Every header value is cleaned of line breaks first: the composer encodes, we refuse.
 */
export async function toEml(message: MailMessage, messageId: string, date = new Date()): Promise<string> {
  const from = checkAddress(message.from);
  const domain = from.split('@')[1] ?? 'localhost';
  const composer = new MailComposer({
    from,
    to: checkAddress(message.to),
    subject: headerValue(message.subject),
    date,
    messageId: `<${headerValue(messageId).replace(/[<>@\s]/g, '')}@${domain}>`,
    headers: Object.fromEntries(
      Object.entries(message.tags ?? {}).map(([name, value]) => [
        `X-Tag-${headerValue(name).replace(/[^A-Za-z0-9-]/g, '')}`,
        headerValue(value),
      ]),
    ),
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    textEncoding: 'quoted-printable',
  });
  const raw = await composer.compile().build();
  // The composer keeps the text's own line ends; a message on the wire uses CRLF throughout.
  return raw.toString('utf8').replace(/\r?\n/g, '\r\n');
}

/**
 * Local transport: every mail becomes an .eml file in `dir` (open it with any mail program).
 * The file name carries the tags (ticket id, kind) so people and tests can find a mail.
 */
export function createOutboxMailer(dir: string): Mailer {
  return {
    async send(message) {
      const id = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
      const tags = Object.values(message.tags ?? {})
        .map((value) => value.replace(/[^A-Za-z0-9-]/g, ''))
        .filter(Boolean);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${[id, ...tags].join('-')}.eml`), await toEml(message, id), {
        mode: 0o600,
      });
      return id;
    },
  };
}

/**
 * AWS transport: SES v2 with the raw message (the same MIME as the outbox writes, so what a test
 * reads locally is what citizens get), one client per container, optional configuration set for
 * event tracking.
 */
export function createSesMailer(
  configurationSet?: string,
  client = new SESv2Client({ region: getStringFromEnv('AWS_REGION', 'eu-central-1'), maxAttempts: 3 }),
): Mailer {
  return {
    async send(message) {
      const raw = await toEml(message, randomBytes(12).toString('hex'));
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: checkAddress(message.from),
          // Named explicitly: SES then sends to exactly this checked address, whatever the raw headers say.
          Destination: { ToAddresses: [checkAddress(message.to)] },
          Content: { Raw: { Data: Buffer.from(raw, 'utf8') } },
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
          EmailTags: Object.entries(message.tags ?? {}).map(([Name, Value]) => ({
            Name,
            Value: Value.replace(/[^A-Za-z0-9_-]/g, '_'),
          })),
        }),
      );
      return result.MessageId ?? 'unknown';
    },
  };
}

/**
 * The transport chosen by `MAIL_TRANSPORT`: `ses` on AWS, `outbox` locally (files in
 * `OUTBOX_DIR`, default `$DATA_DIR/outbox`). Throws at cold start when the setting is missing.
 */
export function mailerFromEnv(): Mailer {
  const transport = getStringFromEnv('MAIL_TRANSPORT');
  if (transport === 'ses') return createSesMailer(getOptionalStringFromEnv('SES_CONFIGURATION_SET'));
  if (transport === 'outbox') {
    const dir = getOptionalStringFromEnv('OUTBOX_DIR') ?? path.join(getStringFromEnv('DATA_DIR'), 'outbox');
    return createOutboxMailer(dir);
  }
  throw new ConfigurationError(`MAIL_TRANSPORT must be "ses" or "outbox", not "${transport}"`);
}
