import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/**
 * Where Chromium is and how it is started, without vitest's test API: the browser tier's global
 * setup (`tests/support/browser-server.ts`) starts the run's Chromium with the same options that
 * `launchBrowser()` (`tests/support/browser.ts`) uses when it starts one of its own.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);

/** Headless Chromium with the flags that keep it quiet and offline. */
export const chromiumOptions: LaunchOptions = {
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
