import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge } from '../../functions/lib/knowledge/store.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  axeViolations,
  browserAvailable,
  expectClean,
  launchBrowser,
  openPage,
  patience,
  requireBrowserInCi,
  type Watched,
} from '../support/browser.ts';
import { request, startTestStack } from '../support/stack.ts';

requireBrowserInCi();

/** Payloads that would run script, open a dialog or load something if rendered as HTML. */
const payloads = [
  `<img src=x onerror="window.xssHit='img';alert('img')">`,
  `<script>window.xssHit='script';alert('script')</script>`,
  `<svg onload="window.xssHit='svg';alert('svg')"></svg>`,
  `<a href="javascript:alert('a')">html link</a>`,
  `[klick mich](javascript:window.xssHit='md';alert('md'))`,
  `[daten](data:text/html,<script>alert('data')</script>)`,
  `<iframe src="javascript:alert('frame')"></iframe>`,
  `<style>*{display:none}</style>`,
];

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.querySelector('incident-faq-assistant')?.shadowRoot?.activeElement;
    if (!active) return `page:${document.activeElement?.tagName ?? ''}`;
    return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''} ${(active.textContent ?? '').trim()}`;
  });
}

async function tabTo(page: Page, matches: (label: string) => boolean, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 40 && !matches(await focused(page)); i++) await page.keyboard.press(key);
  expect(matches(await focused(page)), await focused(page)).toBe(true);
}

/** Nothing from the payloads reached the DOM as markup, and no script ran. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.querySelector('incident-faq-assistant')?.shadowRoot;
    const scopes: ParentNode[] = [document, ...(root ? [root] : [])];
    const all = scopes.flatMap((scope) => [
      ...scope.querySelectorAll('img, script:not([src]), svg, iframe, style'),
    ]);
    const hrefs = scopes.flatMap((scope) =>
      [...scope.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    );
    return {
      xss: (window as unknown as { xssHit?: unknown }).xssHit ?? null,
      elements: all.map((element) => element.tagName),
      // blob: of the page's own origin: the ticket card's "save as text file" link, made in the page.
      badLinks: hrefs.filter(
        (href) => !/^(https:|mailto:|\/|#|(blob:)?http:\/\/127\.0\.0\.1)/.test(href ?? ''),
      ),
    };
  });
  expect(found).toEqual({ xss: null, elements: [], badLinks: [] });
}

describe.runIf(browserAvailable)('forwarding to the DPO, in Chromium', { timeout: 120_000 }, () => {
  let stack: LocalStack;
  let browser: Browser;
  let dpoToken: string;
  const open: Watched[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    dpoToken = await stack.issuer.sign({ sub: 'dpo-anna', groups: ['dpo'] });
  });

  afterEach(async () => {
    for (const watched of open.splice(0)) await watched.close();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function demo(): Promise<Watched> {
    const watched = await openPage(browser);
    open.push(watched);
    await watched.page.goto(stack.url);
    await watched.page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' }).click();
    return watched;
  }

  async function askQuestion(page: Page, question: string): Promise<void> {
    const before = await page.locator('.msg.assistant').count();
    await page.getByRole('textbox', { name: 'Ihre Frage', exact: true }).fill(question);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.assistant').count(), patience).toBe(before + 1);
  }

  const inbox = (path: string, body?: unknown) =>
    request(`${stack.url}/v1/inbox${path}`, {
      ...(body === undefined ? { method: path.includes('/claim') ? 'POST' : 'GET' } : { body }),
      headers: { authorization: `Bearer ${dpoToken}` },
    });

  /**
   * The DPO answers in the inbox page (signed in with a dev-issuer token), which must show the
   * forwarded question as inert text and pass axe on every view.
   */
  async function answerInInbox(ticketId: string, question: string, text: string): Promise<void> {
    const dpo = await openPage(browser);
    open.push(dpo);
    const { page } = dpo;
    await page.goto(`${stack.url}/inbox`);
    const token = page.getByRole('textbox', { name: 'Zugangs-Token' });
    await token.waitFor();
    expect(await axeViolations(page), 'inbox sign-in').toEqual([]);
    await token.fill(dpoToken);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const openTicket = page.getByRole('button', { name: `Anfrage ${ticketId} öffnen` });
    await openTicket.waitFor();
    expect(await page.locator('#tickets').textContent()).toContain('Ist mein Konto sicher? <img src=x');
    expect(await axeViolations(page), 'inbox queue').toEqual([]);
    await openTicket.click();
    const shown = page.locator('#detail-question');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(question);
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    const answer = page.getByRole('textbox', { name: 'Ihre Antwort an die Bürgerin oder den Bürger' });
    await answer.waitFor();
    await answer.fill(text);
    expect(await axeViolations(page), 'inbox ticket').toEqual([]);
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await expect.poll(() => page.locator('#detail-status').textContent(), patience).toBe('Beantwortet');
    await expectInert(page);
    await expectClean(dpo);
  }

  it('has watchers that really catch CSP violations and dialogs (control for the XSS tests)', async () => {
    const watched = await openPage(browser);
    open.push(watched);
    await watched.page.goto(stack.url);
    await watched.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.xssHit = 1';
      document.body.appendChild(script);
      const element = document.createElement('div');
      element.setAttribute('style', 'color: red');
      document.body.appendChild(element);
    });
    await watched.page.evaluate(() => alert('control'));
    await expect
      .poll(() => watched.problems().then((problems) => problems.join('\n')), patience)
      .toMatch(/script-src/);
    const problems = (await watched.problems()).join('\n');
    expect(problems).toMatch(/style-src/);
    expect(problems).toContain('dialog: alert control');
    expect(
      await watched.page.evaluate(() => (window as unknown as { xssHit?: number }).xssHit ?? null),
    ).toBeNull();
  });

  it('renders XSS payloads in a knowledge-base answer as inert text: no script, no dialog, no CSP violation', async () => {
    const report = await loadKnowledgeDir();
    if (!report.settings) throw new Error('default knowledge base has no settings');
    const answer = `Achtung: **fett** ${payloads.join(' ')} und [sicher](https://www.bsi.bund.de).`;
    const probe = {
      id: 'xss-probe',
      kind: 'faq',
      reviewedAt: '2026-11-26',
      related: [],
      de: {
        question: 'Zeig mir die Sicherheitsprobe Zebra',
        alternatives: ['Sicherheitsprobe Zebra'],
        keywords: ['Sicherheitsprobe', 'Zebra'],
        answer,
        tests: [],
      },
      en: {
        question: 'Show me the security probe zebra',
        alternatives: ['security probe zebra'],
        keywords: ['zebra'],
        answer,
        tests: [],
      },
    } as Entry;
    // Straight into the table: the schema would refuse this entry on any regular import.
    await importKnowledge([...report.entries, probe], report.settings);
    try {
      const { page, ...watched } = await demo();
      await askQuestion(page, 'Sicherheitsprobe Zebra');
      const message = page.locator('.msg.assistant').last();
      const text = (await message.textContent()) ?? '';
      expect(text).toContain(`<img src=x onerror="window.xssHit='img';alert('img')">`);
      expect(text).toContain('<script>');
      expect(await message.locator('strong').first().textContent()).toBe('fett');
      expect(await message.getByRole('link', { name: 'sicher' }).getAttribute('href')).toBe(
        'https://www.bsi.bund.de',
      );
      expect(await message.getByRole('link', { name: 'klick mich' }).count()).toBe(0);
      // Even a reload from sessionStorage renders the same answer inertly: wait until the
      // restored answer is on the page (its formatting rendered), then check.
      await page.reload();
      const restored = page.locator('.msg.assistant').last();
      await expect.poll(() => restored.textContent(), patience).toContain('<script>');
      await expect.poll(() => restored.locator('strong').count(), patience).toBeGreaterThan(0);
      await expectInert(page);
      await expectClean({ page, ...watched });
    } finally {
      // Restore the shipped knowledge base even when an assertion failed, for the next test.
      await importKnowledge(report.entries, report.settings);
    }
  });

  it('forwards a question, the DPO answers, the widget shows the answer, and the citizen erases it', async () => {
    const { page, ...watched } = await demo();
    await askQuestion(page, 'Quantenphysik Rezept');
    const none = page.locator('.msg.assistant').last();
    expect(await none.textContent()).toContain('keine gesicherte Antwort');
    await none.getByRole('button', { name: 'Frage an die Datenschutzbeauftragte weiterleiten' }).click();
    const form = page.getByRole('form', { name: 'Frage an die Datenschutzbeauftragte weiterleiten' });
    await form.waitFor();
    const question = form.getByRole('textbox', { name: 'Ihre Frage' });
    expect(await question.inputValue()).toBe('Quantenphysik Rezept');
    expect(await focused(page)).toBe('textarea#fw-question ');
    // The Art. 13 information is part of the form.
    const info = (await form.textContent()) ?? '';
    for (const fact of [
      'Stadt Strasburg (Uckermark)',
      'Art. 6 Abs. 1 lit. e DSGVO',
      '90 Tage',
      'Löschung',
      'datenschutz@ego-mv.de',
    ])
      expect(info).toContain(fact);
    expect(await axeViolations(page)).toEqual([]);

    const forwarded = `Ist mein Konto sicher? ${payloads.slice(0, 3).join(' ')}`;
    await question.fill(forwarded);
    await form.getByRole('textbox', { name: 'E-Mail-Adresse (freiwillig)' }).fill('kein-mail');
    await form.getByRole('button', { name: 'Weiterleiten' }).click();
    expect(await form.textContent()).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(await form.textContent()).toContain('Bitte bestätigen Sie die Einwilligung.');
    expect(await focused(page)).toBe('input#fw-email ');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('textbox', { name: 'E-Mail-Adresse (freiwillig)' }).fill('erika@example.org');
    await form.getByRole('checkbox').check();
    const submitted = page.waitForResponse((response) => response.url().endsWith('/v1/escalations'));
    await form.getByRole('button', { name: 'Weiterleiten' }).click();
    const body = JSON.parse((await submitted).request().postData() ?? '{}');
    expect(body).toMatchObject({
      question: forwarded,
      email: 'erika@example.org',
      consent: true,
      website: '',
      locale: 'de',
    });
    expect(body.clientToken).toMatch(/^[0-9a-f-]{36}$/);

    const ticket = page.getByRole('region', { name: 'Ihre weitergeleitete Frage' });
    await ticket.waitFor();
    expect(await focused(page)).toBe('h3#ticket-title Ihre weitergeleitete Frage');
    const ticketId = (await ticket.locator('.ticket-id').textContent()) ?? '';
    const secret = (await ticket.locator('.ticket-secret').textContent()) ?? '';
    expect(ticketId).not.toBe('');
    expect(secret).not.toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('incident-faq-assistant'))).toContain(ticketId);

    await ticket.getByRole('button', { name: 'Status abrufen' }).click();
    await expect.poll(() => ticket.textContent(), patience).toContain('eingegangen, noch nicht bearbeitet');
    expect(await ticket.textContent()).toContain(forwarded);

    await answerInInbox(
      ticketId,
      forwarded,
      `Ihr Konto ist sicher. Mehr beim [BSI](https://www.bsi.bund.de). [böse](javascript:alert('dpo')) <img src=x onerror="alert('dpo')">`,
    );
    await ticket.getByRole('button', { name: 'Status abrufen' }).click();
    await expect.poll(() => ticket.textContent(), patience).toContain('beantwortet');
    expect(await ticket.textContent()).toContain('Antwort der Datenschutzbeauftragten:');
    expect(await ticket.locator('.ticket-answer').textContent()).toContain('Ihr Konto ist sicher.');
    expect(await ticket.getByRole('link', { name: 'BSI' }).getAttribute('rel')).toBe('noopener noreferrer');
    await expect
      .poll(() => page.locator('[aria-live=polite]').textContent(), patience)
      .toContain('Ihr Konto ist sicher.');
    await expectInert(page);

    // Later, in a new window (no sessionStorage): reference number and access code are enough.
    const later = await demo();
    await later.page.getByText('Status einer weitergeleiteten Frage abrufen').click();
    await later.page.getByRole('textbox', { name: 'Vorgangsnummer' }).fill(ticketId);
    await later.page.getByRole('textbox', { name: 'Zugangscode' }).fill(secret);
    await later.page.getByRole('button', { name: 'Abrufen' }).click();
    const restored = later.page.locator('.ticket-status');
    await expect.poll(() => restored.textContent(), patience).toContain('beantwortet');
    expect(await restored.textContent()).toContain('Ihr Konto ist sicher.');
    expect(await axeViolations(later.page)).toEqual([]);
    await expectClean(later);

    await ticket.getByRole('button', { name: 'Vorgang löschen' }).click();
    expect(await focused(page)).toBe('button Ja, endgültig löschen');
    const erased = page.waitForResponse((response) => response.request().method() === 'DELETE');
    await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
    expect((await erased).status()).toBe(204);
    await expect
      .poll(() => page.locator('.ticket-note').textContent(), patience)
      .toBe('Ihr Vorgang wurde gelöscht.');
    expect(await page.evaluate(() => sessionStorage.getItem('incident-faq-assistant'))).not.toContain(
      ticketId,
    );
    const gone = await request(`${stack.url}/v1/escalations/${ticketId}`, {
      headers: { 'x-ticket-secret': secret },
    });
    expect(gone.status).toBe(404);
    await expectClean({ page, ...watched });
  });

  it('retries a lost or failed submission with the same client token and never creates a second ticket', async () => {
    const { page, ...watched } = await demo();
    const bodies: string[] = [];
    let first: { ticketId: string } | undefined;
    await page.route('**/v1/escalations', async (route) => {
      bodies.push(route.request().postData() ?? '');
      if (bodies.length === 1) {
        // The request reaches the API and creates the ticket, but the answer is lost.
        const response = await route.fetch();
        first = (await response.json()) as { ticketId: string };
        await route.abort('failed');
      } else if (bodies.length === 2) {
        await route.fulfill({ status: 503, headers: { 'retry-after': '1' }, body: '{}' });
      } else if (bodies.length === 3) {
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await askQuestion(page, 'Ich möchte mit einem Menschen sprechen');
    const form = page.locator('form.forward');
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Ihre Frage' }).fill('Wann werde ich informiert, Zebra-Retry?');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Weiterleiten' }).click();
    // Three attempts fail: the citizen is told and tries again.
    await expect
      .poll(() => form.locator('[role=alert]').textContent(), patience)
      .toContain('Die Verbindung ist fehlgeschlagen');
    expect(bodies).toHaveLength(3);
    await form.getByRole('button', { name: 'Weiterleiten' }).click();
    const ticketId = page.locator('.ticket-id');
    await ticketId.waitFor();
    expect(await ticketId.textContent()).toBe(first?.ticketId);
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies).size).toBe(1);
    const open = (await inbox('?status=open&limit=100')).body as {
      tickets?: { question?: string }[];
      items?: unknown[];
    };
    const listed = JSON.stringify(open);
    expect(listed.split('Zebra-Retry').length - 1).toBe(1);
    await page.unroute('**/v1/escalations');
    await expectClean({ page, ...watched });
  });

  it('does not retry when the daily cap is reached (429) and tells the citizen', async () => {
    const { page, ...watched } = await demo();
    let calls = 0;
    await page.route('**/v1/escalations', (route) => {
      calls++;
      return route.fulfill({
        status: 429,
        headers: { 'retry-after': '3600', 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'too_many_requests', message: 'Too many requests.' } }),
      });
    });
    await askQuestion(page, 'Quantenphysik Rezept');
    await page.getByRole('button', { name: 'Frage an die Datenschutzbeauftragte weiterleiten' }).click();
    const form = page.locator('form.forward');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Weiterleiten' }).click();
    await expect
      .poll(() => form.locator('[role=alert]').textContent(), patience)
      .toContain('zu viele Fragen');
    expect(calls).toBe(1);
    expect(await page.locator('.ticket').count()).toBe(0);
    await expectClean({ page, ...watched });
  });

  it('works by keyboard alone: forward, check the status, erase, close', async () => {
    const watched = await openPage(browser);
    open.push(watched);
    const { page } = watched;
    await page.goto(stack.url);
    await tabTo(page, (label) => label.includes('Fragen zum Datenschutzvorfall'));
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('input#question ');
    await page.keyboard.type('Ich möchte mit einem Menschen sprechen');
    await page.keyboard.press('Enter');
    await page.locator('form.forward').waitFor();
    await tabTo(page, (label) => label.startsWith('textarea#fw-question'), 'Shift+Tab');
    await page.keyboard.type('Wurde meine Adresse weitergegeben? (Tastatur)');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#fw-email ');
    await tabTo(page, (label) => label.startsWith('input#fw-consent'));
    await page.keyboard.press('Space');
    await tabTo(page, (label) => label === 'button Weiterleiten');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), patience).toBe('h3#ticket-title Ihre weitergeleitete Frage');
    await tabTo(page, (label) => label === 'button Status abrufen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ticket-status').textContent(), patience).toContain('eingegangen');
    expect(await focused(page)).toBe('button Status abrufen');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Vorgang löschen');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('button Ja, endgültig löschen');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), patience).toBe('p Ihr Vorgang wurde gelöscht.');
    await page.keyboard.press('Escape');
    expect(await focused(page)).toContain('Fragen zum Datenschutzvorfall');
    await expectClean(watched);
  });
});
