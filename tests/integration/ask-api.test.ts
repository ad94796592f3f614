import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { importKnowledge, readMeta } from '../../functions/lib/knowledge/store.ts';
import { listUnanswered } from '../../functions/lib/unanswered/report.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { request, startTestStack } from '../support/stack.ts';

let stack: LocalStack;
const ask = (init: Parameters<typeof request>[1]) => request(`${stack.url}/v1/ask`, init);

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('GET /v1/health', () => {
  it('answers 200', async () => {
    const response = await request(`${stack.url}/v1/health`);
    expect(response).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('POST /v1/ask through the local server and the embedded database', () => {
  it('answers a question with the curated entry', async () => {
    const response = await ask({ body: { question: 'Wurden Daten gestohlen?' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'answer',
      locale: 'de',
      answer: { entryId: 'data-leaked', reviewedAt: '2021-05-04' },
      suggestions: [],
      offerEscalation: false,
    });
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('answers in English when asked in English', async () => {
    const response = await ask({ body: { question: 'Was any data stolen?' } });
    expect(response.body).toMatchObject({
      status: 'answer',
      locale: 'en',
      answer: { entryId: 'data-leaked' },
    });
  });

  it('honours an explicit locale', async () => {
    const response = await ask({ body: { question: 'Phishing', locale: 'en' } });
    expect(response.body).toMatchObject({ locale: 'en' });
  });

  it('says it does not know, and offers escalation, for an out-of-scope question', async () => {
    const response = await ask({ body: { question: 'Blumenkohl Rezept' } });
    expect(response.body).toMatchObject({ status: 'none', offerEscalation: true, suggestions: [] });
  });

  it('answers the first of two questions, and the message, answered in part, goes to the unanswered list', async () => {
    const question = 'Welche Daten sind betroffen, und wie viele Menschen sind es insgesamt?';
    const response = await ask({ body: { question } });
    expect(response.body).toMatchObject({
      status: 'answer',
      answer: { entryId: 'affected-data' },
      leftOut: 'wie viele Menschen sind es insgesamt?',
      offerEscalation: true,
      message: expect.stringContaining('Ihre weitere Frage'),
    });
    const listed = (await listUnanswered()).filter((item) => item.text === question);
    expect(listed).toMatchObject([{ status: 'answer', locale: 'de' }]);
  });

  it('drops unknown fields', async () => {
    const response = await ask({ body: { question: 'Hallo', extra: { nested: true } } });
    expect(response).toMatchObject({ status: 200, body: { answer: { entryId: 'greeting' } } });
  });
});

describe('bad input to POST /v1/ask', () => {
  const long = 'a'.repeat(501);
  const cases: { name: string; init: Parameters<typeof request>[1]; status: number; code: string }[] = [
    {
      name: 'invalid JSON',
      init: { raw: '{"question":', headers: { 'content-type': 'application/json' } },
      status: 400,
      code: 'invalid_json',
    },
    {
      name: 'no content type',
      init: { raw: '{"question":"Hallo"}' },
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: 'a form body',
      init: { raw: 'question=Hallo', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      status: 415,
      code: 'unsupported_media_type',
    },
    { name: 'a missing question', init: { body: {} }, status: 400, code: 'invalid_request' },
    { name: 'an empty question', init: { body: { question: '' } }, status: 400, code: 'invalid_request' },
    {
      name: 'a blank question',
      init: { body: { question: '   \n\t ' } },
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'an oversized question',
      init: { body: { question: long } },
      status: 400,
      code: 'invalid_request',
    },
    { name: 'a number as question', init: { body: { question: 42 } }, status: 400, code: 'invalid_request' },
    {
      name: 'an array as question',
      init: { body: { question: ['Hallo'] } },
      status: 400,
      code: 'invalid_request',
    },
    { name: 'null as body', init: { body: null }, status: 400, code: 'invalid_request' },
    {
      name: 'an array as body',
      init: { body: [{ question: 'Hallo' }] },
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'a locale the settings do not configure',
      init: { body: { question: 'Hallo', locale: 'fr' } },
      status: 400,
      code: 'unknown_locale',
    },
    {
      name: 'a locale that is no language tag',
      init: { body: { question: 'Hallo', locale: 'Deutsch!' } },
      status: 400,
      code: 'invalid_request',
    },
    {
      name: 'a huge body',
      init: { body: { question: 'Hallo', padding: 'x'.repeat(40_000) } },
      status: 413,
      code: 'payload_too_large',
    },
  ];

  it.each(cases)('answers $name with $status and a clear error', async ({ init, status, code }) => {
    const response = await ask(init);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/stack|at .*\.ts|local-knowledge|Exception|dynamodb/i);
  });

  it('accepts a 500-character question after trimming', async () => {
    const response = await ask({ body: { question: `  ${'Phishing '.repeat(55).slice(0, 500)}  ` } });
    expect(response.status).toBe(200);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await request(`${stack.url}/v1/nope`)).status).toBe(404);
    expect((await request(`${stack.url}/v1/ask`)).status).toBe(405);
  });
});

describe('when staff publish a new version of the knowledge base', () => {
  it('answers with the new content without a restart', async () => {
    const report = await loadKnowledgeDir();
    if (!report.settings) throw new Error('settings missing');
    const before = await readMeta(true);
    const changed = report.entries.map((entry) =>
      entry.id === 'outlook-web-app'
        ? { ...entry, de: { ...entry.de, answer: 'Neuer Stand: Outlook Web App bleibt aus.' } }
        : entry,
    );
    await importKnowledge(changed, report.settings, 'editor');
    const response = await ask({ body: { question: 'Warum ist Outlook Web App abgeschaltet?' } });
    expect(response.body).toMatchObject({
      answer: { entryId: 'outlook-web-app', text: 'Neuer Stand: Outlook Web App bleibt aus.' },
    });
    expect((await readMeta(true))?.version).toBe((before?.version ?? 0) + 1);
  });
});
