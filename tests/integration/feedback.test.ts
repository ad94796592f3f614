import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { readFeedbackCounts } from '../../functions/lib/feedback/feedback.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

const vote = (body: unknown) => request(`${stack.url}/v1/feedback`, { body });

/** Asks the question of a published entry and returns the vote token that comes with the answer. */
async function voteTokenFor(question: string, entryId: string): Promise<string> {
  const response = await request(`${stack.url}/v1/ask`, { body: { question, locale: 'de' } });
  const answer = (response.body as { answer?: { entryId: string; voteToken?: string } }).answer;
  expect(answer?.entryId).toBe(entryId);
  return answer?.voteToken ?? '';
}

describe('POST /v1/feedback', () => {
  it('counts helpful and not helpful votes per published entry and answers 204', async () => {
    for (const helpful of [true, true, false]) {
      const voteToken = await voteTokenFor('Wie erreiche ich die Datenschutzbeauftragte?', 'contact-dpo');
      const response = await vote({ entryId: 'contact-dpo', helpful, voteToken });
      expect(response.status).toBe(204);
      expect(response.body).toBeUndefined();
    }
    const counts = await readFeedbackCounts();
    expect(counts).toContainEqual({ entryId: 'contact-dpo', helpful: 2, notHelpful: 1 });
  });

  it('stores nothing but the two counters (no IP, no text, no time)', async () => {
    const voteToken = await voteTokenFor('Muss ich mein Passwort ändern?', 'passwords');
    await vote({
      entryId: 'passwords',
      helpful: false,
      voteToken,
      comment: 'my name is Erika',
      email: 'e@example.org',
    });
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName('analytics'), Key: { pk: 'FEEDBACK', sk: 'passwords' } }),
    );
    expect(Item).toEqual({ pk: 'FEEDBACK', sk: 'passwords', notHelpful: 1 });
  });

  it('when votes are stuffed › counts one vote per answer shown, answers 202 for the rest', async () => {
    const question = 'Wie erreiche ich die Datenschutzbeauftragte?';
    const before = (await readFeedbackCounts()).find((count) => count.entryId === 'contact-dpo');
    const voteToken = await voteTokenFor(question, 'contact-dpo');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await vote({ entryId: 'contact-dpo', helpful: false, voteToken })).status);
    // Without a token, with a made-up one, with a token of another entry: not counted either.
    const other = await voteTokenFor('Muss ich mein Passwort ändern?', 'passwords');
    for (const token of [undefined, '1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', other])
      statuses.push((await vote({ entryId: 'contact-dpo', helpful: false, voteToken: token })).status);
    expect(statuses[0]).toBe(204);
    expect(statuses.slice(1)).toEqual(Array(42).fill(202));
    const after = (await readFeedbackCounts()).find((count) => count.entryId === 'contact-dpo');
    expect((after?.notHelpful ?? 0) - (before?.notHelpful ?? 0)).toBe(1);
  });

  it('refuses entries that are not published with 404', async () => {
    const response = await vote({ entryId: 'no-such-entry', helpful: true });
    expect(response.status).toBe(404);
    expect((await readFeedbackCounts()).map((count) => count.entryId)).not.toContain('no-such-entry');
  });

  it('refuses malformed votes with 400', async () => {
    for (const body of [
      { entryId: 'Contact DPO', helpful: true },
      { entryId: 'contact-dpo', helpful: 'yes' },
      { entryId: 'contact-dpo' },
      { helpful: true },
      { entryId: 'a'.repeat(65), helpful: true },
    ]) {
      expect((await vote(body)).status).toBe(400);
    }
    const raw = await request(`${stack.url}/v1/feedback`, {
      raw: '{"entryId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(raw.status).toBe(400);
  });
});
