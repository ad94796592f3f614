/**
 * The pages' one way to call the API: JSON in and out, a time-out, typed errors. The server
 * answers failures with `{"error": {"code", "message"}}`; pages show a text for the `code` from
 * their own strings (never the server's English message), keyed by the `ErrorCode` union.
 */
import type { ErrorCode } from '../../functions/lib/http/errors.ts';

export type { ErrorCode };
/** A server code, or `network` when no answer came back (offline, time-out, CORS). */
export type ClientErrorCode = ErrorCode | 'network';

/** A failed call: `status` 0 means the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string = code,
    /** Seconds from a Retry-After header, when the server sent one. */
    readonly retryAfterSeconds?: number,
    /** The parsed error body (e.g. the publish gate's report). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Error codes the server may send that a page does not know yet fall back to a generic one. */
function codeOf(status: number, raw: unknown): ClientErrorCode {
  if (typeof raw === 'string' && raw.length > 0) return raw as ErrorCode;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'too_many_requests';
  if (status >= 500) return 'internal_error';
  return 'bad_request';
}

export interface ClientOptions {
  /** API origin without trailing slash; '' for the page's own origin. */
  base: string;
  /** Extra headers per call, e.g. the staff bearer token. */
  headers?: () => Record<string, string>;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** Returns `request(method, path, body?, headers?)` that resolves to the raw Response when ok. */
export function createClient(options: ClientOptions) {
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(`${options.base}${path}`, {
        method,
        credentials: 'omit',
        cache: 'no-store',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers?.(),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch {
      throw new ApiError(0, 'network');
    }
    if (!response.ok) {
      const data = (await response.json().catch(() => ({}))) as {
        error?: { code?: unknown; message?: unknown };
      };
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiError(
        response.status,
        codeOf(response.status, data.error?.code),
        typeof data.error?.message === 'string' ? data.error.message : `HTTP ${response.status}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        data,
      );
    }
    return response;
  };
}

/** Like `createClient`, but parses the JSON body (an empty object for 204). */
export function createJsonClient(options: ClientOptions) {
  const request = createClient(options);
  return async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await request(method, path, body);
    if (response.status === 204) return {} as T;
    return (await response.json()) as T;
  };
}
