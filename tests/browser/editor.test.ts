import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  axeViolations,
  browserAvailable,
  expectClean,
  launchBrowser,
  openPage,
  requireBrowserInCi,
  type Watched,
} from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

requireBrowserInCi();

describe.runIf(browserAvailable)('knowledge editor in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  const pages: Watched[] = [];
  const newText = 'Neuer Stand vom Abend: Der Mailserver wurde vollständig neu aufgesetzt.';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });

  afterEach(async () => {
    for (const watched of pages) await expectClean(watched);
    for (const watched of pages.splice(0)) await watched.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(sub: string, groups = ['editor']): Promise<Page> {
    const watched = await openPage(browser);
    pages.push(watched);
    const { page } = watched;
    await page.goto(`${stack.url}/editor`);
    const token = await stack.issuer.sign({ sub, groups });
    // Keyboard only: the token field has focus, Tab reaches the button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('token');
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-entry="what-happened"]').waitFor();
    return page;
  }

  async function status(page: Page, text: string): Promise<void> {
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 5000 }).toContain(text);
  }

  it('an editor changes an answer, a second editor approves and publishes, the widget shows it', async () => {
    const erika = await signIn('erika');
    expect(await axeViolations(erika)).toEqual([]);
    await erika.getByLabel('Einträge suchen').fill('Was ist passiert');
    await erika.locator('[data-entry="what-happened"]').click();
    await expect.poll(() => erika.evaluate(() => document.activeElement?.id)).toBe('editor-title');
    const answer = erika.locator('#de-answer');
    await answer.fill(`${newText}\n\n- **Wichtig:** keine Passwörter per Mail`);
    // The preview renders Markdown safely, side by side with the English text.
    await expect.poll(() => erika.locator('#de-preview strong').textContent()).toBe('Wichtig:');
    expect(await erika.locator('#en-answer').inputValue()).toContain('The town of Strasburg');
    expect(await axeViolations(erika)).toEqual([]);

    await erika.getByRole('button', { name: 'Entwurf speichern' }).click();
    await status(erika, 'Entwurf gespeichert.');
    // Try the question: the draft answers with the new text, the published base with the old.
    await erika.getByLabel('Frage', { exact: true }).last().fill('Was ist passiert?');
    await erika.getByRole('button', { name: 'Ausprobieren' }).click();
    await expect.poll(() => erika.locator('#try-results').textContent()).toContain('Neuer Stand vom Abend');
    expect(await erika.locator('#try-results .try-result').last().textContent()).toContain('Exchange');

    await erika.getByRole('button', { name: 'Zur Prüfung geben' }).click();
    await status(erika, 'Zur Prüfung gegeben.');
    // The author cannot approve their own change.
    await erika.getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => erika.locator('#error').textContent()).toContain('another editor must approve');

    const max = await signIn('max');
    await max.locator('[data-entry="what-happened"]').click();
    expect(await max.locator('#entry-status').textContent()).toContain('erika');
    await max.getByRole('button', { name: 'Freigeben' }).click();
    await status(max, 'Freigegeben.');
    await max.getByRole('button', { name: 'Veröffentlichen' }).click();
    await status(max, 'Veröffentlicht.');
    await expect
      .poll(() => max.locator('#history').textContent())
      .toContain('von erika, freigegeben von max');

    const citizen = await openPage(browser);
    pages.push(citizen);
    await citizen.page.goto(stack.url);
    await citizen.page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' }).click();
    await citizen.page.getByRole('textbox', { name: 'Ihre Frage' }).fill('Was ist passiert?');
    await citizen.page.keyboard.press('Enter');
    await expect
      .poll(() => citizen.page.locator('.msg.assistant').last().textContent(), { timeout: 10_000 })
      .toContain('Neuer Stand vom Abend');
  });

  it('works through the unanswered report', async () => {
    await fetch(`${stack.url}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        question: 'Mein Name ist Jan Muster, wann öffnet das Bürgerbüro?',
        locale: 'de',
      }),
    });
    const page = await signIn('erika');
    await page.getByRole('button', { name: 'Unbeantwortete Fragen' }).click();
    const group = page.locator('.group').filter({ hasText: 'Bürgerbüro' });
    await group.waitFor();
    expect(await group.textContent()).not.toContain('Muster');
    expect(await axeViolations(page)).toEqual([]);
    await group.getByRole('button', { name: 'Neuer Entwurf' }).click();
    await status(page, 'Entwurf angelegt.');
    expect(await page.locator('#de-question').inputValue()).toContain('Bürgerbüro');
    expect(await page.locator('#en-question').inputValue()).toContain('[Translation missing]');
  });

  it('shows the gate report when publishing would break matching, and rolls back from the history', async () => {
    // A breaking change, drafted and approved through the API.
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${stack.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as { version: number; published: { entry: Record<string, never> } };
    };
    const erikaToken = await stack.issuer.sign({ sub: 'erika', groups: ['editor'] });
    const maxToken = await stack.issuer.sign({ sub: 'max', groups: ['editor'] });
    const view = await call(erikaToken, 'GET', '/v1/knowledge/entries/clicked-link');
    const entry = view.published.entry as unknown as { de: object; en: object };
    const saved = await call(erikaToken, 'PUT', '/v1/knowledge/entries/clicked-link', {
      version: view.version,
      entry: {
        ...entry,
        de: { ...entry.de, question: 'Parkplätze am Rathaus', alternatives: [], keywords: [] },
        en: { ...entry.en, question: 'Parking at the town hall', alternatives: [], keywords: [] },
      },
    });
    await call(maxToken, 'POST', '/v1/knowledge/entries/clicked-link/approve', { version: saved.version });

    const page = await signIn('erika');
    await page.locator('[data-entry="clicked-link"]').click();
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect.poll(() => page.locator('#gate-report').textContent()).toContain('Nicht veröffentlicht');
    expect(await page.locator('#gate-report .failures li').count()).toBeGreaterThan(0);
    expect(await page.locator('#error').textContent()).toContain('Not published');
    await page.getByRole('button', { name: 'Entwurf verwerfen' }).click();
    await status(page, 'Entwurf verworfen.');

    // History of the entry published in the first test: restore the original text as a draft.
    await page.locator('[data-entry="what-happened"]').click();
    const rollback = page.locator('#history .rollback').last();
    await rollback.click();
    await status(page, 'Frühere Version als Entwurf übernommen.');
    expect(await page.locator('#de-answer').inputValue()).toContain('Sicherheitslücken im Exchange Server');
    expect(await page.locator('#entry-status').textContent()).toContain('Entwurf');
  });

  it('shows the sources below the form and the review marker on legal statements, and saving keeps them', async () => {
    const page = await signIn('erika');
    await page.locator('[data-entry="gdpr-rights"]').click();
    await page.locator('#needs-review').waitFor();
    expect(await page.locator('#needs-review').textContent()).toBe(
      'Rechtliche Aussage: Prüfung durch die Datenschutzbeauftragte ausstehend',
    );
    const sources = page.locator('#entry-sources');
    expect(await sources.locator('li').count()).toBeGreaterThanOrEqual(5);
    expect(await sources.getByRole('link', { name: 'Art. 15 DSGVO' }).getAttribute('href')).toMatch(
      /^https:\/\/eur-lex\.europa\.eu\//,
    );
    expect(await axeViolations(page)).toEqual([]);

    // The form has no source fields, yet a saved draft keeps the sources and the flag.
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await status(page, 'Entwurf gespeichert.');
    const token = await stack.issuer.sign({ sub: 'erika', groups: ['editor'] });
    const response = await fetch(`${stack.url}/v1/knowledge/entries/gdpr-rights`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const view = (await response.json()) as {
      published: { entry: { sources: unknown[] } };
      draft: { entry: { sources: unknown[]; needsReview?: boolean } };
    };
    expect(view.draft.entry.sources).toEqual(view.published.entry.sources);
    expect(view.draft.entry.needsReview).toBe(true);
    await page.getByRole('button', { name: 'Entwurf verwerfen' }).click();
    await status(page, 'Entwurf verworfen.');

    // An entry without legal statements: no marker, the notice quotes are shown.
    await page.locator('[data-entry="measures-taken"]').click();
    await expect
      .poll(() => page.locator('#entry-sources q').first().textContent())
      .toContain('Der Server wurde vollständig neu aufgesetzt');
    expect(await page.locator('#needs-review').count()).toBe(0);
  });

  it('asks for a token again when it expired', async () => {
    const watched = await openPage(browser);
    pages.push(watched);
    await watched.page.goto(`${stack.url}/editor`);
    const expired = await stack.issuer.sign({ sub: 'erika', groups: ['editor'], expiresInSeconds: -60 });
    await watched.page.getByLabel('Zugangstoken').fill(expired);
    await watched.page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => watched.page.locator('.warning').textContent()).toContain('abgelaufen');
  });
});
