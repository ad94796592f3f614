import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondsUntilMidnightUtc } from '../../functions/lib/escalations/tickets.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { allTicketItems, setEscalationSettings, submission } from '../support/escalations.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

const post = (body: Record<string, unknown>) => request(`${stack.url}/v1/escalations`, { body });

describe('daily caps', () => {
  it('refuses a client over its daily cap with 429 and Retry-After until midnight UTC; retries of earlier submissions still work', async () => {
    await setEscalationSettings({ perClientDailyCap: 2, globalDailyCap: 1000 });
    const first = submission();
    expect((await post(first)).status).toBe(201);
    expect((await post(submission())).status).toBe(201);
    const refused = await post(submission());
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'too_many_requests' } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(Math.abs(retryAfter - secondsUntilMidnightUtc())).toBeLessThanOrEqual(5);
    // An idempotent retry is not a new submission: it is not counted and not refused.
    expect((await post(first)).status).toBe(201);
  });

  it('refuses everyone once the global daily cap is reached', async () => {
    // Independent of the other tests: the cap is one more than what was filed today so far.
    const ticketsToday = async () => (await allTicketItems()).filter((item) => item.sk === 'TICKET').length;
    const before = await ticketsToday();
    await setEscalationSettings({ perClientDailyCap: 1000, globalDailyCap: before + 1 });
    expect((await post(submission())).status).toBe(201); // the last one the cap allows
    const refused = await post(submission());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(await ticketsToday()).toBe(before + 1);
  });

  it('keeps no client address in the counters', async () => {
    await setEscalationSettings({ perClientDailyCap: 1000, globalDailyCap: 1000 });
    expect((await post(submission())).status).toBe(201);
    const counters = (await allTicketItems()).filter((item) => String(item.pk).startsWith('RATE#'));
    expect(counters.length).toBeGreaterThan(0);
    expect(JSON.stringify(counters)).not.toContain('127.0.0.1');
  });

  it('seconds until midnight are between 1 and one day', () => {
    expect(secondsUntilMidnightUtc(new Date('2026-05-04T23:59:59.500Z'))).toBe(1);
    expect(secondsUntilMidnightUtc(new Date('2026-05-04T00:00:00Z'))).toBe(86_400);
  });
});
