import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardCountFailedMessage } from '../../functions/lib/definitions/metrics.ts';
import { functionDefinitions } from '../../functions/lib/definitions/routes.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { setEscalationSettings, staffHeaders, submit } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { request, startTestStack } from '../support/stack.ts';

// Planted fault: no function may write the analytics table, so every dashboard count fails
// (AccessDeniedException from the local grants, as on AWS).
const withoutAnalyticsWrites = {
  ...functionDefinitions,
  ask: { ...functionDefinitions.ask, tables: { knowledge: 'read', analytics: 'read' } },
  escalations: { ...functionDefinitions.escalations, tables: { tickets: 'readWrite', knowledge: 'read' } },
  inbox: { ...functionDefinitions.inbox, tables: { tickets: 'readWrite', knowledge: 'read' } },
} as const;

const logs = captureLogs();
let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ functionDefinitions: withoutAnalyticsWrites });
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

describe('when the dashboard counters cannot be written', () => {
  it('a citizen still gets the answer, files a ticket, and the DPO still answers it', async () => {
    const question = 'Wurden Daten gestohlen?';
    const asked = await request(`${stack.url}/v1/ask`, { body: { question } });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'answer', answer: { entryId: 'data-leaked' } });

    const { ticketId } = await submit(stack);
    const dpo = await staffHeaders(stack, 'anna', ['dpo']);
    const base = `${stack.url}/v1/inbox/${ticketId}`;
    expect((await request(`${base}/claim`, { method: 'POST', headers: dpo })).status).toBe(200);
    const answered = await request(`${base}/answer`, { headers: dpo, body: { text: 'Die Antwort.' } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered' });

    // Each lost count is logged (error name only), never the question; on AWS a metric filter
    // counts these lines as DashboardCountFailed (tests/cdk/stack.test.ts).
    const warnings = logs.lines.filter((line) => line.includes(`"message":"${dashboardCountFailedMessage}"`));
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    expect(warnings.every((line) => line.includes('AccessDeniedException'))).toBe(true);
    expect(logs.leaks([question])).toEqual([]);
  });
});
