// Platform adapter: node:http request -> API Gateway HTTP API v2 event -> real handler -> response.
// One module on purpose (~300 lines): that one path reads top to bottom; each step is used once.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  corsPolicy,
  type FunctionName,
  functionDefinitions,
  type RouteDefinition,
  routeKey,
  routes,
} from '../lib/definitions/routes.ts';
import type { ApiEvent, ApiHandler, JwtClaims } from '../lib/http/handler.ts';
import type { HttpResponse } from '../lib/http/response.ts';
import { runAs } from './grants.ts';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Requests above this are refused before a handler sees them (API Gateway allows more). */
const maxRequestBytes = 1024 * 1024;

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface LocalServerOptions {
  port: number;
  host?: string;
  /** Website origins the API answers cross-origin (CORS allow-list). */
  allowedOrigins: readonly string[];
  /** Verifies a bearer token like the JWT authorizer; resolves its claims or rejects. */
  verifyToken?: (token: string) => Promise<JwtClaims>;
  /** Serves pages and assets for paths that are not API routes. */
  serveStatic?: (pathname: string, request: IncomingMessage) => Promise<StaticResponse | undefined>;
}

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_, a, b) => {
      names.push(a ?? b);
      return '([^/]+)';
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const compiled = routes.map(compile);

/** Finds the route for a method and path, with its decoded path parameters. */
export function matchRoute(method: string, pathname: string) {
  let pathMatched = false;
  for (const { route, pattern, names } of compiled) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const pathParameters: Record<string, string> = {};
    try {
      names.forEach((name, index) => {
        pathParameters[name] = decodeURIComponent(match[index + 1] ?? '');
      });
    } catch {
      return { pathMatched, route: undefined };
    }
    return { pathMatched, route, pathParameters };
  }
  return { pathMatched, route: undefined };
}

const handlerCache = new Map<FunctionName, Promise<ApiHandler>>();

/** Imports a function's real handler module once, as Lambda would at cold start. */
export function loadHandler(name: FunctionName): Promise<ApiHandler> {
  let handler = handlerCache.get(name);
  if (!handler) {
    const file = path.join(repositoryRoot, functionDefinitions[name].entry);
    handler = import(pathToFileURL(file).href).then((module: { handler: ApiHandler }) => module.handler);
    handlerCache.set(name, handler);
  }
  return handler;
}

/** JWT claims the way API Gateway's JWT authorizer hands them over: strings, arrays as "[a b]". */
export function apiGatewayClaims(payload: Record<string, unknown>): JwtClaims {
  const claims: JwtClaims = {};
  for (const [key, value] of Object.entries(payload)) {
    claims[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return claims;
}

interface EventInput {
  request: IncomingMessage;
  url: URL;
  body: Buffer;
  route: RouteDefinition;
  pathParameters: Record<string, string>;
  claims?: JwtClaims;
}

/** Builds the API Gateway HTTP API payload v2 event for a local request. */
export function toApiEvent({ request, url, body, route, pathParameters, claims }: EventInput): ApiEvent {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const now = new Date();
  const textual = body.length === 0 || /json|text|x-www-form-urlencoded/i.test(headers['content-type'] ?? '');
  const key = routeKey(route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !textual,
  };
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  result: HttpResponse | StaticResponse,
  extra: Record<string, string> = {},
): void {
  const status = 'statusCode' in result ? result.statusCode : result.status;
  const headers: Record<string, string> = { ...extra };
  for (const [key, value] of Object.entries(result.headers ?? {})) headers[key.toLowerCase()] = String(value);
  const body =
    'statusCode' in result
      ? result.isBase64Encoded && result.body
        ? Buffer.from(result.body, 'base64')
        : (result.body ?? '')
      : result.body;
  response.writeHead(status, headers);
  response.end(body);
}

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });
const jsonError = (status: number, code: string, message: string): StaticResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: errorBody(code, message),
});

/** The CORS headers API Gateway adds for an allowed origin (none for others, or `null`). */
export function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin || origin === 'null' || !allowed.includes(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

/**
 * The request target as a URL. A path is taken as a path even when it starts with `//` (which
 * `new URL(target, base)` would read as a host); undefined when it is no URL at all.
 */
export function requestUrl(target: string | undefined): URL | undefined {
  const value = target ?? '/';
  try {
    return new URL(value.startsWith('/') ? `http://localhost${value}` : value);
  } catch {
    return undefined;
  }
}

/** Creates the local HTTP server that serves every route of the route table. */
export function createLocalServer(options: LocalServerOptions): Server {
  return createServer(async (request, response) => {
    try {
      const url = requestUrl(request.url);
      if (!url) {
        send(response, jsonError(400, 'bad_request', 'Malformed request target.'));
        return;
      }
      const method = (request.method ?? 'GET').toUpperCase();
      const origin = request.headers.origin;
      const cors = corsHeaders(origin, options.allowedOrigins);

      if (method === 'OPTIONS' && request.headers['access-control-request-method']) {
        const allowed = Object.keys(cors).length > 0;
        send(response, {
          status: 204,
          headers: allowed
            ? {
                ...cors,
                'access-control-allow-methods': corsPolicy.allowMethods.join(','),
                'access-control-allow-headers': corsPolicy.allowHeaders.join(','),
                'access-control-max-age': String(corsPolicy.maxAgeSeconds),
              }
            : {},
          body: '',
        });
        return;
      }

      const { route, pathParameters, pathMatched } = matchRoute(method, url.pathname);
      if (!route) {
        const page =
          !pathMatched && options.serveStatic ? await options.serveStatic(url.pathname, request) : undefined;
        if (page) send(response, page);
        else
          send(
            response,
            jsonError(
              pathMatched ? 405 : 404,
              pathMatched ? 'method_not_allowed' : 'not_found',
              pathMatched ? 'Method not allowed.' : 'Not found.',
            ),
            cors,
          );
        return;
      }

      let claims: JwtClaims | undefined;
      if (route.group) {
        const authorization = request.headers.authorization ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
        try {
          if (!token || !options.verifyToken) throw new Error('no token');
          claims = await options.verifyToken(token);
        } catch {
          // Like API Gateway's JWT authorizer: the handler is never called.
          send(response, jsonError(401, 'unauthorized', 'Authentication required.'), cors);
          return;
        }
      }

      const body = await readBody(request);
      if (!body) {
        send(response, jsonError(413, 'payload_too_large', 'The request body is too large.'), cors);
        return;
      }
      const handler = await loadHandler(route.function);
      const event = toApiEvent({
        request,
        url,
        body,
        route,
        pathParameters: pathParameters ?? {},
        ...(claims ? { claims } : {}),
      });
      // As the function's role: a table its definition does not grant is refused (grants.ts).
      send(response, await runAs(route.function, () => handler(event)), cors);
    } catch {
      if (!response.headersSent) send(response, jsonError(500, 'internal_error', 'Something went wrong.'));
      else response.end();
    }
  });
}

/** Starts listening and resolves the base URL. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}
