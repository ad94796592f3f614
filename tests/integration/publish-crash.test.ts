import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../functions/lib/adapters/dynamodb.ts';
import type { StaffIdentity } from '../../functions/lib/auth/groups.ts';
import { entryHistory, publish } from '../../functions/lib/editing/publish.ts';
import { getDraft, getPublished } from '../../functions/lib/editing/store.ts';
import {
  deleteEntry,
  listEntries,
  readEntry,
  rollback,
  saveDraft,
} from '../../functions/lib/editing/workflow.ts';
import { createKnowledgeCache } from '../../functions/lib/knowledge/cache.ts';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import { importKnowledge, loadPublished } from '../../functions/lib/knowledge/store.ts';
import { sdkError } from '../../functions/local/faults.ts';
import type { LocalStack } from '../../functions/local/stack.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * Crash-safe publishing (issue 14, item 8). A publish is a sequence of single-item writes to
 * the knowledge table. For every crash point k the (k+1)-th write throws, as a Lambda killed
 * between two writes would leave it; then:
 * (a) every reader (a cold load, a warm ask-path cache) sees exactly the old or exactly the new
 *     published set, and they agree;
 * (b) the next read (the editor's entry list) or the next publish converges to the new set with
 *     no leftovers: no pending intent, no stray published items, the draft gone, the history one
 *     version longer and numbered without gaps;
 * (c) repeating the roll-forward changes nothing.
 */
let stack: LocalStack;
const erika: StaffIdentity = { sub: 'erika', name: 'erika', groups: ['editor'] };
const max: StaffIdentity = { sub: 'max', name: 'max', groups: ['editor'] };
let probes = 0;

beforeAll(async () => {
  stack = await startTestStack();
  // Four-eyes and the gate's verdicts are covered by editing.test.ts. Here each publish is one
  // editor's and the entries keep only their questions (no eval cases): the gate still runs on
  // every publish, but cheaply, for the many crash points. 26 entries: staging takes two batches.
  // Their answers are one short line and they name no sources: the protocol moves entries as
  // they are, and every crash point reads the whole set and the whole table several times over
  // (about 110 KB of answers and sources a set, most of the file's time in the embedded
  // database). Nor do the settings keep their word tables, never-said rules and learned counts
  // (synonyms, phrases, neverSaid, learned: 200 KB that every read and write of the settings
  // item would carry through the embedded database).
  const snapshot = await loadPublished();
  if (!snapshot) throw new Error('no knowledge base');
  const bare = (text: Entry['de'], id: string): Entry['de'] => ({
    question: text.question,
    alternatives: [],
    keywords: [],
    answer: `Answer of ${id}.`,
    tests: [],
  });
  const locales = snapshot.settings.locales.map((locale) => locale.tag);
  await importKnowledge(
    snapshot.entries.map(({ sources: _sources, ...entry }) => {
      const small: Record<string, unknown> = { ...entry };
      for (const tag of locales) if (entry[tag]) small[tag] = bare(entry[tag] as Entry['de'], entry.id);
      return small as Entry;
    }),
    {
      ...snapshot.settings,
      synonyms: { de: {}, en: {} },
      phrases: {},
      matcher: { ...snapshot.settings.matcher, neverSaid: [], learned: undefined },
      publishing: { ...snapshot.settings.publishing, fourEyes: false },
    },
    'files',
    [],
  );
});

afterAll(async () => {
  await stack?.close();
});

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'BatchWriteCommand',
]);

function writesKnowledge(commandName: string, input: Record<string, unknown>): boolean {
  if (!writeCommands.has(commandName)) return false;
  const table = tableName('knowledge');
  return input.TableName === table || Object.hasOwn((input.RequestItems ?? {}) as object, table);
}

/** Makes the (k+1)-th write to the knowledge table throw (nothing of it persisted). */
function crashAfter(k: number) {
  let writes = 0;
  let crashed = false;
  const name = `publish-crash-${randomUUID()}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (!writesKnowledge(context.commandName ?? '', (args.input ?? {}) as Record<string, unknown>))
        return next(args);
      writes += 1;
      if (writes === k + 1) {
        crashed = true;
        throw sdkError('internal');
      }
      return next(args);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return {
    get crashed() {
      return crashed;
    },
    get writes() {
      return writes;
    },
    remove: () => documentClient().middlewareStack.remove(name),
  };
}

async function publishedSet(): Promise<Entry[]> {
  const snapshot = await loadPublished();
  if (!snapshot) throw new Error('no knowledge base');
  return snapshot.entries;
}

const sorted = (entries: Entry[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));

/** Every item of the knowledge table, in key order: for "nothing changed" comparisons. */
async function tableDump(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: tableName('knowledge'), ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  const key = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}

async function rawMeta(): Promise<Record<string, unknown>> {
  const result = await documentClient().send(
    new GetCommand({
      TableName: tableName('knowledge'),
      Key: { pk: 'KB', sk: 'META' },
      ConsistentRead: true,
    }),
  );
  return (result.Item ?? {}) as Record<string, unknown>;
}

/** What a finished publish must not leave behind. */
async function expectNoLeftovers(expected: Entry[]): Promise<void> {
  const meta = await rawMeta();
  expect(Object.keys(meta).filter((name) => name.startsWith('pending'))).toEqual([]);
  const publishedItems = (await tableDump()).filter((item) => String(item.pk).startsWith('PUBLISHED'));
  // Exactly one published set is stored: no staged copy, no retired one.
  expect(new Set(publishedItems.map((item) => item.pk)).size).toBe(1);
  expect(sorted(publishedItems.map((item) => item.entry as Entry))).toEqual(expected);
}

/** A history without gaps or repeats: numbered n … 1, no two neighbours with the same content. */
async function expectCleanHistory(id: string, length: number): Promise<void> {
  const history = await entryHistory(id);
  expect(history.map((version) => version.number)).toEqual(
    Array.from({ length }, (_, index) => length - index),
  );
  for (let index = 1; index < history.length; index++) {
    const [newer, older] = [history[index - 1], history[index]];
    expect({ entry: newer?.entry, deleted: newer?.deleted }).not.toEqual({
      entry: older?.entry,
      deleted: older?.deleted,
    });
  }
}

type ChangeKind = 'update' | 'create' | 'delete' | 'rollback';

interface PreparedChange {
  id: string;
  draftVersion: number;
  before: Entry[];
  after: Entry[];
  historyBefore: number;
}

function probeEntry(template: Entry, id: string, n: number): Entry {
  return {
    ...template,
    id,
    related: [],
    de: {
      ...template.de,
      question: `Prüfnummer ${n} Quarzuhr`,
      alternatives: [],
      keywords: [`quarzuhr${n}`],
      tests: [],
    },
    en: {
      ...template.en,
      question: `Probe number ${n} quartz clock`,
      alternatives: [],
      keywords: [`quartzclock${n}`],
      tests: [],
    },
  };
}

/** Makes the draft of one change and computes the published set it must lead to. */
async function prepare(kind: ChangeKind, id: string): Promise<PreparedChange> {
  const before = await publishedSet();
  const historyBefore = (await entryHistory(id)).length;
  const byId = new Map(before.map((entry) => [entry.id, entry]));
  let draftVersion: number;
  let next: Entry | undefined;
  if (kind === 'create') {
    const template = byId.get('thanks') as Entry;
    next = probeEntry(template, id, ++probes);
    draftVersion = (await saveDraft(id, next, 0, erika)).version;
  } else if (kind === 'delete') {
    const view = await readEntry(id);
    draftVersion = (await deleteEntry(id, view.version, erika))?.version ?? -1;
  } else if (kind === 'update') {
    const view = await readEntry(id);
    const current = byId.get(id) as Entry;
    next = {
      ...current,
      en: { ...current.en, answer: `${current.en.answer.trim()}\n\nRevision ${++probes}.` },
    };
    draftVersion = (await saveDraft(id, next, view.version, erika)).version;
  } else {
    const history = await entryHistory(id);
    const target = history.find((version) => !version.current && version.entry);
    if (!target?.entry) throw new Error(`no version of ${id} to roll back to`);
    next = target.entry;
    const view = await readEntry(id);
    draftVersion = (await rollback(id, target.version, view.version, erika))?.version ?? -1;
  }
  byId.delete(id);
  if (next) byId.set(id, next);
  return { id, draftVersion, before, after: sorted([...byId.values()]), historyBefore };
}

const publishChange = (change: PreparedChange) =>
  publish(change.id, change.draftVersion, max, { keepReviewedAt: true });

/** (a): a cold load and a warm ask-path cache agree, on exactly the old or the new set. */
async function expectOldOrNew(change: PreparedChange, warm: ReturnType<typeof createKnowledgeCache>) {
  const cold = await publishedSet();
  expect([change.before, change.after]).toContainEqual(cold);
  expect((await warm.get()).snapshot.entries).toEqual(cold);
  return cold;
}

/** (b) and (c) after a crash: the next read finishes the publish, and doing it again is a no-op. */
async function expectConverged(change: PreparedChange): Promise<void> {
  await listEntries();
  expect(await publishedSet()).toEqual(change.after);
  expect(await getDraft(change.id)).toBeUndefined();
  await expectNoLeftovers(change.after);
  await expectCleanHistory(change.id, change.historyBefore + 1);
  const settled = await tableDump();
  await listEntries();
  expect(await tableDump()).toEqual(settled);
}

/**
 * Runs one change with a crash after k writes; resolves how many writes the whole publish took
 * when it did not crash (the last crash point), else undefined.
 */
async function crashOnce(kind: ChangeKind, id: string, k: number): Promise<number | undefined> {
  const change = await prepare(kind, id);
  const warm = createKnowledgeCache({ checkIntervalMs: 0 });
  await warm.get();
  const crash = crashAfter(k);
  let outcome: unknown;
  try {
    outcome = await publishChange(change);
  } catch (error) {
    outcome = error;
  } finally {
    crash.remove();
  }
  if (!crash.crashed) {
    expect(outcome).toMatchObject({ published: true });
    await expectConverged(change);
    return crash.writes;
  }
  expect((outcome as Error).name).toBe('InternalServerError');
  const seen = await expectOldOrNew(change, warm);
  if (k === 0) {
    // The very first write failed: nothing happened. The draft waits to be published again.
    expect(seen).toEqual(change.before);
    expect(await getDraft(change.id)).toMatchObject({ version: change.draftVersion });
    await expectNoLeftovers(change.before);
    await publishChange(change);
  }
  await expectConverged(change);
  return undefined;
}

describe('a publish that crashes between two writes', () => {
  // Creates make a new probe entry per crash point; the deletes then remove those probes, one
  // per crash point, so no publish is spent undoing a change between crash points.
  const scenarios: [ChangeKind, (k: number) => string][] = [
    ['update', () => 'thanks'],
    ['rollback', () => 'thanks'],
    ['create', (k) => `crash-probe-${k}`],
    ['delete', (k) => `crash-probe-${k}`],
  ];
  for (const [kind, idFor] of scenarios) {
    it(`${kind}: after every crash point readers see the old or the new set, and the next read finishes it`, async () => {
      let steps: number | undefined;
      for (let k = 0; steps === undefined; k++) {
        if (k > 40) throw new Error('publish never finished without a crash');
        if (kind === 'delete' && !(await getPublished(idFor(k)))) {
          await publishChange(await prepare('create', idFor(k)));
        }
        steps = await crashOnce(kind, idFor(k), k);
      }
      // Intent, two staging batches, history, change log, switch, draft, clean-up, release.
      expect(steps).toBeGreaterThanOrEqual(8);
    }, 180_000);
  }
});

/** Holds every publish's first write (taking the lock) until `count` of them are waiting. */
function holdIntentsUntil(count: number) {
  const waiting: (() => void)[] = [];
  const name = `hold-intents-${randomUUID()}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args.input ?? {}) as Record<string, unknown>;
      const takesLock = String(input.UpdateExpression ?? '').includes('pendingId = :id');
      if (!writesKnowledge(context.commandName ?? '', input) || !takesLock) return next(args);
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length >= count) for (const release of waiting) release();
      });
      return next(args);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return () => documentClient().middlewareStack.remove(name);
}

describe('two editors publishing at once', () => {
  it('one wins, the other gets 409 publish_conflict, and the set holds exactly the winner', async () => {
    const first = await prepare('update', 'greeting');
    const second = await prepare('update', 'goodbye');
    const release = holdIntentsUntil(2);
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled([publishChange(first), publishChange(second)]);
    } finally {
      release();
    }
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ status: 409, code: 'publish_conflict' });
    const winner = results[0]?.status === 'fulfilled' ? first : second;
    const loser = winner === first ? second : first;
    const expected = sorted([
      ...first.before.filter((entry) => entry.id !== winner.id),
      winner.after.find((entry) => entry.id === winner.id) as Entry,
    ]);
    expect(await publishedSet()).toEqual(expected);
    await expectNoLeftovers(expected);
    // The loser's draft waits; publishing it again works and keeps the winner's change.
    expect(await getDraft(loser.id)).toMatchObject({ version: loser.draftVersion });
    await publishChange(loser);
    const both = sorted([
      ...expected.filter((entry) => entry.id !== loser.id),
      loser.after.find((entry) => entry.id === loser.id) as Entry,
    ]);
    expect(await publishedSet()).toEqual(both);
    await expectNoLeftovers(both);
  });
});

/** The set after applying one change (the entry replaced, or removed when `next` is undefined). */
function applied(set: Entry[], id: string, next: Entry | undefined): Entry[] {
  return sorted([...set.filter((entry) => entry.id !== id), ...(next ? [next] : [])]);
}

/**
 * A draft for the property run. An update is made without any read that finishes a crashed
 * publish, so the publish must do it; a rollback finishes one first, by design.
 */
async function draftWithoutSettling(kind: 'update' | 'rollback', id: string) {
  if (kind === 'rollback') {
    const view = await readEntry(id);
    const target = (await entryHistory(id)).find((item) => !item.current && item.entry);
    if (target?.entry) {
      const draft = await rollback(id, target.version, view.version, erika);
      return { draftVersion: draft?.version ?? -1, next: target.entry };
    }
  }
  const [draft, current] = await Promise.all([getDraft(id), getPublished(id)]);
  const base = current?.entry as Entry;
  const next = { ...base, en: { ...base.en, answer: `${base.en.answer.trim()}\n\nRevision ${++probes}.` } };
  const version = draft?.version ?? current?.version ?? 0;
  return { draftVersion: (await saveDraft(id, next, version, erika)).version, next };
}

describe('random publishes and rollbacks with random crashes (property)', () => {
  const runs = Number(process.env.PUBLISH_CRASH_RUNS ?? 3);
  const operation = fc.record({
    kind: fc.constantFrom<'update' | 'rollback'>('update', 'rollback'),
    id: fc.constantFrom('thanks', 'greeting', 'goodbye'),
    crashAt: fc.option(fc.nat({ max: 14 }), { nil: undefined }),
  });

  it('readers only ever see whole sets, and the next operation finishes a crashed one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 2, maxLength: 4 }), async (operations) => {
        await listEntries();
        // The sets the table may hold after each operation: a crashed publish leaves two
        // candidates (it took its lock or not) until the next operation shows which.
        let candidates = [await publishedSet()];
        const ids = [...new Set(operations.map((operation) => operation.id))];
        const lengths = new Map<string, number>();
        for (const id of ids) lengths.set(id, (await entryHistory(id)).length);
        const finished = new Map<string, number>();
        const crashed = new Map<string, number>();
        for (const { kind, id, crashAt } of operations) {
          const { draftVersion, next } = await draftWithoutSettling(kind, id);
          const after = candidates.map((set) => applied(set, id, next));
          const warm = createKnowledgeCache({ checkIntervalMs: 0 });
          await warm.get();
          const crash = crashAfter(crashAt ?? Number.POSITIVE_INFINITY);
          try {
            await publish(id, draftVersion, max, { keepReviewedAt: true });
          } catch (error) {
            expect((error as Error).name).toBe('InternalServerError');
          } finally {
            crash.remove();
          }
          // (a) one whole set, the same for a cold and a warm reader.
          const visible = await publishedSet();
          expect(crash.crashed ? [...candidates, ...after] : after).toContainEqual(visible);
          expect((await warm.get()).snapshot.entries).toEqual(visible);
          const count = crash.crashed ? crashed : finished;
          count.set(id, (count.get(id) ?? 0) + 1);
          candidates = crash.crashed ? [...candidates, ...after] : after;
        }
        // (b) the next read finishes whatever is pending: one of the candidate sets, nothing left.
        await listEntries();
        const final = await publishedSet();
        expect(candidates).toContainEqual(final);
        await expectNoLeftovers(final);
        for (const id of ids) {
          const history = await entryHistory(id);
          const least = (lengths.get(id) ?? 0) + (finished.get(id) ?? 0);
          expect(history.length).toBeGreaterThanOrEqual(least);
          expect(history.length).toBeLessThanOrEqual(least + (crashed.get(id) ?? 0));
          await expectCleanHistory(id, history.length);
        }
        // (c) settling again changes nothing.
        const settled = await tableDump();
        await listEntries();
        expect(await tableDump()).toEqual(settled);
      }),
      { numRuns: runs },
    );
  }, 300_000);
});

describe('a table from before published sets', () => {
  it('is read through the old PUBLISHED partition, and the first publish moves it to a set', async () => {
    const current = await publishedSet();
    const meta = await rawMeta();
    const table = tableName('knowledge');
    const oldItems = (await tableDump()).filter(
      (item) => item.pk === `PUBLISHED#${String(meta.publishedSet).padStart(8, '0')}`,
    );
    expect(oldItems).toHaveLength(current.length);
    // The layout before sets: one PUBLISHED partition, META without a pointer.
    for (const item of oldItems) {
      await documentClient().send(new PutCommand({ TableName: table, Item: { ...item, pk: 'PUBLISHED' } }));
      await documentClient().send(new DeleteCommand({ TableName: table, Key: { pk: item.pk, sk: item.sk } }));
    }
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: 'KB', sk: 'META' },
        UpdateExpression: 'REMOVE publishedSet, publishedCount',
      }),
    );
    expect(await publishedSet()).toEqual(current);
    expect((await readEntry('greeting')).published?.entry).toEqual(
      current.find((entry) => entry.id === 'greeting'),
    );

    const change = await prepare('update', 'greeting');
    await publishChange(change);
    expect(await publishedSet()).toEqual(change.after);
    await expectNoLeftovers(change.after);
  });
});

describe('an import that stopped half-way', () => {
  it('is left to its process while young, and undone once older than any import can take', async () => {
    const before = await publishedSet();
    const meta = await rawMeta();
    const table = tableName('knowledge');
    const target = Number(meta.version) + 1;
    const targetPk = `PUBLISHED#${String(target).padStart(8, '0')}`;
    const stage = async (at: string) => {
      const intent = { id: randomUUID(), kind: 'import', baseSet: meta.publishedSet, targetSet: target, at };
      await documentClient().send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: 'KB', sk: 'META' },
          UpdateExpression: 'SET pendingId = :id, pending = :intent',
          ExpressionAttributeValues: { ':id': intent.id, ':intent': intent },
        }),
      );
      // Half of its set was written before the crash.
      await documentClient().send(
        new PutCommand({
          TableName: table,
          Item: { pk: targetPk, sk: 'thanks', entry: before[0], version: 0 },
        }),
      );
    };

    await stage(new Date().toISOString());
    await listEntries();
    expect(Object.keys(await rawMeta())).toContain('pendingId');
    expect(await publishedSet()).toEqual(before);

    await stage(new Date(Date.now() - 30 * 60_000).toISOString());
    await listEntries();
    expect(await publishedSet()).toEqual(before);
    await expectNoLeftovers(before);
  });
});
