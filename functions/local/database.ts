import { createHash, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { getOptionalStringFromEnv } from '../lib/config/env.ts';
import { type TableDefinition, type TableName, tables } from '../lib/definitions/tables.ts';

/**
 * The embedded DynamoDB-compatible database (dynalite, LevelDB on disk): no Java, no Docker.
 * Tables are created from the same definitions the CDK stack uses.
 */
export interface LocalDatabase {
  endpoint: string;
  tableNames: Record<TableName, string>;
  close(): Promise<void>;
}

/** The CreateTable input for a table definition (pay per request, like the stack). */
export function createTableInput(definition: TableDefinition, name: string): CreateTableCommandInput {
  const keys = [
    definition.partitionKey,
    definition.sortKey,
    ...(definition.indexes ?? []).flatMap((index) => [index.partitionKey, index.sortKey]),
  ].filter((key) => key !== undefined);
  const attributes = [...new Map(keys.map((key) => [key.name, key])).values()];
  const keySchema = (partition: { name: string }, sort?: { name: string }) => [
    { AttributeName: partition.name, KeyType: 'HASH' as const },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes.map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
    KeySchema: keySchema(definition.partitionKey, definition.sortKey),
    ...(definition.indexes?.length
      ? {
          GlobalSecondaryIndexes: definition.indexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}

/**
 * Starts dynalite on a free loopback port, persisting under `dataDir` (in memory when
 * `dataDir` is undefined), and creates any missing table.
 */
export async function startDatabase(dataDir: string | undefined, prefix = 'local'): Promise<LocalDatabase> {
  // `npm run test:fidelity`: the same tests against DynamoDB Local (AWS's own emulator), started
  // once by tests/support/dynamodb-local.ts. Each database gets its own table names there.
  const shared = getOptionalStringFromEnv('TEST_DYNAMODB_ENDPOINT');
  if (shared) {
    const id = dataDir
      ? createHash('sha256').update(dataDir).digest('hex').slice(0, 12)
      : randomUUID().slice(0, 12);
    const tableNames = await createTables(shared, `${prefix}-${id}`);
    return { endpoint: shared, tableNames, close: async () => {} };
  }
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(dataDir ? { path: dataDir } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const tableNames = await createTables(endpoint, prefix);
  return {
    endpoint,
    tableNames,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Creates any missing table of the definitions under `<prefix>-<name>`. */
async function createTables(endpoint: string, prefix: string): Promise<Record<TableName, string>> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tableNames = Object.fromEntries(
    Object.keys(tables).map((name) => [name, `${prefix}-${name}`]),
  ) as Record<TableName, string>;
  try {
    for (const [name, definition] of Object.entries(tables) as [TableName, TableDefinition][]) {
      try {
        await client.send(new CreateTableCommand(createTableInput(definition, tableNames[name])));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
    }
  } finally {
    client.destroy();
  }
  return tableNames;
}
