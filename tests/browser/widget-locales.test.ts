import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strings } from '../../web/widget/strings.ts';
import {
  axeViolations,
  browserAvailable,
  browserStack,
  expectClean,
  patience,
  requireBrowserInCi,
  screenSizes,
  settledScreenshot,
  type Watched,
} from '../support/browser.ts';
import { importOverlay } from '../support/knowledge-overlay.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * Issue 16 in the widget: the "Leichte Sprache" switch (texts of the widget and the answer in
 * Leichte Sprache, kept for the tab) and a third locale that comes from data only (Polish from
 * tests/fixtures/third-locale). At 1280×800 and 375×740, axe 0; screenshots are saved as
 * test-results/screenshots/widget-locales-<state>-<size>.png.
 */
requireBrowserInCi();

const sizes = screenSizes;
const easy = strings['de-x-ls'];

describe.runIf(browserAvailable)(
  'the widget in Leichte Sprache and a third locale, in Chromium',
  { timeout: 120_000 },
  () => {
    const env = browserStack(() => startTestStack());

    async function opened(viewport: { width: number; height: number }): Promise<Watched> {
      const watched = await env.open({ viewport });
      await watched.page.goto(env.stack.url);
      await watched.page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' }).click();
      await watched.page.getByRole('dialog').waitFor();
      return watched;
    }

    const shot = (page: Page, state: string, size: string) =>
      settledScreenshot(page, `widget-locales-${state}-${size}`);

    async function ask(page: Page, label: string, question: string): Promise<void> {
      const before = await page.locator('.log .msg.assistant').count();
      await page.getByRole('textbox', { name: label }).fill(question);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.log .msg.assistant').count(), patience).toBe(before + 1);
    }

    describe('Leichte Sprache', () => {
      beforeAll(async () => {
        await importOverlay('tests/fixtures/leichte-sprache');
      });

      for (const size of sizes) {
        it(`on a ${size.name} › the switch turns the widget and the answers into Leichte Sprache, and the choice is kept`, async () => {
          const { page, ...watched } = await opened(size.viewport);
          const toggle = page.getByRole('button', { name: 'Leichte Sprache' });
          await toggle.waitFor();
          expect(await toggle.getAttribute('aria-pressed')).toBe('false');
          expect(await toggle.getAttribute('lang')).toBe('de-x-ls');
          await toggle.click();

          await expect.poll(() => page.locator('.greeting').textContent(), patience).toBe(easy.greeting);
          const pressed = page.getByRole('button', { name: 'Leichte Sprache' });
          expect(await pressed.getAttribute('aria-pressed')).toBe('true');
          // Focus stays on the switch, so a keyboard user can switch back at once.
          expect(
            await page.evaluate(
              () => document.querySelector('incident-faq-assistant')?.shadowRoot?.activeElement?.textContent,
            ),
          ).toContain('Leichte Sprache');
          await shot(page, 'easy-greeting', size.name);

          await ask(page, easy.questionLabel, 'Was ist passiert?');
          const card = page.locator('.log .msg.assistant').last();
          expect(await card.getAttribute('lang')).toBe('de-x-ls');
          expect(await card.locator('.answer').textContent()).toContain('Dieser Computer ist ein Server.');
          expect(await card.textContent()).toContain(easy.helpfulPrompt);
          // Leichte Sprache names the month ("04.05.2021" is hard to read).
          expect(await card.textContent()).toContain('Stand: 4. Mai 2021');
          expect(await axeViolations(page)).toEqual([]);
          await shot(page, 'easy-answer', size.name);

          // Kept for the tab, like the language choice.
          await page.reload();
          await page.getByRole('dialog').waitFor();
          expect(await page.locator('.greeting').textContent()).toBe(easy.greeting);
          await expect
            .poll(
              () => page.getByRole('button', { name: 'Leichte Sprache' }).getAttribute('aria-pressed'),
              patience,
            )
            .toBe('true');

          // Pressed again: standard German.
          await page.getByRole('button', { name: 'Leichte Sprache' }).click();
          await expect
            .poll(() => page.locator('.greeting').textContent(), patience)
            .toBe(strings.de.greeting);
          await expectClean({ page, ...watched });
        });
      }
    });

    describe('a third locale from data (Polish)', () => {
      beforeAll(async () => {
        await importOverlay('tests/fixtures/third-locale');
      });

      for (const size of sizes) {
        it(`on a ${size.name} › the widget offers Polski, speaks Polish from the settings and shows the pl answer`, async () => {
          const { page, ...watched } = await opened(size.viewport);
          const polish = page.getByRole('button', { name: 'Polski' });
          await polish.waitFor();
          expect(await polish.getAttribute('lang')).toBe('pl');
          await polish.click();

          await expect
            .poll(() => page.locator('.greeting').textContent(), patience)
            .toBe('Dzień dobry! W czym mogę pomóc?');
          const starters = page.getByRole('list', { name: 'Częste pytania:' }).getByRole('button');
          await expect.poll(() => starters.allTextContents(), patience).toContain('Co się stało?');
          await shot(page, 'polish-greeting', size.name);

          await ask(page, 'Twoje pytanie', 'Czy miasto zostało zhakowane?');
          const card = page.locator('.log .msg.assistant').last();
          expect(await card.getAttribute('lang')).toBe('pl');
          expect(await card.locator('.answer').textContent()).toContain('włamały się');
          expect(await card.textContent()).toContain('Czy to pomogło?');
          expect(await axeViolations(page)).toEqual([]);
          await shot(page, 'polish-answer', size.name);
          await expectClean({ page, ...watched });
        });
      }
    });
  },
);
