import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionDefinitions } from '../../functions/lib/definitions/routes.ts';
import { recordFeedback } from '../../functions/lib/feedback/feedback.ts';
import { issueVoteToken } from '../../functions/lib/feedback/vote-token.ts';
import { recordUnanswered } from '../../functions/lib/unanswered/report.ts';
import { runAs } from '../../functions/local/grants.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { request, startTestStack } from '../support/stack.ts';

// Planted mistakes: `feedback` lost its analytics grant, `ask` may only read analytics.
const plantedDefinitions = {
  ...functionDefinitions,
  feedback: { ...functionDefinitions.feedback, tables: { knowledge: 'read' } },
  ask: { ...functionDefinitions.ask, tables: { knowledge: 'read', analytics: 'read' } },
} as const;

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ functionDefinitions: plantedDefinitions });
});

afterAll(async () => {
  await stack?.close();
});

const awsMessage = (action: string, table: string) =>
  new RegExp(
    `^User: arn:aws:sts::\\d{12}:assumed-role/\\S+ is not authorized to perform: dynamodb:${action} ` +
      `on resource: arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/${table} because`,
  );

describe('local grants', () => {
  it('when a function without a grant for a table writes to it › AWS’s AccessDeniedException (400)', async () => {
    const write = runAs('feedback', () => recordFeedback({ entryId: 'contact-dpo', helpful: true }));
    await expect(write).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringMatching(awsMessage('UpdateItem', stack.database.tableNames.analytics)),
    });
  });

  it('when a function with read access writes › refused too (modes are enforced, not just tables)', async () => {
    const write = runAs('ask', () =>
      recordUnanswered('Wie geht es?', 'de', 'none', { retentionDays: 30, newPerBucketDaily: 10 }),
    );
    await expect(write).rejects.toMatchObject({
      name: 'AccessDeniedException',
      // The first write of an ask is the single-item count of a known question.
      message: expect.stringMatching(awsMessage('UpdateItem', stack.database.tableNames.analytics)),
    });
  });

  it('when a citizen votes through the API › the missing grant surfaces as on AWS: 500, no detail', async () => {
    const response = await request(`${stack.url}/v1/feedback`, {
      // A valid vote token, so the vote reaches the (missing) analytics grant.
      body: { entryId: 'contact-dpo', helpful: true, voteToken: await issueVoteToken('contact-dpo') },
    });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(JSON.stringify(response.body)).not.toMatch(/AccessDenied|arn:aws/);
  });

  it('when a function uses what it was granted › works (reading knowledge is allowed)', async () => {
    // The same request path checks the entry (knowledge: read) before it fails on analytics.
    const unknown = await request(`${stack.url}/v1/feedback`, {
      body: { entryId: 'no-such-entry', helpful: true },
    });
    expect(unknown.status).toBe(404);
    const health = await request(`${stack.url}/v1/health`);
    expect(health.status).toBe(200);
  });
});
