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
 * A value derived from the published knowledge base, kept in memory for the life of the
 * container. At most every `checkIntervalMs` it reads the version (one small GetItem); only when
 * that changed does it load the value again. Concurrent callers share one load.
 */
export function createVersionedCache<T>(options: {
  /** Read on every check, so a setting of the environment applies without a restart. */
  checkIntervalMs: () => number;
  load: () => Promise<T | undefined>;
  versionOf: (value: T) => number;
  readVersion: () => Promise<number | undefined>;
  /** The error when nothing is published yet. */
  unavailable: () => Error;
}) {
  let current: T | undefined;
  let checkedAt = 0;
  let pending: Promise<T> | undefined;

  async function reload(): Promise<T> {
    const value = await options.load();
    if (value === undefined) throw options.unavailable();
    current = value;
    checkedAt = Date.now();
    return value;
  }

  async function refresh(): Promise<T> {
    if (current === undefined) return reload();
    const known = current;
    const version = await options.readVersion();
    checkedAt = Date.now();
    return version !== undefined && version !== options.versionOf(known) ? reload() : known;
  }

  return {
    /** The current value, loaded again when a newer version was published. */
    async get(): Promise<T> {
      if (current !== undefined && Date.now() - checkedAt < options.checkIntervalMs()) return current;
      pending ??= refresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

/** The published knowledge base and its matcher (`createVersionedCache`), for the ask function. */
export function createKnowledgeCache(options: KnowledgeCacheOptions) {
  const load = options.load ?? loadPublished;
  return createVersionedCache<LoadedKnowledge>({
    checkIntervalMs: () => options.checkIntervalMs,
    load: async () => {
      const snapshot = await load();
      return snapshot && { snapshot, matcher: createMatcher(snapshot.entries, snapshot.settings) };
    },
    versionOf: (loaded) => loaded.snapshot.version,
    readVersion: options.readVersion ?? readPublishedVersion,
    unavailable: () => new KnowledgeUnavailableError(),
  });
}
