import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { analyticsPartitions } from '../../functions/lib/analytics/analytics-table.ts';
import { dashboardRetentionDays } from '../../functions/lib/dashboard/counters.ts';
import type { DashboardReport } from '../../functions/lib/dashboard/report.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { expectedFigures, seedDashboardTraffic } from '../support/dashboard.ts';
import { staffHeaders } from '../support/escalations.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let editor: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack();
  editor = await staffHeaders(stack, 'erika', ['editor']);
  await seedDashboardTraffic(stack);
});

afterAll(async () => {
  await stack?.close();
});

const dashboard = (query: string) => request(`${stack.url}/v1/dashboard?${query}`, { headers: editor });

describe('GET /v1/dashboard after a seeded burst of traffic', () => {
  it.each(['24h', '7d', '30d'] as const)(
    'when the range is %s › the totals match the seeded counts exactly',
    async (range) => {
      const response = await dashboard(`range=${range}`);
      expect(response.status).toBe(200);
      const report = response.body as DashboardReport;
      expect(report.range).toBe(range);
      expect(report.totals).toEqual({
        answer: expectedFigures.answer,
        suggest: expectedFigures.suggest,
        none: expectedFigures.none,
        asks: expectedFigures.asks,
        unanswered: expectedFigures.unanswered,
        ticketsCreated: expectedFigures.ticketsCreated,
        ticketsAnswered: expectedFigures.ticketsAnswered,
        helpful: expectedFigures.helpful,
        notHelpful: expectedFigures.notHelpful,
      });
      expect(
        report.entries.map(({ entryId, answers, helpful, notHelpful }) => ({
          entryId,
          answers,
          helpful,
          notHelpful,
        })),
      ).toEqual(expectedFigures.entries);
      expect(report.entries[0]?.question?.de).toBe('Wurden Daten gestohlen?');
      expect(report.openTickets.total).toBe(expectedFigures.openTickets);
      expect(report.openTickets.byAge.find((bucket) => bucket.key === 'under1h')?.count).toBe(1);
      expect(report.answerTimes.answered).toBe(expectedFigures.ticketsAnswered);
      expect(report.answerTimes.median).toEqual({ upToMinutes: 15 });
    },
  );

  it('when the series are summed › hours and days add up to the totals', async () => {
    const report = (await dashboard('range=7d')).body as DashboardReport;
    const sum = (rows: readonly { answer: number; none: number }[]) =>
      rows.reduce((total, row) => total + row.answer + row.none, 0);
    expect(sum(report.hours)).toBe(expectedFigures.answer + expectedFigures.none);
    expect(sum(report.days)).toBe(expectedFigures.answer + expectedFigures.none);
    expect(report.days).toHaveLength(7);
    expect((await dashboard('range=24h')).body).toMatchObject({ hours: expect.any(Array) });
    expect(((await dashboard('range=24h')).body as DashboardReport).hours).toHaveLength(24);
  });

  it('when the CSV is downloaded › it is a text/csv attachment whose columns add up to the same figures', async () => {
    const response = await fetch(`${stack.url}/v1/dashboard?range=30d&format=csv`, { headers: editor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="lagebild-30d-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = (await response.text()).trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    expect(columns).toEqual([
      'hour_start_utc',
      'town_day',
      'answered',
      'suggested',
      'not_answered',
      'unanswered_recorded',
      'tickets_created',
      'tickets_answered',
    ]);
    const total = (column: string) =>
      rows.reduce((sum, row) => sum + Number(row.split(',')[columns.indexOf(column)]), 0);
    expect(total('answered')).toBe(expectedFigures.answer);
    expect(total('suggested')).toBe(expectedFigures.suggest);
    expect(total('not_answered')).toBe(expectedFigures.none);
    expect(total('unanswered_recorded')).toBe(expectedFigures.unanswered);
    expect(total('tickets_created')).toBe(expectedFigures.ticketsCreated);
    expect(total('tickets_answered')).toBe(expectedFigures.ticketsAnswered);
  });

  it('when the counters are stored › they hold numbers only, per hour, with a TTL', async () => {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: tableName('analytics'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': analyticsPartitions.dashboard },
      }),
    );
    expect(Items.length).toBeGreaterThan(0);
    const now = Date.now() / 1000;
    for (const item of Items) {
      expect(item.sk).toMatch(/^H#\d{4}-\d{2}-\d{2}T\d{2}$/);
      const { pk, sk, ...counters } = item;
      for (const value of Object.values(counters)) expect(typeof value).toBe('number');
      expect(item.expiresAt).toBeGreaterThan(now + (dashboardRetentionDays - 1) * 86_400);
      expect(item.expiresAt).toBeLessThanOrEqual(now + (dashboardRetentionDays + 1) * 86_400);
      // No question text or ticket id hides in an attribute name either.
      for (const name of Object.keys(counters))
        expect(name).toMatch(/^(asks|entry|helpful|notHelpful|tta|tickets):[\w-]+$|^(unanswered|expiresAt)$/);
    }
  });

  it('when the range or format is unknown › answers 400 invalid_request', async () => {
    for (const query of ['range=1y', 'format=xlsx']) {
      const response = await dashboard(query);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });
});
