import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { setEscalationSettings, staffHeaders, submission } from '../support/escalations.ts';
import { request, startTestStack } from '../support/stack.ts';

/**
 * A forwarded question is stored in the language of the question itself, detected on the
 * server: the widget's locale (the interface, or an earlier English reply) is only a hint for
 * questions whose language cannot be told.
 */
let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
  // Every test client comes from 127.0.0.1 (one network): without raised limits the per-network
  // challenge would answer 428 once other files have forwarded from the same database.
  await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
});

afterAll(async () => {
  await stack?.close();
});

async function storedLocale(overrides: Record<string, unknown>): Promise<unknown> {
  const created = await request(`${stack.url}/v1/escalations`, { body: submission(overrides) });
  expect(created.status).toBe(201);
  const { ticketId } = created.body as { ticketId: string };
  const stored = await request(`${stack.url}/v1/inbox/${ticketId}`, {
    headers: await staffHeaders(stack, 'dpo'),
  });
  return (stored.body as { locale?: unknown }).locale;
}

describe('when a citizen forwards a question', () => {
  it.each([
    [
      'a German question with an English hint',
      'Ist mein Konto noch sicher, wenn ich das Passwort nicht ändere?',
      'en',
      'de',
    ],
    [
      'an English question with a German hint',
      'Is my account still safe if I do not change my password?',
      'de',
      'en',
    ],
    ['a German question without a hint', 'Wann wurde ich über den Angriff informiert?', undefined, 'de'],
  ])('stores %s in the language of the question', async (_case, question, hint, expected) => {
    const locale = await storedLocale({ question, ...(hint ? { locale: hint } : { locale: undefined }) });
    expect(locale).toBe(expected);
  });

  it('uses the hint when the question alone does not tell its language', async () => {
    // A day's cap per client is five submissions: one more case here would be one too many.
    expect(await storedLocale({ question: `STR ${randomUUID()}`, locale: 'en' })).toBe('en');
  });
});
