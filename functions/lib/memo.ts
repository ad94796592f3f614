// Remembered results, shared by the matcher (stems, synonym tables, phrase rules, analysed
// phrasings), the publish gate, the deploy's snapshot encoding and the knowledge folder's report.

/**
 * Results are remembered up to a bound: a cache at the bound is cleared and fills again (texts
 * seen once, such as questions, must not grow it without end).
 */
const memoLimit = 50_000;

/**
 * A cache that outlives its module's instance, for results that depend only on their key (a
 * word's stem, a text's terms under one synonym table, a folder's report by its content). In a
 * Lambda a module is evaluated once, and this changes nothing. The test runner evaluates the
 * project's modules anew for every test file of a worker (tests/support/shared-worker.ts), and
 * every file then warmed these caches again: about 2 CPU-seconds per local stack.
 */
export function lasting<T>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & Record<symbol, unknown>;
  const key = Symbol.for(`incident-faq/${name}`);
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}

/** The remembered result for `key`, computed on first need. */
export function memo<T>(cache: Map<string, T>, key: string, compute: () => T, limit = memoLimit): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * `memo` with one cache per owner object (a phrase rule set, a synonym table): results that hold
 * only under that owner, forgotten with it.
 */
export function memoFor<O extends object, T>(
  caches: WeakMap<O, Map<string, T>>,
  owner: O,
  key: string,
  compute: () => T,
): T {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
    perText.add(new WeakRef(cache));
  }
  return memo(cache, key, compute);
}

/**
 * The caches of `memoFor`, which hold results per text (a question rephrased, its terms), held
 * weakly so that `forgetTexts` can reach them while their owners live.
 */
const perText = lasting('per-text-caches', () => new Set<WeakRef<Map<string, unknown>>>());

/**
 * Forgets every result remembered per text, keeping those per word (stems, folded words). For a
 * fair bench: the matchers share these caches, and the one measured first filled them for the
 * rest (round 27); each is now measured with the question texts as new as in a real request.
 */
export function forgetTexts(): void {
  for (const ref of perText) {
    const cache = ref.deref();
    if (cache) cache.clear();
    else perText.delete(ref);
  }
}
