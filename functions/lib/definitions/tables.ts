/**
 * The DynamoDB tables, defined once: the CDK stack creates them from this, the local server
 * creates the same tables in dynalite, and handlers find them through `envVar`.
 */
export interface KeyDefinition {
  name: string;
  type: 'S' | 'N';
}

export interface TableDefinition {
  /** Environment variable that carries the physical table name into a function. */
  envVar: string;
  partitionKey: KeyDefinition;
  sortKey?: KeyDefinition;
  indexes?: { indexName: string; partitionKey: KeyDefinition; sortKey?: KeyDefinition }[];
  /** Epoch-seconds attribute after which DynamoDB deletes the item; reads ignore expired items too. */
  ttlAttribute?: string;
  /** Tables whose changes trigger a function (DynamoDB stream on AWS, emulated locally). */
  stream?: boolean;
}

export const tables = {
  /** Published knowledge base, drafts, history and the version marker the ask function polls. */
  knowledge: {
    envVar: 'KNOWLEDGE_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    ttlAttribute: 'expiresAt',
  },
  /** Forwarded questions (tickets), their audit trail, idempotency records and rate counters. */
  tickets: {
    envVar: 'TICKETS_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        indexName: 'byStatus',
        partitionKey: { name: 'queueStatus', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
      },
    ],
    ttlAttribute: 'expiresAt',
    stream: true,
  },
  /** Anonymous analytics: feedback counts and the anonymised unanswered-questions report. */
  analytics: {
    envVar: 'ANALYTICS_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    ttlAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableDefinition>;

export type TableName = keyof typeof tables;

/**
 * Point-in-time recovery window of every table, in days. The privacy notice
 * (web/public/privacy.html) tells citizens that erased data leaves the backups after this long.
 */
export const pointInTimeRecoveryDays = 35;
