import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAddress,
  createOutboxMailer,
  type MailMessage,
  toEml,
} from '../../functions/lib/adapters/mail.ts';
import { createNotifyHandler, mailFor } from '../../functions/lib/escalations/notifications.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { allTicketItems, setEscalationSettings, submit } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { readOutbox } from '../support/mail.ts';
import { startTestStack } from '../support/stack.ts';

const logs = captureLogs();
let stack: LocalStack;
/** Every record the emulated stream delivered, to replay them (redelivery, bisected batches). */
const delivered: DynamoDBRecord[] = [];

/** An outbox mailer that fails whenever `failing` says so, and counts attempts. */
function flakyMailer(failing: (attempt: number, message: MailMessage) => boolean) {
  const outbox = createOutboxMailer(path.join(stack.spoolDir, 'outbox'));
  let attempts = 0;
  return {
    get attempts() {
      return attempts;
    },
    async send(message: MailMessage) {
      attempts += 1;
      if (failing(attempts, message))
        throw Object.assign(new Error(`Mail rejected for ${message.to}`), { name: 'MessageRejected' });
      return outbox.send(message);
    },
  };
}

function useMailer(mailer: { send(message: MailMessage): Promise<string> }) {
  const notify = createNotifyHandler({ mailer, inboxUrl: `${stack.url}/inbox` });
  stack.streams.setConsumer(stack.database.tableNames.tickets, async (event) => {
    delivered.push(...event.Records);
    return notify(event);
  });
  return notify;
}

const mailsFor = async (ticketId: string, kind = 'dpo-notice') =>
  (await readOutbox(stack.spoolDir)).filter((mail) => mail.file.includes(`${ticketId}-${kind}`));

const insertOf = (ticketId: string) => {
  const record = delivered.find(
    (item) =>
      item.eventName === 'INSERT' &&
      item.dynamodb?.Keys?.pk?.S === `TICKET#${ticketId}` &&
      item.dynamodb.Keys.sk?.S === 'TICKET',
  );
  if (!record) throw new Error(`no INSERT record for ${ticketId}`);
  return record;
};

beforeAll(async () => {
  stack = await startTestStack({ streamBackoffMs: 5, streamRetries: 3 });
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

describe('notify (stream consumer)', () => {
  it('retries a failing mail send and sends the notice exactly once', async () => {
    const mailer = flakyMailer((attempt) => attempt <= 2);
    useMailer(mailer);
    const { ticketId } = await submit(stack);
    await stack.streams.drain();
    expect(mailer.attempts).toBe(3);
    expect(await mailsFor(ticketId)).toHaveLength(1);
    const marker = (await allTicketItems()).find(
      (item) => item.pk === `TICKET#${ticketId}` && item.sk === 'MAIL#dpo-notice',
    );
    expect(marker).toMatchObject({ state: 'sent' });
  });

  it('does not send again when the same record is delivered again', async () => {
    const mailer = flakyMailer(() => false);
    const notify = useMailer(mailer);
    const { ticketId } = await submit(stack);
    await stack.streams.drain();
    expect(mailer.attempts).toBe(1);
    const replay = await notify({ Records: [insertOf(ticketId), insertOf(ticketId)] });
    expect(replay.batchItemFailures).toEqual([]);
    expect(mailer.attempts).toBe(1);
    expect(await mailsFor(ticketId)).toHaveLength(1);
  });

  it('reports the failed record and everything after it; the retry sends only what is missing', async () => {
    // Let the emulated stream give up on three fresh tickets, then replay their records as one batch.
    useMailer(flakyMailer(() => true));
    const fresh = [await submit(stack), await submit(stack), await submit(stack)].map(
      (ticket) => ticket.ticketId,
    );
    await stack.streams.drain();
    const records = fresh.map(insertOf);
    const partial = createNotifyHandler({
      mailer: flakyMailer((_, message) => message.subject.includes(String(fresh[1]))),
      inboxUrl: `${stack.url}/inbox`,
    });
    const result = await partial({ Records: records });
    expect(result.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([
      records[1]?.dynamodb?.SequenceNumber,
      records[2]?.dynamodb?.SequenceNumber,
    ]);
    expect(await mailsFor(String(fresh[0]))).toHaveLength(1);
    expect(await mailsFor(String(fresh[1]))).toHaveLength(0);
    // Lambda retries from the failed record on; replaying the whole batch must not repeat the first mail.
    const retry = createNotifyHandler({ mailer: flakyMailer(() => false), inboxUrl: `${stack.url}/inbox` });
    expect((await retry({ Records: records })).batchItemFailures).toEqual([]);
    for (const id of fresh) expect(await mailsFor(id)).toHaveLength(1);
  });

  it('sends a record to the on-failure folder after the last retry, without personal data', async () => {
    const mailer = flakyMailer(() => true);
    useMailer(mailer);
    const { ticketId } = await submit(stack, {
      question: 'Geheime Frage zum Ausfall',
      email: 'failed@example.org',
    });
    await stack.streams.drain();
    expect(mailer.attempts).toBe(4); // first delivery + 3 retries
    expect(await mailsFor(ticketId)).toEqual([]);
    const failed = stack.streams.failed.filter((entry) => JSON.stringify(entry.keys).includes(ticketId));
    expect(failed).toHaveLength(1);
    const files = await readdir(path.join(stack.spoolDir, 'failed'));
    const file = files.find((name) => name === `${failed[0]?.eventID}.json`);
    expect(file).toBeDefined();
    const content = await readFile(path.join(stack.spoolDir, 'failed', String(file)), 'utf8');
    expect(content).toContain(ticketId);
    expect(content).not.toContain('Geheime Frage');
    expect(content).not.toContain('failed@example.org');
  });

  it('sends nothing for a ticket erased before its notice went out', async () => {
    const mailer = flakyMailer(() => false);
    const notify = useMailer(mailer);
    const { ticketId, secret } = await submit(stack);
    await stack.streams.drain();
    const record = insertOf(ticketId);
    await fetch(`${stack.url}/v1/escalations/${ticketId}`, {
      method: 'DELETE',
      headers: { 'x-ticket-secret': secret },
    });
    await stack.streams.drain();
    const before = mailer.attempts;
    expect((await notify({ Records: [record] })).batchItemFailures).toEqual([]);
    expect(mailer.attempts).toBe(before);
    expect((await allTicketItems()).filter((item) => String(item.pk).includes(ticketId))).toEqual([]);
  });

  it('only cares about ticket items: markers, tokens, counters and removals send nothing', () => {
    const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', pk: string, sk: string): DynamoDBRecord => ({
      eventName,
      dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } }, NewImage: { queueStatus: { S: 'answered' } } },
    });
    expect(mailFor(record('INSERT', 'TICKET#STR-2222-2222', 'MAIL#dpo-notice'))).toBeUndefined();
    expect(mailFor(record('INSERT', 'TOKEN#abc', 'TOKEN'))).toBeUndefined();
    expect(mailFor(record('MODIFY', 'RATE#global#2026-01-01', 'RATE'))).toBeUndefined();
    expect(mailFor(record('REMOVE', 'TICKET#STR-2222-2222', 'TICKET'))).toBeUndefined();
    expect(mailFor(record('INSERT', 'TICKET#STR-2222-2222', 'TICKET'))).toEqual({
      ticketId: 'STR-2222-2222',
      kind: 'dpo-notice',
    });
    expect(mailFor(record('MODIFY', 'TICKET#STR-2222-2222', 'TICKET'))).toEqual({
      ticketId: 'STR-2222-2222',
      kind: 'answer',
    });
  });
});

describe('mail rendering', () => {
  it('strips line breaks from headers so input cannot inject headers', async () => {
    const eml = await toEml(
      {
        from: 'no-reply@strasburg.de',
        to: 'citizen@example.org',
        subject: 'Antwort\r\nBcc: victim@example.org',
        text: 'Hallo',
        tags: { ticket: 'STR-2222-2222\r\nX-Evil: 1' },
      },
      'id-1',
    );
    const head = (eml.split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]/g, ' ');
    expect(head.split('\r\n').some((line) => /^(Bcc|X-Evil):/i.test(line))).toBe(false);
    expect(() => checkAddress('a@example.org\r\nBcc: b@example.org')).toThrow();
    expect(() => checkAddress('Eve <eve@example.org>')).toThrow();
    expect(() => checkAddress('a@example.org, b@example.org')).toThrow();
    expect(checkAddress('a.b+c@example.org')).toBe('a.b+c@example.org');
  });
});

describe('logs', () => {
  it('contain no address, question text or mailer error message', () => {
    expect(logs.lines.some((line) => line.includes('notification failed'))).toBe(true);
    expect(logs.leaks(['failed@example.org', 'Geheime Frage', 'Mail rejected for'])).toEqual([]);
  });
});
