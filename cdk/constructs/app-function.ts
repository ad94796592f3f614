import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionEnvironment } from '../../functions/lib/definitions/environment.ts';
import {
  dashboardCountFailedMessage,
  metricNames,
  metricNamespace,
  serviceName,
} from '../../functions/lib/definitions/metrics.ts';
import type { Access, FunctionDefinition } from '../../functions/lib/definitions/routes.ts';
import {
  type TableDefinition,
  type TableName,
  tables as tableDefinitions,
} from '../../functions/lib/definitions/tables.ts';
import { lambdaBundling } from '../lambda-bundling.ts';
import { actionsFor } from '../least-privilege.ts';
import { type BundleOptions, sharedBundle } from './shared-bundle.ts';

// Re-exported for tests/unit/esm-banner.test.ts, which imported it from here (new code: lambda-bundling.ts).
export { esmRequireBanner } from '../lambda-bundling.ts';

/**
 * The newest Node.js LTS runtime of the installed aws-cdk-lib (its esbuild target: lambda-bundling.ts).
 * The locked AWS SDK clients are bundled (not `@aws-sdk/*` external): the code runs with the
 * versions its tests ran with, not whatever the runtime ships that month; `npm run bench --
 * --only sdk` measures what it costs (docs/deploy.md, "Runtime and SDK").
 */
export const lambdaRuntime = lambda.Runtime.NODEJS_24_X;

export interface AppFunctionProps {
  /** What to build: entry, description, memory, timeout (tables are bound with `bindTable`). */
  definition: Pick<FunctionDefinition, 'entry' | 'description' | 'memoryMb' | 'timeoutSeconds'>;
  environment?: FunctionEnvironment;
  /** Off by default: reserved concurrency takes capacity from the account pool. */
  reservedConcurrentExecutions?: number;
  /**
   * esbuild `define` replacements (values are JavaScript expressions), made when the bundle is
   * built; `key` identifies them (see `BundleOptions` in shared-bundle.ts).
   */
  define?: BundleOptions['define'];
  /** @default one month */
  logRetention?: logs.RetentionDays;
}

/**
 * The one way this project builds a Lambda function: Node 24 on arm64, a minified ESM bundle
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
    // A lost dashboard count is only logged (functions/lib/dashboard/counters.ts); this filter
    // counts those lines as a metric, so no function carries a metrics library for it.
    new logs.MetricFilter(scope, `${id}DashboardCountFailed`, {
      logGroup,
      metricNamespace,
      metricName: metricNames.dashboardCountFailed,
      filterPattern: logs.FilterPattern.stringValue('$.message', '=', dashboardCountFailedMessage),
      metricValue: '1',
      dimensions: { service: '$.service' },
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${definition.entry}`,
    });
    super(scope, id, {
      // Bundled together with the other functions (cdk/constructs/shared-bundle.ts: one esbuild
      // call instead of one per function), with the options of lambda-bundling.ts.
      code: sharedBundle(definition.entry, {
        target: lambdaBundling.target,
        banner: lambdaBundling.banner,
        ...(props.define ? { define: props.define } : {}),
      }),
      handler: 'index.handler',
      description: definition.description,
      runtime: lambdaRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: definition.memoryMb,
      timeout: Duration.seconds(definition.timeoutSeconds),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      environment: {
        POWERTOOLS_SERVICE_NAME: serviceName,
        // Read by Node itself, not by the functions, so it is not in definitions/environment.ts.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    this.functionLogGroup = logGroup;
    logGroup.grantWrite(role);
  }

  /**
   * Grants exactly the actions of cdk/least-privilege.ts for the given access to a table (and
   * its indexes, for reads) and tells the function its name through the table definition's
   * environment variable. `functionName` is the definition key (it selects batch writers).
   */
  bindTable(
    table: dynamodb.ITable,
    tableDefinitionName: TableName,
    access: Access,
    functionName: string,
  ): this {
    const definition: TableDefinition = tableDefinitions[tableDefinitionName];
    const resources = [table.tableArn];
    if (access !== 'write' && definition.indexes?.length) resources.push(`${table.tableArn}/index/*`);
    this.addToRolePolicy(
      new iam.PolicyStatement({ actions: actionsFor(functionName, tableDefinitionName, access), resources }),
    );
    // The tables use AWS-owned encryption (no customer key to grant).
    this.addEnvironment(definition.envVar, table.tableName);
    this.boundTables.push({ table, name: tableDefinitionName, access });
    return this;
  }
}
