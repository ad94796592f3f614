import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import {
  axeViolations,
  browserAvailable,
  expectClean,
  launchBrowser,
  openPage,
  requireBrowserInCi,
  signInWithToken,
} from '../support/browser.ts';
import { confirmAddress, setEscalationSettings, submit } from '../support/escalations.ts';
import { readOutbox } from '../support/mail.ts';
import { request, startTestStack } from '../support/stack.ts';

requireBrowserInCi();

/** Polls page state generously: two cores are shared with other test files and Chromium. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

const payload = `<img src=x onerror="window.xssHit=1;alert(1)"> Ist mein Konto betroffen?`;

describe.runIf(browserAvailable)('DPO inbox page', () => {
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

  async function signIn(page: Page, groups = ['dpo'], sub = 'anna', expiresInSeconds = 3600): Promise<void> {
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

    expect(await page.evaluate(() => (window as unknown as { xssHit?: unknown }).xssHit ?? null)).toBeNull();
    expect(await page.locator('#app img').count()).toBe(0);
    await expectClean(watched);
    await watched.context.close();
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
    await watched.context.close();
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
    await watched.context.close();
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
    await watched.context.close();
  });
});
