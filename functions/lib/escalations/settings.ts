import { getNumberFromEnv } from '../config/env.ts';
import { ServiceUnavailableError } from '../http/errors.ts';
import { createVersionedCache } from '../knowledge/cache.ts';
import type { Settings } from '../knowledge/schema.ts';
import { readMeta, readPublishedVersion } from '../knowledge/store.ts';

const settings = createVersionedCache({
  checkIntervalMs: () => getNumberFromEnv('KNOWLEDGE_CHECK_INTERVAL_MS', 5000),
  load: readMeta,
  versionOf: (meta) => meta.version,
  readVersion: readPublishedVersion,
  unavailable: () => new ServiceUnavailableError(30, 'The service is not ready yet. Please try again later.'),
});

/**
 * The published settings (caps, retention, contact), read from the knowledge META item and
 * checked again every `KNOWLEDGE_CHECK_INTERVAL_MS`, so a change published by staff applies
 * within seconds without a deployment. A check reads the version only, as the ask function's does:
 * a load reads the settings and the learned counts (about 110 KB, an item of their own since round
 * 28), and reading them on every escalation had cost the local tiers a tenth of their CPU time.
 */
export async function publishedSettings(): Promise<Settings> {
  return (await settings.get()).settings;
}
