import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeBlock } from '../../functions/lib/knowledge/locales.ts';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { submit } from '../support/escalations.ts';
import { importOverlay } from '../support/knowledge-overlay.ts';
import { request, startTestStack } from '../support/stack.ts';

/**
 * Leichte Sprache (`de-x-ls`) through the real ask function: answers come from the entry's
 * Leichte Sprache block, standard German phrasings find it too (`matchAlso: de`), and the
 * German interface is not affected. The blocks come from tests/fixtures/leichte-sprache.
 */
describe('asking in Leichte Sprache', { timeout: 60_000 }, () => {
  let stack: LocalStack;
  let entries: Map<string, Entry>;

  beforeAll(async () => {
    stack = await startTestStack();
    const report = await importOverlay('tests/fixtures/leichte-sprache');
    entries = new Map(report.entries.map((entry) => [entry.id, entry]));
  });
  afterAll(() => stack?.close());

  const ask = (body: Record<string, unknown>) => request(`${stack.url}/v1/ask`, { body });
  const entry = (id: string) => {
    const found = entries.get(id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };

  it('when asked in de-x-ls › answers with the Leichte Sprache question and text', async () => {
    const response = await ask({ question: 'Was ist passiert?', locale: 'de-x-ls' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'answer',
      locale: 'de-x-ls',
      answer: {
        entryId: 'what-happened',
        question: 'Was ist passiert?',
        text: localeBlock(entry('what-happened'), 'de-x-ls')?.answer,
      },
    });
    expect((response.body as { answer: { text: string } }).answer.text).toContain(
      'Dieser Computer ist ein Server',
    );
  });

  it('when a standard German phrasing is asked in de-x-ls › it matches too, and the answer is Leichte Sprache', async () => {
    const response = await ask({ question: 'Wurde die Stadtverwaltung gehackt?', locale: 'de-x-ls' });
    expect(response.body).toMatchObject({
      status: 'answer',
      locale: 'de-x-ls',
      answer: { entryId: 'what-happened', text: expect.stringContaining('Dieser Computer ist ein Server') },
    });
  });

  it('when asked in de-x-ls › the follow-up questions are Leichte Sprache where an entry has it, else German', async () => {
    const response = await ask({ question: 'Was ist passiert?', locale: 'de-x-ls' });
    const related = (response.body as { answer: { related: { entryId: string; question: string }[] } }).answer
      .related;
    expect(related.length).toBeGreaterThan(0);
    for (const item of related) {
      const expected =
        localeBlock(entry(item.entryId), 'de-x-ls')?.question ?? entry(item.entryId).de.question;
      expect(item.question, item.entryId).toBe(expected);
    }
  });

  it('when the same question is asked in German › the standard German text comes back', async () => {
    const response = await ask({ question: 'Was ist passiert?', locale: 'de' });
    expect(response.body).toMatchObject({
      locale: 'de',
      answer: { entryId: 'what-happened', text: entry('what-happened').de.answer },
    });
  });

  it('when a Leichte Sprache question is clearly English › it is answered in English', async () => {
    const response = await ask({ question: 'What happened to the town?', locale: 'de-x-ls' });
    expect(response.body).toMatchObject({ locale: 'en', answer: { entryId: 'what-happened' } });
  });

  it('serves the starters and the configured locales for the Leichte Sprache mode', async () => {
    const response = await request(`${stack.url}/v1/starters?locale=de-x-ls`);
    const body = response.body as { locale: string; questions: { entryId: string; question: string }[] };
    expect(body).toMatchObject({
      locale: 'de-x-ls',
      locales: expect.arrayContaining([{ tag: 'de-x-ls', name: 'Leichte Sprache' }]),
    });
    expect(body.questions.find((item) => item.entryId === 'passwords')?.question).toBe(
      'Muss ich mein Pass-Wort ändern?',
    );
  });

  it('when the Leichte Sprache mode forwards a German question › the ticket keeps the locale de-x-ls', async () => {
    const { ticketId, secret } = await submit(stack, {
      question: 'Wer hat meine Daten bekommen?',
      locale: 'de-x-ls',
    });
    const view = await request(`${stack.url}/v1/escalations/${ticketId}`, {
      headers: { 'x-ticket-secret': secret },
    });
    expect(view.body).toMatchObject({ locale: 'de-x-ls' });
  });
});
