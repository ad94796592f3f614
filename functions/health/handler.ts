import { httpHandler } from '../lib/http/handler.ts';
import { json } from '../lib/http/response.ts';

/** GET /v1/health: liveness for monitoring; touches no data. */
export const handler = httpHandler(async () => json(200, { status: 'ok' }));
