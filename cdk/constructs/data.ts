import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  type KeyDefinition,
  pointInTimeRecoveryDays,
  type TableDefinition,
  type TableName,
  tables as tableDefinitions,
} from '../../functions/lib/definitions/tables.ts';
import { pascalCase } from './naming.ts';

function attribute(key: KeyDefinition): dynamodb.Attribute {
  return {
    name: key.name,
    type: key.type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING,
  };
}

/**
 * The DynamoDB tables, one per entry of `tables` in functions/lib/definitions/tables.ts:
 * on-demand, point-in-time recovery, deletion protection, retained on stack deletion.
 */
export class DataTables extends Construct {
  readonly tables: Record<TableName, dynamodb.Table>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const created: Partial<Record<TableName, dynamodb.Table>> = {};
    for (const [name, definition] of Object.entries(tableDefinitions) as [TableName, TableDefinition][]) {
      const table = new dynamodb.Table(this, `${pascalCase(name)}Table`, {
        partitionKey: attribute(definition.partitionKey),
        ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: {
          pointInTimeRecoveryEnabled: true,
          recoveryPeriodInDays: pointInTimeRecoveryDays,
        },
        deletionProtection: true,
        encryption: dynamodb.TableEncryption.AWS_MANAGED,
        ...(definition.ttlAttribute ? { timeToLiveAttribute: definition.ttlAttribute } : {}),
        ...(definition.stream ? { stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES } : {}),
        removalPolicy: RemovalPolicy.RETAIN,
      });
      for (const index of definition.indexes ?? []) {
        table.addGlobalSecondaryIndex({
          indexName: index.indexName,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
          projectionType: dynamodb.ProjectionType.ALL,
        });
      }
      created[name] = table;
    }
    this.tables = created as Record<TableName, dynamodb.Table>;
  }

  /** The table for a definition name (throws for an unknown name, e.g. a typo in a definition). */
  table(name: string): dynamodb.Table {
    const table = (this.tables as Record<string, dynamodb.Table | undefined>)[name];
    if (!table) throw new Error(`Unknown table "${name}" (see functions/lib/definitions/tables.ts)`);
    return table;
  }
}
