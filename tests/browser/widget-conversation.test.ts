import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strings } from '../../web/widget/strings.ts';
import {
  axeViolations,
  browserAvailable,
  browserStack,
  downloadedText,
  expectClean,
  patience,
  requireBrowserInCi,
  screenSizes,
  screenshotDir,
  settledScreenshot,
  type Watched,
} from '../support/browser.ts';
import { confirmAddress, solvedChallenge } from '../support/escalations.ts';
import { decodeHeader, readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

/**
 * Issue 12 "Done when", at a desktop (1280×800) and a phone (375×740) size: the conversation
 * transcript, the phone layout, starters, one language per screen, the ticket a person can
 * keep, the feedback row, and axe in light, dark and forced-colors modes. Every state is saved
 * as test-results/screenshots/widget-<state>-<size>.png for people to look at.
 */
requireBrowserInCi();

/** Labels of a reply card, per language: none of one language may appear on a card of the other. */
const cardLabels = (locale: 'de' | 'en') => {
  const t = strings[locale];
  return [t.related, t.suggestions, t.helpfulPrompt, t.forwardOffer, t.reviewed];
};

describe.runIf(browserAvailable)(
  'the citizen widget as a conversation, in Chromium',
  { timeout: 120_000 },
  () => {
    const env = browserStack(() => startTestStack());
    let dpo: Record<string, string>;

    beforeAll(async () => {
      dpo = { authorization: `Bearer ${await env.stack.issuer.sign({ sub: 'dpo-anna', groups: ['dpo'] })}` };
    });

    for (const size of screenSizes) {
      describe(`on a ${size.name} (${size.viewport.width}×${size.viewport.height})`, () => {
        async function opened(options: Parameters<typeof env.open>[0] = {}): Promise<Watched> {
          const watched = await env.open({ viewport: size.viewport, ...options });
          await watched.page.goto(env.stack.url);
          await watched.page.getByRole('button', { name: /^(Fragen zum Datenschutzvorfall)$/ }).click();
          await watched.page.getByRole('dialog').waitFor();
          return watched;
        }

        /** Saves what a citizen sees once the fade-ins have finished. */
        const shot = (page: Page, state: string) => settledScreenshot(page, `widget-${state}-${size.name}`);

        async function ask(page: Page, question: string): Promise<void> {
          const before = await page.locator('.log .msg.assistant').count();
          await page.getByRole('textbox', { name: /^(Ihre Frage|Your question)$/ }).fill(question);
          await page.keyboard.press('Enter');
          await expect.poll(() => page.locator('.log .msg.assistant').count(), patience).toBe(before + 1);
        }

        /** Where the last reply starts, relative to the visible part of the scrolling log. */
        function replyPlacement(page: Page) {
          return page.evaluate(() => {
            const root = document.querySelector('incident-faq-assistant')?.shadowRoot as ShadowRoot;
            const body = root.querySelector('.body') as HTMLElement;
            const replies = root.querySelectorAll('.log .msg.assistant');
            const reply = replies[replies.length - 1] as HTMLElement;
            const view = body.getBoundingClientRect();
            const firstLine = reply.querySelector('.answer p, p') as HTMLElement;
            const line = firstLine.getBoundingClientRect();
            const panel = root.querySelector('.panel') as HTMLElement;
            const head = root.querySelector('.head') as HTMLElement;
            return {
              viewTop: view.top,
              viewBottom: view.bottom,
              lineTop: line.top,
              lineBottom: line.bottom,
              // The header (title, close) must stay in place: only the log scrolls.
              headOffset: head.getBoundingClientRect().top - panel.getBoundingClientRect().top,
            };
          });
        }

        it('greets with starter questions from the settings, and a starter is answered when clicked', async () => {
          const { page, ...watched } = await opened();
          const starters = page.getByRole('list', { name: 'Häufige Fragen:' }).getByRole('button');
          await expect.poll(() => starters.count(), patience).toBeGreaterThanOrEqual(3);
          expect(await starters.count()).toBeLessThanOrEqual(5);
          expect(await page.locator('.greeting').textContent()).toBe('Guten Tag! Womit kann ich helfen?');
          await shot(page, 'starters');
          await starters.filter({ hasText: 'Was ist passiert?' }).click();
          await expect.poll(() => page.locator('.log .msg.assistant').count(), patience).toBe(1);
          expect(await page.locator('.log .msg.assistant .answer').textContent()).toContain(
            'Exchange Server',
          );
          await expectClean({ page, ...watched });
        });

        it('meets a question the notice never answers with the honest "no answer" and the offer to forward, not with suggestions', async () => {
          const { page, ...watched } = await opened();
          await ask(page, 'Wann schaltet die Stadt das Webmail wieder frei?');
          const reply = page.locator('.log .msg.assistant').last();
          expect(await reply.textContent()).toContain('keine gesicherte Antwort');
          expect(await reply.textContent()).not.toContain(strings.de.suggestions);
          expect(await reply.getByRole('button', { name: strings.de.forwardOffer }).count()).toBe(1);
          await shot(page, 'near-miss');
          await expectClean({ page, ...watched });
        });

        it('answers the first of two questions, says that the other was left out and offers to forward the message', async () => {
          const { page, ...watched } = await opened();
          const message = 'Welche Daten sind betroffen, und wie viele Menschen sind es insgesamt?';
          await ask(page, message);
          const reply = page.locator('.log .msg.assistant').last();
          expect(await reply.locator('.answer').textContent()).toContain('Adressbuch');
          expect(await reply.locator('.left-out').textContent()).toContain('Ihre weitere Frage');
          // A screen reader hears the note with the answer.
          await expect
            .poll(() => page.locator('[aria-live=polite]').textContent(), patience)
            .toContain('Ihre weitere Frage');
          // The reply opens at its first line; the note and the forward offer are what this picture is for.
          await reply.locator('.left-out').scrollIntoViewIfNeeded();
          await shot(page, 'left-out');
          await reply.getByRole('button', { name: strings.de.forwardOffer }).click();
          const form = page.getByRole('form', { name: strings.de.forwardOffer });
          await form.waitFor();
          expect(await form.getByRole('textbox', { name: 'Ihre Frage' }).inputValue()).toBe(message);
          await expectClean({ page, ...watched });
        });

        it('scrolls a new reply so that its first line is in view, announces it once and keeps focus in the question field', async () => {
          const { page, ...watched } = await opened();
          await ask(page, 'Was ist passiert?');
          await ask(page, 'Wurden Daten gestohlen?');
          await ask(page, 'Was hat die Stadt unternommen?');
          const placement = await replyPlacement(page);
          expect(placement.lineTop, JSON.stringify(placement)).toBeGreaterThanOrEqual(placement.viewTop);
          expect(placement.lineBottom, JSON.stringify(placement)).toBeLessThanOrEqual(placement.viewBottom);
          expect(placement.headOffset, JSON.stringify(placement)).toBeGreaterThanOrEqual(0);
          const live = page.locator('[aria-live=polite]');
          await expect.poll(() => live.textContent(), patience).toContain('Maßnahmen');
          expect(
            await page.evaluate(
              () => document.querySelector('incident-faq-assistant')?.shadowRoot?.activeElement?.id,
            ),
          ).toBe('question');
          await shot(page, 'answer');
          await expectClean({ page, ...watched });
        });

        it('shows a progress indicator while a reply is slow, and offers a retry that keeps the question after a network error', async () => {
          const { page, ...watched } = await opened();
          // Hold the reply until the indicator has been seen: no fixed waits.
          let release: () => void = () => undefined;
          const held = new Promise<void>((resolve) => {
            release = resolve;
          });
          await page.route('**/v1/ask', async (route) => {
            await held;
            await route.continue();
          });
          await page.getByRole('textbox', { name: 'Ihre Frage' }).fill('Was ist passiert?');
          await page.keyboard.press('Enter');
          await page.locator('.thinking').waitFor();
          expect(await page.locator('.log').getAttribute('aria-busy')).toBe('true');
          await shot(page, 'progress');
          release();
          await page.locator('.log .msg.assistant .answer').waitFor();
          expect(await page.locator('.thinking').count()).toBe(0);
          await page.unroute('**/v1/ask');

          await page.route('**/v1/ask', (route) => route.abort('internetdisconnected'));
          await page.getByRole('textbox', { name: 'Ihre Frage' }).fill('Wurden Daten gestohlen?');
          await page.keyboard.press('Enter');
          const retry = page.getByRole('button', { name: 'Noch einmal senden' });
          await retry.waitFor();
          expect(await page.locator('.error-turn').textContent()).toContain(
            'Die Verbindung ist fehlgeschlagen',
          );
          await shot(page, 'network-error');
          await page.unroute('**/v1/ask');
          const resent = page.waitForRequest((sent) => sent.url().endsWith('/v1/ask'));
          await retry.click();
          expect(JSON.parse((await resent).postData() ?? '{}')).toEqual({
            question: 'Wurden Daten gestohlen?',
          });
          await expect.poll(() => page.locator('.log .msg.assistant .answer').count(), patience).toBe(2);
          // The question was kept, not asked twice.
          expect(await page.locator('.log .msg.citizen').allTextContents()).toEqual([
            'Sie:Was ist passiert?',
            'Sie:Wurden Daten gestohlen?',
          ]);
          expect(await page.locator('.error-turn').count()).toBe(0);
          await expectClean({ page, ...watched });
        });

        it(
          size.name === 'phone'
            ? 'covers the whole screen when open, hides the launcher and keeps the page behind still'
            : 'opens as a panel beside the page, with the launcher still there',
          async () => {
            const { page, ...watched } = await opened();
            const layout = await page.evaluate(async () => {
              const root = document.querySelector('incident-faq-assistant')?.shadowRoot as ShadowRoot;
              // Measure the panel where it rests, not midway through its opening animation.
              await Promise.all(root.getAnimations().map((animation) => animation.finished));
              const panel = (root.querySelector('.panel') as HTMLElement).getBoundingClientRect();
              const launcher = root.querySelector('.launcher') as HTMLElement;
              const close = (root.querySelector('.close') as HTMLElement).getBoundingClientRect();
              return {
                panel: { x: panel.x, y: panel.y, width: panel.width, height: panel.height },
                launcherShown: launcher.getClientRects().length > 0,
                pageOverflow: getComputedStyle(document.documentElement).overflow,
                close: { width: close.width, height: close.height },
              };
            });
            if (size.name === 'phone') {
              expect(layout.panel).toEqual({ x: 0, y: 0, width: 375, height: 740 });
              expect(layout.launcherShown).toBe(false);
              expect(layout.pageOverflow).toBe('hidden');
            } else {
              expect(layout.panel.width).toBeLessThan(500);
              expect(layout.launcherShown).toBe(true);
              expect(layout.pageOverflow).not.toBe('hidden');
            }
            expect(layout.close.width).toBeGreaterThanOrEqual(44);
            expect(layout.close.height).toBeGreaterThanOrEqual(44);
            await shot(page, 'open');
            await page.getByRole('button', { name: 'Chat schließen' }).click();
            expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe(
              'hidden',
            );
            expect(
              await page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' }).isVisible(),
            ).toBe(true);
            await expectClean({ page, ...watched });
          },
        );

        it('labels every reply card in the language of its reply, whatever the interface language', async () => {
          const { page, ...watched } = await opened();
          await ask(page, 'What happened?');
          const english = page.locator('.log .msg.assistant').last();
          expect(await english.getAttribute('lang')).toBe('en');
          const englishText = (await english.textContent()) ?? '';
          expect(englishText).toContain('Did this help?');
          for (const label of cardLabels('de')) expect(englishText).not.toContain(label);
          expect(await english.getByRole('button').allTextContents()).not.toContain('Ja');
          await page.getByRole('button', { name: 'Switch to English' }).click();
          await ask(page, 'Und der Angriff?');
          const german = page.locator('.log .msg.assistant').last();
          expect(await german.getAttribute('lang')).toBe('de');
          const germanText = (await german.textContent()) ?? '';
          expect(germanText).toContain('Meinten Sie eine dieser Fragen?');
          expect(germanText).toContain('Frage an die Datenschutzbeauftragte weiterleiten');
          for (const label of cardLabels('en')) expect(germanText).not.toContain(label);
          await shot(page, 'languages');
          await expectClean({ page, ...watched });
        });

        it('stores a German question forwarded after an English exchange as German, and mails the citizen in German', async () => {
          const { page, ...watched } = await opened();
          await page.getByRole('button', { name: 'Switch to English' }).click();
          await ask(page, 'What happened?');
          const question = `Muss ich wegen meiner Steuerakte beim Finanzamt etwas tun? (${size.name})`;
          await ask(page, question);
          await page
            .locator('.log .msg.assistant')
            .last()
            .getByRole('button', { name: strings.de.forwardOffer })
            .click();
          await page.locator('form.forward').waitFor();
          expect(await page.locator('#fw-question').inputValue()).toBe(question);
          await page.locator('#fw-email').fill('buerger@example.org');
          await page.locator('#fw-consent').check();
          await page.getByRole('button', { name: 'Forward', exact: true }).click();
          const reference = page.locator('.ticket code.ticket-id');
          await reference.waitFor();
          const ticketId = (await reference.textContent()) ?? '';
          // The answer is mailed only to a confirmed address; the widget says so.
          await page.locator('.ticket .email-confirmation').waitFor();
          await env.stack.streams.drain();
          expect((await confirmAddress(env.stack, ticketId)).status).toBe(200);
          const stored = await request(`${env.stack.url}/v1/inbox/${ticketId}`, { headers: dpo });
          expect(stored.body).toMatchObject({ locale: 'de' });
          await request(`${env.stack.url}/v1/inbox/${ticketId}/claim`, { method: 'POST', headers: dpo });
          const answered = await request(`${env.stack.url}/v1/inbox/${ticketId}/answer`, {
            body: { text: 'Nein, das Finanzamt war nicht betroffen.' },
            headers: dpo,
          });
          expect(answered.status).toBe(200);
          await env.stack.streams.drain();
          const mails = (await readOutbox(env.stack.spoolDir)).filter((mail) =>
            mail.file.includes(`${ticketId}-answer`),
          );
          expect(mails).toHaveLength(1);
          expect(decodeHeader(mails[0]?.headers.subject)).toBe(`Antwort auf Ihre Frage (${ticketId})`);
          expect(mails[0]?.text).toContain('Guten Tag,');
          await expectClean({ page, ...watched });
        });

        it('lets the citizen copy the reference and the access code, save both as a text file, and look a ticket up however it is typed', async () => {
          const { page, context, ...watched } = await opened();
          await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.stack.url });
          const body = {
            question: 'Ist mein Konto sicher?',
            consent: true,
            clientToken: randomUUID(),
            website: '',
          };
          // All test clients share 127.0.0.1: from the third forward on, the network is challenged.
          let created = await request(`${env.stack.url}/v1/escalations`, { body });
          if (created.status === 428)
            created = await request(`${env.stack.url}/v1/escalations`, {
              body: { ...body, altcha: await solvedChallenge(env.stack) },
            });
          expect(created.status).toBe(201);
          const { ticketId, secret } = created.body as { ticketId: string; secret: string };
          await page.getByText('Status einer weitergeleiteten Frage abrufen').click();
          await page.locator('#lookup-id').fill(` ${ticketId.toLowerCase().replace(/-/g, '')} `);
          await page.locator('#lookup-secret').fill(` ${secret} `);
          await page.getByRole('button', { name: 'Abrufen' }).click();
          await expect
            .poll(() => page.locator('.ticket-status').textContent(), patience)
            .toContain('eingegangen');
          expect(await page.locator('.ticket code.ticket-id').textContent()).toBe(ticketId);
          await page.getByRole('button', { name: 'Vorgangsnummer kopieren' }).click();
          await expect
            .poll(() => page.evaluate(() => navigator.clipboard.readText()), patience)
            .toBe(ticketId);
          await page.getByRole('button', { name: 'Zugangscode kopieren' }).click();
          await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), patience).toBe(secret);
          const save = page.getByRole('link', { name: 'Als Textdatei speichern' });
          expect(await save.getAttribute('download')).toBe(`Vorgang-${ticketId}.txt`);
          const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
          expect(download.suggestedFilename()).toBe(`Vorgang-${ticketId}.txt`);
          const file = await downloadedText(download);
          expect(file).toContain(`Vorgangsnummer: ${ticketId}`);
          expect(file).toContain(secret);
          await page.locator('.ticket').scrollIntoViewIfNeeded();
          await shot(page, 'ticket');
          await expectClean({ page, context, ...watched });
        });

        it('has no WCAG 2.1 A/AA violations (axe) in light, dark and forced-colors modes', async () => {
          const { page, ...watched } = await opened();
          await ask(page, 'Was ist passiert?');
          await ask(page, 'Und der Angriff?');
          for (const mode of [
            { colorScheme: 'light', forcedColors: 'none' },
            { colorScheme: 'dark', forcedColors: 'none' },
            { colorScheme: 'light', forcedColors: 'active' },
          ] as const) {
            await page.emulateMedia(mode);
            expect(await axeViolations(page), JSON.stringify(mode)).toEqual([]);
            if (mode.forcedColors === 'active') await shot(page, 'forced-colors');
            else await shot(page, `conversation-${mode.colorScheme}`);
          }
          await expectClean({ page, ...watched });
        });
      });
    }

    it('keeps the feedback buttons on one line at 320 px, with a visible pressed state and a thank-you', async () => {
      const watched = await env.open({ viewport: { width: 320, height: 640 } });
      const { page } = watched;
      await page.goto(env.stack.url);
      await page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' }).click();
      await page.getByRole('textbox', { name: 'Ihre Frage' }).fill('Wie erkenne ich Phishing?');
      await page.keyboard.press('Enter');
      const group = page.getByRole('group', { name: 'Hat das geholfen?' });
      await group.waitFor();
      const yes = group.getByRole('button', { name: 'Ja' });
      const no = group.getByRole('button', { name: 'Nein' });
      const prompt = group.getByText('Hat das geholfen?');
      // Measured in one script run: the log may still be scrolling the new reply into view, and
      // three separate measurements would each see another scroll position.
      const handles = await Promise.all([yes, no, prompt].map((locator) => locator.elementHandle()));
      const [yesBox, noBox, promptBox] = await page.evaluate(
        (elements) =>
          elements.map((element) => {
            const { y, height } = (element as Element).getBoundingClientRect();
            return { y, height };
          }),
        handles,
      );
      // One line: both buttons side by side, and the question beside them, not above.
      expect(yesBox?.y).toBe(noBox?.y);
      const middle = (promptBox?.y ?? 0) + (promptBox?.height ?? 0) / 2;
      expect(middle).toBeGreaterThan(yesBox?.y ?? 0);
      expect(middle).toBeLessThan((yesBox?.y ?? 0) + (yesBox?.height ?? 0));
      const before = await yes.evaluate((element) => getComputedStyle(element).backgroundColor);
      await yes.click();
      expect(await yes.getAttribute('aria-pressed')).toBe('true');
      expect(await no.getAttribute('aria-pressed')).toBe('false');
      expect(await yes.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(before);
      expect(await page.locator('.thanks').isVisible()).toBe(true);
      await page.screenshot({ path: `${screenshotDir}/widget-feedback-phone-320.png` });
      await expectClean(watched);
    });
  },
);
