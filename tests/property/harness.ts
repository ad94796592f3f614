import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import { findRoute, routeKey } from '../../functions/lib/definitions/routes.ts';
import type { ApiEvent, ApiHandler } from '../../functions/lib/http/handler.ts';
import type { HttpResponse } from '../../functions/lib/http/response.ts';
import { loadHandler } from '../../functions/local/server.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  askBody,
  contentType,
  escalationBody,
  extraHeaders,
  feedbackBody,
  hostileString,
  queryParameters,
  rawBody,
  ticketPathSegment,
} from './arbitraries.ts';

/**
 * Properties for every public endpoint, run against the real handlers with API Gateway v2
 * events (the shape `functions/local/server.ts` builds), so 10,000 runs take seconds, not minutes.
 */
export interface Invocation {
  routeKey: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  sourceIp?: string;
}

/** The API Gateway HTTP API payload v2 event for an invocation. */
export function apiEvent(invocation: Invocation): ApiEvent {
  const route = findRoute(invocation.routeKey);
  if (!route) throw new Error(`no route ${invocation.routeKey}`);
  let rawPath = route.path;
  for (const [name, value] of Object.entries(invocation.pathParameters ?? {}))
    rawPath = rawPath.replace(`{${name}}`, encodeURIComponent(value));
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath,
    rawQueryString: new URLSearchParams(invocation.query ?? {}).toString(),
    headers: invocation.headers ?? {},
    ...(invocation.query && Object.keys(invocation.query).length
      ? { queryStringParameters: invocation.query }
      : {}),
    ...(invocation.pathParameters ? { pathParameters: invocation.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: invocation.sourceIp ?? '127.0.0.1',
        userAgent: 'fuzz',
      },
      requestId: randomUUID(),
      routeKey: routeKey(route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(invocation.body !== undefined ? { body: invocation.body } : {}),
    isBase64Encoded: invocation.isBase64Encoded ?? false,
  };
}

/** Calls the real handler of the invocation's route. */
export async function invoke(invocation: Invocation, handler?: ApiHandler): Promise<HttpResponse> {
  const route = findRoute(invocation.routeKey);
  if (!route) throw new Error(`no route ${invocation.routeKey}`);
  return (handler ?? (await loadHandler(route.function)))(apiEvent(invocation));
}

const stackLike = /\bat .*\(|\.ts:\d|\bError:|node_modules|\/work\//;
const sdkNames =
  /ProvisionedThroughput|ConditionalCheckFailed|ResourceNotFound|ValidationException|DynamoDB|TimeoutError|InternalServerError|AccessDenied|SyntaxError|TypeError|ZodError/;

/** Everything wrong with a response, whatever the request was (empty when it is fine). */
export function responseProblems(response: HttpResponse, tableNames: readonly string[]): string[] {
  const problems: string[] = [];
  const text = typeof response.body === 'string' ? response.body : '';
  if (response.statusCode >= 500) problems.push(`status ${response.statusCode}`);
  if (response.statusCode >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push('error body is not JSON');
    }
    const error = (parsed as { error?: Record<string, unknown> } | undefined)?.error;
    const shaped =
      parsed !== null &&
      typeof parsed === 'object' &&
      Object.keys(parsed as object).join() === 'error' &&
      typeof error?.code === 'string' &&
      typeof error?.message === 'string' &&
      Object.keys(error).sort().join() === 'code,message';
    if (!shaped) problems.push('error body is not {"error":{"code","message"}}');
    if (stackLike.test(text)) problems.push('stack-trace-like text in the error body');
    if (sdkNames.test(text)) problems.push('SDK or runtime error name in the error body');
    if (tableNames.some((name) => text.includes(name))) problems.push('table name in the error body');
  }
  return problems;
}

const ticketFields = new Set([
  'confirmHash',
  'pk',
  'sk',
  'ticketId',
  'queueStatus',
  'createdAt',
  'updatedAt',
  'version',
  'question',
  'email',
  'locale',
  'secretHash',
  'clientToken',
  'audit',
]);
// No `secret`: the access code is derived, never stored (a stored one would be a finding).
const tokenFields = new Set(['pk', 'sk', 'ticketId', 'bodyHash', 'createdAt', 'expiresAt']);

async function getItem(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('tickets'), Key: { pk, sk }, ConsistentRead: true }),
  );
  return result.Item as Record<string, unknown> | undefined;
}

/** One public endpoint's property: an arbitrary request and what must hold for its response. */
export interface EndpointProperty {
  name: string;
  arbitrary: fc.Arbitrary<Invocation>;
  /** Statuses the endpoint may answer with. */
  statuses: readonly number[];
  /** Extra checks (stored items); returns problems. */
  after?: (invocation: Invocation, response: HttpResponse) => Promise<string[]>;
}

const withBody = (key: string, body: fc.Arbitrary<unknown>): fc.Arbitrary<Invocation> =>
  fc
    .record({
      body: rawBody(body),
      contentType: fc.option(contentType, { nil: undefined, freq: 10 }),
      headers: extraHeaders,
      base64: fc.oneof(
        { weight: 9, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    })
    .map(({ body: text, contentType: type, headers, base64 }) => {
      // Known headers are set last so the case tricks in `headers` add to them, not replace them.
      const all: Record<string, string> = { ...headers };
      if (type !== undefined) all['content-type'] = type;
      return {
        routeKey: key,
        headers: all,
        body: base64 ? Buffer.from(text, 'utf8').toString('base64') : text,
        isBase64Encoded: base64,
      };
    });

/** What the escalation property learned: tokens that were accepted (a repeat may be a legal 409). */
export interface EscalationLedger {
  accepted: Set<string>;
}

/** The properties of all public endpoints. */
export function publicEndpointProperties(ledger: EscalationLedger): EndpointProperty[] {
  const citizenTicket = (key: string): fc.Arbitrary<Invocation> =>
    fc
      .record({
        id: ticketPathSegment,
        secret: fc.option(hostileString, { nil: undefined }),
        headers: extraHeaders,
      })
      .map(({ id, secret, headers }) => ({
        routeKey: key,
        pathParameters: { ticketId: id },
        headers: { ...headers, ...(secret !== undefined ? { 'x-ticket-secret': secret } : {}) },
      }));
  return [
    { name: 'POST /v1/ask', arbitrary: withBody('POST /v1/ask', askBody), statuses: [200, 400, 413, 415] },
    {
      name: 'POST /v1/escalations',
      arbitrary: withBody('POST /v1/escalations', escalationBody),
      statuses: [201, 400, 409, 413, 415, 428, 429],
      async after(invocation, response) {
        const problems: string[] = [];
        let sent: Record<string, unknown> = {};
        try {
          const text = invocation.isBase64Encoded
            ? Buffer.from(invocation.body ?? '', 'base64').toString('utf8')
            : (invocation.body ?? '');
          const parsed = JSON.parse(text) as unknown;
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            sent = parsed as Record<string, unknown>;
        } catch {
          // not JSON: nothing to look up
        }
        const token = typeof sent.clientToken === 'string' ? sent.clientToken.toLowerCase() : undefined;
        if (response.statusCode === 201) {
          const result = JSON.parse(String(response.body)) as Record<string, unknown>;
          if (Object.keys(result).sort().join() !== 'emailConfirmation,secret,status,ticketId')
            problems.push('201 body has other fields than ticketId, secret, status, emailConfirmation');
          if (token) ledger.accepted.add(token);
          const ticket = await getItem(`TICKET#${String(result.ticketId)}`, 'TICKET');
          const record = token ? await getItem(`TOKEN#${token}`, 'TOKEN') : undefined;
          if (!ticket) problems.push('accepted ticket not stored');
          for (const field of Object.keys(ticket ?? {}))
            if (!ticketFields.has(field)) problems.push(`unexpected field stored on the ticket: ${field}`);
          for (const field of Object.keys(record ?? {}))
            if (!tokenFields.has(field))
              problems.push(`unexpected field stored on the token record: ${field}`);
        } else if (token && !ledger.accepted.has(token)) {
          // A refused request must leave nothing behind (its token was never accepted before).
          if (await getItem(`TOKEN#${token}`, 'TOKEN'))
            problems.push('refused request stored a token record');
        }
        return problems;
      },
    },
    {
      name: 'GET /v1/escalations/{ticketId}',
      arbitrary: citizenTicket('GET /v1/escalations/{ticketId}'),
      statuses: [404],
    },
    {
      name: 'DELETE /v1/escalations/{ticketId}',
      arbitrary: citizenTicket('DELETE /v1/escalations/{ticketId}'),
      statuses: [404],
    },
    {
      name: 'POST /v1/feedback',
      arbitrary: withBody('POST /v1/feedback', feedbackBody),
      // 202: a vote without a valid, unused vote token is accepted and not counted.
      statuses: [202, 204, 400, 404, 413, 415],
    },
    {
      name: 'GET /v1/changelog',
      arbitrary: fc
        .record({ query: queryParameters, headers: extraHeaders })
        .map(({ query, headers }) => ({ routeKey: 'GET /v1/changelog', query, headers })),
      statuses: [200, 400],
    },
    {
      name: 'GET /v1/health',
      arbitrary: fc
        .record({
          query: queryParameters,
          headers: extraHeaders,
          body: fc.option(hostileString, { nil: undefined }),
        })
        .map(({ query, headers, body }) => ({
          routeKey: 'GET /v1/health',
          query,
          headers,
          ...(body !== undefined ? { body } : {}),
        })),
      statuses: [200],
    },
  ];
}

/** The fast-check property of one endpoint (optionally against a substitute handler). */
export function endpointProperty(
  endpoint: EndpointProperty,
  tableNames: readonly string[],
  handler?: ApiHandler,
  onResponse?: (status: number) => void,
): fc.IAsyncPropertyWithHooks<[Invocation]> {
  return fc.asyncProperty(endpoint.arbitrary, async (invocation) => {
    const response = await invoke(invocation, handler);
    onResponse?.(response.statusCode);
    const problems = responseProblems(response, tableNames);
    if (!endpoint.statuses.includes(response.statusCode))
      problems.push(`unexpected status ${response.statusCode}`);
    if (endpoint.after) problems.push(...(await endpoint.after(invocation, response)));
    if (problems.length > 0)
      throw new Error(`${endpoint.name}: ${problems.join('; ')} (status ${response.statusCode})`);
  });
}

/** Path and header tricks through the real HTTP server (percent-encoding, traversal, case, slashes). */
export const pathTrick = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD'),
    fc.array(
      fc.constantFrom(
        'v1',
        'V1',
        'ask',
        'escalations',
        'inbox',
        'knowledge',
        'entries',
        'STR-2222-2222',
        '..',
        '.',
        '',
        '%2e%2e',
        '%2F',
        '%00',
        '%ZZ',
        '%C3%A4',
        '%E2%80%AE',
        '~',
        ';jsessionid=1',
        'health?x=1',
        'a'.repeat(300),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.stringMatching(/^[\x20-\x7e]{0,40}$/), {
      maxKeys: 3,
    }),
  )
  .map(([method, segments, headers]) => ({ method, path: `/${segments.join('/')}`, headers }));

/** Sends a raw request (the path is not normalised, unlike fetch) and returns status and body. */
export function rawRequest(
  stack: LocalStack,
  trick: { method: string; path: string; headers: Record<string, string> },
): Promise<{ status: number; body: string }> {
  const url = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, method: trick.method, path: trick.path, headers: trick.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** The server-level property: no 5xx, no stack trace, for any path and header trick. */
export function serverTrickProperty(
  stack: LocalStack,
): fc.IAsyncPropertyWithHooks<[{ method: string; path: string; headers: Record<string, string> }]> {
  return fc.asyncProperty(pathTrick, async (trick) => {
    let answer: { status: number; body: string };
    try {
      answer = await rawRequest(stack, trick);
    } catch (error) {
      // The client refused to send it (invalid header): nothing reached the server.
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_')) return;
      throw error;
    }
    if (answer.status >= 500) throw new Error(`${trick.method} ${trick.path}: status ${answer.status}`);
    if (stackLike.test(answer.body) && answer.status >= 400)
      throw new Error(`${trick.method} ${trick.path}: stack-trace-like text`);
  });
}
