import type { Access } from '../functions/lib/definitions/routes.ts';
import type { TableName } from '../functions/lib/definitions/tables.ts';

/**
 * Least privilege, written out: the DynamoDB actions each table access of a function definition
 * (functions/lib/definitions/routes.ts) grants. Taken from the code, not from CDK's grant
 * helpers, which add Scan, BatchGetItem, ConditionCheckItem, DescribeTable and, for writes,
 * DeleteItem and BatchWriteItem. Nothing here scans; `write` users only put and update.
 */
export const tableActions: Readonly<Record<Access, readonly string[]>> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Ticket erasure, draft deletion and marker clean-up delete single items.
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  ],
};

/**
 * The only (function, table) pairs that batch-write, each with where the code does it.
 * A new `batchWrite(...)` call needs an entry here, or it fails on AWS with AccessDenied.
 */
export const batchWriters: Readonly<Record<string, { tables: readonly TableName[]; reason: string }>> = {
  knowledge: {
    tables: ['analytics'],
    reason: 'functions/lib/unanswered/report.ts removeUnanswered deletes reviewed reports in batches',
  },
  'seed-knowledge': {
    tables: ['knowledge'],
    reason: 'functions/lib/knowledge/store.ts importKnowledge writes the shipped entries in batches',
  },
};

/** The actions a function gets on a table. */
export function actionsFor(functionName: string, table: TableName, access: Access): string[] {
  const batch = batchWriters[functionName]?.tables.includes(table) ? ['dynamodb:BatchWriteItem'] : [];
  return [...tableActions[access], ...batch];
}

/**
 * IAM actions that AWS offers only on `*` (no resource-level permissions), with the reason each
 * function needs them. The CDK tests fail on any other `*` resource.
 */
export const wildcardResourceActions: Readonly<Record<string, string>> = {
  'xray:PutTraceSegments': 'X-Ray tracing (Tracing.ACTIVE): X-Ray has no resource-level permissions',
  'xray:PutTelemetryRecords': 'X-Ray tracing (Tracing.ACTIVE): X-Ray has no resource-level permissions',
  'dynamodb:ListStreams': 'the tickets stream event source mapping: ListStreams takes no resource',
};
