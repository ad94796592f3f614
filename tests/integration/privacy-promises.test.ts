// The promises the privacy notice makes, each against the running local stack: erasure leaves
// no trace in any table, a dump of the tables holds no usable secret, answers go only to
// confirmed addresses, and answered tickets expire even when nobody closes them.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/lib/adapters/dynamodb.ts';
import type { TableName } from '../../functions/lib/definitions/tables.ts';
import { autoCloseAnswered } from '../../functions/lib/escalations/ticket-age.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { confirmAddress, setEscalationSettings, staffHeaders, submit } from '../support/escalations.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ streamBackoffMs: 5 });
  await setEscalationSettings({ perClientDailyCap: 10_000 });
});

afterAll(async () => {
  await stack?.close();
});

/** Every item of every table (tests only: full scans). */
async function dumpAll(): Promise<string> {
  const items: unknown[] = [];
  for (const name of Object.keys(stack.database.tableNames) as TableName[]) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new ScanCommand({ TableName: stack.database.tableNames[name], ExclusiveStartKey: startKey }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return JSON.stringify(items);
}

const ticketUrl = (id: string) => `${stack.url}/v1/escalations/${id}`;

async function answer(ticketId: string, text: string) {
  const dpo = await staffHeaders(stack, 'bettina', ['dpo']);
  expect(
    (await request(`${stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers: dpo })).status,
  ).toBe(200);
  expect(
    (await request(`${stack.url}/v1/inbox/${ticketId}/answer`, { body: { text }, headers: dpo })).status,
  ).toBe(200);
  return dpo;
}

describe('erasure means erasure', () => {
  it('when the citizen erases a promoted ticket › the draft and the unanswered copy go too, no trace in any table', async () => {
    const question =
      'Frau Gerlinde Quastenberg aus der Lindenallee fragt: ist meine Steuerakte Xylophonbrief betroffen?';
    // The citizen asked the assistant first (unanswered -> stored anonymised), then forwarded.
    expect((await request(`${stack.url}/v1/ask`, { body: { question, locale: 'de' } })).status).toBe(200);
    expect(await dumpAll()).toContain('Xylophonbrief');
    const ticket = await submit(stack, { question, locale: 'de' });
    const dpo = await answer(ticket.ticketId, 'Nein, die Steuerakten waren nicht betroffen.');
    const promoted = await request(`${stack.url}/v1/inbox/${ticket.ticketId}/promote`, {
      method: 'POST',
      headers: dpo,
    });
    expect(promoted.status).toBe(201);
    const erased = await request(ticketUrl(ticket.ticketId), {
      method: 'DELETE',
      headers: { 'x-ticket-secret': ticket.secret },
    });
    expect(erased.status).toBe(204);
    await stack.streams.drain();
    const dump = await dumpAll();
    for (const trace of ['Xylophonbrief', 'Quastenberg', ticket.ticketId]) expect(dump).not.toContain(trace);
  });

  it('keeps a draft an editor has rewritten', async () => {
    const ticket = await submit(stack, { question: 'Wird die Zwiebelturmsteuer erstattet?', locale: 'de' });
    const dpo = await answer(ticket.ticketId, 'Nein.');
    const promoted = await request(`${stack.url}/v1/inbox/${ticket.ticketId}/promote`, {
      method: 'POST',
      headers: dpo,
    });
    const { id, version, draft } = promoted.body as {
      id: string;
      version: number;
      draft: { entry: Record<string, unknown> };
    };
    const editor = await staffHeaders(stack, 'erika', ['editor']);
    const entry = draft.entry as { de: { question: string }; en: { question: string } };
    // Both languages: the placeholder of the other one still quoted the citizen.
    const rewritten = {
      ...entry,
      de: { ...entry.de, question: 'Werden Gebühren erstattet?' },
      en: { ...entry.en, question: 'Are fees refunded?' },
    };
    const saved = await request(`${stack.url}/v1/knowledge/entries/${id}`, {
      method: 'PUT',
      body: { entry: rewritten, version },
      headers: editor,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await request(ticketUrl(ticket.ticketId), {
      method: 'DELETE',
      headers: { 'x-ticket-secret': ticket.secret },
    });
    expect((await request(`${stack.url}/v1/knowledge/entries/${id}`, { headers: editor })).status).toBe(200);
  });
});

describe('no secret at rest', () => {
  it('when the tables leak › the dump holds no access code, and the hash in it opens nothing', async () => {
    const ticket = await submit(stack, { question: 'Leck-Test' });
    const dump = await dumpAll();
    const compact = ticket.secret.replace(/-/g, '');
    expect(dump).not.toContain(ticket.secret);
    expect(dump).not.toContain(compact);
    const stored = /"secretHash":"([0-9a-f]{64})"/.exec(
      dump.slice(dump.indexOf(ticket.ticketId) - 2000),
    )?.[1];
    expect(stored).toBeDefined();
    const withHash = await request(ticketUrl(ticket.ticketId), {
      headers: { 'x-ticket-secret': String(stored) },
    });
    expect(withHash.status).toBe(404);
    // The code itself works in any case, with or without separators.
    for (const typed of [ticket.secret, compact.toLowerCase(), ticket.secret.replace(/-/g, ' ')])
      expect(
        (await request(ticketUrl(ticket.ticketId), { headers: { 'x-ticket-secret': typed } })).status,
      ).toBe(200);
  });
});

describe('confirmed addresses only', () => {
  it('when the address is not confirmed › the answer is not mailed, only shown in the widget', async () => {
    const email = 'dritte.person@example.org';
    const ticket = await submit(stack, { email, question: 'Wer hat meine Daten?' });
    await stack.streams.drain();
    const mails = await readOutbox(stack.spoolDir);
    const confirm = mails.find((mail) => mail.file.includes(`${ticket.ticketId}-confirm`));
    expect(confirm?.headers.to).toBe(email);
    expect(confirm?.text).toContain(`/v1/escalations/${ticket.ticketId}/confirm?code=`);
    // Opening the link (a mail scanner would) confirms nothing: it only shows a button.
    const link = /https?:\/\/\S+\/confirm\?\S+/.exec(confirm?.text ?? '')?.[0] ?? '';
    expect((await fetch(link)).status).toBe(200);
    await answer(ticket.ticketId, 'Niemand.');
    await stack.streams.drain();
    const after = await readOutbox(stack.spoolDir);
    expect(after.filter((mail) => mail.file.includes(`${ticket.ticketId}-answer`))).toEqual([]);
    const view = await request(ticketUrl(ticket.ticketId), { headers: { 'x-ticket-secret': ticket.secret } });
    expect(view.body).toMatchObject({
      status: 'answered',
      emailConfirmation: 'pending',
      answer: { text: 'Niemand.' },
    });
  });

  it('refuses a wrong confirmation code with the same 404 page', async () => {
    const ticket = await submit(stack, { email: 'x@example.org' });
    const response = await fetch(`${ticketUrl(ticket.ticketId)}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=wrong',
    });
    expect(response.status).toBe(404);
  });

  it('mails the answer once the citizen confirmed', async () => {
    const ticket = await submit(stack, { email: 'buerger@example.org' });
    await stack.streams.drain();
    expect((await confirmAddress(stack, ticket.ticketId)).status).toBe(200);
    await answer(ticket.ticketId, 'Hier ist die Antwort.');
    await stack.streams.drain();
    const mail = (await readOutbox(stack.spoolDir)).find((item) =>
      item.file.includes(`${ticket.ticketId}-answer`),
    );
    expect(mail?.headers.to).toBe('buerger@example.org');
  });
});

describe('everything personal expires', () => {
  it('when nobody closes an answered ticket › the schedule closes it and the audit trail says so', async () => {
    const ticket = await submit(stack);
    const dpo = await answer(ticket.ticketId, 'Beantwortet.');
    const answered = await request(`${stack.url}/v1/inbox/${ticket.ticketId}`, { headers: dpo });
    // A backstop expiry from the moment of the answer.
    expect((answered.body as { expiresAt?: string }).expiresAt).toBeDefined();
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await autoCloseAnswered({ autoCloseDays: 14, retentionDays: 90 }, later)).toBeGreaterThanOrEqual(
      1,
    );
    const closed = await request(`${stack.url}/v1/inbox/${ticket.ticketId}`, { headers: dpo });
    const body = closed.body as {
      status: string;
      expiresAt: string;
      audit: { actor: string; action: string }[];
    };
    expect(body.status).toBe('closed');
    expect(body.audit.at(-1)).toMatchObject({ actor: 'system', action: 'auto-closed' });
    expect(Date.parse(body.expiresAt) - later.getTime()).toBeLessThanOrEqual(90 * 86_400_000 + 1000);
  });
});
