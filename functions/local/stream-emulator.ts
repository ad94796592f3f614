// Local stand-in for DynamoDB Streams + the Lambda event source mapping (dynalite has no streams).
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lib/observability/logger.ts';

/** What the emulator calls with each batch: the stream function's handler. */
export type StreamConsumer = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface WatchedTable {
  /** Physical table name. */
  name: string;
  keyNames: string[];
  /** Loads the consumer on first use, as Lambda would at cold start. */
  consumer: () => Promise<StreamConsumer>;
}

export interface StreamEmulatorOptions {
  client: DynamoDBDocumentClient;
  endpoint: string;
  region: string;
  tables: WatchedTable[];
  /** The local on-failure destination: one JSON file (metadata only) per record given up on. */
  failedDir?: string;
  /** Retries after the first failed delivery, with exponential back-off from `backoffMs`. */
  retries?: number;
  backoffMs?: number;
}

/** Metadata of a record given up on, like the on-failure message Lambda sends to SQS: no images. */
export interface FailedRecord {
  eventID: string;
  eventName: string;
  tableName: string;
  keys: Record<string, AttributeValue>;
  sequenceNumber: string;
  attempts: number;
  failedAt: string;
}

export interface StreamEmulator {
  /** Resolves once every record (including those caused by the consumer's own writes) is handled. */
  drain(): Promise<void>;
  /** Replaces a table's consumer (tests inject a failing mailer this way). */
  setConsumer(tableName: string, consumer: StreamConsumer): void;
  readonly failed: FailedRecord[];
  uninstall(): void;
}

const writeCommands = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
const middlewareName = 'localStreamEmulator';

/**
 * Installs a middleware on the shared document client: for every Put/Update/Delete on a watched
 * table it reads the item before and after the write (writes to one item are serialised, as
 * DynamoDB orders a stream per item) and then, without delaying the response, delivers a
 * stream-shaped record (NEW_AND_OLD_IMAGES) to the table's consumer. Records the consumer
 * reports in `batchItemFailures` (or an invocation that throws) are retried with back-off; after
 * the last retry the record's metadata goes to the on-failure folder. BatchWriteItem and
 * transactions are not observed: the tickets code uses single-item writes only.
 */
export function installStreamEmulator(options: StreamEmulatorOptions): StreamEmulator {
  const raw = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const byName = new Map(options.tables.map((table) => [table.name, table]));
  const consumers = new Map<string, Promise<StreamConsumer>>();
  const locks = new Map<string, Promise<unknown>>();
  const chains = new Map<string, Promise<void>>();
  const pending = new Set<Promise<void>>();
  const failed: FailedRecord[] = [];
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 100;
  let sequence = 0;

  const consumerFor = (table: WatchedTable) => {
    let consumer = consumers.get(table.name);
    if (!consumer) {
      consumer = table.consumer();
      consumers.set(table.name, consumer);
    }
    return consumer;
  };

  async function readImage(tableName: string, key: Record<string, AttributeValue>) {
    const result = await raw.send(
      new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item;
  }

  /** Runs `work` after every earlier write to the same item finished. */
  function serialised<T>(lockKey: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(lockKey) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    const tail = current.catch(() => undefined);
    locks.set(lockKey, tail);
    void tail.then(() => {
      if (locks.get(lockKey) === tail) locks.delete(lockKey);
    });
    return current;
  }

  async function giveUp(table: WatchedTable, record: DynamoDBRecord, attempts: number): Promise<void> {
    const entry: FailedRecord = {
      eventID: record.eventID ?? '',
      eventName: record.eventName ?? '',
      tableName: table.name,
      keys: (record.dynamodb?.Keys ?? {}) as Record<string, AttributeValue>,
      sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
      attempts,
      failedAt: new Date().toISOString(),
    };
    failed.push(entry);
    logger.error('stream record sent to the on-failure destination', { eventID: entry.eventID, attempts });
    if (options.failedDir) {
      await mkdir(options.failedDir, { recursive: true });
      await writeFile(path.join(options.failedDir, `${entry.eventID}.json`), JSON.stringify(entry, null, 2));
    }
  }

  async function deliver(table: WatchedTable, record: DynamoDBRecord): Promise<void> {
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
      try {
        const result = await (await consumerFor(table))({ Records: [record] });
        if (!result || result.batchItemFailures.length === 0) return;
      } catch {
        // A failed invocation: the whole batch is retried, like Lambda does.
      }
    }
    await giveUp(table, record, retries + 1);
  }

  function enqueue(table: WatchedTable, lockKey: string, record: DynamoDBRecord): void {
    const previous = chains.get(lockKey) ?? Promise.resolve();
    const delivery = previous.then(() => deliver(table, record)).catch(() => undefined);
    chains.set(lockKey, delivery);
    pending.add(delivery);
    void delivery.then(() => {
      pending.delete(delivery);
      if (chains.get(lockKey) === delivery) chains.delete(lockKey);
    });
  }

  function toRecord(
    table: WatchedTable,
    keys: Record<string, AttributeValue>,
    before: Record<string, AttributeValue> | undefined,
    after: Record<string, AttributeValue> | undefined,
  ): DynamoDBRecord {
    sequence += 1;
    const eventName = !before ? 'INSERT' : after ? 'MODIFY' : 'REMOVE';
    return {
      eventID: randomUUID().replace(/-/g, ''),
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: options.region,
      eventSourceARN: `arn:aws:dynamodb:${options.region}:000000000000:table/${table.name}/stream/local`,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        Keys: keys as never,
        ...(after ? { NewImage: after as never } : {}),
        ...(before ? { OldImage: before as never } : {}),
        SequenceNumber: String(sequence).padStart(21, '0'),
        SizeBytes: JSON.stringify(after ?? before ?? {}).length,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
  }

  options.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        TableName?: string;
        Item?: Record<string, AttributeValue>;
        Key?: Record<string, AttributeValue>;
      };
      const table = input.TableName ? byName.get(input.TableName) : undefined;
      if (!table || !writeCommands.has(context.commandName ?? '')) return next(args);
      const source = context.commandName === 'PutItemCommand' ? input.Item : input.Key;
      const keys: Record<string, AttributeValue> = {};
      for (const name of table.keyNames) {
        const value = source?.[name];
        if (value) keys[name] = value;
      }
      const lockKey = `${table.name}|${JSON.stringify(keys)}`;
      return serialised(lockKey, async () => {
        const before = await readImage(table.name, keys);
        const result = await next(args);
        const after = await readImage(table.name, keys);
        if ((before || after) && JSON.stringify(before) !== JSON.stringify(after))
          enqueue(table, lockKey, toRecord(table, keys, before, after));
        return result;
      });
    },
    { step: 'build', name: middlewareName },
  );

  return {
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    setConsumer(tableName, consumer) {
      consumers.set(tableName, Promise.resolve(consumer));
    },
    failed,
    uninstall() {
      options.client.middlewareStack.remove(middlewareName);
      raw.destroy();
    },
  };
}
