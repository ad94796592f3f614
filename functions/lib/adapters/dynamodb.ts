import { createRequire as requireFrom } from 'node:module';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getStringFromEnv } from '../config/env.ts';
import { type TableName, tables } from '../definitions/tables.ts';

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
let client: DynamoDBDocumentClient | undefined;

/** The shared document client (created on first use, then reused). */
export function documentClient(): DynamoDBDocumentClient {
  if (!client) {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    const base = new DynamoDBClient({
      region: process.env.AWS_REGION ?? 'eu-central-1',
      ...(endpoint
        ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 2 }
        : { maxAttempts: 3 }),
    });
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
  }
  return client;
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
}

/** Every item of one partition (`pk`) of a table, following DynamoDB's pages. */
export async function queryPartition(
  name: TableName,
  pk: string,
  { newestFirst = false, consistent = false, limit }: PartitionQuery = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(name),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
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
