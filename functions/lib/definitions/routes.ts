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
  /** Whether the function reads the master key (Secrets Manager on AWS, `APP_SECRET_ARN`). */
  usesAppSecret?: boolean;
  /**
   * Runs on a schedule instead of (or besides) routes: an EventBridge rule on AWS, a timer in
   * the local stack. Functions without routes get no API integration.
   */
  schedule?: { everyMinutes: number };
}

export const functionDefinitions = {
  ask: {
    entry: 'functions/ask/handler.ts',
    description: 'Answers citizens from the published knowledge base',
    memoryMb: 512,
    timeoutSeconds: 10,
    // analytics readWrite: the unanswered report's per-bucket cap reads its counter.
    tables: { knowledge: 'read', analytics: 'readWrite' },
    usesAppSecret: true,
  },
  feedback: {
    entry: 'functions/feedback/handler.ts',
    description: 'Counts anonymous "was this helpful?" votes per answer',
    memoryMb: 256,
    timeoutSeconds: 5,
    tables: { analytics: 'readWrite', knowledge: 'read' },
    usesAppSecret: true,
  },
  escalations: {
    entry: 'functions/escalations/handler.ts',
    description: 'Citizens forward a question to the DPO, read the answer, erase their ticket',
    memoryMb: 256,
    timeoutSeconds: 10,
    // knowledge readWrite: erasing a ticket also erases the draft made from it.
    tables: { tickets: 'readWrite', knowledge: 'readWrite', analytics: 'readWrite' },
    usesAppSecret: true,
  },
  inbox: {
    entry: 'functions/inbox/handler.ts',
    description: 'DPO inbox: list, claim, release, answer and close forwarded questions; answer snippets',
    memoryMb: 256,
    timeoutSeconds: 10,
    tables: { tickets: 'readWrite', knowledge: 'read', analytics: 'write' },
  },
  notify: {
    entry: 'functions/notify/handler.ts',
    description: 'Tickets stream: DPO notice for new tickets, answer mail to citizens',
    memoryMb: 256,
    timeoutSeconds: 30,
    tables: { tickets: 'readWrite', knowledge: 'read' },
    sendsMail: true,
    usesAppSecret: true,
  },
  changelog: {
    entry: 'functions/changelog/handler.ts',
    description: 'Public change log of the published answers (no staff names)',
    memoryMb: 256,
    timeoutSeconds: 5,
    tables: { knowledge: 'read' },
  },
  promote: {
    entry: 'functions/promote/handler.ts',
    description: "Turns a DPO's answer into a draft knowledge-base entry",
    memoryMb: 256,
    timeoutSeconds: 10,
    tables: { tickets: 'readWrite', knowledge: 'readWrite' },
  },
  knowledge: {
    entry: 'functions/knowledge/handler.ts',
    description: 'Knowledge editor API: drafts, review, publish gate, history, unanswered report',
    memoryMb: 1024,
    timeoutSeconds: 15,
    tables: { knowledge: 'readWrite', analytics: 'readWrite' },
  },
  health: {
    entry: 'functions/health/handler.ts',
    description: 'Liveness check',
    memoryMb: 128,
    timeoutSeconds: 3,
    tables: {},
  },
  dashboard: {
    entry: 'functions/dashboard/handler.ts',
    description: 'Situation dashboard: hourly counters, open tickets by age, CSV download',
    memoryMb: 512,
    timeoutSeconds: 10,
    tables: { analytics: 'read', tickets: 'read', knowledge: 'read' },
  },
  'ticket-age': {
    entry: 'functions/ticket-age/handler.ts',
    description:
      'Emits the age of the oldest unanswered ticket, closes answered tickets nobody closed, sends a due DPO digest',
    memoryMb: 256,
    timeoutSeconds: 30,
    tables: { tickets: 'readWrite', knowledge: 'read' },
    sendsMail: true,
    schedule: { everyMinutes: 15 },
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
  /** Staff group required (any one of a list); omitted for public routes (no authorizer). */
  group?: Group | readonly Group[];
  /** Per-route throttling (requests per second, burst), stricter than the stage default. */
  throttle?: { rateLimit: number; burstLimit: number };
}

/** An editor route (group `editor`, function `knowledge`), keeping its literal method and path. */
const editor = <const M extends RouteDefinition['method'], const P extends `/v1/knowledge/${string}`>(
  method: M,
  path: P,
) => ({ method, path, function: 'knowledge', group: 'editor' }) as const;

/** A DPO inbox route (group `dpo`). */
const inbox = <const M extends RouteDefinition['method'], const P extends `/v1/inbox${string}`>(
  method: M,
  path: P,
) => ({ method, path, function: 'inbox', group: 'dpo' }) as const;

// `as const satisfies`: every row is checked against RouteDefinition and keeps its literal
// method and path, so `RouteKey` is the exact union and `switch` cases on it are checked.
const routeTable = [
  { method: 'POST', path: '/v1/ask', function: 'ask', throttle: { rateLimit: 50, burstLimit: 100 } },
  // The widget's starter questions (public, read-only): served by the ask function's cache.
  { method: 'GET', path: '/v1/starters', function: 'ask', throttle: { rateLimit: 20, burstLimit: 40 } },
  { method: 'POST', path: '/v1/feedback', function: 'feedback', throttle: { rateLimit: 20, burstLimit: 40 } },
  { method: 'GET', path: '/v1/health', function: 'health', throttle: { rateLimit: 10, burstLimit: 20 } },
  {
    method: 'GET',
    path: '/v1/changelog',
    function: 'changelog',
    throttle: { rateLimit: 10, burstLimit: 20 },
  },
  editor('GET', '/v1/knowledge/entries'),
  editor('GET', '/v1/knowledge/entries/{entryId}'),
  editor('PUT', '/v1/knowledge/entries/{entryId}'),
  editor('DELETE', '/v1/knowledge/entries/{entryId}'),
  editor('DELETE', '/v1/knowledge/entries/{entryId}/draft'),
  editor('POST', '/v1/knowledge/entries/{entryId}/request-review'),
  editor('POST', '/v1/knowledge/entries/{entryId}/approve'),
  editor('POST', '/v1/knowledge/entries/{entryId}/publish'),
  editor('GET', '/v1/knowledge/entries/{entryId}/history'),
  editor('POST', '/v1/knowledge/entries/{entryId}/rollback'),
  editor('POST', '/v1/knowledge/try'),
  editor('GET', '/v1/knowledge/unanswered'),
  editor('POST', '/v1/knowledge/unanswered/{groupId}/to-draft'),
  editor('POST', '/v1/knowledge/unanswered/{groupId}/to-alternatives'),
  {
    method: 'POST',
    path: '/v1/escalations',
    function: 'escalations',
    throttle: { rateLimit: 5, burstLimit: 10 },
  },
  {
    method: 'GET',
    path: '/v1/challenge',
    function: 'escalations',
    throttle: { rateLimit: 10, burstLimit: 20 },
  },
  {
    method: 'GET',
    path: '/v1/escalations/{ticketId}/confirm',
    function: 'escalations',
    throttle: { rateLimit: 5, burstLimit: 10 },
  },
  {
    method: 'POST',
    path: '/v1/escalations/{ticketId}/confirm',
    function: 'escalations',
    throttle: { rateLimit: 5, burstLimit: 10 },
  },
  {
    method: 'GET',
    path: '/v1/escalations/{ticketId}',
    function: 'escalations',
    throttle: { rateLimit: 10, burstLimit: 20 },
  },
  {
    method: 'DELETE',
    path: '/v1/escalations/{ticketId}',
    function: 'escalations',
    throttle: { rateLimit: 5, burstLimit: 10 },
  },
  inbox('GET', '/v1/inbox'),
  inbox('GET', '/v1/inbox/{ticketId}'),
  inbox('POST', '/v1/inbox/{ticketId}/claim'),
  inbox('POST', '/v1/inbox/{ticketId}/release'),
  inbox('POST', '/v1/inbox/{ticketId}/answer'),
  inbox('POST', '/v1/inbox/{ticketId}/close'),
  { method: 'POST', path: '/v1/inbox/{ticketId}/promote', function: 'promote', group: 'dpo' },
  { method: 'GET', path: '/v1/dashboard', function: 'dashboard', group: ['dpo', 'editor'] },
  { method: 'GET', path: '/v1/snippets', function: 'inbox', group: 'dpo' },
  { method: 'POST', path: '/v1/snippets', function: 'inbox', group: 'dpo' },
  { method: 'DELETE', path: '/v1/snippets/{snippetId}', function: 'inbox', group: 'dpo' },
] as const satisfies readonly RouteDefinition[];

type Route = (typeof routeTable)[number];

/** The route table, widened for code that iterates it (stack, local server, tests). */
export const routes: readonly RouteDefinition[] = routeTable;

/** `METHOD path` of each route (distributed per row, so no method is paired with a foreign path). */
type KeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;

/** Every API Gateway route key of the API, e.g. `'POST /v1/ask'`. */
export type RouteKey = KeyOf<Route>;

/** The route keys served by one function. */
export type RouteKeyOf<F extends FunctionName> = KeyOf<Extract<Route, { function: F }>>;

/** The staff groups that may use a route (any one of them suffices); empty for public routes. */
export function routeGroups(route: Pick<RouteDefinition, 'group'> | undefined): readonly Group[] {
  const group = route?.group;
  if (group === undefined) return [];
  return typeof group === 'string' ? [group] : group;
}

/** The API Gateway route key of a route, e.g. `POST /v1/ask`. */
export function routeKey<R extends Pick<RouteDefinition, 'method' | 'path'>>(route: R): KeyOf<R> {
  return `${route.method} ${route.path}` as KeyOf<R>;
}

/** Finds the route for a route key (what `event.routeKey` carries). */
export function findRoute(key: string): RouteDefinition | undefined {
  return routes.find((route) => routeKey(route) === key);
}

/**
 * The request's route key as one of the function's own keys (undefined for anything else), so
 * a handler's `switch` over it is checked by the compiler: a misspelt case does not compile.
 */
export function routeKeyOf<F extends FunctionName>(fn: F, key: string): RouteKeyOf<F> | undefined {
  const route = findRoute(key);
  return route?.function === fn ? (key as RouteKeyOf<F>) : undefined;
}

/** CORS for the HTTP API: which origins is a setting; methods and headers are fixed here. */
export const corsPolicy = {
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['content-type', 'authorization', 'x-ticket-secret'],
  maxAgeSeconds: 600,
} as const;
