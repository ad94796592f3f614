import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { runLoad } from '../load/run-load.ts';
import { startTestStack } from '../support/stack.ts';

// The bounded version of `npm run load`: fewer clients, a shorter run, twice the fault rate.
let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ streamRetries: 10, streamBackoffMs: 10, knowledgeCheckIntervalMs: 500 });
});

afterAll(async () => {
  await stack?.close();
});

describe('load with injected faults and accounting', () => {
  it('loses and duplicates no forwarded question, answers no 500 and sends one notice per ticket', async () => {
    const report = await runLoad({
      stack,
      durationMs: 6000,
      clients: 10,
      forwardShare: 0.3,
      faultRate: 0.1,
      retryAfterCapMs: 200,
      untilEveryFaultPhase: true,
    });
    expect(report.problems).toEqual([]);
    expect(report.faults.dynamodb.byPhase['after-write']).toBeGreaterThan(0);
    expect(report.faults.dynamodb.byPhase['before-write']).toBeGreaterThan(0);
    expect(report.statuses['503']).toBeGreaterThan(0);
    expect(report.forwarded.acknowledged).toBeGreaterThan(0);
    expect(report.accounting).toMatchObject({ lost: 0, duplicated: 0, unexplained: 0 });
    expect(report.notices.sent).toBe(report.notices.tickets);
    expect(Object.keys(report.statuses).filter((status) => status === '500' || status === 'network')).toEqual(
      [],
    );
  }, 80_000);
});
