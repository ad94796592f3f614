// The scheduled ticket-age function against the embedded database: it emits the age of the
// oldest unanswered ticket as an EMF metric line on stdout (what CloudWatch turns into the metric).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, epochSeconds, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { metricNames, metricNamespace, serviceName } from '../../functions/lib/definitions/metrics.ts';
import { ticketKey } from '../../functions/lib/escalations/ticket-store.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { staffHeaders, submit } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { request, startTestStack } from '../support/stack.ts';

type TicketAgeModule = typeof import('../../functions/ticket-age/handler.ts');

let stack: LocalStack;
let ticketAge: TicketAgeModule;

beforeAll(async () => {
  stack = await startTestStack();
  // Imported once the stack configured the environment, as Lambda loads it at cold start.
  ticketAge = await import('../../functions/ticket-age/handler.ts');
});

afterAll(async () => {
  await stack?.close();
});

interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit?: string }[];
    }[];
  };
  [key: string]: unknown;
}

/** Runs the handler like the schedule does and returns the EMF lines it wrote to stdout. */
async function run(): Promise<{ value: number; emf: EmfLine[] }> {
  const logs = captureLogs();
  let result: Awaited<ReturnType<TicketAgeModule['handler']>>;
  try {
    result = await ticketAge.handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
  } finally {
    logs.stop();
  }
  const emf = logs.lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
  expect(emf).toHaveLength(1);
  const [line] = emf as [EmfLine];
  expect(line._aws.CloudWatchMetrics).toEqual([
    {
      Namespace: metricNamespace,
      Dimensions: [['service']],
      Metrics: [expect.objectContaining({ Name: metricNames.oldestOpenTicketAgeHours })],
    },
  ]);
  expect(line.service).toBe(serviceName);
  expect(typeof line[metricNames.oldestOpenTicketAgeHours]).toBe('number');
  expect(line[metricNames.oldestOpenTicketAgeHours]).toBe(result.oldestOpenTicketAgeHours);
  return { value: line[metricNames.oldestOpenTicketAgeHours] as number, emf };
}

/** Moves a ticket's creation time into the past (the byStatus index sorts on it). */
async function backdate(ticketId: string, hours: number, extra: Record<string, unknown> = {}): Promise<void> {
  const values: Record<string, unknown> = {
    ':createdAt': new Date(Date.now() - hours * 3_600_000).toISOString(),
  };
  const sets = ['createdAt = :createdAt'];
  for (const [name, value] of Object.entries(extra)) {
    values[`:${name}`] = value;
    sets.push(`${name} = :${name}`);
  }
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName('tickets'),
      Key: ticketKey(ticketId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeValues: values,
    }),
  );
}

describe('ticket-age', () => {
  it('emits 0 when no ticket waits for an answer', async () => {
    const { value } = await run();
    expect(value).toBe(0);
  });

  it('emits the age in hours of the oldest open or claimed ticket, not of answered or expired ones', async () => {
    const dpo = await staffHeaders(stack, 'bettina', ['dpo']);
    const first = await submit(stack);
    await stack.streams.drain();
    const fresh = await run();
    expect(fresh.value).toBeGreaterThanOrEqual(0);
    expect(fresh.value).toBeLessThan(0.1);

    await backdate(first.ticketId, 3);
    expect((await run()).value).toBeCloseTo(3, 1);

    // Claimed but unanswered still counts: the citizen is still waiting.
    const url = `${stack.url}/v1/inbox/${first.ticketId}`;
    expect((await request(`${url}/claim`, { method: 'POST', headers: dpo })).status).toBe(200);
    expect((await run()).value).toBeCloseTo(3, 1);

    // An open ticket whose retention passed (not yet deleted by TTL) is ignored, even when it
    // is the oldest item of the index.
    const expired = await submit(stack);
    const second = await submit(stack);
    await stack.streams.drain();
    await backdate(expired.ticketId, 10, { expiresAt: epochSeconds() - 60 });
    await backdate(second.ticketId, 1);
    expect((await run()).value).toBeCloseTo(3, 1);

    // Once answered, the first ticket no longer counts; the second (open, 1 h) is the oldest.
    const answered = await request(`${url}/answer`, {
      body: { text: 'Dazu gibt es keine weiteren Informationen.' },
      headers: dpo,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    await stack.streams.drain();
    expect((await run()).value).toBeCloseTo(1, 1);
  });
});
