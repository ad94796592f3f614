import { getNumberFromEnv } from '../config/env.ts';
import { ServiceUnavailableError } from '../http/errors.ts';
import type { Settings } from '../knowledge/schema.ts';
import { readMeta, readPublishedVersion } from '../knowledge/store.ts';

let cached: { settings: Settings; version: number; at: number } | undefined;
let pending: Promise<Settings> | undefined;

/**
 * The published settings (caps, retention, contact), read from the knowledge META item and
 * kept for `KNOWLEDGE_CHECK_INTERVAL_MS`, so a change published by staff applies within seconds
 * without a deployment. Concurrent callers share one read. After that interval only the version
 * is read (one small GetItem, as the ask function does); the settings themselves only when a
 * publish changed it: they carry the learned counts (about 100 KB), and reading them on every
 * escalation had cost the local tiers a tenth of their time.
 */
export async function publishedSettings(): Promise<Settings> {
  const maxAgeMs = getNumberFromEnv('KNOWLEDGE_CHECK_INTERVAL_MS', 5000);
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.settings;
  pending ??= refresh().finally(() => {
    pending = undefined;
  });
  return pending;
}

async function refresh(): Promise<Settings> {
  const known = cached;
  if (known && (await readPublishedVersion()) === known.version) {
    cached = { ...known, at: Date.now() };
    return known.settings;
  }
  const meta = await readMeta();
  if (!meta) throw new ServiceUnavailableError(30, 'The service is not ready yet. Please try again later.');
  cached = { settings: meta.settings, version: meta.version, at: Date.now() };
  return meta.settings;
}
