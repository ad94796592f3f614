/**
 * Every error code the API returns. The pages translate codes (never messages) into German and
 * English with a `Record<ErrorCode, string>`, so a new code without a translation is a type error.
 */
export const errorCodes = [
  'bad_request',
  'invalid_json',
  'invalid_request',
  'unknown_locale',
  'invalid_entry',
  'entry_deleted',
  'unauthorized',
  'forbidden',
  'four_eyes',
  'not_in_review',
  'not_found',
  'conflict',
  'version_conflict',
  'idempotency_conflict',
  'busy',
  'claimed_by_other',
  'wrong_status',
  'not_answered',
  'not_imported',
  'gate_failed',
  'approval_required',
  'publish_conflict',
  'related_entries',
  'too_many_phrasings',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'challenge_required',
  'internal_error',
  'service_unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * Typed errors carry their HTTP status and a stable code; `toErrorResponse` turns them into
 * `{"error": {"code", "message"}}` (plus their `details`, if any, beside `error`). Messages are
 * written for the API client: never SDK text.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Figures a page needs beside the code (`too_many_phrasings`), sent next to `error`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, code: ErrorCode = 'bad_request') {
    super(400, code, message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code: ErrorCode = 'conflict') {
    super(409, code, message);
  }
}

/** How many phrasings an entry's locale block has, how many would be added, and the cap. */
export interface PhrasingCount {
  count: number;
  adding: number;
  limit: number;
}

/**
 * Adding phrasings would take an entry's locale block past the cap: nothing is added. The body
 * carries the figures (`phrasings`), so the pages can say them in their own language.
 */
export class TooManyPhrasingsError extends AppError {
  constructor(phrasings: PhrasingCount) {
    super(
      409,
      'too_many_phrasings',
      `This entry already has ${phrasings.count} other phrasings in this language; adding ` +
        `${phrasings.adding} would exceed the limit of ${phrasings.limit}. Nothing was added. ` +
        'Remove or merge phrasings first, then add these again.',
      {},
      { phrasings },
    );
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = 'The request body is too large.') {
    super(413, 'payload_too_large', message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message = 'Send the body as application/json.') {
    super(415, 'unsupported_media_type', message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many requests. Please try again later.') {
    super(429, 'too_many_requests', message, { 'retry-after': String(retryAfterSeconds) });
  }
}

/** A dependency (DynamoDB, SES) is throttled or briefly unavailable: the client should retry. */
export class ServiceUnavailableError extends AppError {
  constructor(retryAfterSeconds = 2, message = 'The service is busy. Please try again in a moment.') {
    super(503, 'service_unavailable', message, { 'retry-after': String(retryAfterSeconds) });
  }
}
