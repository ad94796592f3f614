import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  axeViolations,
  browserAvailable,
  expectClean,
  launchBrowser,
  openPage,
  patience,
  requireBrowserInCi,
  screenSizes,
  screenshotDir,
  type Watched,
} from '../support/browser.ts';
import { fictionalTownKnowledge } from '../support/fictional-town.ts';
import { startTestStack } from '../support/stack.ts';

requireBrowserInCi();

/**
 * The widget and demo page of another town, made with `kb init` and filled from the fixture of
 * a fictional town: its name in the dialog, its colour on the launcher and the page header, and
 * its answers. Screenshots: test-results/screenshots/own-town-<state>-<size>.png.
 */
const sizes = screenSizes;
// #7a1f5c and #2f4f1f of tests/fixtures/fictional-town/fill.yaml, as computed styles give them.
const primary = 'rgb(122, 31, 92)';
const accent = 'rgb(47, 79, 31)';

describe.runIf(browserAvailable)("another town's assistant, in Chromium", { timeout: 120_000 }, () => {
  let stack: LocalStack;
  let browser: Browser;
  const pages: Watched[] = [];

  beforeAll(async () => {
    const knowledgeDir = await fictionalTownKnowledge();
    [stack, browser] = await Promise.all([startTestStack({ knowledgeDir }), launchBrowser()]);
    await mkdir(screenshotDir, { recursive: true });
  }, 120_000);

  afterEach(async () => {
    for (const watched of pages.splice(0)) await watched.close();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  for (const size of sizes) {
    async function shot(page: Page, state: string): Promise<void> {
      await page.evaluate(async () => {
        const root = document.querySelector('incident-faq-assistant')?.shadowRoot;
        const finite = (root?.getAnimations() ?? []).filter(
          (animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY,
        );
        await Promise.all(finite.map((animation) => animation.finished));
      });
      await page.screenshot({ path: `${screenshotDir}/own-town-${state}-${size.name}.png` });
    }

    it(`shows the town's name, colours and answers on a ${size.name}`, async () => {
      const watched = await openPage(browser, { viewport: size.viewport });
      pages.push(watched);
      const { page } = watched;
      await page.goto(stack.url);
      expect(await page.title()).toBe('Gemeinde Beispielstedt – Informationen zum Datenschutzvorfall (Demo)');
      expect(
        await page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor),
      ).toBe(accent);
      const launcher = page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' });
      // The town's colour arrives with the first API response: poll, no fixed wait.
      await expect
        .poll(() => launcher.evaluate((element) => getComputedStyle(element).backgroundColor), patience)
        .toBe(primary);
      await shot(page, 'page');
      expect(await axeViolations(page)).toEqual([]);

      await launcher.click();
      const dialog = page.getByRole('dialog', { name: 'Assistent der Gemeinde Beispielstedt' });
      await dialog.waitFor();
      await expect
        .poll(() => page.locator('#intro').textContent(), patience)
        .toContain('zum Angriff auf den Dateiserver der Gemeindeverwaltung');
      await page.getByRole('textbox', { name: 'Ihre Frage' }).fill('Was ist eigentlich passiert?');
      await page.keyboard.press('Enter');
      const answer = page.locator('.log .msg.assistant .answer');
      await expect.poll(() => answer.count(), patience).toBe(1);
      expect(await answer.textContent()).toContain('Erpressungssoftware');
      await shot(page, 'answer');
      expect(await axeViolations(page)).toEqual([]);
      const text = await page.evaluate(
        () =>
          `${document.body.textContent}\n${document.querySelector('incident-faq-assistant')?.shadowRoot?.textContent ?? ''}`,
      );
      expect(text).not.toMatch(/strasburg|uckermark|ego-mv/i);
      await expectClean(watched);
    });
  }
});
