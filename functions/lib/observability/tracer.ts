import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from '../definitions/metrics.ts';
import { instrumentClientsWith } from './client-instrumentation.ts';

/**
 * X-Ray subsegments for the hot paths (DynamoDB, SES): the function's trace then shows which
 * call was slow or failed. Outside Lambda (local server, tests) Powertools disables tracing and
 * returns clients unchanged. Subsegments name the operation and table, never item contents.
 *
 * A function opts in by importing this module (its handler does, for the side effect below);
 * the ask function does not, to keep the X-Ray SDK out of its bundle (docs/performance.md).
 */
export const tracer = new Tracer({ serviceName });

/** The SDK v3 client, instrumented when tracing is on. */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}

// The DynamoDB adapter creates its client through `instrumented()`: trace it in this function.
instrumentClientsWith(traced);
