// handler -> lib/editing/store -> adapters/dynamodb
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import * as z from 'zod';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { listChangeLog } from '../lib/editing/store.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { parseInput } from '../lib/http/request.ts';
import { json } from '../lib/http/response.ts';

tableName('knowledge'); // fail at cold start when the table is not configured

const query = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * GET /v1/changelog (public): which answer changed how and when, newest first, for the city's
 * website. Staff names are never stored in the change log, so none can leak here.
 */
export const handler = httpHandler(async (event) => {
  const { limit } = parseInput(query, event.queryStringParameters ?? {});
  return json(200, { changes: await listChangeLog(limit) }, { 'cache-control': 'public, max-age=60' });
});
