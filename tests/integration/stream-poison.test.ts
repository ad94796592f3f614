import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { repositoryRoot } from '../../functions/local/server.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { setEscalationSettings, submit } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { readOutbox } from '../support/mail.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * A poison record: a ticket item without a `ticketId` (a malformed image, as a bad manual edit
 * or a broken migration would write). Its notice can never be rendered, so every delivery fails.
 */
const logs = captureLogs();
let stack: LocalStack;
type Notify = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
let notify: Notify;

const poisonPk = (n: number) => `TICKET#STR-P0IS-0N0${n}`;
const isPoison = (record: DynamoDBRecord) =>
  Boolean(record.dynamodb?.Keys?.pk?.S?.startsWith('TICKET#STR-P0IS'));
const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

async function putPoison(n: number): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName('tickets'),
      Item: { pk: poisonPk(n), sk: 'TICKET', queueStatus: 'open', createdAt: 'not a date', version: 1 },
    }),
  );
}

const noticesFor = async (ticketId: string) =>
  (await readOutbox(stack.spoolDir)).filter((mail) => mail.file.endsWith(`${ticketId}-dpo-notice.eml`));

beforeAll(async () => {
  stack = await startTestStack({ streamRetries: 2, streamBackoffMs: 5 });
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
  // The real stream function module, as Lambda (and the emulator) loads it.
  const module = (await import(
    pathToFileURL(path.join(repositoryRoot, 'functions/notify/handler.ts')).href
  )) as {
    handler: (event: DynamoDBStreamEvent, context: never, callback: never) => Promise<DynamoDBBatchResponse>;
  };
  notify = (event) => module.handler(event, {} as never, (() => undefined) as never);
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

describe('stream processing with a poison record', () => {
  it('locally: only the poison record ends in failed/, every other ticket gets exactly one notice', async () => {
    const before = await submit(stack);
    await putPoison(1);
    const after = [await submit(stack), await submit(stack)];
    await stack.streams.drain();
    expect(stack.streams.failed.map((entry) => entry.keys.pk?.S)).toEqual([poisonPk(1)]);
    const [failed] = stack.streams.failed;
    expect(failed?.attempts).toBe(3);
    const files = await readdir(path.join(stack.spoolDir, 'failed'));
    expect(files).toEqual([`${failed?.eventID}.json`]);
    expect(await readFile(path.join(stack.spoolDir, 'failed', files[0] ?? ''), 'utf8')).toContain(
      poisonPk(1),
    );
    for (const ticket of [before, ...after]) expect(await noticesFor(ticket.ticketId)).toHaveLength(1);
  });

  it('in one batch: the poison record is the first failure, and retries send no mail twice', async () => {
    // Record the stream without acting on it, then hand the records to the real handler as one batch.
    const recorded: DynamoDBRecord[] = [];
    stack.streams.setConsumer(stack.database.tableNames.tickets, async (event) => {
      recorded.push(...event.Records);
      return { batchItemFailures: [] };
    });
    const first = await submit(stack);
    await putPoison(2);
    const rest = [await submit(stack), await submit(stack)];
    await stack.streams.drain();
    const batch = recorded.filter(
      (record) => record.dynamodb?.Keys?.sk?.S === 'TICKET' && record.eventName !== 'REMOVE',
    );
    expect(batch.map(isPoison)).toEqual([false, true, false, false]);

    const result = await notify({ Records: batch });
    const reported = result.batchItemFailures.map((failure) => failure.itemIdentifier);
    // The handler reports the first failure and everything after it; Lambda resumes from the
    // lowest reported sequence number anyway, so nothing before the poison record is retried.
    expect(reported[0]).toBe(sequenceOf(batch[1] as DynamoDBRecord));
    expect(reported).not.toContain(sequenceOf(batch[0] as DynamoDBRecord));
    expect(await noticesFor(first.ticketId)).toHaveLength(1);

    // Lambda's retry with bisection (BisectBatchOnFunctionError), each half retried up to twice.
    const onFailure: DynamoDBRecord[] = [];
    async function deliver(records: DynamoDBRecord[], retriesLeft: number): Promise<void> {
      const { batchItemFailures } = await notify({ Records: records });
      if (batchItemFailures.length === 0) return;
      const from = records.findIndex((record) => sequenceOf(record) === batchItemFailures[0]?.itemIdentifier);
      const remaining = records.slice(from);
      if (retriesLeft > 0) return deliver(remaining, retriesLeft - 1);
      if (remaining.length === 1) {
        onFailure.push(...remaining);
        return;
      }
      const middle = Math.ceil(remaining.length / 2);
      await deliver(remaining.slice(0, middle), 2);
      await deliver(remaining.slice(middle), 2);
    }
    await deliver(batch.slice(1), 2);
    expect(onFailure.map(isPoison)).toEqual([true]);
    for (const ticket of [first, ...rest]) expect(await noticesFor(ticket.ticketId)).toHaveLength(1);
    // Redelivering the whole batch once more (at-least-once delivery) still sends nothing twice.
    await notify({ Records: batch });
    for (const ticket of [first, ...rest]) expect(await noticesFor(ticket.ticketId)).toHaveLength(1);
  });
});
