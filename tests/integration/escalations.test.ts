import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { listUnanswered } from '../../functions/lib/unanswered/report.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  allTicketItems,
  confirmAddress,
  injectThrottling,
  type Submitted,
  setEscalationSettings,
  staffHeaders,
  submission,
} from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { decodeHeader, readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

const logs = captureLogs();
let stack: LocalStack;
/** Every question, address, secret and token used here: none may appear in a log line. */
const sensitive = new Set<string>();

function remember(...values: (string | undefined)[]): void {
  for (const value of values) if (value) sensitive.add(value);
}

async function submitRemembered(
  overrides: Record<string, unknown> = {},
): Promise<Submitted & { body: Record<string, unknown> }> {
  const body = submission(overrides);
  remember(String(body.question), body.email as string | undefined);
  const response = await request(`${stack.url}/v1/escalations`, { body });
  expect(response.status).toBe(201);
  const result = response.body as Submitted;
  remember(result.secret);
  return { ...result, body };
}

async function dpo(sub = 'anna'): Promise<Record<string, string>> {
  const headers = await staffHeaders(stack, sub);
  remember(headers.authorization?.slice('Bearer '.length));
  return headers;
}

const ticketUrl = (id: string) => `${stack.url}/v1/escalations/${id}`;

beforeAll(async () => {
  stack = await startTestStack({ streamBackoffMs: 10 });
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

describe('POST /v1/escalations', () => {
  it('files a question: 201 with a readable reference, a secret and status open', async () => {
    const { ticketId, secret, status, body } = await submitRemembered({ email: 'erika@example.org' });
    expect(ticketId).toMatch(/^STR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // The access code: Crockford base32, 100 bits, groups of four.
    expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(status).toBe('open');
    const read = await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': secret } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      ticketId,
      status: 'open',
      question: body.question,
      locale: 'de',
      emailConfirmation: 'pending',
    });
    expect(read.body).not.toHaveProperty('answer');
    expect(JSON.stringify(read.body)).not.toContain('erika@example.org');
  });

  it.each([
    ['consent missing', { consent: undefined }],
    ['consent false', { consent: false }],
    ['invalid e-mail', { email: 'not-an-address' }],
    ['e-mail with a line break', { email: 'a@example.org\r\nBcc: b@example.org' }],
    ['empty question', { question: '   ' }],
    ['question too long', { question: 'x'.repeat(2001) }],
    ['client token not a UUID', { clientToken: 'abc' }],
    ['a locale that is no language tag', { locale: 'Deutsch!' }],
  ])('refuses %s with 400', async (_, overrides) => {
    const response = await request(`${stack.url}/v1/escalations`, { body: submission(overrides) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses a locale the settings do not configure with 400 unknown_locale', async () => {
    const response = await request(`${stack.url}/v1/escalations`, { body: submission({ locale: 'fr' }) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'unknown_locale' } });
  });

  it('refuses bodies that are not JSON (400) or not sent as JSON (415)', async () => {
    expect(
      (
        await request(`${stack.url}/v1/escalations`, {
          raw: '{',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(`${stack.url}/v1/escalations`, {
          raw: 'question=x',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
  });

  it('accepts a question of exactly 2000 characters without an address', async () => {
    const { ticketId } = await submitRemembered({ question: `Q${'ä'.repeat(1999)}` });
    expect(ticketId).toMatch(/^STR-/);
  });

  it('returns the same ticket for the same client token and body', async () => {
    const first = await submitRemembered();
    const again = await request(`${stack.url}/v1/escalations`, { body: first.body });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({
      ticketId: first.ticketId,
      secret: first.secret,
      status: 'open',
      emailConfirmation: 'none',
    });
  });

  it('returns one ticket to all of 10 parallel requests with the same client token', async () => {
    const body = submission({ email: 'race@example.org' });
    remember(String(body.question), 'race@example.org');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => request(`${stack.url}/v1/escalations`, { body })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const ids = new Set(responses.map((response) => (response.body as Submitted).ticketId));
    const secrets = new Set(responses.map((response) => (response.body as Submitted).secret));
    remember(...secrets);
    expect(ids.size).toBe(1);
    expect(secrets.size).toBe(1);
    const tickets = (await allTicketItems()).filter((item) => item.clientToken === body.clientToken);
    expect(tickets).toHaveLength(1);
    await stack.streams.drain();
    const [ticketId] = ids;
    const notices = (await readOutbox(stack.spoolDir)).filter((mail) =>
      mail.file.includes(`${ticketId}-dpo-notice`),
    );
    expect(notices).toHaveLength(1);
  });

  it('refuses the same client token with a different body (409)', async () => {
    const first = await submitRemembered();
    const response = await request(`${stack.url}/v1/escalations`, {
      body: { ...first.body, question: 'Eine ganz andere Frage' },
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: 'idempotency_conflict' } });
  });

  it('answers a throttled ticket write with 503 + Retry-After; the retry completes without a duplicate', async () => {
    const body = submission({ email: 'throttle@example.org' });
    remember(String(body.question), 'throttle@example.org');
    const restore = injectThrottling(
      1,
      (command, input) =>
        command === 'PutItemCommand' && (input.Item as { sk?: string } | undefined)?.sk === 'TICKET',
    );
    try {
      const throttled = await request(`${stack.url}/v1/escalations`, { body });
      expect(throttled.status).toBe(503);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(throttled.body).toMatchObject({ error: { code: 'service_unavailable' } });
    } finally {
      restore();
    }
    const retried = await request(`${stack.url}/v1/escalations`, { body });
    expect(retried.status).toBe(201);
    const { ticketId, secret } = retried.body as Submitted;
    remember(secret);
    const again = await request(`${stack.url}/v1/escalations`, { body });
    expect(again.body).toEqual(retried.body);
    expect((await allTicketItems()).filter((item) => item.clientToken === body.clientToken)).toHaveLength(1);
    expect((await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': secret } })).status).toBe(200);
    await stack.streams.drain();
    const notices = (await readOutbox(stack.spoolDir)).filter((mail) =>
      mail.file.includes(`${ticketId}-dpo-notice`),
    );
    expect(notices).toHaveLength(1);
  });

  it('answers throttling of the very first read with 503 too, and the retry succeeds', async () => {
    const body = submission();
    remember(String(body.question));
    const restore = injectThrottling(1);
    try {
      const throttled = await request(`${stack.url}/v1/escalations`, { body });
      expect(throttled.status).toBe(503);
      expect(throttled.headers.get('retry-after')).toBeTruthy();
    } finally {
      restore();
    }
    const retried = await request(`${stack.url}/v1/escalations`, { body });
    expect(retried.status).toBe(201);
    remember((retried.body as Submitted).secret);
    expect((await allTicketItems()).filter((item) => item.clientToken === body.clientToken)).toHaveLength(1);
  });

  it('treats an idempotency record past its 24 hours as gone, even before DynamoDB deleted it', async () => {
    const body = submission();
    remember(String(body.question));
    await documentClient().send(
      new PutCommand({
        TableName: tableName('tickets'),
        Item: {
          pk: `TOKEN#${body.clientToken}`,
          sk: 'TOKEN',
          ticketId: 'STR-2222-2223',
          bodyHash: 'stale',
          secret: 'stale-secret',
          createdAt: '2020-01-01T00:00:00.000Z',
          expiresAt: Math.floor(Date.now() / 1000) - 10,
        },
      }),
    );
    const response = await request(`${stack.url}/v1/escalations`, { body });
    expect(response.status).toBe(201);
    remember((response.body as Submitted).secret);
    expect((response.body as Submitted).ticketId).not.toBe('STR-2222-2223');
  });

  it('answers a filled honeypot with 429 + Retry-After and stores nothing', async () => {
    const body = submission({ website: 'https://spam.example' });
    remember(String(body.question));
    const response = await request(`${stack.url}/v1/escalations`, { body });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const items = await allTicketItems();
    expect(
      items.filter(
        (item) => item.clientToken === body.clientToken || item.pk === `TOKEN#${body.clientToken}`,
      ),
    ).toEqual([]);
  });
});

describe('GET and DELETE /v1/escalations/{ticketId}', () => {
  it('answers a wrong secret, a missing secret and an unknown ticket with the same 404', async () => {
    const { ticketId, secret } = await submitRemembered();
    const altered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const wrong = await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': altered } });
    const missing = await request(ticketUrl(ticketId));
    const unknown = await request(ticketUrl('STR-2222-2222'), { headers: { 'x-ticket-secret': secret } });
    const malformed = await request(ticketUrl('nonsense'), { headers: { 'x-ticket-secret': secret } });
    for (const response of [wrong, missing, unknown, malformed]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual(wrong.body);
    }
    const erase = await request(ticketUrl(ticketId), {
      method: 'DELETE',
      headers: { 'x-ticket-secret': 'guess' },
    });
    expect(erase.status).toBe(404);
    expect((await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': secret } })).status).toBe(200);
  });

  it('accepts the reference as a person would type it (lower case, no hyphens)', async () => {
    const { ticketId, secret } = await submitRemembered();
    const typed = ticketId.toLowerCase().replace(/-/g, '');
    const response = await request(ticketUrl(typed), { headers: { 'x-ticket-secret': secret } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ticketId });
  });
});

describe('the whole flow: notice, answer, answer mail, erasure', () => {
  it('erases the report copy of a message that was answered in part, when its forwarded ticket is erased', async () => {
    const question = 'Was wurde gestohlen, und werden die Täter strafrechtlich verfolgt?';
    const asked = await request(`${stack.url}/v1/ask`, { body: { question } });
    expect(asked.body).toMatchObject({
      status: 'answer',
      leftOut: 'werden die Täter strafrechtlich verfolgt?',
    });
    const reported = async () => (await listUnanswered()).filter((item) => item.text === question);
    expect(await reported()).toMatchObject([{ status: 'answer' }]);
    const { ticketId, secret } = await submitRemembered({ question });
    const erased = await request(ticketUrl(ticketId), {
      method: 'DELETE',
      headers: { 'x-ticket-secret': secret },
    });
    expect(erased.status).toBe(204);
    expect(await reported()).toEqual([]);
  });

  it('notifies the DPO without personal data, mails the answer and erases everything', async () => {
    const email = `citizen-${randomUUID().slice(0, 8)}@example.org`;
    const { ticketId, secret, body } = await submitRemembered({
      email,
      question: 'Sind meine Daten im Darknet gelandet?',
    });
    await stack.streams.drain();

    const notice = (await readOutbox(stack.spoolDir)).find((mail) =>
      mail.file.includes(`${ticketId}-dpo-notice`),
    );
    expect(notice).toBeDefined();
    expect(notice?.headers.to).toBe('datenschutz@ego-mv.de');
    expect(notice?.headers.from).toBe('no-reply@strasburg.de');
    expect(decodeHeader(notice?.headers.subject)).toContain(ticketId);
    expect(notice?.text).toContain(`${stack.url}/inbox?ticket=${ticketId}`);
    expect(notice?.raw).not.toContain(email);
    expect(notice?.text).not.toContain(email);
    expect(notice?.text).not.toContain(String(body.question));
    expect(notice?.text).not.toContain('Darknet');

    const confirmed = await confirmAddress(stack, ticketId);
    expect(confirmed.status).toBe(200);
    const headers = await dpo('anna');
    expect(
      (await request(`${stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers })).status,
    ).toBe(200);
    const answerText = 'Nach unserem Kenntnisstand nicht. Bitte achten Sie dennoch auf Phishing.';
    const answered = await request(`${stack.url}/v1/inbox/${ticketId}/answer`, {
      body: { text: answerText },
      headers,
    });
    expect(answered.status).toBe(200);
    await stack.streams.drain();

    const read = await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': secret } });
    expect(read.body).toMatchObject({ status: 'answered', answer: { text: answerText } });

    const answerMail = (await readOutbox(stack.spoolDir)).find((mail) =>
      mail.file.includes(`${ticketId}-answer`),
    );
    expect(answerMail?.headers.to).toBe(email);
    expect(decodeHeader(answerMail?.headers.subject)).toBe(`Antwort auf Ihre Frage (${ticketId})`);
    expect(answerMail?.text).toContain(answerText);
    expect(answerMail?.text).toContain('Zugangscode');
    expect(answerMail?.raw).not.toContain(secret);

    const erased = await request(ticketUrl(ticketId), {
      method: 'DELETE',
      headers: { 'x-ticket-secret': secret },
    });
    expect(erased.status).toBe(204);
    await stack.streams.drain();
    expect((await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': secret } })).status).toBe(404);
    expect((await request(`${stack.url}/v1/inbox/${ticketId}`, { headers })).status).toBe(404);
    const leftovers = (await allTicketItems()).filter((item) => {
      const text = JSON.stringify(item);
      return text.includes(ticketId) || text.includes(String(body.clientToken)) || text.includes(email);
    });
    expect(leftovers).toEqual([]);
    // Erasing twice is a 404, not an error.
    expect(
      (await request(ticketUrl(ticketId), { method: 'DELETE', headers: { 'x-ticket-secret': secret } }))
        .status,
    ).toBe(404);
  });

  it('answers in English when the question was asked in English; no mail without an address', async () => {
    const english = () => `Was my account affected by the attack? ${randomUUID()}`;
    const withMail = await submitRemembered({
      question: english(),
      email: 'english@example.org',
      locale: 'en',
    });
    const withoutMail = await submitRemembered({ question: english(), locale: 'en' });
    await stack.streams.drain();
    expect((await confirmAddress(stack, withMail.ticketId)).status).toBe(200);
    const headers = await dpo('ben');
    for (const { ticketId } of [withMail, withoutMail]) {
      await request(`${stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers });
      await request(`${stack.url}/v1/inbox/${ticketId}/answer`, {
        body: { text: 'No, it was not.' },
        headers,
      });
    }
    await stack.streams.drain();
    const outbox = await readOutbox(stack.spoolDir);
    const mail = outbox.find((item) => item.file.includes(`${withMail.ticketId}-answer`));
    expect(decodeHeader(mail?.headers.subject)).toBe(`Answer to your question (${withMail.ticketId})`);
    expect(mail?.text).toContain('No, it was not.');
    expect(outbox.filter((item) => item.file.includes(`${withoutMail.ticketId}-answer`))).toEqual([]);
  });

  it('gives closed tickets an expiry after the retention period, and reads ignore expired tickets', async () => {
    const { ticketId, secret } = await submitRemembered();
    const headers = await dpo('anna');
    await request(`${stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers });
    const closed = await request(`${stack.url}/v1/inbox/${ticketId}/close`, {
      headers,
      body: { reason: 'duplicate' },
    });
    expect(closed.status).toBe(200);
    const expiresAt = Date.parse((closed.body as { expiresAt: string }).expiresAt);
    expect(expiresAt - Date.now()).toBeGreaterThan(89 * 24 * 3600 * 1000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(90 * 24 * 3600 * 1000);

    // DynamoDB deletes expired items lazily (up to days later): until then reads must not see them.
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName('tickets'),
        Key: { pk: `TICKET#${ticketId}`, sk: 'TICKET' },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    expect((await request(ticketUrl(ticketId), { headers: { 'x-ticket-secret': secret } })).status).toBe(404);
    expect((await request(`${stack.url}/v1/inbox/${ticketId}`, { headers })).status).toBe(404);
    const list = await request(`${stack.url}/v1/inbox?status=closed&limit=100`, { headers });
    expect(JSON.stringify(list.body)).not.toContain(ticketId);
  });
});

describe('logs', () => {
  it('contain no question text, e-mail address, secret or token', async () => {
    await stack.streams.drain();
    expect(logs.lines.some((line) => line.includes('ticket submitted'))).toBe(true);
    expect(logs.lines.some((line) => line.includes('notification sent'))).toBe(true);
    expect(sensitive.size).toBeGreaterThan(20);
    expect(logs.leaks(sensitive)).toEqual([]);
    expect(logs.lines.filter((line) => /[\w.+-]+@[\w-]+\.[\w.]+/.test(line))).toEqual([]);
  });
});
