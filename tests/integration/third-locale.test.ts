import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../functions/lib/knowledge/validate.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { importOverlay } from '../support/knowledge-overlay.ts';
import { request, startTestStack } from '../support/stack.ts';

/**
 * Issue 16: adding a third locale is a settings change plus texts, no code change. The fixture
 * tests/fixtures/third-locale adds Polish (`pl`, no language analysis) with its widget texts and
 * three entries' `pl` blocks; a fresh local stack imports it and answers in Polish.
 */
describe('a third locale from data only (Polish)', { timeout: 60_000 }, () => {
  let stack: LocalStack;
  let report: ValidationReport;

  beforeAll(async () => {
    stack = await startTestStack();
    report = await importOverlay('tests/fixtures/third-locale');
  });
  afterAll(() => stack?.close());

  const ask = (body: Record<string, unknown>) => request(`${stack.url}/v1/ask`, { body });

  it('validates; each entry without a pl block is a warning, since the fixture marks pl not required', () => {
    expect(report.problems).toEqual([]);
    const missingPl = report.warnings.filter((warning) => warning.field === 'pl');
    expect(missingPl).toHaveLength(report.entries.length - 3);
  });

  it('when asked in pl › answers from the pl block', async () => {
    const response = await ask({ question: 'Czy miasto zostało zhakowane?', locale: 'pl' });
    expect(response.body).toMatchObject({
      status: 'answer',
      locale: 'pl',
      answer: {
        entryId: 'what-happened',
        question: 'Co się stało?',
        text: expect.stringContaining('włamały się'),
      },
    });
  });

  it('when a pl question has a typo-free folded form (no diacritics) › it still matches', async () => {
    const response = await ask({ question: 'czy musze zmienic haslo', locale: 'pl' });
    expect(response.body).toMatchObject({ locale: 'pl', answer: { entryId: 'passwords' } });
  });

  it('when the pl mode gets a clearly German question › it is answered in German', async () => {
    const response = await ask({ question: 'Wurden bei dem Angriff Daten gestohlen?', locale: 'pl' });
    expect(response.body).toMatchObject({
      status: 'answer',
      locale: 'de',
      answer: { entryId: 'data-leaked' },
    });
  });

  it('when nothing matches in pl › says so with the pl fallback text', async () => {
    const response = await ask({ question: 'przepis na pierogi z kapustą', locale: 'pl' });
    expect(response.body).toMatchObject({
      status: 'none',
      locale: 'pl',
      message: expect.stringContaining('inspektorowi ochrony danych'),
    });
  });

  it('serves the pl starters, the locales and the widget texts the settings give', async () => {
    const response = await request(`${stack.url}/v1/starters?locale=pl`);
    expect(response.body).toMatchObject({
      locale: 'pl',
      questions: [
        { entryId: 'what-happened', question: 'Co się stało?' },
        { entryId: 'passwords', question: 'Czy muszę zmienić hasło?' },
        { entryId: 'contact-dpo', question: 'Jak skontaktować się z inspektorem ochrony danych?' },
      ],
      locales: expect.arrayContaining([{ tag: 'pl', name: 'Polski' }]),
      texts: expect.objectContaining({ greeting: 'Dzień dobry! W czym mogę pomóc?', send: 'Wyślij' }),
    });
  });

  it('refuses a locale that is not configured with 400 unknown_locale', async () => {
    const response = await ask({ question: 'Hej', locale: 'cs' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'unknown_locale' } });
  });
});
