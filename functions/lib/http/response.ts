import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger.ts';
import { AppError, ServiceUnavailableError } from './errors.ts';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number };

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response with the headers every API answer carries. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) };
}

/** An empty response (204 and friends). */
export function empty(statusCode = 204, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { 'cache-control': 'no-store', ...headers } };
}

const transientNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TooManyRequestsException',
  'LimitExceededException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionConflictException',
]);

/** True for SDK errors that a retry may cure (throttling, 5xx, time-outs). */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (transientNames.has(error.name)) return true;
  const meta = (error as { $metadata?: { httpStatusCode?: number }; $retryable?: unknown }).$metadata;
  if ((error as { $retryable?: unknown }).$retryable) return true;
  return (meta?.httpStatusCode ?? 0) >= 500;
}

/**
 * Turns any error into the API's error shape. Known `AppError`s keep their status and code (and
 * their `details`, next to `error`); transient dependency failures become 503 with Retry-After;
 * everything else is a generic 500 that is logged (name only, with the request id) and never
 * echoed.
 */
export function toErrorResponse(error: unknown, requestId?: string): HttpResponse {
  const known =
    error instanceof AppError ? error : isTransientError(error) ? new ServiceUnavailableError() : null;
  if (known) {
    if (known.status >= 500)
      logger.warn('dependency unavailable', { requestId, errorName: errorName(error) });
    return json(
      known.status,
      { ...known.details, error: { code: known.code, message: known.message } },
      known.headers,
    );
  }
  logger.error('unhandled error', { requestId, errorName: errorName(error) });
  return json(500, {
    error: { code: 'internal_error', message: 'Something went wrong. Please try again later.' },
  });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
