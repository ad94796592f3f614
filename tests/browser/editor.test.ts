import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import { recordUnanswered } from '../../functions/lib/unanswered/report.ts';
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
  screenSizes,
  screenshotBothSizes,
  type Watched,
} from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

requireBrowserInCi();

describe.runIf(browserAvailable)('knowledge editor in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  const pages: Watched[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });

  afterEach(async () => {
    expect(noise.splice(0)).toEqual([]);
    for (const watched of pages) await expectClean(watched);
    for (const watched of pages.splice(0)) await watched.close();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** Console errors and 404s of every page opened here: a page must log neither. */
  const noise: string[] = [];
  // Refusals the API is expected to answer in these tests (invalid entry, stale version, failed check)
  // appear as "Failed to load resource" console lines; anything else counts.
  const expectedRefusal = /Failed to load resource: the server responded with a status of (400|409|422)/;

  function watchNoise(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedRefusal.test(message.text())) noise.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() === 404) noise.push(`404 ${response.url()}`);
    });
  }

  /**
   * Screenshots of a state at desktop and phone width, for people to look at and for the guide.
   * `show` names what shows the state: the editor's pages are taller than a screenshot may be
   * (see `screenshotBothSizes`), and at phone size the entry list alone fills the first part.
   */
  const shoot = (page: Page, name: string, show?: string) =>
    screenshotBothSizes(page, `editor-${name}`, undefined, show);

  /** One part of the page at desktop width, small enough for the editors' guide (docs/staff/images). */
  async function shootPart(page: Page, selector: string, name: string): Promise<void> {
    await page.locator(selector).screenshot({ path: `test-results/screenshots/editor-part-${name}.png` });
  }

  async function axeBothWidths(page: Page): Promise<void> {
    for (const size of screenSizes) {
      await page.setViewportSize(size.viewport);
      expect(await axeViolations(page), size.name).toEqual([]);
    }
    await page.setViewportSize(desktop);
  }

  async function signIn(sub: string, groups = ['editor'], screenshot?: string): Promise<Page> {
    const watched = await openPage(browser, { viewport: desktop });
    pages.push(watched);
    const { page } = watched;
    watchNoise(page);
    await page.goto(`${stack.url}/editor`);
    const token = await stack.issuer.sign({ sub, groups });
    // Keyboard only: the token field has focus, Tab reaches the button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('token');
    if (screenshot) {
      await shoot(page, screenshot);
      await shootPart(page, '.sign-in', screenshot);
    }
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-entry="what-happened"]').waitFor();
    return page;
  }

  async function status(page: Page, text: string): Promise<void> {
    // Generous: requesting a review runs the quality check, and CI shares two cores.
    await expect.poll(() => page.locator('#status').textContent(), patience).toContain(text);
  }

  /** The visible text of the marked parts of the review diff (without the screen-reader marks). */
  const marked = (page: Page, tag: 'ins' | 'del') =>
    page
      .locator(`#review ${tag}`)
      .evaluateAll((nodes) =>
        nodes.map((node) => (node.lastChild?.textContent ?? '').trim()).filter(Boolean),
      );

  const oldSentence = 'Ganz ausschließen lässt es sich aber nicht.';
  const newSentence = 'Ganz ausschließen lässt sich das aber leider nicht.';
  const today = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());

  it('when an editor changes one sentence › a second editor sees exactly it marked, approves and publishes, and the widget shows it with today as Stand', async () => {
    const erika = await signIn('erika', ['editor'], 'sign-in');
    await axeBothWidths(erika);
    await erika.getByLabel('Einträge suchen').fill('Was ist passiert');
    await erika.locator('[data-entry="what-happened"]').click();
    await expect.poll(() => erika.evaluate(() => document.activeElement?.id)).toBe('editor-title');
    // The questions the entry does not answer are shown and edited like its other lists; the
    // review below lists only the answer as changed, so saving carried them through unchanged.
    const declined = erika.getByLabel('Fragen, die dieser Eintrag nicht beantwortet (eine pro Zeile)');
    expect(await declined.first().inputValue()).toContain(
      'Wurden außer dem Mailserver noch andere Systeme gehackt?',
    );
    const answer = erika.locator('#de-answer');
    const original = await answer.inputValue();
    expect(original).toContain(oldSentence);
    await answer.fill(original.replace(oldSentence, newSentence));
    await expect.poll(() => erika.locator('#de-preview').textContent()).toContain(newSentence);
    await shoot(erika, 'editing', '#de-answer');

    await erika.getByRole('button', { name: 'Entwurf speichern' }).click();
    await status(erika, 'Entwurf gespeichert.');
    await erika.getByRole('button', { name: 'Zur Prüfung geben' }).click();
    await status(erika, 'Zur Prüfung gegeben.');
    // The author never gets an enabled approve button, and the page says why, in German.
    const approve = erika.getByRole('button', { name: 'Freigeben' });
    expect(await approve.isDisabled()).toBe(true);
    expect(await erika.locator('#approve-why').textContent()).toBe(
      'Sie haben diese Änderung geschrieben: Eine andere Person muss sie freigeben.',
    );
    expect(await approve.getAttribute('aria-describedby')).toBe('approve-why');
    await shoot(erika, 'author-in-review', '.workflow');
    await shootPart(erika, '.workflow', 'author-buttons');

    const max = await signIn('max');
    await max.locator('[data-entry="what-happened"]').click();
    const review = max.locator('#review');
    await review.waitFor();
    // Exactly one field changed, and only words of that one sentence are marked.
    expect(await review.locator('.diff-field h4').allTextContents()).toEqual(['Antwort (Deutsch)']);
    const added = await marked(max, 'ins');
    const removed = await marked(max, 'del');
    expect(added.length).toBeGreaterThan(0);
    expect(removed.length).toBeGreaterThan(0);
    for (const part of added) expect(newSentence).toContain(part);
    for (const part of removed) expect(oldSentence).toContain(part);
    expect(await review.textContent()).toContain('Geändert von erika');
    expect(await review.textContent()).toContain('Zur Prüfung gegeben am');
    expect(await max.locator('#review-check').textContent()).toContain('Qualitätsprüfung bestanden');
    expect(await max.getByRole('button', { name: 'Freigeben' }).isEnabled()).toBe(true);
    // One pass over both sizes: screenshot, then axe on the same rendering.
    await screenshotBothSizes(
      max,
      'editor-review-diff',
      async (size) => {
        expect(await axeViolations(max), size.name).toEqual([]);
      },
      '#review',
    );
    await shootPart(max, '#review', 'review');
    await shootPart(max, '.workflow', 'reviewer-buttons');

    await max.getByRole('button', { name: 'Freigeben' }).click();
    await status(max, 'Freigegeben.');
    expect(await max.getByLabel('nur Formulierung geändert, Stand beibehalten').isChecked()).toBe(false);
    await max.getByRole('button', { name: 'Veröffentlichen' }).click();
    await status(max, 'Veröffentlicht.');
    await expect.poll(() => max.locator('#entry-status').textContent()).toContain(`Stand ${today}`);
    const history = max.locator('#history');
    await expect.poll(() => history.locator('li').count()).toBe(2);
    expect(await history.locator('li[data-number="2"] .version-line').textContent()).toMatch(
      /^Version 2 · veröffentlicht am .* · von erika, freigegeben von max · aktuell$/,
    );
    expect(await history.locator('li[data-number="1"] .version-line').textContent()).toBe(
      'Version 1 · aus den Wissensdateien · veröffentlicht, Stand 04.05.2021',
    );
    await shoot(max, 'published-history', '#history');
    await shootPart(max, '#history', 'history');

    const citizen = await openPage(browser);
    pages.push(citizen);
    watchNoise(citizen.page);
    await citizen.page.goto(stack.url);
    await citizen.page.getByRole('button', { name: 'Fragen zum Datenschutzvorfall' }).click();
    await citizen.page.getByRole('textbox', { name: 'Ihre Frage' }).fill('Was ist passiert?');
    await citizen.page.keyboard.press('Enter');
    const reply = citizen.page.locator('.msg.assistant').last();
    await expect.poll(() => reply.textContent(), { timeout: 10_000 }).toContain(newSentence);
    expect(await reply.textContent()).toContain(`Stand: ${today}`);

    // Erika's page is stale now: the refusal is shown in German, from the code, not the server text.
    await erika.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect
      .poll(() => erika.locator('#error').textContent(), patience)
      .toBe('Fehler: Jemand anderes hat das inzwischen geändert. Bitte laden Sie neu.');
    await shoot(erika, 'error-german', '#error');
    await shootPart(erika, '#error', 'error');
  }, 300_000);

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

  it('when a group would take an entry past 80 phrasings › says so in German and keeps the group', async () => {
    const id = 'full-of-phrasings';
    const places = ['Flur', 'Keller', 'Dachboden', 'Garten', 'Hof', 'Saal', 'Turm', 'Stall'];
    const states = ['hell', 'dunkel', 'laut', 'leise', 'warm', 'kalt', 'nass', 'trocken', 'alt', 'neu'];
    const local = (question: string, alternatives: string[] = []) => ({
      question,
      alternatives,
      keywords: [],
      answer: 'Gut.',
      tests: [],
    });
    const content: Entry = {
      id,
      kind: 'faq',
      related: [],
      de: local(
        'Wie ist das Haus am Deich?',
        places.flatMap((place) => states.map((state) => `Ist der ${place} ${state}?`)),
      ),
      en: local('What is the house on the dike like?'),
    };
    const headers = {
      authorization: `Bearer ${await stack.issuer.sign({ sub: 'erika', groups: ['editor'] })}`,
    };
    const entryUrl = `${stack.url}/v1/knowledge/entries/${id}`;
    const created = await fetch(entryUrl, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ entry: content, version: 0 }),
    });
    expect(created.status).toBe(201);
    const question = 'Wie viele Fenster hat der Leuchtturm am Deich?';
    await recordUnanswered(question, 'de', 'none', { retentionDays: 7, newPerBucketDaily: 100 });
    try {
      const page = await signIn('erika');
      await page.getByRole('button', { name: 'Unbeantwortete Fragen' }).click();
      const group = page.locator('.group').filter({ hasText: 'Leuchtturm' });
      await group.waitFor();
      await group.getByRole('combobox', { name: 'Als Formulierungen hinzufügen zu' }).selectOption(id);
      await group.getByRole('button', { name: 'Hinzufügen' }).click();
      await expect
        .poll(() => page.locator('#error').textContent(), patience)
        .toBe(
          'Fehler: Dieser Eintrag hat schon 80 andere Formulierungen (Höchstzahl 80), eine neue passt nicht mehr dazu. ' +
            'Es wurde nichts hinzugefügt. Bitte entfernen Sie zuerst Formulierungen oder fassen Sie ähnliche zusammen.',
        );
      // The group stays where it was, for after the entry was tidied up.
      expect(await group.isVisible()).toBe(true);
      await shoot(page, 'error-too-many-phrasings', '#error');
    } finally {
      const { version } = (await (await fetch(entryUrl, { headers })).json()) as { version: number };
      const removed = await fetch(`${entryUrl}/draft?version=${version}`, { method: 'DELETE', headers });
      expect(removed.status).toBe(200);
    }
  }, 180_000);

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
    const inReview = await call(erikaToken, 'POST', '/v1/knowledge/entries/clicked-link/request-review', {
      version: saved.version,
    });
    await call(maxToken, 'POST', '/v1/knowledge/entries/clicked-link/approve', { version: inReview.version });

    const page = await signIn('erika');
    await page.locator('[data-entry="clicked-link"]').click();
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect.poll(() => page.locator('#gate-report').textContent()).toContain('Nicht veröffentlicht');
    expect(await page.locator('#gate-report .failures li').count()).toBeGreaterThan(0);
    expect(await page.locator('#error').textContent()).toBe(
      'Fehler: Nicht veröffentlicht: Die Qualitätsprüfung ist nicht bestanden.',
    );
    await shoot(page, 'gate-failed', '#gate-report');
    // Discarding asks first, in the page (a <dialog>, no window.confirm); Cancel keeps the draft.
    await page.getByRole('button', { name: 'Entwurf verwerfen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Abbrechen');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'confirm-discard', 'dialog');
    await shootPart(page, 'dialog', 'confirm');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await page.locator('#entry-status').textContent()).toContain('freigegeben');
    await page.getByRole('button', { name: 'Entwurf verwerfen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwerfen' }).click();
    await status(page, 'Entwurf verworfen.');

    // History of the entry published in the first test: restore the original text as a draft.
    await page.locator('[data-entry="what-happened"]').click();
    const rollback = page.getByRole('button', { name: 'Version 1 als Entwurf zurückholen' });
    await rollback.click();
    await status(page, 'Frühere Version als Entwurf übernommen.');
    expect(await page.locator('#de-answer').inputValue()).toContain('Sicherheitslücken im Exchange Server');
    expect(await page.locator('#entry-status').textContent()).toContain('Entwurf');
  }, 180_000);

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
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, verwerfen' }).click();
    await status(page, 'Entwurf verworfen.');

    // An entry without legal statements: no marker, the notice quotes are shown.
    await page.locator('[data-entry="measures-taken"]').click();
    await expect
      .poll(() => page.locator('#entry-sources q').first().textContent(), patience)
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
  it('when staff switch to English › the editor speaks English, errors included', async () => {
    const watched = await openPage(browser, { viewport: desktop });
    pages.push(watched);
    watchNoise(watched.page);
    await watched.page.goto(`${stack.url}/editor?lang=en`);
    await watched.page
      .getByLabel('Access token')
      .fill(await stack.issuer.sign({ sub: 'erika', groups: ['editor'] }));
    await watched.page.getByRole('button', { name: 'Sign in' }).click();
    await watched.page.locator('[data-entry="passwords"]').click();
    await watched.page.locator('#history li').first().waitFor();
    expect(await watched.page.locator('#history').textContent()).toContain('from the knowledge files');
    expect(await watched.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await watched.page.locator('#de-question').fill('');
    await watched.page.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(() => watched.page.locator('#error').textContent(), patience)
      .toContain('The entry is incomplete or invalid.');
    expect(await watched.page.locator('#error').textContent()).toContain('Question (German)');
    await shoot(watched.page, 'english-invalid', '#error');
  }, 180_000);

  it('when a new phrasing is a question another entry declines › the error names that entry by its question', async () => {
    const page = await signIn('erika');
    await page.locator('[data-entry="verify-sender"]').click();
    await page.locator('#history li').first().waitFor();
    // A question `what-happened` lists as one it does not answer (its notAnswered list).
    const alternatives = page.locator('#de-alternatives');
    await alternatives.fill(
      `${await alternatives.inputValue()}\nWurden außer dem Mailserver noch andere Systeme gehackt?`,
    );
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await status(page, 'Entwurf gespeichert.');
    try {
      await page.getByRole('button', { name: 'Zur Prüfung geben' }).click();
      await expect
        .poll(() => page.locator('#error').textContent(), patience)
        .toContain('im Eintrag „Was ist passiert?“');
      expect(await page.locator('#error').textContent()).not.toContain('what-happened');
      // The status line no longer says that the check is running.
      await expect.poll(() => page.locator('#status').textContent(), patience).toBe('');
      await shoot(page, 'error-declined-elsewhere', '#error');
    } finally {
      // The draft goes again, whatever happened: the other tests start from the published entries.
      const headers = {
        authorization: `Bearer ${await stack.issuer.sign({ sub: 'erika', groups: ['editor'] })}`,
      };
      const entry = `${stack.url}/v1/knowledge/entries/verify-sender`;
      const { version } = (await (await fetch(entry, { headers })).json()) as { version: number };
      const removed = await fetch(`${entry}/draft?version=${version}`, { method: 'DELETE', headers });
      expect(removed.status).toBe(200);
    }
  }, 180_000);

  // The dashboard page comes with its own branch; listed here once it is part of the build.
  const staticPages = ['/', '/inbox', '/editor', '/privacy', '/accessibility'];
  if (existsSync(path.join(import.meta.dirname, '../../web/public/dashboard.html')))
    staticPages.push('/dashboard');

  it('when any page is opened › it logs no console error and loads nothing that is missing', async () => {
    const watched = await openPage(browser);
    pages.push(watched);
    watchNoise(watched.page);
    for (const page of staticPages) {
      const response = await watched.page.goto(`${stack.url}${page}`, { waitUntil: 'networkidle' });
      expect(response?.status(), page).toBe(200);
    }
    expect(noise).toEqual([]);
  });
});
