import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type $ZodType, type output, safeParse } from 'zod/v4/core';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.ts';

/** Bodies above this are refused before parsing; every public request fits in a few KB. */
export const maxBodyBytes = 32 * 1024;

/** Case-insensitive header lookup (API Gateway lower-cases, local callers may not). */
export function header(event: Pick<APIGatewayProxyEventV2, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * Parses and validates a JSON body: content type, size, JSON syntax, then the zod schema
 * (which drops unknown fields). Every failure is a 4xx with a message naming the field.
 */
export function parseJsonBody<S extends $ZodType>(event: APIGatewayProxyEventV2, schema: S): output<S> {
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType.trim())) throw new UnsupportedMediaTypeError();
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > maxBodyBytes) throw new PayloadTooLargeError();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BadRequestError('The body is not valid JSON.', 'invalid_json');
  }
  return parseInput(schema, data);
}

/**
 * Validates any input (query string, path parameters, body) against a zod schema, classic or
 * zod/mini (the ask function uses zod/mini to keep its bundle small).
 */
export function parseInput<S extends $ZodType>(schema: S, data: unknown): output<S> {
  const result = safeParse(schema, data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  throw new BadRequestError(`${field}: ${issue?.message ?? 'invalid value'}`, 'invalid_request');
}
