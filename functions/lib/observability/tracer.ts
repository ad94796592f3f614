import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from '../definitions/metrics.ts';

/**
 * X-Ray subsegments for the hot paths (DynamoDB, SES): the function's trace then shows which
 * call was slow or failed. Outside Lambda (local server, tests) Powertools disables tracing and
 * returns clients unchanged. Subsegments name the operation and table, never item contents.
 */
export const tracer = new Tracer({ serviceName });

/** The SDK v3 client, instrumented when tracing is on. */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}
