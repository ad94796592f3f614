import { generateKeyPair, SignJWT } from 'jose';
import { routeKey, routes } from '../../functions/lib/definitions/routes.ts';
import { devAudience, devIssuer } from '../../functions/local/dev-issuer.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { submit } from './escalations.ts';

/**
 * The access-control matrix, as data plus a checker: one row per route, one column per
 * identity, the expected status in every cell. `checkMatrix` returns the cells that differ, so
 * a test can assert "no mismatches" and a planted defect shows up as named wrong cells.
 */
export const identities = [
  'anonymous',
  'citizen-right-secret',
  'citizen-wrong-secret',
  'staff-no-group',
  'dpo',
  'editor',
  'dpo+editor',
  'expired-token',
  'forged-token',
  'alg-none',
  'wrong-issuer',
  'wrong-audience',
] as const;
export type Identity = (typeof identities)[number];

export interface MatrixRequest {
  path: string;
  body?: unknown;
  query?: string;
}

export interface MatrixRow {
  route: string;
  /** Builds the request; may create what it needs (a fresh ticket for the citizen cells). */
  request: (context: MatrixContext, identity: Identity) => Promise<MatrixRequest> | MatrixRequest;
  expected: Record<Identity, number>;
}

export interface MatrixContext {
  stack: LocalStack;
  /** A ticket the dpo cells may read (never changed by the matrix). */
  ticketId: string;
}

export interface Mismatch {
  route: string;
  identity: Identity;
  expected: number;
  actual: number;
}

const all = (status: number) =>
  Object.fromEntries(identities.map((id) => [id, status])) as Record<Identity, number>;

/** Public routes: no authorizer, so no identity changes the outcome. */
const publicRow = (status: number) => all(status);

/** Citizen routes: only the ticket's secret opens it; everything else looks like an unknown ticket. */
const citizenRow = (status: number) => ({ ...all(404), 'citizen-right-secret': status });

/**
 * Staff routes: no or an invalid token is stopped by the JWT authorizer (401); a valid token
 * without the route's group gets 403; the group gets the route's own answer.
 */
function staffRow(group: 'dpo' | 'editor', status: number): Record<Identity, number> {
  return {
    ...all(401),
    'staff-no-group': 403,
    dpo: group === 'dpo' ? status : 403,
    editor: group === 'editor' ? status : 403,
    'dpo+editor': status,
  };
}

const unknownTicket = 'STR-2222-2222';

/** Every route, exactly once. Mutating staff routes target unknown ids or send invalid bodies, so the matrix changes nothing. */
export const matrixRows: MatrixRow[] = [
  {
    route: 'POST /v1/ask',
    request: () => ({ path: '/v1/ask', body: { question: 'Was ist passiert?' } }),
    expected: publicRow(200),
  },
  {
    route: 'POST /v1/feedback',
    // Without the answer's single-use vote token: accepted, not counted.
    request: () => ({ path: '/v1/feedback', body: { entryId: 'what-happened', helpful: true } }),
    expected: publicRow(202),
  },
  { route: 'GET /v1/challenge', request: () => ({ path: '/v1/challenge' }), expected: publicRow(200) },
  {
    // The confirmation page only shows a button: it confirms nothing, for any reference.
    route: 'GET /v1/escalations/{ticketId}/confirm',
    request: () => ({ path: `/v1/escalations/${unknownTicket}/confirm?code=x` }),
    expected: publicRow(200),
  },
  {
    route: 'POST /v1/escalations/{ticketId}/confirm',
    request: () => ({ path: `/v1/escalations/${unknownTicket}/confirm`, body: { code: 'x' } }),
    expected: publicRow(404),
  },
  {
    route: 'GET /v1/starters',
    request: () => ({ path: '/v1/starters?locale=en' }),
    expected: publicRow(200),
  },
  { route: 'GET /v1/health', request: () => ({ path: '/v1/health' }), expected: publicRow(200) },
  { route: 'GET /v1/changelog', request: () => ({ path: '/v1/changelog' }), expected: publicRow(200) },
  ...(
    [
      ['GET /v1/knowledge/entries', '/v1/knowledge/entries', undefined, 200],
      ['GET /v1/knowledge/entries/{entryId}', '/v1/knowledge/entries/what-happened', undefined, 200],
      ['PUT /v1/knowledge/entries/{entryId}', '/v1/knowledge/entries/what-happened', {}, 400],
      ['DELETE /v1/knowledge/entries/{entryId}', '/v1/knowledge/entries/what-happened', undefined, 400],
      [
        'DELETE /v1/knowledge/entries/{entryId}/draft',
        '/v1/knowledge/entries/what-happened/draft',
        undefined,
        400,
      ],
      [
        'POST /v1/knowledge/entries/{entryId}/request-review',
        '/v1/knowledge/entries/what-happened/request-review',
        {},
        400,
      ],
      [
        'POST /v1/knowledge/entries/{entryId}/approve',
        '/v1/knowledge/entries/what-happened/approve',
        {},
        400,
      ],
      [
        'POST /v1/knowledge/entries/{entryId}/publish',
        '/v1/knowledge/entries/what-happened/publish',
        {},
        400,
      ],
      [
        'GET /v1/knowledge/entries/{entryId}/history',
        '/v1/knowledge/entries/what-happened/history',
        undefined,
        200,
      ],
      [
        'POST /v1/knowledge/entries/{entryId}/rollback',
        '/v1/knowledge/entries/what-happened/rollback',
        {},
        400,
      ],
      ['POST /v1/knowledge/try', '/v1/knowledge/try', {}, 400],
      ['GET /v1/knowledge/unanswered', '/v1/knowledge/unanswered', undefined, 200],
      [
        'POST /v1/knowledge/unanswered/{groupId}/to-draft',
        '/v1/knowledge/unanswered/0000000000000000/to-draft',
        {},
        404,
      ],
      [
        'POST /v1/knowledge/unanswered/{groupId}/to-alternatives',
        '/v1/knowledge/unanswered/0000000000000000/to-alternatives',
        {},
        404,
      ],
    ] as const
  ).map(
    ([route, path, body, status]): MatrixRow => ({
      route,
      request: () => ({ path, ...(body ? { body } : {}) }),
      expected: staffRow('editor', status),
    }),
  ),
  {
    route: 'POST /v1/escalations',
    request: () => ({
      path: '/v1/escalations',
      body: { question: 'Matrixfrage', consent: true, clientToken: crypto.randomUUID() },
    }),
    expected: publicRow(201),
  },
  {
    route: 'GET /v1/escalations/{ticketId}',
    request: async ({ stack }) => ({ path: `/v1/escalations/${await matrixTicket(stack)}` }),
    expected: citizenRow(200),
  },
  {
    route: 'DELETE /v1/escalations/{ticketId}',
    request: async ({ stack }) => ({ path: `/v1/escalations/${await matrixTicket(stack)}` }),
    expected: citizenRow(204),
  },
  { route: 'GET /v1/inbox', request: () => ({ path: '/v1/inbox' }), expected: staffRow('dpo', 200) },
  {
    route: 'GET /v1/inbox/{ticketId}',
    request: ({ ticketId }) => ({ path: `/v1/inbox/${ticketId}` }),
    expected: staffRow('dpo', 200),
  },
  ...(['claim', 'release', 'answer', 'close', 'promote'] as const).map(
    (action): MatrixRow => ({
      route: `POST /v1/inbox/{ticketId}/${action}`,
      request: () => ({ path: `/v1/inbox/${unknownTicket}/${action}`, body: { text: 'Antwort' } }),
      expected: staffRow('dpo', 404),
    }),
  ),
  {
    route: 'GET /v1/dashboard',
    request: () => ({ path: '/v1/dashboard', query: 'range=24h' }),
    // Either staff group may read the dashboard.
    expected: { ...staffRow('dpo', 200), editor: 200 },
  },
  { route: 'GET /v1/snippets', request: () => ({ path: '/v1/snippets' }), expected: staffRow('dpo', 200) },
  // An empty snippet is refused (400) and an unknown one is not found (404): nothing changes.
  {
    route: 'POST /v1/snippets',
    request: () => ({ path: '/v1/snippets', body: {} }),
    expected: staffRow('dpo', 400),
  },
  {
    route: 'DELETE /v1/snippets/{snippetId}',
    request: () => ({ path: '/v1/snippets/20260504100000000-0badcafe' }),
    expected: staffRow('dpo', 404),
  },
];

/** Route keys of the route table that have no row, and rows that are no route (both must be empty). */
export function coverage(rows: readonly MatrixRow[] = matrixRows) {
  const keys: string[] = routes.map(routeKey);
  const rowKeys = rows.map((row) => row.route);
  return {
    missing: keys.filter((key) => !rowKeys.includes(key)),
    unknown: rowKeys.filter((key) => !keys.includes(key)),
    repeated: rowKeys.filter((key, index) => rowKeys.indexOf(key) !== index),
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The Authorization header (if any) and secret header each identity sends. */
export async function identityHeaders(
  stack: LocalStack,
): Promise<(identity: Identity, secret: string) => Record<string, string>> {
  const both = ['dpo', 'editor'];
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const now = Math.floor(Date.now() / 1000);
  const otherKey = await generateKeyPair('RS256');
  const forged = await new SignJWT({ 'cognito:groups': both, token_use: 'id' })
    .setProtectedHeader({ alg: 'RS256', kid: 'dev-forged', typ: 'JWT' })
    .setSubject('mallory')
    .setIssuer(devIssuer)
    .setAudience(devAudience)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(otherKey.privateKey);
  const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
    sub: 'mallory',
    iss: devIssuer,
    aud: devAudience,
    exp: now + 3600,
    'cognito:groups': both,
  })}.`;
  const tokens: Partial<Record<Identity, string>> = {
    'staff-no-group': await stack.issuer.sign({ sub: 'matrix-none', groups: [] }),
    dpo: await stack.issuer.sign({ sub: 'matrix-dpo', groups: ['dpo'] }),
    editor: await stack.issuer.sign({ sub: 'matrix-editor', groups: ['editor'] }),
    'dpo+editor': await stack.issuer.sign({ sub: 'matrix-both', groups: both }),
    'expired-token': await stack.issuer.sign({ sub: 'matrix-late', groups: both, expiresInSeconds: -120 }),
    'forged-token': forged,
    'alg-none': none,
    'wrong-issuer': await stack.issuer.sign({
      sub: 'matrix-iss',
      groups: both,
      issuer: 'https://evil.example',
    }),
    'wrong-audience': await stack.issuer.sign({ sub: 'matrix-aud', groups: both, audience: 'someone-else' }),
  };
  return (identity, secret): Record<string, string> => {
    if (identity === 'citizen-right-secret') return { 'x-ticket-secret': secret };
    if (identity === 'citizen-wrong-secret') return { 'x-ticket-secret': `${secret.slice(0, -2)}xx` };
    const token = tokens[identity];
    return token ? bearer(token) : {};
  };
}

/**
 * Runs every cell against `baseUrl` (the stack's server unless a test points it elsewhere) and
 * returns the cells whose status differs from the expectation.
 */
export async function checkMatrix(
  context: MatrixContext,
  rows: readonly MatrixRow[] = matrixRows,
  baseUrl = context.stack.url,
): Promise<Mismatch[]> {
  const headersFor = await identityHeaders(context.stack);
  const mismatches: Mismatch[] = [];
  for (const row of rows) {
    const method = row.route.split(' ')[0] ?? 'GET';
    await Promise.all(
      identities.map(async (identity) => {
        const request = await row.request(context, identity);
        // The citizen cells need the secret of the ticket in the path: read it from the store of secrets.
        const ticketId = /\/v1\/escalations\/(STR-[^/]+)$/.exec(request.path)?.[1];
        const secret = ticketId ? (secrets.get(ticketId) ?? '') : 'no-secret-for-this-route-000000000000';
        const response = await fetch(`${baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`, {
          method,
          headers: {
            ...headersFor(identity, secret),
            ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        });
        await response.arrayBuffer();
        const expected = row.expected[identity];
        if (response.status !== expected)
          mismatches.push({ route: row.route, identity, expected, actual: response.status });
      }),
    );
  }
  return mismatches;
}

/** Secrets of tickets created for citizen cells (ticket id -> secret). */
const secrets = new Map<string, string>();

/** Submits a ticket and remembers its secret for the matrix's citizen cells. */
export async function matrixTicket(stack: LocalStack): Promise<string> {
  const { ticketId, secret } = await submit(stack);
  secrets.set(ticketId, secret);
  return ticketId;
}
