import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ConfigurationError, getOptionalStringFromEnv, getStringFromEnv } from '../config/env.ts';
import { traced } from '../observability/tracer.ts';

/** One plain-text mail. `tags` are ids only (ticket, kind): they end up in SES event logs. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
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

/** RFC 2047 encoded-word for non-ASCII header text (UTF-8, base64). */
function encodeHeader(value: string): string {
  const clean = headerValue(value);
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

/** Renders an RFC 5322 message (text/plain, UTF-8, base64 body wrapped at 76 characters). */
export function toEml(message: MailMessage, messageId: string, date = new Date()): string {
  const domain = checkAddress(message.from).split('@')[1] ?? 'localhost';
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  const lines = [
    `From: ${checkAddress(message.from)}`,
    `To: ${checkAddress(message.to)}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${headerValue(messageId)}@${domain}>`,
    ...Object.entries(message.tags ?? {}).map(
      ([name, value]) => `X-Tag-${headerValue(name).replace(/[^A-Za-z0-9-]/g, '')}: ${encodeHeader(value)}`,
    ),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(body.match(/.{1,76}/g) ?? []),
    '',
  ];
  return lines.join('\r\n');
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
      await writeFile(path.join(dir, `${[id, ...tags].join('-')}.eml`), toEml(message, id), { mode: 0o600 });
      return id;
    },
  };
}

/** AWS transport: SES v2, one client per container, optional configuration set for event tracking. */
export function createSesMailer(
  configurationSet?: string,
  client = traced(
    new SESv2Client({ region: getStringFromEnv('AWS_REGION', 'eu-central-1'), maxAttempts: 3 }),
  ),
): Mailer {
  return {
    async send(message) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: checkAddress(message.from),
          Destination: { ToAddresses: [checkAddress(message.to)] },
          Content: {
            Simple: {
              Subject: { Data: headerValue(message.subject), Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
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
