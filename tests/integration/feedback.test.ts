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

describe('POST /v1/feedback', () => {
  it('counts helpful and not helpful votes per published entry and answers 204', async () => {
    for (const helpful of [true, true, false]) {
      const response = await vote({ entryId: 'contact-dpo', helpful });
      expect(response.status).toBe(204);
      expect(response.body).toBeUndefined();
    }
    const counts = await readFeedbackCounts();
    expect(counts).toContainEqual({ entryId: 'contact-dpo', helpful: 2, notHelpful: 1 });
  });

  it('stores nothing but the two counters (no IP, no text, no time)', async () => {
    await vote({ entryId: 'passwords', helpful: false, comment: 'my name is Erika', email: 'e@example.org' });
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName('analytics'), Key: { pk: 'FEEDBACK', sk: 'passwords' } }),
    );
    expect(Item).toEqual({ pk: 'FEEDBACK', sk: 'passwords', notHelpful: 1 });
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
