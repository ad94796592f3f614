import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  axeViolations,
  browserAvailable,
  desktop,
  downloadedText,
  expectClean,
  launchBrowser,
  openPage,
  requireBrowserInCi,
  screenSizes,
  screenshotDir,
  type Watched,
  watchNetwork,
} from '../support/browser.ts';
import { expectedFigures, seedDashboardTraffic } from '../support/dashboard.ts';
import { startTestStack } from '../support/stack.ts';

requireBrowserInCi();

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe.runIf(browserAvailable)('situation dashboard page', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDashboardTraffic(stack);
    browser = await launchBrowser();
    await mkdir(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function open(viewport: { width: number; height: number }, groups = ['dpo']) {
    const watched = await openPage(browser, { viewport, acceptDownloads: true });
    const network = watchNetwork(watched.page);
    await watched.page.goto(`${stack.url}/dashboard`);
    await watched.page.getByLabel('Zugangs-Token').fill(await stack.issuer.sign({ sub: 'presse', groups }));
    return { ...watched, network };
  }

  async function signIn(page: Page) {
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.locator('#figure-asks').waitFor();
  }

  const cell = (page: Page, selector: string) => page.locator(selector).first().textContent();

  /** The page's figures, read from the key figures and the data tables. */
  async function expectSeededFigures(page: Page) {
    await poll(() => cell(page, '#figure-asks .value')).toBe(String(expectedFigures.asks));
    expect(await cell(page, '#figure-answer .value')).toBe(String(expectedFigures.answer));
    expect(await cell(page, '#figure-suggest .value')).toBe(String(expectedFigures.suggest));
    expect(await cell(page, '#figure-none .value')).toBe(String(expectedFigures.none));
    expect(await cell(page, '#figure-open-tickets .value')).toBe(String(expectedFigures.openTickets));
    expect(await cell(page, '#figure-tickets-created .value')).toBe(String(expectedFigures.ticketsCreated));
    expect(await cell(page, '#figure-tickets-answered .value')).toBe(String(expectedFigures.ticketsAnswered));
    const totals = '#questions-table tfoot td';
    expect(await cell(page, `${totals}[data-series="answer"]`)).toBe(String(expectedFigures.answer));
    expect(await cell(page, `${totals}[data-series="suggest"]`)).toBe(String(expectedFigures.suggest));
    expect(await cell(page, `${totals}[data-series="none"]`)).toBe(String(expectedFigures.none));
    expect(await cell(page, '#unanswered-table tfoot td')).toBe(String(expectedFigures.unanswered));
    for (const entry of expectedFigures.entries) {
      const row = `#entries-table tr[data-entry="${entry.entryId}"]`;
      expect(await cell(page, `${row} [data-column="answers"]`)).toBe(String(entry.answers));
      expect(await cell(page, `${row} [data-column="helpful"]`)).toBe(String(entry.helpful));
      expect(await cell(page, `${row} [data-column="notHelpful"]`)).toBe(String(entry.notHelpful));
    }
    expect(await page.locator('#entries-table tbody tr').count()).toBe(expectedFigures.entries.length);
    // Open tickets by age: the one unanswered ticket waits for less than an hour.
    expect(await cell(page, '#ages-table tbody tr:first-child td')).toBe('1');
  }

  async function expectAccessibleAndClean(watched: Watched & { network: () => string[] }) {
    // Reflow (WCAG 1.4.10): nothing wider than the window; wide tables scroll in their own box.
    const overflowing = await watched.page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((element) => !element.closest('.table-scroll, .chart-scroll'))
        .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`),
    );
    expect(overflowing).toEqual([]);
    expect(await axeViolations(watched.page)).toEqual([]);
    await expectClean(watched);
    expect(watched.network()).toEqual([]);
  }

  for (const { name, viewport } of screenSizes) {
    it(`when the press office opens it at ${name} size › shows the seeded figures in every range, in German and English`, async () => {
      const watched = await open(viewport);
      const { page } = watched;
      await page.screenshot({ path: `${screenshotDir}/dashboard-sign-in-${name}.png`, fullPage: true });
      await signIn(page);
      expect(await page.locator('h1').textContent()).toBe('Lagebild');
      await expectSeededFigures(page);
      expect(await cell(page, '#figure-median .value')).toBe('höchstens 15 Min.');
      await expectAccessibleAndClean(watched);
      await page.screenshot({ path: `${screenshotDir}/dashboard-24h-${name}.png`, fullPage: true });

      for (const [range, label] of [
        ['7d', 'Letzte 7 Tage'],
        ['30d', 'Letzte 30 Tage'],
      ] as const) {
        await page.getByLabel(label).check();
        await poll(() => page.locator('#questions-table tbody tr').count()).toBe(range === '7d' ? 7 : 30);
        await expectSeededFigures(page);
        expect(new URL(page.url()).searchParams.get('range')).toBe(range);
        await page.locator('#questions details summary').click();
        await expectAccessibleAndClean(watched);
        await page.screenshot({ path: `${screenshotDir}/dashboard-${range}-${name}.png`, fullPage: true });
      }

      await page.getByRole('link', { name: 'English' }).click();
      await page.locator('#figure-asks').waitFor();
      await poll(() => page.locator('h1').textContent()).toBe('Situation overview');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByLabel('Last 30 days').isChecked()).toBe(true);
      await poll(() => cell(page, '#figure-asks .value')).toBe(String(expectedFigures.asks));
      expect(await cell(page, '#figure-median .value')).toBe('at most 15 min');
      await expectAccessibleAndClean(watched);
      await page.screenshot({ path: `${screenshotDir}/dashboard-english-${name}.png`, fullPage: true });
      await watched.close();
    }, 180_000);
  }

  it('when the CSV is downloaded › the file adds up to the same figures', async () => {
    const watched = await open(desktop, ['editor']);
    const { page } = watched;
    await signIn(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lagebild-24h-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = (await downloadedText(download)).trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    const total = (column: string) =>
      rows.reduce((sum, row) => sum + Number(row.split(',')[columns.indexOf(column)]), 0);
    expect(total('answered')).toBe(expectedFigures.answer);
    expect(total('not_answered')).toBe(expectedFigures.none);
    await poll(() => page.locator('#status').textContent()).toBe('Die CSV-Datei wurde heruntergeladen.');
    await expectAccessibleAndClean(watched);
    await watched.close();
  }, 60_000);

  it('when the account is in neither staff group › says so in German and shows the sign-in again', async () => {
    const watched = await open(desktop, []);
    const { page } = watched;
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await poll(() => page.locator('#status').textContent()).toMatch(/gehört weder zur Gruppe/);
    await page.getByLabel('Zugangs-Token').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await watched.close();
  }, 60_000);
});
