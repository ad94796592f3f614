// handler -> lib/auth (group check) -> lib/dashboard (counters, ticket store read-only) -> adapters/dynamodb
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import * as z from 'zod';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { authorize } from '../lib/auth/groups.ts';
import { csvFileName, dashboardCsv } from '../lib/dashboard/csv.ts';
import { dashboardRanges, dashboardReport } from '../lib/dashboard/report.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { parseInput } from '../lib/http/request.ts';
import { json } from '../lib/http/response.ts';

// Fail at cold start, not on the first request, when a table is not configured.
tableName('analytics');
tableName('tickets');
tableName('knowledge');

const dashboardQuery = z.object({
  range: z.enum(dashboardRanges, 'must be "24h", "7d" or "30d"').default('24h'),
  format: z.enum(['json', 'csv'], 'must be "json" or "csv"').default('json'),
});

/** GET /v1/dashboard?range=24h|7d|30d[&format=csv]: the situation dashboard (groups dpo and editor). */
export const handler = httpHandler(async (event) => {
  authorize(event);
  const query = parseInput(dashboardQuery, event.queryStringParameters ?? {});
  const report = await dashboardReport(query.range);
  if (query.format === 'json') return json(200, report);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFileName(report)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: dashboardCsv(report),
  };
});
