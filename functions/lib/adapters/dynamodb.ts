import { createRequire as requireFrom } from 'node:module';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DeleteCommandInput,
  DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { getOptionalStringFromEnv, getStringFromEnv } from '../config/env.ts';
import { type TableName, tables } from '../definitions/tables.ts';
import { instrumented } from '../observability/client-instrumentation.ts';

// The SDK ships CommonJS. Imported from ESM, Node first lexes every module the package index
// re-exports to find its named exports (about 25 ms of the ask function's cold start, measured
// with `npm run bench`); required, it loads them directly.
const { DynamoDBClient } = requireFrom(import.meta.url)(
  '@aws-sdk/client-dynamodb',
) as typeof import('@aws-sdk/client-dynamodb');

/**
 * The only place that creates a DynamoDB client. One client per container, reused by every
 * request. Locally `DYNAMODB_ENDPOINT` points it at the embedded database.
 */
let client: { endpoint: string | undefined; region: string; document: DynamoDBDocumentClient } | undefined;

/**
 * The shared document client (created on first use, then reused). On Lambda the environment
 * never changes, so this is one client per container. Locally a command-line tool run in the
 * same process as a test's stack (`kb import` with its own DATA_DIR) points the environment at
 * another database: the client follows it instead of writing to the previous one.
 */
export function documentClient(): DynamoDBDocumentClient {
  const endpoint = getOptionalStringFromEnv('DYNAMODB_ENDPOINT');
  const region = getStringFromEnv('AWS_REGION', 'eu-central-1');
  if (!client || client.endpoint !== endpoint || client.region !== region) {
    // X-Ray subsegments when the function imported observability/tracer.ts (all but ask).
    const base = instrumented(
      new DynamoDBClient({
        region,
        ...(endpoint
          ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 2 }
          : { maxAttempts: 3 }),
      }),
    );
    client = {
      endpoint,
      region,
      document: DynamoDBDocumentClient.from(base, {
        marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
      }),
    };
  }
  return client.document;
}

/** The physical name of a table, from its environment variable (fails fast when unset). */
export function tableName(name: TableName): string {
  return getStringFromEnv(tables[name].envVar);
}

/** Epoch seconds, the unit of DynamoDB TTL attributes. */
export function epochSeconds(date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}

/** True when an item's TTL has passed: DynamoDB deletes lazily, so reads must ignore it. */
export function isExpired(item: { expiresAt?: unknown }, now = new Date()): boolean {
  return typeof item.expiresAt === 'number' && item.expiresAt <= epochSeconds(now);
}

/** True when a conditional write was refused because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** A primary key (`pk`, `sk`): every table here has the same two string keys. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** Reads one item (undefined when absent). */
export async function getItem(
  name: TableName,
  key: ItemKey,
  options: Omit<GetCommandInput, 'TableName' | 'Key'> = {},
): Promise<Record<string, unknown> | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName(name), Key: key, ...options }),
  );
  return result.Item;
}

/** Writes one item; `options` carries a condition when the write must not overwrite blindly. */
export async function putItem(
  name: TableName,
  item: ItemKey & Record<string, unknown>,
  options: Omit<PutCommandInput, 'TableName' | 'Item'> = {},
): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: tableName(name), Item: item, ...options }));
}

/** Deletes one item (a no-op when absent, unless a condition says otherwise). */
export async function deleteItem(
  name: TableName,
  key: ItemKey,
  options: Omit<DeleteCommandInput, 'TableName' | 'Key'> = {},
): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(name), Key: key, ...options }));
}

/** Updates one item with an update expression. */
export async function updateItem(
  name: TableName,
  key: ItemKey,
  options: Omit<UpdateCommandInput, 'TableName' | 'Key'>,
): Promise<UpdateCommandOutput> {
  return documentClient().send(new UpdateCommand({ TableName: tableName(name), Key: key, ...options }));
}

/** A BatchWriteItem that still had unprocessed requests after every retry. */
export class BatchWriteIncompleteError extends Error {
  override name = 'BatchWriteIncompleteError';
  constructor(
    readonly table: TableName,
    readonly unprocessed: number,
  ) {
    super(`BatchWriteItem on ${table} left ${unprocessed} requests unprocessed after retrying`);
  }
}

export type WriteRequest =
  | { PutRequest: { Item: ItemKey & Record<string, unknown> } }
  | { DeleteRequest: { Key: ItemKey } };

export interface BatchWriteOptions {
  /** Attempts per batch of 25 before giving up with an error (default 8). */
  maxAttempts?: number;
  /** Delay before the first retry, doubled on each further retry (default 50 ms). */
  baseDelayMs?: number;
}

/**
 * Writes (puts and deletes) in batches of 25, DynamoDB's limit. Unprocessed requests (throttling
 * returns them instead of failing) are retried with exponential backoff; when some remain after
 * the last attempt this throws, because a half-applied import or clean-up must never pass as done.
 */
export async function batchWrite(
  name: TableName,
  requests: readonly WriteRequest[],
  { maxAttempts = 8, baseDelayMs = 50 }: BatchWriteOptions = {},
): Promise<void> {
  const table = tableName(name);
  for (let start = 0; start < requests.length; start += 25) {
    let pending = requests.slice(start, start + 25);
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > maxAttempts) throw new BatchWriteIncompleteError(name, pending.length);
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 2)));
      const result = await documentClient().send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
      );
      pending = (result.UnprocessedItems?.[table] ?? []) as unknown as WriteRequest[];
    }
  }
}

/** A DynamoDB attribute value in its wire form, as stream records carry item images. */
export type WireValue = {
  S?: string;
  N?: string;
  BOOL?: boolean;
  NULL?: boolean;
  M?: Record<string, WireValue>;
  L?: WireValue[];
  SS?: string[];
  NS?: string[];
};

function fromWireValue(value: WireValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL) return null;
  if (value.M) return fromStreamImage(value.M);
  if (value.L) return value.L.map(fromWireValue);
  if (value.SS) return new Set(value.SS);
  if (value.NS) return new Set(value.NS.map(Number));
  return undefined;
}

/** Turns a stream record's image (wire form) into a plain object, like the document client does. */
export function fromStreamImage(image: Record<string, WireValue> | undefined): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(image ?? {})) item[name] = fromWireValue(value);
  return item;
}

export interface PartitionQuery {
  /** Newest (highest sort key) first. */
  newestFirst?: boolean;
  consistent?: boolean;
  /** Stop after this many items. */
  limit?: number;
  /** Only sort keys in this range (inclusive), e.g. the hours of a dashboard range. */
  sortKeyBetween?: readonly [string, string];
}

/** Every item of one partition (`pk`) of a table, following DynamoDB's pages. */
export async function queryPartition(
  name: TableName,
  pk: string,
  { newestFirst = false, consistent = false, limit, sortKeyBetween }: PartitionQuery = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(name),
        KeyConditionExpression: sortKeyBetween ? 'pk = :pk AND sk BETWEEN :first AND :last' : 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(sortKeyBetween ? { ':first': sortKeyBetween[0], ':last': sortKeyBetween[1] } : {}),
        },
        ScanIndexForward: !newestFirst,
        ConsistentRead: consistent,
        ExclusiveStartKey,
        ...(limit ? { Limit: limit - items.length } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && (!limit || items.length < limit));
  return items;
}
