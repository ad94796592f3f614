// Local only: never imported by a Lambda handler, so never bundled.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/adapters/dynamodb.ts';
import { type Access, type FunctionName, functionDefinitions } from '../lib/definitions/routes.ts';
import type { TableName } from '../lib/definitions/tables.ts';

/**
 * IAM for the local platform. On AWS each function's role allows exactly the tables (and modes)
 * of its definition; locally every function shares one process and one DynamoDB client, so a
 * missing grant would pass here and fail on AWS. The local platform therefore runs each
 * invocation "as" its function (`runAs`) and a middleware on the shared client refuses every
 * command the function's definition does not grant, with the error AWS returns.
 * Calls outside any function (seeding, the kb tool, tests preparing data) are not checked:
 * on AWS they run with the deployer's or the seed function's own rights.
 */
const invocation = new AsyncLocalStorage<FunctionName>();

/** Runs `work` as an invocation of the function `name` (its grants apply to every SDK call). */
export function runAs<T>(name: FunctionName, work: () => T): T {
  return invocation.run(name, work);
}

type Mode = 'read' | 'write';

/** The IAM action of each command, as CDK's grantReadData / grantWriteData group them. */
const actions: Record<string, { action: string; mode: Mode }> = {
  GetItemCommand: { action: 'GetItem', mode: 'read' },
  GetCommand: { action: 'GetItem', mode: 'read' },
  QueryCommand: { action: 'Query', mode: 'read' },
  ScanCommand: { action: 'Scan', mode: 'read' },
  BatchGetItemCommand: { action: 'BatchGetItem', mode: 'read' },
  BatchGetCommand: { action: 'BatchGetItem', mode: 'read' },
  PutItemCommand: { action: 'PutItem', mode: 'write' },
  PutCommand: { action: 'PutItem', mode: 'write' },
  UpdateItemCommand: { action: 'UpdateItem', mode: 'write' },
  UpdateCommand: { action: 'UpdateItem', mode: 'write' },
  DeleteItemCommand: { action: 'DeleteItem', mode: 'write' },
  DeleteCommand: { action: 'DeleteItem', mode: 'write' },
  BatchWriteItemCommand: { action: 'BatchWriteItem', mode: 'write' },
  BatchWriteCommand: { action: 'BatchWriteItem', mode: 'write' },
};

const allows = (access: Access | undefined, mode: Mode) => access === 'readWrite' || access === mode;

const account = '000000000000';
const region = 'eu-central-1';

/** The error IAM gives a role without the permission (status 400, not retryable). */
export function accessDenied(functionName: string, action: string, physicalTable: string): Error {
  const principal = `arn:aws:sts::${account}:assumed-role/${functionName}-role/${functionName}`;
  const resource = `arn:aws:dynamodb:${region}:${account}:table/${physicalTable}`;
  return Object.assign(
    new Error(
      `User: ${principal} is not authorized to perform: dynamodb:${action} on resource: ${resource} ` +
        `because no identity-based policy allows the dynamodb:${action} action`,
    ),
    {
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: randomUUID(), attempts: 1, totalRetryDelay: 0 },
    },
  );
}

export interface GrantCheckOptions {
  /** Physical table names (the local database's), to know which table a command touches. */
  tableNames: Record<TableName, string>;
  /** Whose grants apply (default: the function definitions the stack deploys). */
  definitions?: Record<FunctionName, { tables: Partial<Record<TableName, Access>> }>;
  client?: DynamoDBDocumentClient;
}

/** Installs the grant check on the shared client; returns the function that removes it. */
export function installGrantChecks({
  tableNames,
  definitions = functionDefinitions,
  client = documentClient(),
}: GrantCheckOptions): () => void {
  const logicalName = new Map(
    Object.entries(tableNames).map(([name, physical]) => [physical, name as TableName]),
  );
  const name = `localGrants-${randomUUID()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const functionName = invocation.getStore();
      const command = actions[context.commandName ?? ''];
      if (!functionName || !command) return next(args);
      const input = (args.input ?? {}) as { TableName?: string; RequestItems?: Record<string, unknown> };
      const touched = input.TableName ? [input.TableName] : Object.keys(input.RequestItems ?? {});
      for (const physical of touched) {
        const table = logicalName.get(physical);
        const granted = table ? definitions[functionName].tables[table] : undefined;
        if (!allows(granted, command.mode)) throw accessDenied(functionName, command.action, physical);
      }
      return next(args);
    },
    // Outermost (before fault injection and the stream emulator): IAM refuses before anything runs.
    { step: 'initialize', name, priority: 'high' },
  );
  return () => {
    client.middlewareStack.remove(name);
  };
}
