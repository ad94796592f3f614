import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  browserAvailable,
  browserStack,
  expectClean,
  patience,
  requireBrowserInCi,
  screenSizes,
  settledScreenshot,
} from '../support/browser.ts';
import { fictionalTownKnowledge } from '../support/fictional-town.ts';
import { startTestStack } from '../support/stack.ts';
import { removeTempDir } from '../support/temp-dir.ts';

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
  let knowledgeDir: string | undefined;
  const env = browserStack(async () => {
    knowledgeDir = await fictionalTownKnowledge();
    return startTestStack({ knowledgeDir });
  });
  // The temp folder fictionalTownKnowledge made (the knowledge base is its `beispielstedt/`).
  afterAll(() => removeTempDir(knowledgeDir && path.dirname(knowledgeDir)));

  for (const size of sizes) {
    const shot = (page: Page, state: string) => settledScreenshot(page, `own-town-${state}-${size.name}`);

    it(`shows the town's name, colours and answers on a ${size.name}`, async () => {
      const watched = await env.open({ viewport: size.viewport });
      const { page } = watched;
      await page.goto(env.stack.url);
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
