import { getNumberFromEnv } from '../config/env.ts';
import { ServiceUnavailableError } from '../http/errors.ts';
import type { Settings } from '../knowledge/schema.ts';
import { readMeta } from '../knowledge/store.ts';

let cached: { settings: Settings; at: number } | undefined;
let pending: Promise<Settings> | undefined;

/**
 * The published settings (caps, retention, contact), read from the knowledge META item and
 * kept for `KNOWLEDGE_CHECK_INTERVAL_MS`, so a change published by staff applies within seconds
 * without a deployment. Concurrent callers share one read.
 */
export async function publishedSettings(): Promise<Settings> {
  const maxAgeMs = getNumberFromEnv('KNOWLEDGE_CHECK_INTERVAL_MS', 5000);
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.settings;
  pending ??= readMeta()
    .then((meta) => {
      if (!meta)
        throw new ServiceUnavailableError(30, 'The service is not ready yet. Please try again later.');
      cached = { settings: meta.settings, at: Date.now() };
      return meta.settings;
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}
