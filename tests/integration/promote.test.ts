import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { staffHeaders, submit } from '../support/escalations.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('DPO answer -> draft entry', () => {
  it('promotes an answered ticket into a draft without personal data; editors cannot promote', async () => {
    const dpo = await staffHeaders(stack, 'bettina', ['dpo']);
    const editor = await staffHeaders(stack, 'erika', ['editor']);
    const ticket = await submit(stack, {
      question: 'Mein Name ist Jana Beispiel, bekomme ich eine Entschädigung für den Aufwand?',
      email: 'jana.beispiel@example.org',
      locale: 'de',
    });
    const url = `${stack.url}/v1/inbox/${ticket.ticketId}`;
    const early = await request(`${url}/promote`, { method: 'POST', headers: dpo });
    expect(early.status, JSON.stringify(early.body)).toBe(409);

    expect((await request(`${url}/claim`, { method: 'POST', headers: dpo })).status).toBe(200);
    const answered = await request(`${url}/answer`, {
      body: { text: 'Eine **Entschädigung** ist nicht vorgesehen, da kein Schaden nachgewiesen ist.' },
      headers: dpo,
    });
    expect(answered.status).toBe(200);

    expect((await request(`${url}/promote`, { method: 'POST', headers: editor })).status).toBe(403);
    expect((await request(`${url}/promote`, { method: 'POST' })).status).toBe(401);

    const promoted = await request(`${url}/promote`, { method: 'POST', headers: dpo });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(201);
    const view = promoted.body as {
      id: string;
      draft: {
        state: string;
        authors: string[];
        entry: {
          kind: string;
          de: { question: string; answer: string };
          en: { question: string; answer: string };
        };
      };
    };
    expect(view.draft.state).toBe('draft');
    expect(view.draft.authors).toEqual(['bettina']);
    expect(view.draft.entry.kind).toBe('faq');
    expect(view.draft.entry.de.question).toContain('Entschädigung');
    expect(view.draft.entry.de.answer).toContain('nicht vorgesehen');
    expect(view.draft.entry.en.question).toContain('[Translation missing]');
    const all = JSON.stringify(view);
    for (const secret of ['Jana', 'Beispiel', 'jana.beispiel', 'example.org', ticket.ticketId])
      expect(all).not.toContain(secret);

    // The editors see it, and the DPO cannot approve their own draft (the author rule holds).
    const read = await request(`${stack.url}/v1/knowledge/entries/${view.id}`, { headers: editor });
    expect(read.status).toBe(200);
  });

  it('404 for unknown tickets', async () => {
    const dpo = await staffHeaders(stack, 'bettina', ['dpo']);
    const response = await request(`${stack.url}/v1/inbox/ABCDEFGH/promote`, {
      method: 'POST',
      headers: dpo,
    });
    expect(response.status).toBe(404);
  });
});
