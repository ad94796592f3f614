import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { routes } from '../../functions/lib/definitions/routes.ts';
import { createDevIssuer } from '../../functions/local/dev-issuer.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { setEscalationSettings, staffHeaders, submit } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { request, startTestStack } from '../support/stack.ts';

const logs = captureLogs();
let stack: LocalStack;
const tokens = new Set<string>();

async function as(sub: string, groups = ['dpo']): Promise<Record<string, string>> {
  const headers = await staffHeaders(stack, sub, groups);
  tokens.add(headers.authorization?.slice('Bearer '.length) ?? '');
  return headers;
}

const inbox = (path = '') => `${stack.url}/v1/inbox${path}`;
const act = (ticketId: string, action: string, headers: Record<string, string>, body?: unknown) =>
  request(inbox(`/${ticketId}/${action}`), { method: 'POST', headers, ...(body ? { body } : {}) });

beforeAll(async () => {
  stack = await startTestStack();
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

describe('authentication and authorisation (401/403 matrix)', () => {
  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  async function badTokens(): Promise<Record<string, string | undefined>> {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'mallory',
      'cognito:groups': ['dpo'],
      iss: 'https://dev-issuer.local/incident-faq',
      aud: 'incident-faq-local',
      iat: now,
      exp: now + 3600,
    };
    const otherKey = await createDevIssuer();
    return {
      missing: undefined,
      'not a JWT': 'Bearer not-a-jwt',
      'no bearer scheme': await stack.issuer.sign({ sub: 'mallory', groups: ['dpo'] }),
      expired: `Bearer ${await stack.issuer.sign({ sub: 'mallory', groups: ['dpo'], expiresInSeconds: -120 })}`,
      'wrong issuer': `Bearer ${await stack.issuer.sign({ sub: 'mallory', groups: ['dpo'], issuer: 'https://evil.example' })}`,
      'wrong audience': `Bearer ${await stack.issuer.sign({ sub: 'mallory', groups: ['dpo'], audience: 'another-app' })}`,
      'alg none': `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
      'signed with another key': `Bearer ${await otherKey.sign({ sub: 'mallory', groups: ['dpo'] })}`,
      'tampered groups': await (async () => {
        const token = await stack.issuer.sign({ sub: 'mallory', groups: ['editor'] });
        const [header, , signature] = token.split('.');
        return `Bearer ${header}.${base64url(claims)}.${signature}`;
      })(),
    };
  }

  const inboxRoutes = routes.filter((route) => route.function === 'inbox');

  it('every inbox route requires the dpo group in the route table', () => {
    expect(inboxRoutes.length).toBe(9);
    for (const route of inboxRoutes) expect(route.group).toBe('dpo');
  });

  it('answers 401 to missing and invalid tokens on every inbox route, before the handler runs', async () => {
    // The local issuer says why a token of another local key fails (once per key): read here,
    // not printed.
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onTestFinished(() => warned.mockRestore());
    const { ticketId } = await submit(stack);
    const cases = await badTokens();
    for (const value of Object.values(cases)) if (value) tokens.add(value.replace(/^Bearer /, ''));
    for (const route of inboxRoutes) {
      const url = `${stack.url}${route.path.replace('{ticketId}', ticketId).replace('{snippetId}', '20260504100000000-0badcafe')}`;
      for (const [name, authorization] of Object.entries(cases)) {
        const response = await request(url, {
          method: route.method,
          headers: authorization ? { authorization } : {},
          ...(route.path.endsWith('/answer') || route.method === 'POST' ? { body: { text: 'x' } } : {}),
        });
        expect({ route: route.path, name, status: response.status }).toEqual({
          route: route.path,
          name,
          status: 401,
        });
        expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
      }
    }
    const ticket = await request(inbox(`/${ticketId}`), { headers: await as('anna') });
    expect(ticket.body).toMatchObject({ status: 'open' });
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('signed with another local key'));
  });

  it('answers 403 to valid tokens without the dpo group', async () => {
    const { ticketId } = await submit(stack);
    for (const groups of [[], ['editor'], ['dpo-readers']]) {
      const headers = await as('eve', groups);
      expect((await request(inbox(), { headers })).status).toBe(403);
      const claim = await act(ticketId, 'claim', headers);
      expect(claim.status).toBe(403);
      expect(claim.body).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await request(inbox(`/${ticketId}`), { headers: await as('anna') })).body).toMatchObject({
      status: 'open',
    });
  });

  it('lets a dpo in (200), also with several groups', async () => {
    expect((await request(inbox(), { headers: await as('anna', ['editor', 'dpo']) })).status).toBe(200);
  });
});

describe('GET /v1/inbox', () => {
  it('lists tickets oldest first, page by page', async () => {
    const headers = await as('anna');
    // Claim whatever earlier tests left open, so the open queue holds exactly ours.
    const before = await request(inbox('?status=open&limit=100'), { headers });
    for (const item of (before.body as { items: { ticketId: string }[] }).items)
      await act(item.ticketId, 'claim', headers);
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await submit(stack)).ticketId);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await request(inbox(`?status=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`), {
        headers,
      });
      expect(response.status).toBe(200);
      const page = response.body as { items: { ticketId: string; createdAt: string }[]; nextCursor?: string };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.ticketId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(ids);
  });

  it('shows no secret hash, client token or e-mail address', async () => {
    const { ticketId } = await submit(stack, { email: 'hidden@example.org' });
    const headers = await as('anna');
    const detail = await request(inbox(`/${ticketId}`), { headers });
    expect(detail.body).toMatchObject({ ticketId, status: 'open', hasEmail: true });
    const text = JSON.stringify(detail.body);
    for (const field of ['secretHash', 'clientToken', 'hidden@example.org', '"email"'])
      expect(text).not.toContain(field);
  });

  it.each([
    ['an unknown status', '?status=deleted'],
    ['a limit above 100', '?limit=101'],
    ['a limit of 0', '?limit=0'],
    ['a garbage cursor', '?cursor=not-base64-json'],
    [
      'a forged cursor',
      `?cursor=${Buffer.from(JSON.stringify({ pk: 'TOKEN#x', sk: 'TOKEN' })).toString('base64url')}`,
    ],
    [
      'a cursor of another status',
      `?status=open&cursor=${Buffer.from(
        JSON.stringify({
          pk: 'TICKET#STR-2222-2222',
          sk: 'TICKET',
          queueStatus: 'closed',
          createdAt: '2026-01-01',
        }),
      ).toString('base64url')}`,
    ],
  ])('refuses %s with 400', async (_, query) => {
    const response = await request(inbox(query), { headers: await as('anna') });
    expect(response.status).toBe(400);
  });
});

describe('claim, release, answer, close', () => {
  it('lets exactly one of 50 concurrent claims win; the others get 409', async () => {
    const { ticketId } = await submit(stack);
    const staff = await Promise.all(Array.from({ length: 50 }, (_, index) => as(`dpo-${index}`)));
    const responses = await Promise.all(staff.map((headers) => act(ticketId, 'claim', headers)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = responses.find((response) => response.status === 200)?.body as { claimedBy: string };
    const detail = await request(inbox(`/${ticketId}`), { headers: await as('anna') });
    expect(detail.body).toMatchObject({ status: 'claimed', claimedBy: winner.claimedBy });
    const audit = (detail.body as { audit: { action: string }[] }).audit;
    expect(audit.filter((entry) => entry.action === 'claimed')).toHaveLength(1);
  });

  it('refuses answer, release, claim and close by someone who does not hold the ticket', async () => {
    const { ticketId } = await submit(stack);
    const anna = await as('anna');
    const ben = await as('ben');
    expect((await act(ticketId, 'answer', anna, { text: 'Zu früh' })).status).toBe(409);
    expect((await act(ticketId, 'close', anna)).status).toBe(409);
    expect((await act(ticketId, 'claim', anna)).status).toBe(200);
    expect((await act(ticketId, 'claim', anna)).status).toBe(200); // repeating one's own claim is harmless
    for (const action of ['claim', 'release', 'close']) {
      const response = await act(ticketId, action, ben);
      expect({ action, status: response.status }).toEqual({ action, status: 409 });
    }
    const refused = await act(ticketId, 'answer', ben, { text: 'Nicht meins' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'claimed_by_other' } });
    expect((await act(ticketId, 'answer', anna, { text: ' ' })).status).toBe(400);
    const answered = await act(ticketId, 'answer', anna, { text: 'Ihre Daten sind sicher.' });
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: 'Ihre Daten sind sicher.',
      answeredBy: 'anna',
    });
    expect((await act(ticketId, 'answer', anna, { text: 'Nochmal' })).status).toBe(409);
    // Once answered, anyone on the team may close it.
    const closed = await act(ticketId, 'close', ben);
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect((await act(ticketId, 'close', ben)).status).toBe(409);
    const audit = (closed.body as { audit: { actor: string; action: string }[] }).audit;
    expect(audit.map((entry) => `${entry.actor}:${entry.action}`)).toEqual([
      'citizen:submitted',
      'anna:claimed',
      'anna:answered',
      'ben:closed',
    ]);
  });

  it('returns a released ticket to the queue for someone else', async () => {
    const { ticketId } = await submit(stack);
    const anna = await as('anna');
    const ben = await as('ben');
    await act(ticketId, 'claim', anna);
    const released = await act(ticketId, 'release', anna);
    expect(released.body).toMatchObject({ status: 'open' });
    expect(released.body).not.toHaveProperty('claimedBy');
    expect((await act(ticketId, 'release', anna)).status).toBe(409);
    expect((await act(ticketId, 'claim', ben)).body).toMatchObject({ status: 'claimed', claimedBy: 'ben' });
  });

  it('answers unknown tickets with 404', async () => {
    const headers = await as('anna');
    expect((await act('STR-2222-2222', 'claim', headers)).status).toBe(404);
    expect((await request(inbox('/garbage'), { headers })).status).toBe(404);
  });
});

describe('closing a ticket without an answer', () => {
  it('when the DPO closes an unanswered ticket › asks for a reason, and records it in the audit trail', async () => {
    const { ticketId } = await submit(stack);
    const anna = await as('anna');
    expect((await act(ticketId, 'claim', anna)).status).toBe(200);
    const silent = await act(ticketId, 'close', anna);
    expect(silent.status).toBe(400);
    expect(silent.body).toMatchObject({ error: { code: 'invalid_request' } });
    expect((await act(ticketId, 'close', anna, { reason: 'no-idea' })).status).toBe(400);
    const closed = await act(ticketId, 'close', anna, { reason: 'duplicate' });
    expect(closed.status).toBe(200);
    const audit = (closed.body as { audit: { action: string; reason?: string }[] }).audit;
    expect(audit.at(-1)).toMatchObject({ action: 'closed', reason: 'duplicate' });
  });

  it.each(['spam', 'answered_elsewhere'])('accepts the reason %s', async (reason) => {
    const { ticketId } = await submit(stack);
    const ben = await as('ben');
    await act(ticketId, 'claim', ben);
    const closed = await act(ticketId, 'close', ben, { reason });
    expect(closed.body).toMatchObject({
      status: 'closed',
      audit: expect.arrayContaining([{ actor: 'ben', action: 'closed', at: expect.any(String), reason }]),
    });
  });
});

describe('answer snippets (Textbausteine)', () => {
  const url = (path = '') => `${stack.url}/v1/snippets${path}`;

  it('when a DPO saves a snippet › the whole team lists it, and it can be deleted once', async () => {
    const anna = await as('anna');
    const ben = await as('ben');
    const text = 'Ihr Konto ist **nicht betroffen**.\nMit freundlichen Grüßen\nIhre Datenschutzbeauftragte';
    const saved = await request(url(), { headers: anna, body: { title: '  Nicht betroffen ', text } });
    expect(saved.status).toBe(201);
    const snippet = saved.body as { id: string; title: string; text: string; createdBy: string };
    expect(snippet).toMatchObject({ title: 'Nicht betroffen', text, createdBy: 'anna' });

    const listed = await request(url(), { headers: ben });
    expect(listed.status).toBe(200);
    expect((listed.body as { items: unknown[] }).items).toContainEqual(snippet);

    expect((await request(url(`/${snippet.id}`), { method: 'DELETE', headers: ben })).status).toBe(204);
    const again = await request(url(`/${snippet.id}`), { method: 'DELETE', headers: anna });
    expect(again.status).toBe(404);
    const after = (await request(url(), { headers: anna })).body as { items: { id: string }[] };
    expect(after.items.map((item) => item.id)).not.toContain(snippet.id);
  });

  it('lists snippets in the order they were saved', async () => {
    const anna = await as('anna');
    const ids: string[] = [];
    for (const title of ['Erster', 'Zweiter', 'Dritter'])
      ids.push(
        ((await request(url(), { headers: anna, body: { title, text: title } })).body as { id: string }).id,
      );
    const listed = ((await request(url(), { headers: anna })).body as { items: { id: string }[] }).items;
    expect(listed.map((item) => item.id).filter((id) => ids.includes(id))).toEqual(ids);
  });

  it.each([
    ['an empty title', { title: ' ', text: 'x' }],
    ['an empty text', { title: 'x', text: '' }],
    ['a title over 100 characters', { title: 'x'.repeat(101), text: 'x' }],
    ['a text over 5000 characters', { title: 'x', text: 'x'.repeat(5001) }],
  ])('refuses %s with 400', async (_, body) => {
    const response = await request(url(), { headers: await as('anna'), body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers 404 to a malformed snippet id', async () => {
    const response = await request(url('/..%2FTICKET'), { method: 'DELETE', headers: await as('anna') });
    expect(response.status).toBe(404);
  });

  it('keeps snippets out of every ticket queue', async () => {
    const anna = await as('anna');
    await request(url(), { headers: anna, body: { title: 'Queue', text: 'Nicht in der Liste' } });
    for (const status of ['open', 'claimed', 'answered', 'closed']) {
      const page = await request(inbox(`?status=${status}&limit=100`), { headers: anna });
      expect(JSON.stringify(page.body)).not.toContain('Nicht in der Liste');
    }
  });
});

describe('logs', () => {
  it('contain no token', () => {
    expect(tokens.size).toBeGreaterThan(10);
    expect(logs.lines.some((line) => line.includes('ticket changed'))).toBe(true);
    expect(logs.leaks(tokens)).toEqual([]);
    expect(logs.leaks(['hidden@example.org', 'Ihre Daten sind sicher'])).toEqual([]);
  });
});
