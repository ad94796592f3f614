import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionEnvironment } from '../../functions/lib/definitions/environment.ts';
import { serviceName } from '../../functions/lib/definitions/metrics.ts';
import type { Access, FunctionDefinition } from '../../functions/lib/definitions/routes.ts';
import { type TableName, tables as tableDefinitions } from '../../functions/lib/definitions/tables.ts';
import { repoRoot } from '../paths.ts';

/** ESM bundles may still contain CommonJS dependencies that call `require`. */
const esmRequireBanner =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface AppFunctionProps {
  /** What to build: entry, description, memory, timeout (tables are bound with `bindTable`). */
  definition: Pick<FunctionDefinition, 'entry' | 'description' | 'memoryMb' | 'timeoutSeconds'>;
  environment?: FunctionEnvironment;
  /** Off by default: reserved concurrency takes capacity from the account pool. */
  reservedConcurrentExecutions?: number;
  /** esbuild `define` replacements (values are JavaScript expressions). */
  define?: Record<string, string>;
  /** @default one month */
  logRetention?: logs.RetentionDays;
}

/**
 * The one way this project builds a Lambda function: Node 22 on arm64, a minified ESM bundle
 * with source maps, X-Ray tracing, its own log group with retention, and its own role that may
 * write only to that log group (no AWS managed policy).
 */
export class AppFunction extends NodejsFunction {
  readonly functionLogGroup: logs.LogGroup;
  /** The tables bound with `bindTable`, and how (read by the nag suppressions and tests). */
  readonly boundTables: { table: dynamodb.ITable; name: TableName; access: Access }[] = [];

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const { definition } = props;
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      // Operational logs only (no personal data is logged); they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${definition.entry}`,
    });
    super(scope, id, {
      entry: path.join(repoRoot, definition.entry),
      handler: 'handler',
      description: definition.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: definition.memoryMb,
      timeout: Duration.seconds(definition.timeoutSeconds),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: serviceName,
        // Read by Node itself, not by the functions, so it is not in definitions/environment.ts.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        minify: true,
        sourceMap: true,
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
        ...(props.define ? { define: props.define } : {}),
      },
    });
    this.functionLogGroup = logGroup;
    logGroup.grantWrite(role);
  }

  /**
   * Grants exactly the given access to a table and tells the function its name through the
   * table definition's environment variable.
   */
  bindTable(table: dynamodb.ITable, tableDefinitionName: TableName, access: Access): this {
    switch (access) {
      case 'read':
        table.grantReadData(this);
        break;
      case 'write':
        table.grantWriteData(this);
        break;
      case 'readWrite':
        table.grantReadWriteData(this);
        break;
      default:
        throw new Error(`Unknown table access "${access satisfies never}"`);
    }
    this.addEnvironment(tableDefinitions[tableDefinitionName].envVar, table.tableName);
    this.boundTables.push({ table, name: tableDefinitionName, access });
    return this;
  }
}
