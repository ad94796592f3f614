import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Download,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import type { LocalStack } from '../../functions/local/stack.ts';
import { browserAvailable, chromiumOptions, chromiumPath } from './chromium.ts';

export { browserAvailable, chromiumPath };

/**
 * Shared helpers for the browser tests (playwright-core driving Debian's Chromium).
 * Where Chromium is missing the tests say so loudly and skip; under CI=true they fail instead.
 */
const inCi = process.env.CI === 'true';

if (!browserAvailable) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! Chromium not found at ${chromiumPath}: the BROWSER TESTS ARE SKIPPED.\n` +
      `!! Install it with \`apt-get install chromium\` (as .ci/run does) or set CHROMIUM_PATH.\n` +
      `!! With CI=true these tests fail instead.\n${line}\n`,
  );
}

/**
 * `BROWSER_CPU_LOG=<file>`: each browser file appends one JSON line with the CPU seconds (user +
 * system) of its test process (the tests, Playwright's client and the local stack, in-process)
 * and of its ended child processes (a Chromium it launched itself, once closed; the run's shared
 * Chromium is logged once, as "shared Chromium", by tests/support/browser-server.ts). Wall time
 * says little on a shared machine; this says where a file's CPU goes. Registered at file level,
 * so it runs after the file's own `afterAll`.
 */
const cpuLog = process.env.BROWSER_CPU_LOG;
if (cpuLog)
  afterAll(async () => {
    const stat = await readFile('/proc/self/stat', 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const seconds = (index: number) => (fields[index] ?? 0) / 100; // clock ticks (CLK_TCK 100)
    const file = expect.getState().testPath ?? 'unknown';
    const line = {
      file: file.replace(/.*\/tests\//, ''),
      testProcess: seconds(11) + seconds(12),
      chromium: seconds(13) + seconds(14),
    };
    await appendFile(cpuLog, `${JSON.stringify(line)}\n`);
  });

/** Registers a test that always runs: it fails under CI when Chromium is missing. */
export function requireBrowserInCi(): void {
  it('has Chromium available (required when CI=true)', () => {
    if (inCi) expect(browserAvailable, `Chromium is missing at ${chromiumPath}`).toBe(true);
  });
}

/** Options for `expect.poll`: generous, because CI shares two cores with other test files. */
export const patience = { timeout: 15_000, interval: 100 } as const;

/**
 * A Chromium for one test file. In the browser project it is a connection to the run's one
 * Chromium (started by tests/support/browser-server.ts): contexts of its own, closed with it,
 * since `close()` of a connected browser closes its contexts and disconnects. Elsewhere (a
 * config without that setup) it launches headless Chromium with the same flags.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = inject('browserWsEndpoint');
  return shared === undefined ? chromium.launch(chromiumOptions) : chromium.connect(shared);
}

/** What a page did that it must never do: CSP violations, dialogs, uncaught errors. */
export interface Watched {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  consoleCsp: string[];
  errors: string[];
  /** All recorded problems, including the `securitypolicyviolation` events seen in the page. */
  problems(): Promise<string[]>;
  /** Ends the test's use of the page: a pooled page is reset and kept, any other context closed. */
  close(): Promise<void>;
}

/** A page kept open between tests of one file, with what it needs to be reset. */
interface Pooled {
  context: BrowserContext;
  page: Page;
  busy: boolean;
  /** Origins the page has shown, whose storage the reset clears. */
  origins: Set<string>;
}

const pools = new WeakMap<Browser, Pooled[]>();

/** Context options a pooled page can take on without a context of its own (media: emulated per page). */
const poolable = new Set([
  'viewport',
  'locale',
  'acceptDownloads',
  'reducedMotion',
  'colorScheme',
  'forcedColors',
]);

/** Playwright's viewport when a context names none; a pooled page gets it back. */
const defaultViewport = { width: 1280, height: 720 };

/**
 * Page events test code listens to; their listeners end with the test that added them (not
 * `framenavigated`: the pool's own listener notes the origins whose storage the reset clears).
 */
const testEvents = [
  'console',
  'dialog',
  'download',
  'pageerror',
  'popup',
  'request',
  'requestfailed',
  'requestfinished',
  'response',
] as const;

/** Records CSP violations from before the first page script on (the page's policy stays strict). */
function recordCspViolations(): void {
  const record = (window as unknown as { __cspViolations: string[] }).__cspViolations ?? [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = record;
  document.addEventListener(
    'securitypolicyviolation',
    (event) => record.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    true,
  );
}

/**
 * Takes a free pooled page of this browser, or opens one. A new context costs Chromium a new
 * renderer process, and its first page load parses and compiles everything again: about 4
 * CPU-seconds each, against about 1.5 for a page that is reused (measured, see
 * docs/testing.md). The reset in `release` gives the next test what a fresh context gave it.
 */
async function acquire(browser: Browser): Promise<Pooled> {
  const pool = pools.get(browser) ?? [];
  pools.set(browser, pool);
  const free = pool.find((entry) => !entry.busy && !entry.page.isClosed());
  if (free) {
    free.busy = true;
    return free;
  }
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(recordCspViolations);
  const entry: Pooled = { context, page, busy: true, origins: new Set() };
  page.on('framenavigated', (frame) => {
    const origin = new URL(frame.url()).origin;
    if (origin.startsWith('http')) entry.origins.add(origin);
  });
  pool.push(entry);
  return entry;
}

/** Where a pooled page rests between tests: a blank document of an origin it showed (see `release`). */
export const resetPath = '/__pooled-page-reset';

const httpOrigin = (url: string): string | undefined => {
  const origin = URL.canParse(url) ? new URL(url).origin : 'null';
  return origin.startsWith('http') ? origin : undefined;
};

/**
 * Gives a pooled page back as a fresh context would be: no routes, listeners, permissions,
 * cookies, session or local storage, media emulation; on a blank document, so nothing of the
 * last test's document keeps running (polling the API, say) while the next test starts.
 */
async function release(entry: Pooled): Promise<void> {
  const { context, page } = entry;
  if (page.isClosed()) return;
  for (const event of testEvents) page.removeAllListeners(event);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.clearCookies();
  await context.clearPermissions();
  // Session and local storage belong to the tab and origin: a blank document of each origin the
  // test visited, served by a route here (no network), clears them (DevTools' DOMStorage.clear
  // refuses an origin the tab no longer shows). The page stays on the blank document of the
  // origin it showed last: the next test's first navigation is then one within that origin, and
  // the extra step to about:blank (one more navigation per test) is saved.
  const current = httpOrigin(page.url());
  if (current) entry.origins.add(current);
  const origins = [...entry.origins].sort((a, b) => Number(a === current) - Number(b === current));
  // The icon link keeps Chromium from asking the server for /favicon.ico while the page rests
  // here: that 404 would reach the next test's `watchNetwork`.
  await page.route(`**${resetPath}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>reset</title><link rel="icon" href="data:,">',
    }),
  );
  for (const origin of origins) {
    await page.goto(`${origin}${resetPath}`);
    await page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  entry.origins.clear();
  // A page that showed no web origin (a data: URL, an error page) still leaves its document.
  if (origins.length === 0 && page.url() !== 'about:blank') await page.goto('about:blank');
  await page.emulateMedia({
    media: 'screen',
    colorScheme: 'light',
    reducedMotion: 'no-preference',
    forcedColors: 'none',
  });
  entry.busy = false;
}

/**
 * Opens a page for one test that records every CSP violation (event listener injected before
 * any page script, plus console reports), every dialog (alert/confirm/prompt, dismissed at once)
 * and every uncaught error. With only a viewport, media features (and the defaults) it is a
 * pooled page of the file's browser, reset to a fresh context's state; other options (a device
 * scale factor) get a context of their own. Either way `close()` ends it.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const pooled = Object.keys(options).every((key) => poolable.has(key)) && options.locale === undefined;
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;
  if (pooled) {
    const entry = await acquire(browser);
    ({ context, page } = entry);
    await page.setViewportSize(options.viewport ?? defaultViewport);
    // The same DevTools media emulation the context options use, for this page only.
    await page.emulateMedia({
      ...(options.reducedMotion === undefined ? {} : { reducedMotion: options.reducedMotion }),
      ...(options.colorScheme === undefined ? {} : { colorScheme: options.colorScheme }),
      ...(options.forcedColors === undefined ? {} : { forcedColors: options.forcedColors }),
    });
    close = () => release(entry);
  } else {
    context = await browser.newContext({ locale: 'de-DE', ...options });
    page = await context.newPage();
    await page.addInitScript(recordCspViolations);
    close = () => context.close();
  }
  const watched: Watched = {
    page,
    context,
    dialogs: [],
    consoleCsp: [],
    errors: [],
    async problems() {
      const violations = await page
        .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => [] as string[]);
      return [
        ...violations.map((text) => `CSP violation: ${text}`),
        ...watched.consoleCsp.map((text) => `CSP console: ${text}`),
        ...watched.dialogs.map((text) => `dialog: ${text}`),
        ...watched.errors.map((text) => `page error: ${text}`),
      ];
    },
    close,
  };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) watched.consoleCsp.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  return watched;
}

/** Fails the test when the page showed a dialog, violated the CSP or threw. */
export async function expectClean(watched: Watched): Promise<void> {
  expect(await watched.problems()).toEqual([]);
}

let axeSource: string | undefined;

/**
 * Runs axe-core for WCAG 2.1 A/AA on the page (open shadow roots included) and returns the
 * violations in a readable form. The source is evaluated through the DevTools protocol, which
 * the page's CSP does not restrict, so the page under test keeps its strict policy.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluating the 650 KB source takes about as long as a run: once per document, not per check.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Let fade-ins finish first: contrast is measured on what a reader finally sees.
  await animationsSettled(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Every violation in full; passes and incomplete results summarised (less work per run).
      resultTypes: ['violations'],
    })) as {
      violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
    };
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} @ ${violation.nodes
          .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
  });
  return violations;
}

/**
 * Console errors and failed requests (4xx/5xx) of a page, as lines for an `toEqual([])`. A page
 * must log neither; `expected` lists refusals a test provokes on purpose (status codes).
 */
export function watchNetwork(page: Page, expected: readonly number[] = []): () => string[] {
  const problems: string[] = [];
  const refusal = /Failed to load resource: the server responded with a status of (\d+)/;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const status = Number(refusal.exec(message.text())?.[1]);
    if (expected.includes(status)) return;
    problems.push(`console error: ${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected.includes(response.status()))
      problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return () => problems;
}

/**
 * The text of a downloaded file. `download.path()` works only where the browser runs in this
 * process; the browser tier's files are connected to the run's one Chromium, so the file is
 * streamed over that connection instead.
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The two sizes every page and state is checked and screenshotted at. */
export const screenSizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;
export type ScreenSize = (typeof screenSizes)[number];
export const desktop = screenSizes[0].viewport;

/** Where the screenshots go, for people to look at (and, for staff pages, for the guides). */
export const screenshotDir = 'test-results/screenshots';

/**
 * Waits until every animation that ends has ended, in the page and in every shadow root (the
 * widget's progress dots blink for ever and are left alone): screenshots, layout measurements
 * and contrast checks see what a reader finally sees.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*'))
      if (element.shadowRoot) roots.push(element.shadowRoot);
    const finite = roots
      .flatMap((root) => root.getAnimations())
      .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY);
    await Promise.all(finite.map((animation) => animation.finished));
  });
}

/** A screenshot of the viewport once animations have settled, as `<screenshotDir>/<name>.png`. */
export async function settledScreenshot(page: Page, name: string): Promise<void> {
  await animationsSettled(page);
  await page.screenshot({ path: `${screenshotDir}/${name}.png` });
}

/**
 * One local stack and one Chromium for a browser test file: started in `beforeAll`, closed in
 * `afterAll`; `open` hands out pages that are given back after each test.
 */
export function browserStack(start: () => Promise<LocalStack>) {
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  const pages: Watched[] = [];
  beforeAll(async () => {
    [stack, browser] = await Promise.all([start(), launchBrowser()]);
    await mkdir(screenshotDir, { recursive: true });
  }, 120_000);
  afterEach(async () => {
    for (const watched of pages.splice(0)) await watched.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browserStack: used before beforeAll');
    return value;
  };
  return {
    get stack(): LocalStack {
      return started(stack);
    },
    get browser(): Browser {
      return started(browser);
    },
    /** A page for this test, given back (reset) after it. */
    async open(options: BrowserContextOptions = {}): Promise<Watched> {
      const watched = await openPage(started(browser), options);
      pages.push(watched);
      return watched;
    },
  };
}

/**
 * How tall a full-page screenshot may be, in viewport heights. The editor's pages grew to 8,400
 * px at desktop and 15,700 px at phone size (the entry list and three language forms), and
 * Chromium rasterised and encoded all of it for each shot: 1 to 2.6 s each. Five viewport
 * heights (3,700 px at phone size, 4,000 at desktop) keep every other page whole (the tallest
 * inbox state is 3,150 px at phone size) and a part of a long page large enough to see the
 * state in its context.
 */
const shotHeightInViewports = 5;

/**
 * Full-page screenshots of one state at desktop and phone size, as
 * `test-results/screenshots/<name>-<size>.png`; `atEachSize` runs after each shot (an axe check:
 * the phone layout is a different rendering of the same DOM). Ends at desktop size.
 *
 * A page taller than five viewport heights is shot in part: from its top, or, with `show` (a
 * selector of what shows the state, such as the review diff), from a viewport height above that
 * element when it lies further down, so the picture shows it with the page around it.
 */
export async function screenshotBothSizes(
  page: Page,
  name: string,
  atEachSize?: (size: ScreenSize, file: string) => Promise<void>,
  show?: string,
): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  for (const size of screenSizes) {
    await page.setViewportSize(size.viewport);
    const file = `${screenshotDir}/${name}-${size.name}.png`;
    await page.screenshot({ path: file, fullPage: true, clip: await shotClip(page, size, show) });
    await atEachSize?.(size, file);
  }
  await page.setViewportSize(desktop);
}

/** The part of the page a full-page shot takes (see `screenshotBothSizes`); none when it is short. */
async function shotClip(
  page: Page,
  size: ScreenSize,
  show: string | undefined,
): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  const layout = await page.evaluate((selector) => {
    const { body, documentElement: root } = document;
    // The page size Playwright takes for a full-page shot.
    const width = Math.max(
      root.scrollWidth,
      body.scrollWidth,
      root.offsetWidth,
      body.offsetWidth,
      root.clientWidth,
    );
    const height = Math.max(
      root.scrollHeight,
      body.scrollHeight,
      root.offsetHeight,
      body.offsetHeight,
      root.clientHeight,
    );
    const element =
      selector === undefined ? undefined : document.querySelector(selector)?.getBoundingClientRect();
    const shown = element && { top: element.top + window.scrollY, bottom: element.bottom + window.scrollY };
    return { width, height, found: selector === undefined || element !== undefined, shown };
  }, show);
  if (!layout.found) throw new Error(`screenshotBothSizes: nothing on the page matches ${show}`);
  const height = size.viewport.height * shotHeightInViewports;
  if (layout.height <= height) return undefined;
  const { shown } = layout;
  const y =
    shown === undefined || shown.bottom <= height
      ? 0
      : Math.round(Math.min(Math.max(shown.top - size.viewport.height, 0), layout.height - height));
  return { x: 0, y, width: layout.width, height };
}

/**
 * Signs in on a staff page (inbox, dashboard) with a token, as the sign-in section expects it:
 * opens `url`, fills the token field, presses the button. Waiting for what follows is the
 * caller's (the queue, the figures, or a refusal).
 */
export async function signInWithToken(page: Page, url: string, token: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Zugangs-Token').fill(token);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}
