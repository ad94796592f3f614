import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAddress, toEml } from '../../functions/lib/adapters/mail.ts';
import { httpHandler } from '../../functions/lib/http/handler.ts';
import { json } from '../../functions/lib/http/response.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { hostileString } from '../property/arbitraries.ts';
import {
  type EscalationLedger,
  endpointProperty,
  publicEndpointProperties,
  rawRequest,
  serverTrickProperty,
} from '../property/harness.ts';
import {
  allTicketItems,
  confirmAddress,
  setEscalationSettings,
  staffHeaders,
  submission,
} from '../support/escalations.ts';
import { captureLogs } from '../support/logs.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

// Bounded here; `npm run fuzz` runs the same properties 10,000 times per endpoint.
const runs = Number(process.env.PROPERTY_RUNS ?? 250);
const logs = captureLogs();
let stack: LocalStack;
let tableNames: string[];
const ledger: EscalationLedger = { accepted: new Set() };
const endpoints = publicEndpointProperties(ledger);

beforeAll(async () => {
  stack = await startTestStack({ knowledgeCheckIntervalMs: 1000 });
  await setEscalationSettings({ perClientDailyCap: 1_000_000, globalDailyCap: 1_000_000 });
  tableNames = Object.values(stack.database.tableNames);
});

afterAll(async () => {
  await stack?.close();
  logs.stop();
});

const ticketCount = async () => (await allTicketItems()).filter((item) => item.sk === 'TICKET').length;

describe('hostile input at every public endpoint (property-based)', () => {
  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s: no 5xx, no stack trace or internals, unknown fields dropped, nothing stored when refused',
    async (_, endpoint) => {
      const before = await ticketCount();
      const acceptedBefore = ledger.accepted.size;
      await fc.assert(endpointProperty(endpoint, tableNames), { numRuns: runs });
      // Only accepted submissions became tickets: every refused one left nothing behind.
      expect((await ticketCount()) - before).toBe(ledger.accepted.size - acceptedBefore);
    },
    60_000,
  );

  it('path and header tricks through the real HTTP server never cause a 5xx', async () => {
    // Found by this property: `//` was read as a URL with an empty host and answered 500.
    for (const path of ['//', '//v1/ask', '///', '/%', '/v1/escalations/%E0%A4%A'])
      expect((await rawRequest(stack, { method: 'GET', path, headers: {} })).status).toBeLessThan(500);
    await fc.assert(serverTrickProperty(stack), { numRuns: Math.ceil(runs / 3) });
  }, 60_000);

  it('finds a planted defect: a handler that trusts the body shape answers 500', async () => {
    const planted = httpHandler(async (event) => {
      const body = JSON.parse(event.body ?? '') as { question: string };
      return json(200, { length: body.question.trim().length });
    });
    const ask = endpoints.find((endpoint) => endpoint.name === 'POST /v1/ask');
    if (!ask) throw new Error('no ask property');
    const result = await fc.check(endpointProperty(ask, tableNames, planted), { numRuns: runs, seed: 42 });
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toMatch(/status 500/);
  });
});

describe('e-mail header injection (CR/LF) is neutralised', () => {
  const payload = fc
    .tuple(hostileString, fc.constantFrom('\r\n', '\n', '\r', '\r\n ', '\u2028', '\r\n\t'), hostileString)
    .map(([before, breakChars, after]) => `${before}${breakChars}Bcc: x@evil.example${after}`);
  const headerNames = [
    'Content-Transfer-Encoding',
    'Content-Type',
    'Date',
    'From',
    'MIME-Version',
    'Message-ID',
    'Subject',
    'To',
    'X-Tag-Kind',
    'X-Tag-Ticket',
  ];
  // RFC 5322 folding: a line starting with a space or tab continues the header above, so it is
  // joined first; what remains must be exactly one line per header.
  const headLines = (eml: string) =>
    (eml.split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]/g, ' ').split('\r\n');

  it('renders every header on one line, whatever subject, tags and body contain', async () => {
    await fc.assert(
      fc.asyncProperty(payload, payload, payload, payload, async (subject, text, ticket, kind) => {
        const eml = await toEml(
          { from: 'no-reply@strasburg.de', to: 'b@example.org', subject, text, tags: { ticket, kind } },
          'id',
        );
        const names = headLines(eml).map((line) => /^([A-Za-z-]+): /.exec(line)?.[1]);
        expect([...names].sort()).toEqual(headerNames);
      }),
      { numRuns: runs * 2 },
    );
  });

  it('refuses any address that carries a line break, a second recipient or a display name', () => {
    fc.assert(
      fc.property(payload, (value) => {
        expect(() => checkAddress(`a@example.org${value}`)).toThrow();
      }),
      { numRuns: runs * 2 },
    );
  });

  it('end to end: the citizen address is refused, the question and the answer cannot add headers', async () => {
    const refused = submission({ email: 'a@example.org\r\nBcc: x@evil.example' });
    expect((await request(`${stack.url}/v1/escalations`, { body: refused })).status).toBe(400);
    expect((await allTicketItems()).some((item) => item.clientToken === refused.clientToken)).toBe(false);

    const body = submission({
      email: 'citizen@example.org',
      question: 'Frage\r\nBcc: x@evil.example\r\n\r\nmehr',
    });
    const created = await request(`${stack.url}/v1/escalations`, { body });
    expect(created.status).toBe(201);
    const { ticketId } = created.body as { ticketId: string };
    // The answer goes only to a confirmed address.
    await stack.streams.drain();
    expect((await confirmAddress(stack, ticketId)).status).toBe(200);
    const headers = await staffHeaders(stack, 'anna');
    expect(
      (await request(`${stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers })).status,
    ).toBe(200);
    const answer = await request(`${stack.url}/v1/inbox/${ticketId}/answer`, {
      headers,
      body: { text: 'Antwort\r\nBcc: x@evil.example\r\nSubject: gefälscht\r\n\r\nText' },
    });
    expect(answer.status).toBe(200);
    await stack.streams.drain();
    const mails = (await readOutbox(stack.spoolDir)).filter((mail) => mail.file.includes(ticketId));
    expect(
      mails.map((mail) => mail.file.replace(/^.*(dpo-notice|answer|confirm)\.eml$/, '$1')).sort(),
    ).toEqual(['answer', 'confirm', 'dpo-notice']);
    for (const mail of mails) {
      const names = headLines(mail.raw).map((line) => /^([A-Za-z-]+): /.exec(line)?.[1]);
      expect(names.filter((name) => name === undefined || /^(bcc|cc)$/i.test(name))).toEqual([]);
      expect(names.filter((name) => name === 'Subject')).toHaveLength(1);
      expect(mail.headerNames.filter((name) => /^(bcc|cc)$/i.test(name))).toEqual([]);
    }
    const answerMail = mails.find((mail) => mail.file.endsWith('-answer.eml'));
    expect(answerMail?.headers.to).toBe('citizen@example.org');
    // In the body, where it is just text: a line of the text part, and escaped in the HTML part.
    expect(answerMail?.text).toContain('Bcc: x@evil.example');
    expect(answerMail?.html).toContain('Subject: gefälscht');
  });
});
