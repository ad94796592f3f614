import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectFault, installDynamoFaults, raceTolerant } from '../../functions/local/faults.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { allTicketItems, setEscalationSettings, submission } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

// Regressions for what the fault-injected load run found, plus the fault module's own contract.
const logs = captureLogs();
let stack: LocalStack;

const keyOf = (input: Record<string, unknown>, field: 'Item' | 'Key') =>
  (input[field] ?? {}) as { pk?: string; sk?: string };

beforeAll(async () => {
  stack = await startTestStack({ streamRetries: 3, streamBackoffMs: 5 });
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

const submitBody = (body: Record<string, unknown>) => request(`${stack.url}/v1/escalations`, { body });
const noticesFor = async (ticketId: string) =>
  (await readOutbox(stack.spoolDir)).filter((mail) => mail.file.endsWith(`${ticketId}-dpo-notice.eml`));

describe('faults found by the load run', () => {
  it('sends the DPO notice once when recording "sent" fails after the mail went out', async () => {
    // Before the fix the failed marker update failed the record, and its redelivery mailed again.
    const remove = injectFault({
      kind: 'throttling',
      phase: 'before',
      matches: (command, input) =>
        command === 'UpdateItemCommand' && keyOf(input, 'Key').sk === 'MAIL#dpo-notice',
    });
    try {
      const response = await submitBody(submission());
      expect(response.status).toBe(201);
      await stack.streams.drain();
      const { ticketId } = response.body as { ticketId: string };
      expect(await noticesFor(ticketId)).toHaveLength(1);
      const marker = (await allTicketItems()).find(
        (item) => item.pk === `TICKET#${ticketId}` && item.sk === 'MAIL#dpo-notice',
      );
      expect(marker).toMatchObject({ state: 'sent' });
    } finally {
      remove();
    }
  });

  it('answers a refused idempotency write whose winner is gone with 503 + Retry-After, not 409', async () => {
    const body = submission();
    const remove = injectFault({
      kind: 'conditional',
      phase: 'before',
      matches: (command, input) => command === 'PutItemCommand' && keyOf(input, 'Item').sk === 'TOKEN',
    });
    try {
      const refused = await submitBody(body);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      remove();
    }
    const retried = await submitBody(body);
    expect(retried.status).toBe(201);
    expect((await allTicketItems()).filter((item) => item.clientToken === body.clientToken)).toHaveLength(1);
  });

  it.each(['timeout', 'internal'] as const)(
    'converges when the ticket write persisted but the client saw a %s',
    async (kind) => {
      const body = submission();
      const remove = injectFault({
        kind,
        phase: 'after',
        matches: (command, input) => command === 'PutItemCommand' && keyOf(input, 'Item').sk === 'TICKET',
      });
      try {
        const failed = await submitBody(body);
        expect(failed.status).toBe(503);
        expect(failed.headers.get('retry-after')).toBeTruthy();
        expect(JSON.stringify(failed.body)).not.toMatch(/Timeout|InternalServerError|local-tickets/);
      } finally {
        remove();
      }
      const retried = await submitBody(body);
      expect(retried.status).toBe(201);
      const { ticketId } = retried.body as { ticketId: string };
      expect((await allTicketItems()).filter((item) => item.clientToken === body.clientToken)).toHaveLength(
        1,
      );
      await stack.streams.drain();
      expect(await noticesFor(ticketId)).toHaveLength(1);
    },
  );
});

describe('the fault injector', () => {
  it('injects conditional failures only where the caller converges, and counts what it injected', async () => {
    expect(
      raceTolerant('PutItemCommand', { Item: { pk: 'TOKEN#x', sk: 'TOKEN' }, ConditionExpression: 'a' }),
    ).toBe(true);
    expect(
      raceTolerant('UpdateItemCommand', {
        Key: { pk: 'TICKET#x', sk: 'TICKET' },
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
      }),
    ).toBe(true);
    expect(
      raceTolerant('PutItemCommand', {
        Item: { pk: 'TICKET#x', sk: 'MAIL#dpo-notice' },
        ConditionExpression: 'a',
      }),
    ).toBe(false);
    expect(
      raceTolerant('UpdateItemCommand', { Key: { pk: 'RATE#x', sk: 'RATE' }, ConditionExpression: 'a' }),
    ).toBe(false);
    const faults = installDynamoFaults({ rate: 0.999 });
    try {
      const response = await request(`${stack.url}/v1/ask`, { body: { question: 'Was ist passiert?' } });
      expect(response.status).toBe(503);
      expect(faults.stats.injected).toBeGreaterThan(0);
      faults.setRate(0);
      expect((await request(`${stack.url}/v1/ask`, { body: { question: 'Was ist passiert?' } })).status).toBe(
        200,
      );
    } finally {
      faults.uninstall();
    }
  });
});
