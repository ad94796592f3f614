import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEml } from '../../functions/lib/adapters/mail.ts';
import { dpoNotice } from '../../functions/lib/escalations/mail-texts.ts';
import { loadPublished } from '../../functions/lib/knowledge/store.ts';
import { logger } from '../../functions/lib/observability/logger.ts';
import { repositoryRoot } from '../../functions/local/server.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { runLoad } from '../load/run-load.ts';
import { setEscalationSettings, staffHeaders, submission } from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { parseEml, readOutbox } from '../support/mail.ts';
import {
  type AuditSource,
  allTableSources,
  type Canary,
  dpoMails,
  findGenericLeaks,
  findLeaks,
  metricLines,
  tableEntries,
} from '../support/privacy-audit.ts';
import { request, startTestStack } from '../support/stack.ts';

/**
 * The privacy audit: a realistic flow with distinctive canary values (question markers, e-mail
 * addresses, secrets, client tokens, staff tokens), then a search for them wherever they must
 * not be: logs, metrics, mail to the DPO, the analytics table, and after erasure every table.
 */
const logs = captureLogs();
let stack: LocalStack;
let ownDomains: string[];
const canaries: Canary[] = [];
const marker = (label: string) => `${label}${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  // The load burst injects faults into 5 % of all calls, the notify consumer's too; with the
  // default three retries a record whose four attempts each meet a fault is given up now and
  // then (a few records in a thousand), which the burst reports as a problem. Like `npm run
  // load` and load-accounting.test.ts, ten retries; giving up is tested in stream-poison.test.ts.
  stack = await startTestStack({ streamBackoffMs: 5, streamRetries: 10 });
  await setEscalationSettings({ perClientDailyCap: 100_000, globalDailyCap: 100_000 });
  const contact = (await loadPublished())?.settings.contact;
  ownDomains = [contact?.senderAddress, contact?.dpoMailbox, contact?.dpo.email]
    .map((address) => address?.split('@')[1] ?? '')
    .filter(Boolean);
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

interface Filed {
  ticketId: string;
  secret: string;
  clientToken: string;
  email: string;
  question: string;
}

async function forward(): Promise<Filed> {
  const question = marker('frage');
  const email = `${marker('person')}@example.org`;
  const body = submission({ question: `Meine Frage ${question}, bitte antworten`, email });
  const response = await request(`${stack.url}/v1/escalations`, { body });
  expect(response.status).toBe(201);
  const { ticketId, secret } = response.body as { ticketId: string; secret: string };
  const clientToken = String(body.clientToken);
  canaries.push(
    { label: 'question', value: question },
    { label: 'email', value: email },
    { label: 'secret', value: secret },
    { label: 'client-token', value: clientToken },
  );
  return { ticketId, secret, clientToken, email, question };
}

describe('privacy audit after a realistic flow', () => {
  let erased: Filed;

  it('runs the flow: asks, votes, forwards, answers, erases, a metrics run and a load burst', async () => {
    // Citizens ask, some with personal data in the text (the unanswered report must anonymise it).
    for (let i = 0; i < 4; i++) {
      const email = `${marker('frager')}@example.org`;
      const question = marker('text');
      canaries.push({ label: 'email', value: email }, { label: 'ask-question', value: question });
      const response = await request(`${stack.url}/v1/ask`, {
        body: { question: `Wer kennt ${question}? Schreiben Sie an ${email}` },
      });
      expect(response.status).toBe(200);
    }
    // A vote spends the single-use token that came with the answer.
    const answered = await request(`${stack.url}/v1/ask`, { body: { question: 'Was ist passiert?' } });
    const voteToken = (answered.body as { answer?: { voteToken?: string } }).answer?.voteToken;
    expect(
      (
        await request(`${stack.url}/v1/feedback`, {
          body: { entryId: 'what-happened', helpful: true, voteToken },
        })
      ).status,
    ).toBe(204);

    const kept = await forward();
    erased = await forward();
    const headers = await staffHeaders(stack, 'anna');
    canaries.push({ label: 'staff-token', value: headers.authorization?.slice('Bearer '.length) ?? '' });
    for (const ticket of [kept, erased]) {
      const read = await request(`${stack.url}/v1/escalations/${ticket.ticketId}`, {
        headers: { 'x-ticket-secret': ticket.secret },
      });
      expect(read.status).toBe(200);
      expect(
        (await request(`${stack.url}/v1/inbox/${ticket.ticketId}/claim`, { method: 'POST', headers })).status,
      ).toBe(200);
      expect(
        (
          await request(`${stack.url}/v1/inbox/${ticket.ticketId}/answer`, {
            headers,
            body: { text: 'Ihre Daten waren nicht betroffen.' },
          })
        ).status,
      ).toBe(200);
    }
    await stack.streams.drain();

    // The scheduled metrics function (EMF output in the logs), if the deployment has one.
    const ticketAge = path.join(repositoryRoot, 'functions/ticket-age/handler.ts');
    const module = (await import(pathToFileURL(ticketAge).href).catch(() => undefined)) as
      | { handler?: () => Promise<unknown> }
      | undefined;
    await module?.handler?.();

    // Load-ish traffic with faults: the load run audits its own log lines and the analytics table.
    const report = await runLoad({
      stack,
      durationMs: 2500,
      clients: 6,
      forwardShare: 0.3,
      faultRate: 0.05,
      retryAfterCapMs: 200,
    });
    expect(report.privacy.leaks).toBe(0);
    expect(report.problems).toEqual([]);

    const erase = await request(`${stack.url}/v1/escalations/${erased.ticketId}`, {
      method: 'DELETE',
      headers: { 'x-ticket-secret': erased.secret },
    });
    expect(erase.status).toBe(204);
    await stack.streams.drain();
  }, 40_000);

  it('finds no canary in logs, metrics, DPO mail or analytics', async () => {
    const mails = await readOutbox(stack.spoolDir);
    const sources: AuditSource[] = [
      { name: 'logs', entries: logs.lines },
      { name: 'metrics', entries: metricLines(logs.lines) },
      { name: 'dpo-mail', entries: dpoMails(mails) },
      // The unanswered report keeps the anonymised question text (that is its purpose), nothing else.
      { name: 'analytics', entries: await tableEntries('analytics'), allow: ['ask-question'] },
      { name: 'failed-records', entries: await readdir(path.join(stack.spoolDir, 'failed')).catch(() => []) },
    ];
    expect(dpoMails(mails).length).toBeGreaterThan(0);
    // The metrics function ran in the flow: its EMF line is part of what was searched.
    if (existsSync(path.join(repositoryRoot, 'functions/ticket-age/handler.ts')))
      expect(metricLines(logs.lines).length).toBeGreaterThan(0);
    expect(findLeaks(canaries, sources)).toEqual([]);
    expect(findGenericLeaks(sources, ownDomains)).toEqual([]);
    // Feedback is counts only.
    const feedback = (await tableEntries('analytics')).filter((entry) => entry.includes('"FEEDBACK"'));
    expect(feedback.length).toBeGreaterThan(0);
    for (const entry of feedback)
      for (const key of Object.keys(JSON.parse(entry)))
        expect(['pk', 'sk', 'helpful', 'notHelpful']).toContain(key);
  });

  it('leaves no trace of an erased ticket in any table', async () => {
    const traces: Canary[] = [
      { label: 'ticket-id', value: erased.ticketId },
      { label: 'client-token', value: erased.clientToken },
      { label: 'email', value: erased.email },
      { label: 'question', value: erased.question },
    ];
    expect(findLeaks(traces, await allTableSources())).toEqual([]);
  });
});

describe('the audit catches planted defects', () => {
  it('a question logged through the real logger', async () => {
    const capture = captureLogs();
    const question = marker('geplant');
    try {
      logger.info('question received', { question: `Was ist mit ${question}?` });
    } finally {
      capture.stop();
    }
    const leaks = findLeaks(
      [{ label: 'question', value: question }],
      [{ name: 'logs', entries: capture.lines }],
    );
    expect(leaks).toEqual([{ source: 'logs', label: 'question', entry: 0 }]);
  });

  it('a DPO notice renderer that adds the citizen e-mail address', async () => {
    const email = `${marker('planted')}@example.org`;
    const notice = dpoNotice({
      ticketId: 'STR-2222-2222',
      createdAt: new Date().toISOString(),
      inboxLink: 'https://example.org/inbox?ticket=STR-2222-2222',
      organisation: 'Stadt Strasburg (Um.)',
    });
    const raw = await toEml(
      {
        from: 'no-reply@strasburg.de',
        to: 'datenschutz@ego-mv.de',
        subject: notice.subject,
        text: `${notice.text}\nKontakt: ${email}`,
        tags: { ticket: 'STR-2222-2222', kind: 'dpo-notice' },
      },
      'planted',
    );
    const mail = await parseEml('planted-STR-2222-2222-dpo-notice.eml', raw);
    const sources = [{ name: 'dpo-mail', entries: dpoMails([mail]) }];
    expect(findLeaks([{ label: 'email', value: email }], sources)).toHaveLength(1);
    expect(findGenericLeaks(sources, ['strasburg.de', 'ego-mv.de'])).toHaveLength(1);
  });
});
