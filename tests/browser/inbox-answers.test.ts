import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  axeViolations,
  browserAvailable,
  desktop,
  expectClean,
  launchBrowser,
  openPage,
  patience,
  requireBrowserInCi,
  screenshotBothSizes,
  signInWithToken,
  type Watched,
  watchNetwork,
} from '../support/browser.ts';
import { confirmAddress, setEscalationSettings, submit } from '../support/escalations.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

requireBrowserInCi();

/**
 * The DPO's answers as citizens get them (issue 13): a Markdown answer previewed while typing,
 * shown rendered in the inbox and mailed as text + HTML; closing without an answer asks why;
 * snippets; German first with an English switch. Every state is screenshotted at desktop and
 * phone width into test-results/screenshots/ (with DOCS_SCREENSHOTS=1 also into
 * docs/staff/images/, where the DPO's guide shows them) and checked with axe at both widths.
 */
const docsImages = path.resolve(import.meta.dirname, '../../docs/staff/images');

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, patience);

/** Each flow screenshots and axe-checks several states at two widths: that takes a while. */
const flowTimeout = 120_000;

const markdownAnswer = [
  'Guten Tag,',
  '',
  'nach unserer Prüfung ist Ihr Konto **nicht betroffen**. Bitte achten Sie trotzdem auf:',
  '',
  '- E-Mails, die angeblich von der Stadt kommen',
  '- Links zu [Passwort-Seiten](https://www.bsi.bund.de/passwort)',
  '',
  'Mit freundlichen Grüßen',
  'Ihre Datenschutzbeauftragte',
].join('\n');

/** Screenshots the page at both widths and runs axe at both; returns to desktop width. */
async function capture(page: Page, name: string): Promise<void> {
  await screenshotBothSizes(page, `inbox-${name}`, async (size, file) => {
    expect({ state: name, width: size.name, violations: await axeViolations(page) }).toEqual({
      state: name,
      width: size.name,
      violations: [],
    });
    if (process.env.DOCS_SCREENSHOTS === '1') {
      await mkdir(docsImages, { recursive: true });
      await copyFile(file, path.join(docsImages, path.basename(file)));
    }
  });
}

describe.runIf(browserAvailable)('DPO answers, snippets and closing in the inbox page', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTestStack();
    await setEscalationSettings({ perClientDailyCap: 10_000, globalDailyCap: 100_000 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signedIn(sub = 'anna'): Promise<Watched & { network: () => string[] }> {
    const watched = await openPage(browser, { viewport: desktop });
    const network = watchNetwork(watched.page);
    await signInWithToken(
      watched.page,
      `${stack.url}/inbox`,
      await stack.issuer.sign({ sub, groups: ['dpo'] }),
    );
    await watched.page.locator('#queue-title').waitFor();
    return { ...watched, network };
  }

  async function claimed(page: Page, ticketId: string): Promise<void> {
    await page.getByRole('button', { name: `Anfrage ${ticketId} öffnen` }).click();
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await poll(() => page.locator('#detail-status').textContent()).toBe('In Bearbeitung');
  }

  it(
    'when the DPO writes Markdown › previews it, shows it rendered and mails a readable text and an HTML part',
    async () => {
      const { ticketId, secret } = await submit(stack, {
        question: 'Ist mein Konto vom Angriff auf den Exchange-Server betroffen?',
        email: 'buerger@example.org',
      });
      // Answers are mailed only to confirmed addresses.
      await stack.streams.drain();
      await confirmAddress(stack, ticketId);
      const watched = await signedIn();
      const { page } = watched;
      await page.getByRole('button', { name: `Anfrage ${ticketId} öffnen` }).waitFor();
      await capture(page, 'queue');

      await claimed(page, ticketId);
      const field = page.getByLabel('Ihre Antwort an die Bürgerin oder den Bürger');
      await field.fill(markdownAnswer);
      const preview = page.locator('#answer-preview');
      await poll(() => preview.locator('strong').textContent()).toBe('nicht betroffen');
      expect(await preview.locator('li').count()).toBe(2);
      expect(await preview.locator('a').getAttribute('href')).toBe('https://www.bsi.bund.de/passwort');
      // The closing formula stays on two lines.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered line break is what is checked
      expect(await preview.locator('p').last().innerText()).toBe(
        'Mit freundlichen Grüßen\nIhre Datenschutzbeauftragte',
      );
      expect(await preview.textContent()).not.toContain('**');
      await capture(page, 'answer-preview');

      await page.getByRole('button', { name: 'Antwort senden' }).click();
      await poll(() => page.locator('#detail-status').textContent()).toBe('Beantwortet');
      const shown = page.locator('#detail-answer');
      expect(await shown.locator('strong').textContent()).toBe('nicht betroffen');
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered line break is what is checked
      expect(await shown.locator('p').last().innerText()).toBe(
        'Mit freundlichen Grüßen\nIhre Datenschutzbeauftragte',
      );
      expect(await shown.textContent()).not.toContain('**');
      // "Abschließen" is offered now that there is an answer.
      await page.getByRole('button', { name: 'Abschließen', exact: true }).waitFor();
      await capture(page, 'answered');

      const citizen = await request(`${stack.url}/v1/escalations/${ticketId}`, {
        headers: { 'x-ticket-secret': secret },
      });
      expect(citizen.body).toMatchObject({ status: 'answered', answer: { text: markdownAnswer } });

      await stack.streams.drain();
      const mails = (await readOutbox(stack.spoolDir)).filter((mail) =>
        mail.file.includes(`${ticketId}-answer`),
      );
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.contentType).toBe('multipart/alternative');
      expect(mail?.headers.subject).toBe(`Antwort auf Ihre Frage (${ticketId})`);
      // The text part: no Markdown marks, list items with "- ", links as "text (url)", two closing lines.
      expect(mail?.text).toContain('nach unserer Prüfung ist Ihr Konto nicht betroffen.');
      expect(mail?.text).toContain('- E-Mails, die angeblich von der Stadt kommen');
      expect(mail?.text).toContain('- Links zu Passwort-Seiten (https://www.bsi.bund.de/passwort)');
      expect(mail?.text).toContain('Mit freundlichen Grüßen\nIhre Datenschutzbeauftragte');
      expect(mail?.text).not.toContain('**');
      // The HTML part: the same answer, rendered by the same safe parser.
      expect(mail?.html).toContain('<strong>nicht betroffen</strong>');
      expect(mail?.html).toContain(
        '<li>Links zu <a href="https://www.bsi.bund.de/passwort">Passwort-Seiten</a></li>',
      );
      expect(mail?.html).toContain('Mit freundlichen Grüßen<br>Ihre Datenschutzbeauftragte');
      // Readable with `cat`: quoted-printable UTF-8, never base64.
      expect(mail?.raw).toContain('Content-Transfer-Encoding: quoted-printable');
      expect(mail?.raw).not.toMatch(/Content-Transfer-Encoding: base64/i);
      expect(mail?.raw).toContain('Ihre Datenschutzbeauftragte');

      expect(watched.network()).toEqual([]);
      await expectClean(watched);
      await watched.close();
    },
    flowTimeout,
  );

  it(
    'when the DPO closes an unanswered ticket › asks for a reason and notes it in the history',
    async () => {
      const { ticketId } = await submit(stack, { question: 'Kaufen Sie günstige Uhren!' });
      const watched = await signedIn('ben');
      const { page } = watched;
      await claimed(page, ticketId);
      // No plain "Abschließen" before there is an answer.
      expect(await page.getByRole('button', { name: 'Abschließen', exact: true }).count()).toBe(0);
      const opener = page.getByRole('button', { name: 'Ohne Antwort abschließen …' });
      await opener.click();
      expect(await opener.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('button', { name: 'Ohne Antwort abschließen', exact: true }).click();
      await poll(() => page.locator('#status').textContent()).toBe('Bitte wählen Sie einen Grund.');
      expect(await page.locator('#detail-status').textContent()).toBe('In Bearbeitung');
      await page.getByLabel('Spam oder missbräuchliche Nachricht').check();
      await capture(page, 'close-reason');

      await page.getByRole('button', { name: 'Ohne Antwort abschließen', exact: true }).click();
      await poll(() => page.locator('#detail-status').textContent()).toBe('Abgeschlossen');
      expect(await page.locator('.audit li').last().textContent()).toContain(
        'ben: abgeschlossen (Grund: Spam)',
      );
      expect(watched.network()).toEqual([]);
      await expectClean(watched);
      await watched.close();
    },
    flowTimeout,
  );

  it(
    'when the DPO saves an answer as a snippet › a colleague inserts it into another answer',
    async () => {
      const first = await submit(stack);
      const second = await submit(stack);
      const watched = await signedIn('anna');
      const { page } = watched;
      await claimed(page, first.ticketId);
      const title = `Konto nicht betroffen ${first.ticketId}`;
      await page.getByLabel('Ihre Antwort an die Bürgerin oder den Bürger').fill(markdownAnswer);
      await page.getByText('Diese Antwort als Textbaustein speichern').click();
      await page.getByLabel('Titel des Textbausteins').fill(title);
      await page.getByRole('button', { name: 'Antwort als Textbaustein speichern' }).click();
      await poll(() => page.locator('#status').textContent()).toBe(`Textbaustein „${title}“ gespeichert.`);
      await poll(() => page.locator('#snippet-select option').allTextContents()).toContain(title);
      await capture(page, 'snippet-saved');
      await watched.close();

      const colleague = await signedIn('ben');
      const other = colleague.page;
      await claimed(other, second.ticketId);
      await other.locator('#snippet-select option', { hasText: title }).waitFor({ state: 'attached' });
      await other.getByLabel('Textbaustein', { exact: true }).selectOption({ label: title });
      const field = other.getByLabel('Ihre Antwort an die Bürgerin oder den Bürger');
      await field.fill('Sehr geehrte Frau Muster,\n\n');
      await other.getByRole('button', { name: 'In die Antwort einfügen' }).click();
      await poll(() => field.inputValue()).toBe(`Sehr geehrte Frau Muster,\n\n${markdownAnswer}`);
      await poll(() => other.locator('#answer-preview strong').textContent()).toBe('nicht betroffen');
      await capture(other, 'snippet-inserted');

      // Deleting asks first (in the page, no browser dialog); "Abbrechen" keeps it.
      await other.getByRole('button', { name: 'Löschen …' }).click();
      await other.getByRole('button', { name: 'Abbrechen' }).click();
      expect(await other.locator('#snippet-select option', { hasText: title }).count()).toBe(1);
      await other.getByRole('button', { name: 'Löschen …' }).click();
      await capture(other, 'snippet-delete');
      await other.getByRole('button', { name: 'Ja, löschen' }).click();
      await poll(() => other.locator('#status').textContent()).toBe(`Textbaustein „${title}“ gelöscht.`);
      await poll(() => other.locator('#snippet-select option', { hasText: title }).count()).toBe(0);
      expect(colleague.network()).toEqual([]);
      await expectClean(colleague);
      await colleague.close();
    },
    flowTimeout,
  );

  it(
    'switches to English and back, keeping a half-written answer; errors follow the language',
    async () => {
      const { ticketId } = await submit(stack);
      const watched = await signedIn('carla');
      const { page } = watched;
      await claimed(page, ticketId);
      await page.getByLabel('Ihre Antwort an die Bürgerin oder den Bürger').fill('Entwurf **eins**');
      await page.getByRole('button', { name: 'English' }).click();
      await poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      // The language is set first; the view is rendered again after the ticket is fetched.
      await poll(() => page.locator('h1').textContent()).toBe('Data protection inbox');
      await poll(() => page.locator('#detail-status').textContent()).toBe('In progress');
      expect(await page.getByLabel('Your answer to the citizen').inputValue()).toBe('Entwurf **eins**');
      await page.getByRole('button', { name: 'Close without an answer …' }).click();
      await page.getByRole('button', { name: 'Close without an answer', exact: true }).click();
      await poll(() => page.locator('#status').textContent()).toBe('Please choose a reason.');
      await capture(page, 'english');
      // A refusal from the API is shown in English too: someone else takes a ticket first.
      const { ticketId: taken } = await submit(stack);
      await page.getByRole('button', { name: 'Back to the list' }).click();
      await page.getByRole('button', { name: `Open request ${taken}` }).click();
      await page.locator('#detail-title').waitFor();
      const dora = { authorization: `Bearer ${await stack.issuer.sign({ sub: 'dora', groups: ['dpo'] })}` };
      expect(
        (await request(`${stack.url}/v1/inbox/${taken}/claim`, { method: 'POST', headers: dora })).status,
      ).toBe(200);
      await page.getByRole('button', { name: 'Take on' }).click();
      await poll(() => page.locator('#status').textContent()).toBe(
        'Someone else is already working on this request.',
      );
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await poll(() => page.locator('html').getAttribute('lang')).toBe('de');
      await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
      await page.locator('#status-filter').selectOption('claimed');
      await page.getByRole('button', { name: `Anfrage ${ticketId} öffnen` }).click();
      expect(await page.getByLabel('Ihre Antwort an die Bürgerin oder den Bürger').inputValue()).toBe(
        'Entwurf **eins**',
      );
      // Only the refusal this test provoked (the response, and Chromium's console line for it).
      expect(watched.network()).toEqual([
        expect.stringMatching(new RegExp(`^409 POST .*/v1/inbox/${taken}/claim$`)),
        expect.stringMatching(/^console error: .*409 \(Conflict\)/),
      ]);
      await expectClean(watched);
      await watched.close();
    },
    flowTimeout,
  );

  /**
   * Sign-in, queue, keyboard and the Hosted UI (was tests/browser/inbox.test.ts): the same stack
   * and browser as the answers above, since a file of its own cost a test process, a local stack
   * and a Chromium start (about 5 CPU-seconds) for four tests.
   */
  describe('the inbox itself: sign-in, queue, keyboard, Hosted UI', () => {
    const payload = `<img src=x onerror="window.xssHit=1;alert(1)"> Ist mein Konto betroffen?`;

    async function signIn(
      page: Page,
      groups = ['dpo'],
      sub = 'anna',
      expiresInSeconds = 3600,
    ): Promise<void> {
      await signInWithToken(
        page,
        `${stack.url}/inbox`,
        await stack.issuer.sign({ sub, groups, expiresInSeconds }),
      );
    }

    const status = (page: Page) => page.locator('#status');

    it('signs in, shows the queue with ages, claims and answers a ticket', async () => {
      const { ticketId, secret } = await submit(stack, { question: payload, email: 'browser@example.org' });
      // Answers are mailed only to confirmed addresses.
      await stack.streams.drain();
      await confirmAddress(stack, ticketId);
      const watched = await openPage(browser);
      const { page } = watched;
      await signIn(page);

      const open = page.getByRole('button', { name: `Anfrage ${ticketId} öffnen` });
      await open.waitFor();
      const row = page.locator('tr', { has: open });
      await poll(() => row.locator('time').textContent()).toMatch(/^vor \d+ Min\.$/);
      await poll(() => row.locator('td').nth(1).textContent()).toBe('Offen');
      expect(await axeViolations(page)).toEqual([]);

      await open.click();
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
      expect(await page.locator('#detail-question').textContent()).toBe(payload);
      await page.getByRole('button', { name: 'Übernehmen' }).click();
      await poll(() => status(page).textContent()).toBe('Sie bearbeiten die Anfrage jetzt.');
      await poll(() => page.locator('#detail-status').textContent()).toBe('In Bearbeitung');
      expect(await axeViolations(page)).toEqual([]);

      const answer = 'Nein, Ihr Konto ist nach unserer Prüfung nicht betroffen.';
      await page.getByLabel('Ihre Antwort an die Bürgerin oder den Bürger').fill(answer);
      await page.getByRole('button', { name: 'Antwort senden' }).click();
      await poll(() => page.locator('#detail-status').textContent()).toBe('Beantwortet');
      await poll(() => status(page).textContent()).toBe('Die Antwort wurde gespeichert und wird versandt.');
      expect(await page.locator('#detail-answer').textContent()).toBe(answer);

      const citizen = await request(`${stack.url}/v1/escalations/${ticketId}`, {
        headers: { 'x-ticket-secret': secret },
      });
      expect(citizen.body).toMatchObject({ status: 'answered', answer: { text: answer } });
      await stack.streams.drain();
      const mails = (await readOutbox(stack.spoolDir)).filter((mail) =>
        mail.file.includes(`${ticketId}-answer`),
      );
      expect(mails).toHaveLength(1);

      // Offer the answer to the editors: the live region names the new draft, which editors see.
      const offer = page.getByRole('button', { name: 'Für die Wissensdatenbank vorschlagen' });
      await offer.click();
      await poll(() => status(page).textContent()).toContain('als Entwurf');
      const draftId = /„([^“]+)“/.exec((await status(page).textContent()) ?? '')?.[1] ?? '';
      expect(draftId).not.toBe('');
      expect(await offer.getAttribute('aria-disabled')).toBe('true');
      const editor = {
        authorization: `Bearer ${await stack.issuer.sign({ sub: 'erika', groups: ['editor'] })}`,
      };
      const draft = await request(`${stack.url}/v1/knowledge/entries/${encodeURIComponent(draftId)}`, {
        headers: editor,
      });
      expect(draft.status, JSON.stringify(draft.body)).toBe(200);
      expect(draft.body).toMatchObject({ id: draftId, draft: { state: 'draft', authors: ['anna'] } });
      expect(JSON.stringify(draft.body)).toContain('nicht betroffen');
      expect(JSON.stringify(draft.body)).not.toContain('browser@example.org');

      await page.getByRole('button', { name: 'Abschließen' }).click();
      await poll(() => page.locator('#detail-status').textContent()).toBe('Abgeschlossen');

      expect(
        await page.evaluate(() => (window as unknown as { xssHit?: unknown }).xssHit ?? null),
      ).toBeNull();
      expect(await page.locator('#app img').count()).toBe(0);
      await expectClean(watched);
      await watched.close();
    }, 90_000); // the whole flow, with axe twice and the mail stream: slow on two shared cores

    it('works with the keyboard alone: claim and release', async () => {
      const { ticketId } = await submit(stack);
      const watched = await openPage(browser);
      const { page } = watched;
      await page.goto(`${stack.url}/inbox`);
      // The sign-in renders once the page knows there is no /staff-config.json (token sign-in).
      await page.getByLabel('Zugangs-Token').waitFor();
      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab'); // language switch ("English")
      await page.keyboard.press('Tab'); // token field
      await page.keyboard.insertText(await stack.issuer.sign({ sub: 'ben', groups: ['dpo'] }));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const open = page.getByRole('button', { name: `Anfrage ${ticketId} öffnen` });
      await open.waitFor();
      for (let i = 0; i < 40; i++) {
        const label = await page.evaluate(() => document.activeElement?.getAttribute('data-ticket'));
        if (label === ticketId) break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Übernehmen');
      await page.keyboard.press('Enter');
      await poll(() => page.locator('#detail-status').textContent()).toBe('In Bearbeitung');
      await page.getByRole('button', { name: 'Freigeben' }).focus();
      await page.keyboard.press('Enter');
      await poll(() => page.locator('#detail-status').textContent()).toBe('Offen');
      const focusVisible = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return active ? getComputedStyle(active).outlineStyle : 'none';
      });
      expect(focusVisible).not.toBe('none');
      await expectClean(watched);
      await watched.close();
    });

    it('reads the deployed /staff-config.json and signs in through the Cognito Hosted UI with PKCE', async () => {
      const cognitoDomain = 'https://incident-faq-123456789012.auth.eu-central-1.amazoncognito.com';
      const watched = await openPage(browser);
      const { page } = watched;
      await page.route(`${stack.url}/staff-config.json`, (route) =>
        route.fulfill({
          json: { api: 'https://api.example.de', auth: 'cognito', cognitoDomain, clientId: 'staffclient123' },
        }),
      );
      let authorize: URL | undefined;
      await page.route(`${cognitoDomain}/**`, (route) => {
        authorize = new URL(route.request().url());
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Hosted UI</title>' });
      });
      await page.goto(`${stack.url}/inbox`);
      await page.getByRole('button', { name: 'Mit dem Konto der Stadt anmelden' }).click();
      await poll(() => authorize?.pathname).toBe('/oauth2/authorize');
      const params = Object.fromEntries(authorize?.searchParams ?? []);
      expect(params).toMatchObject({
        response_type: 'code',
        client_id: 'staffclient123',
        redirect_uri: `${stack.url}/inbox`,
        scope: 'openid email profile',
        code_challenge_method: 'S256',
      });
      expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
      expect(await watched.problems()).toEqual([]);
      await watched.close();
    });

    it('sends staff without the dpo group and with expired tokens back to sign-in, with a message', async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      await signIn(page, ['editor']);
      await poll(() => status(page).textContent()).toContain('Gruppe');
      await page.getByLabel('Zugangs-Token').waitFor();
      await signIn(page, ['dpo'], 'anna', -60);
      await poll(() => status(page).textContent()).toContain('abgelaufen');
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      await watched.close();
    });
  });
});
