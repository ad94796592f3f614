// Forwarding under a flood: per-bucket caps, the invisible proof of work, the town-wide figure
// as an alarm (not a lock) and the DPO digest. Many source addresses are simulated by calling
// the real escalations handler with API Gateway events (the local server sees only 127.0.0.1).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../functions/lib/adapters/mail.ts';
import { metricNames } from '../../functions/lib/definitions/metrics.ts';
import { flushDigest } from '../../functions/lib/escalations/notifications.ts';
import { secondsUntilMidnightUtc } from '../../functions/lib/escalations/tickets.ts';
import { networkOf } from '../../functions/lib/http/client-bucket.ts';
import type { ApiHandler } from '../../functions/lib/http/handler.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  allTicketItems,
  setEscalationSettings,
  solvedChallenge,
  submission,
} from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let escalations: ApiHandler;

beforeAll(async () => {
  stack = await startTestStack();
  escalations = (await import('../../functions/escalations/handler.ts')).handler;
});

afterAll(async () => {
  await stack?.close();
});

/** POST /v1/escalations from a given source address, through the real handler. */
async function forwardFrom(sourceIp: string, body: Record<string, unknown>) {
  const response = await escalations({
    version: '2.0',
    routeKey: 'POST /v1/escalations',
    rawPath: '/v1/escalations',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      http: { method: 'POST', path: '/v1/escalations', protocol: 'HTTP/1.1', sourceIp, userAgent: 'test' },
      requestId: randomUUID(),
      routeKey: 'POST /v1/escalations',
    },
  } as never);
  return {
    status: response.statusCode,
    body: JSON.parse(String(response.body ?? '{}')),
    headers: response.headers,
  };
}

describe('client buckets', () => {
  it('puts an IPv4 /24 and an IPv6 /64 into one bucket each', () => {
    expect(networkOf('192.0.2.17')).toBe(networkOf('192.0.2.250'));
    expect(networkOf('192.0.2.17')).not.toBe(networkOf('192.0.3.17'));
    expect(networkOf('::ffff:192.0.2.9')).toBe(networkOf('192.0.2.17'));
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe(networkOf('2001:db8:1:2:ffff:1:2:3'));
    expect(networkOf('2001:db8:1:2::1')).not.toBe(networkOf('2001:db8:1:3::1'));
  });

  it('when one network is busy › challenges it, then refuses it at its cap with 429 until midnight UTC', async () => {
    await setEscalationSettings({
      perClientDailyCap: 3,
      challengeAfter: 1,
      globalDailyCap: 1000,
      digestMinutes: 0,
      challengeMaxNumber: 1000,
    });
    const ip = '198.51.100.7';
    const first = submission();
    expect((await forwardFrom(ip, first)).status).toBe(201);
    const challenged = await forwardFrom('198.51.100.99', submission()); // same /24
    expect(challenged.status).toBe(428);
    expect(challenged.body).toMatchObject({ error: { code: 'challenge_required' } });
    const altcha = await solvedChallenge(stack);
    expect((await forwardFrom(ip, { ...submission(), altcha })).status).toBe(201);
    // A solved challenge is spent: the same payload does not let a second submission in.
    expect((await forwardFrom(ip, { ...submission(), altcha })).status).toBe(428);
    expect((await forwardFrom(ip, { ...submission(), altcha: await solvedChallenge(stack) })).status).toBe(
      201,
    );
    const refused = await forwardFrom(ip, { ...submission(), altcha: await solvedChallenge(stack) });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers?.['retry-after']);
    expect(Math.abs(retryAfter - secondsUntilMidnightUtc())).toBeLessThanOrEqual(5);
    // An idempotent retry of an earlier submission is not counted and not refused.
    expect((await forwardFrom(ip, first)).status).toBe(201);
  }, 60_000);
});

// The flood is scaled down with the caps (the limits are settings): 30 addresses against a
// town-wide figure of 30 cross the same limits as 200 against 100 did, with 60 requests, not 400.
const floodAddresses = 30;
const townWideFigure = 30;

describe('a flood from many addresses', () => {
  it('when many addresses flood forwarding › a fresh citizen still forwards after one invisible challenge; the DPO gets a digest', async () => {
    await setEscalationSettings({
      perClientDailyCap: 5,
      challengeAfter: 2,
      globalDailyCap: townWideFigure,
      digestMinutes: 15,
      challengeMaxNumber: 1000,
    });
    const outboxBefore = (await readOutbox(stack.spoolDir)).length;
    const ticketsBefore = (await allTicketItems()).filter((item) => item.sk === 'TICKET').length;
    const statuses: Record<number, number> = {};
    // Each address forwards until it is challenged; the attacker never solves a challenge.
    for (let n = 0; n < floodAddresses; n++) {
      const ip = `10.${Math.floor(n / 100)}.${n % 100}.${1 + (n % 7)}`;
      for (let attempt = 0; attempt < 2; attempt++) {
        const { status } = await forwardFrom(ip, submission());
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
    expect(statuses[500]).toBeUndefined();
    expect(statuses[429]).toBeUndefined(); // nobody is locked out, not even the flooders
    // Until the town-wide figure (minus the earlier test's tickets) is reached, then challenged.
    expect(statuses[201]).toBeGreaterThanOrEqual(townWideFigure - 10);
    expect(statuses[201]).toBeLessThanOrEqual(townWideFigure);
    expect(statuses[428]).toBe(2 * floodAddresses - (statuses[201] ?? 0));
    expect(statuses[428]).toBeGreaterThan(0);

    // A fresh citizen from a new network: one challenge (the town is busy), solved, forwarded.
    const logs = captureLogs();
    const citizen = submission({ question: 'Sind meine Daten betroffen?' });
    let tries = 0;
    let response = await forwardFrom('203.0.113.5', citizen);
    tries++;
    if (response.status === 428) {
      response = await forwardFrom('203.0.113.5', { ...citizen, altcha: await solvedChallenge(stack) });
      tries++;
    }
    logs.stop();
    expect(response.status).toBe(201);
    expect(tries).toBeLessThanOrEqual(2);
    // Above the daily figure: the alarm metric, not a lock.
    expect(logs.lines.some((line) => line.includes(metricNames.forwardingAboveDailyFigure))).toBe(true);

    await stack.streams.drain();
    const ticketsAfter = (await allTicketItems()).filter((item) => item.sk === 'TICKET').length;
    const filed = ticketsAfter - ticketsBefore;
    const mails = (await readOutbox(stack.spoolDir)).slice(outboxBefore);
    expect(mails.filter((mail) => mail.file.includes('dpo-notice'))).toEqual([]);
    const digests = mails.filter((mail) => mail.file.includes('dpo-digest'));
    expect(digests.length).toBeLessThanOrEqual(1);
    // The next digest (after the interval) carries the count of everything not yet announced.
    const sent = await flushDigest(
      { mailer: createOutboxMailer(`${stack.spoolDir}/outbox`), inboxUrl: `${stack.url}/inbox` },
      new Date(Date.now() + 16 * 60_000),
    );
    expect(sent + digests.length).toBeGreaterThan(0);
    expect(sent).toBe(filed - (digests.length ? 1 : 0));
    const last = (await readOutbox(stack.spoolDir)).filter((mail) => mail.file.includes('dpo-digest')).at(-1);
    expect(last?.text).toContain(`${sent} neue Fragen`);
    expect(last?.text).not.toContain('Sind meine Daten');
  }, 240_000);

  it('keeps no client address in the counters', async () => {
    await setEscalationSettings({ perClientDailyCap: 1000, challengeAfter: 1000, globalDailyCap: 100_000 });
    expect((await forwardFrom('10.0.1.2', submission())).status).toBe(201);
    const counters = (await allTicketItems()).filter((item) => String(item.pk).startsWith('RATE#'));
    expect(counters.length).toBeGreaterThan(0);
    const dump = JSON.stringify(counters);
    for (const address of ['127.0.0.1', '10.0.1.2', '10.0.1', '203.0.113', '198.51.100'])
      expect(dump).not.toContain(address);
  });

  it('seconds until midnight are between 1 and one day', () => {
    expect(secondsUntilMidnightUtc(new Date('2026-05-04T23:59:59.500Z'))).toBe(1);
    expect(secondsUntilMidnightUtc(new Date('2026-05-04T00:00:00Z'))).toBe(86_400);
  });
});

describe('the proof of work', () => {
  it('GET /v1/challenge › serves an ALTCHA challenge without cookies', async () => {
    const response = await request(`${stack.url}/v1/challenge`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ algorithm: 'SHA-256' });
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
