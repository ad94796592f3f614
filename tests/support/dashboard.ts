import { expect } from 'vitest';
import { issueVoteToken } from '../../functions/lib/feedback/vote-token.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { setEscalationSettings, staffHeaders, submit } from './escalations.ts';
import { request } from './stack.ts';

/**
 * A seeded burst of traffic for the dashboard tests: asks of each outcome, feedback votes,
 * tickets filed and answered, all through the real handlers of the local server. The figures
 * are distinct on purpose, so a mixed-up column cannot pass by coincidence.
 */
export const seededAsks = [
  { question: 'Wurden Daten gestohlen?', status: 'answer', entryId: 'data-leaked', times: 3 },
  { question: 'Was ist passiert?', status: 'answer', entryId: 'what-happened', times: 2 },
  { question: 'Und der Angriff?', status: 'suggest', times: 4 },
  { question: 'Wie hoch ist die Hundesteuer?', status: 'none', times: 1 },
] as const;

export const seededVotes = [
  { entryId: 'data-leaked', helpful: true, times: 2 },
  { entryId: 'data-leaked', helpful: false, times: 1 },
  { entryId: 'what-happened', helpful: false, times: 1 },
] as const;

/** Tickets filed, of which the first `answered` get an answer (at once, so within 15 minutes). */
export const seededTickets = { created: 3, answered: 2 } as const;

/** What the dashboard must show for the seeded burst (on a fresh stack). */
export const expectedFigures = {
  answer: 5,
  suggest: 4,
  none: 1,
  asks: 10,
  unanswered: 5,
  ticketsCreated: 3,
  ticketsAnswered: 2,
  helpful: 2,
  notHelpful: 2,
  openTickets: 1,
  entries: [
    { entryId: 'data-leaked', answers: 3, helpful: 2, notHelpful: 1 },
    { entryId: 'what-happened', answers: 2, helpful: 0, notHelpful: 1 },
  ],
} as const;

export async function seedDashboardTraffic(stack: LocalStack): Promise<void> {
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
  for (const { question, status, times } of seededAsks) {
    for (let index = 0; index < times; index++) {
      const response = await request(`${stack.url}/v1/ask`, { body: { question, locale: 'de' } });
      expect(response.status).toBe(200);
      // The seed is only meaningful while the knowledge base answers these as planned.
      expect((response.body as { status: string }).status, question).toBe(status);
    }
  }
  for (const { entryId, helpful, times } of seededVotes) {
    for (let index = 0; index < times; index++) {
      const response = await request(`${stack.url}/v1/feedback`, {
        // Each vote with its answer's single-use token (the stack runs in this process).
        body: { entryId, helpful, voteToken: await issueVoteToken(entryId) },
      });
      expect(response.status).toBe(204);
    }
  }
  const dpo = await staffHeaders(stack, 'anna', ['dpo']);
  const tickets = [];
  for (let index = 0; index < seededTickets.created; index++) tickets.push(await submit(stack));
  for (const ticket of tickets.slice(0, seededTickets.answered)) {
    const base = `${stack.url}/v1/inbox/${ticket.ticketId}`;
    expect((await request(`${base}/claim`, { method: 'POST', headers: dpo })).status).toBe(200);
    const answered = await request(`${base}/answer`, { headers: dpo, body: { text: 'Die Antwort.' } });
    expect(answered.status).toBe(200);
  }
}
