import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it } from 'vitest';
import { createSesMailer, mailerFromEnv, toEml } from '../../functions/lib/adapters/mail.ts';
import { parseEml } from '../support/mail.ts';

const saved = { ...process.env };

afterEach(() => {
  for (const name of ['MAIL_TRANSPORT', 'OUTBOX_DIR', 'DATA_DIR']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('mailerFromEnv', () => {
  it('fails fast without a transport, with an unknown one, and with an outbox but no folder', () => {
    delete process.env.MAIL_TRANSPORT;
    expect(() => mailerFromEnv()).toThrow(/MAIL_TRANSPORT/);
    process.env.MAIL_TRANSPORT = 'smtp';
    expect(() => mailerFromEnv()).toThrow(/ses.*outbox/);
    process.env.MAIL_TRANSPORT = 'outbox';
    delete process.env.OUTBOX_DIR;
    delete process.env.DATA_DIR;
    expect(() => mailerFromEnv()).toThrow(/DATA_DIR/);
  });

  it('builds the SES and outbox transports', () => {
    process.env.MAIL_TRANSPORT = 'ses';
    expect(typeof mailerFromEnv().send).toBe('function');
    process.env.MAIL_TRANSPORT = 'outbox';
    process.env.OUTBOX_DIR = '/tmp/outbox-test';
    expect(typeof mailerFromEnv().send).toBe('function');
  });
});

describe('toEml', () => {
  const message = {
    from: 'no-reply@strasburg.de',
    to: 'a@example.org',
    subject: 'Antwort für Sie',
    text: 'Mit freundlichen Grüßen\nIhre Datenschutzbeauftragte\n'.repeat(20),
    html: '<p>Mit freundlichen Grüßen<br>Ihre Datenschutzbeauftragte</p>',
  };

  it('writes multipart/alternative with a text and an HTML part that a MIME parser reads back', async () => {
    const eml = await toEml(message, 'abc', new Date('2026-05-04T10:00:00Z'));
    const mail = await parseEml('abc.eml', eml);
    expect(mail.contentType).toBe('multipart/alternative');
    expect(mail.headers.subject).toBe('Antwort für Sie');
    expect(mail.headers.date).toBe('Mon, 04 May 2026 10:00:00 +0000');
    expect(mail.headers['message-id']).toBe('<abc@strasburg.de>');
    expect(mail.text).toContain('Mit freundlichen Grüßen\nIhre Datenschutzbeauftragte\nMit');
    expect(mail.html).toBe(message.html);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('keeps the body readable with cat: quoted-printable UTF-8, never base64', async () => {
    const eml = await toEml(message, 'abc');
    expect(eml).not.toMatch(/Content-Transfer-Encoding: base64/i);
    expect(eml).toMatch(
      /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable/i,
    );
    expect(eml).toContain('Ihre Datenschutzbeauftragte\r\n');
    expect(eml).toContain('Mit freundlichen Gr=C3=BC=C3=9Fen');
  });

  it('writes a single text/plain part when there is no HTML', async () => {
    const mail = await parseEml('x.eml', await toEml({ ...message, html: undefined }, 'x'));
    expect(mail.contentType).toBe('text/plain');
    expect(mail.html).toBeUndefined();
  });
});

describe('createSesMailer', () => {
  it('sends the raw MIME message through SES v2 with the configuration set, clean headers and safe tags', async () => {
    const client = new SESv2Client({
      region: 'eu-central-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    const inputs: Record<string, unknown>[] = [];
    client.middlewareStack.add(
      () => async (args) => {
        inputs.push(args.input as Record<string, unknown>);
        return { output: { MessageId: 'ses-1', $metadata: {} }, response: {} };
      },
      { step: 'initialize', name: 'fakeSes', priority: 'high' },
    );
    const mailer = createSesMailer('faq-events', client);
    const id = await mailer.send({
      from: 'no-reply@strasburg.de',
      to: 'a@example.org',
      subject: 'Antwort\r\nBcc: x@example.org',
      text: 'Hallo',
      html: '<p>Hallo</p>',
      tags: { ticket: 'STR-2222-2222', kind: 'answer' },
    });
    expect(id).toBe('ses-1');
    expect(inputs[0]).toMatchObject({
      FromEmailAddress: 'no-reply@strasburg.de',
      Destination: { ToAddresses: ['a@example.org'] },
      ConfigurationSetName: 'faq-events',
      EmailTags: [
        { Name: 'ticket', Value: 'STR-2222-2222' },
        { Name: 'kind', Value: 'answer' },
      ],
    });
    const raw = (inputs[0] as { Content: { Raw: { Data: Uint8Array } } }).Content.Raw.Data;
    const sent = await parseEml('ses.eml', Buffer.from(raw).toString('utf8'));
    expect(sent.headers.subject).toBe('Antwort Bcc: x@example.org');
    expect(sent.headerNames.filter((name) => /^bcc$/i.test(name))).toEqual([]);
    expect(sent.headers.to).toBe('a@example.org');
    expect(sent.text.trim()).toBe('Hallo');
    expect(sent.html).toBe('<p>Hallo</p>');
    await expect(
      mailer.send({
        from: 'no-reply@strasburg.de',
        to: 'a@example.org\nBcc: b@example.org',
        subject: 's',
        text: 't',
      }),
    ).rejects.toThrow();
    expect(inputs).toHaveLength(1);
  });
});
