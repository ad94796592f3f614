import { ServiceUnavailableError } from '../http/errors.ts';
import { createMatcher, type Matcher } from '../matcher/matcher.ts';
import type { KnowledgeSnapshot } from './schema.ts';
import { loadPublished, readPublishedVersion } from './store.ts';

export interface LoadedKnowledge {
  snapshot: KnowledgeSnapshot;
  matcher: Matcher;
}

export interface KnowledgeCacheOptions {
  /** How often to ask the table whether a new version was published. */
  checkIntervalMs: number;
  load?: () => Promise<KnowledgeSnapshot | undefined>;
  readVersion?: () => Promise<number | undefined>;
}

/** The table holds no published knowledge base yet (not imported): clients may retry later. */
export class KnowledgeUnavailableError extends ServiceUnavailableError {
  constructor() {
    super(30, 'The assistant is not ready yet. Please try again later.');
  }
}

/**
 * Keeps the published knowledge base and its matcher in memory for the life of the container.
 * At most every `checkIntervalMs` it reads the version (one small GetItem); only when that
 * changed does it reload the entries and rebuild the matcher. Concurrent callers share one load.
 */
export function createKnowledgeCache(options: KnowledgeCacheOptions) {
  const load = options.load ?? loadPublished;
  const readVersion = options.readVersion ?? readPublishedVersion;
  let current: LoadedKnowledge | undefined;
  let checkedAt = 0;
  let pending: Promise<LoadedKnowledge> | undefined;

  async function reload(): Promise<LoadedKnowledge> {
    const snapshot = await load();
    if (!snapshot) throw new KnowledgeUnavailableError();
    current = { snapshot, matcher: createMatcher(snapshot.entries, snapshot.settings) };
    checkedAt = Date.now();
    return current;
  }

  async function refresh(): Promise<LoadedKnowledge> {
    if (!current) return reload();
    const version = await readVersion();
    checkedAt = Date.now();
    return version !== undefined && version !== current.snapshot.version ? reload() : current;
  }

  return {
    /** The current knowledge base, refreshed when a newer version was published. */
    async get(): Promise<LoadedKnowledge> {
      if (current && Date.now() - checkedAt < options.checkIntervalMs) return current;
      pending ??= refresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
