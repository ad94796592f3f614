import type { TableName } from './tables.ts';

/**
 * Functions and routes, defined once: the CDK stack creates a Lambda function per entry and an
 * HTTP API route per row; the local server serves the same rows with the same handlers.
 */

export type Access = 'read' | 'write' | 'readWrite';

export interface FunctionDefinition {
  /** Handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** Tables the function may touch, and how: the stack grants exactly this. */
  tables: Partial<Record<TableName, Access>>;
  /** Whether the function sends mail through SES. */
  sendsMail?: boolean;
}

export const functionDefinitions = {
  ask: {
    entry: 'functions/ask/handler.ts',
    description: 'Answers citizens from the published knowledge base',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: { knowledge: 'read' },
  },
  health: {
    entry: 'functions/health/handler.ts',
    description: 'Liveness check',
    memoryMb: 128,
    timeoutSeconds: 3,
    tables: {},
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof functionDefinitions;

/** Staff groups (Cognito groups on AWS, the dev issuer's `cognito:groups` claim locally). */
export type Group = 'dpo' | 'editor';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `/v1/inbox/{ticketId}`. */
  path: string;
  function: FunctionName;
  /** Staff group required; omitted for public routes (no authorizer). */
  group?: Group;
  /** Per-route throttling (requests per second, burst), stricter than the stage default. */
  throttle?: { rateLimit: number; burstLimit: number };
}

export const routes: readonly RouteDefinition[] = [
  { method: 'POST', path: '/v1/ask', function: 'ask', throttle: { rateLimit: 50, burstLimit: 100 } },
  { method: 'GET', path: '/v1/health', function: 'health', throttle: { rateLimit: 10, burstLimit: 20 } },
];

/** The API Gateway route key of a route, e.g. `POST /v1/ask`. */
export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Finds the route for a route key (what `event.routeKey` carries). */
export function findRoute(key: string): RouteDefinition | undefined {
  return routes.find((route) => routeKey(route) === key);
}

/** CORS for the HTTP API: which origins is a setting; methods and headers are fixed here. */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['content-type', 'authorization', 'x-ticket-secret'],
  maxAgeSeconds: 600,
} as const;
