import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterEach, describe, expect, it } from 'vitest';
import { createSesMailer, mailerFromEnv, toEml } from '../../functions/lib/adapters/mail.ts';

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
  it('writes an RFC 5322 message with encoded non-ASCII subject and base64 body in short lines', () => {
    const eml = toEml(
      {
        from: 'no-reply@strasburg.de',
        to: 'a@example.org',
        subject: 'Antwort für Sie',
        text: 'Grüße\n'.repeat(100),
      },
      'abc',
      new Date('2026-05-04T10:00:00Z'),
    );
    const [head = '', body = ''] = eml.split('\r\n\r\n');
    expect(head).toContain('Subject: =?UTF-8?B?');
    expect(head).toContain('Date: Mon, 04 May 2026 10:00:00 +0000');
    expect(head).toContain('Message-ID: <abc@strasburg.de>');
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toContain('Grüße\r\nGrüße');
  });
});

describe('createSesMailer', () => {
  it('sends plain text through SES v2 with the configuration set, clean headers and safe tags', async () => {
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
      tags: { ticket: 'STR-2222-2222', kind: 'answer' },
    });
    expect(id).toBe('ses-1');
    expect(inputs[0]).toMatchObject({
      FromEmailAddress: 'no-reply@strasburg.de',
      Destination: { ToAddresses: ['a@example.org'] },
      ConfigurationSetName: 'faq-events',
      Content: {
        Simple: { Subject: { Data: 'Antwort Bcc: x@example.org' }, Body: { Text: { Data: 'Hallo' } } },
      },
      EmailTags: [
        { Name: 'ticket', Value: 'STR-2222-2222' },
        { Name: 'kind', Value: 'answer' },
      ],
    });
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
